package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// boldLabel is a label in bold: the heading of a column or a group.
func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// short cuts s to at most n bytes.
func short(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
