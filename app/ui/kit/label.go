package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SetLabel updates a label, redrawing it only when something changed:
// shaping text is the costly part of refreshing tables.
func SetLabel(l *widget.Label, text string, align fyne.TextAlign, style fyne.TextStyle, imp widget.Importance) {
	if l.Text == text && l.Alignment == align && l.TextStyle == style && l.Importance == imp {
		return
	}
	l.Alignment, l.TextStyle, l.Importance = align, style, imp
	l.SetText(text)
}
