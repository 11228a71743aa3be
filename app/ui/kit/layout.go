package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// BoldLabel is a label in bold: the heading of a column, a group of
// options or the field that follows.
func BoldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// ScrollOf wraps o in a vertical scroll of at least w×h.
func ScrollOf(o fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	s := container.NewVScroll(o)
	s.SetMinSize(fyne.NewSize(w, h))
	return s
}
