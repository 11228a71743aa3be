package scenarioview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// measureLegendText explains the measure table's marks and how to widen
// its columns.
const measureLegendText = "Italics: not in force on the date evaluated (not yet begun, ended, or not in force by its status). " +
	"Drag the edge of a column's title to widen it."

// measureLegend is the line under the measure table that says what its
// italics mean and how to widen a column.
func measureLegend() *widget.Label {
	l := widget.NewLabelWithStyle(measureLegendText, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
