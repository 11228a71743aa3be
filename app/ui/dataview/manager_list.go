package dataview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newManagerList is the list of a manager dialog (the trade datasets, the
// product lists): a row of two lines per item, its name in bold over a
// caption, both cut with an ellipsis. row gives item i's lines; selected
// is called with the item selected, or -1 when none is.
func newManagerList(count func() int, row func(i int) (name, caption string), selected func(i int)) *widget.List {
	l := widget.NewList(count, func() fyne.CanvasObject {
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		about := widget.NewLabel("")
		about.Truncation = fyne.TextTruncateEllipsis
		about.SizeName = theme.SizeNameCaptionText
		return container.NewVBox(name, about)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		name, caption := row(i)
		box.Objects[0].(*widget.Label).SetText(name)
		box.Objects[1].(*widget.Label).SetText(caption)
	})
	l.OnSelected = func(i widget.ListItemID) { selected(i) }
	l.OnUnselected = func(widget.ListItemID) { selected(-1) }
	return l
}
