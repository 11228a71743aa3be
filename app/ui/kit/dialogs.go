package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ErrorLabel is an inline error message, word-wrapped, hidden while empty.
func ErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// DialogSize is the size of a dialog that wants w×h units in win: at most
// 95% of the window's canvas either way, so that it never hides its edges.
func DialogSize(win fyne.Window, w, h float32) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(min(w, s.Width*0.95), min(h, s.Height*0.95))
}

// SetError shows msg in an ErrorLabel, or hides the label when msg is "".
func SetError(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}
