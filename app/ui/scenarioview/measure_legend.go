package scenarioview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// measureLegendText explains the measure table's marks.
const measureLegendText = "Italics: not in force on the date evaluated (not yet begun, ended, or not in force by its status)."

// measureLegend is the line under the measure table that says what its
// italics mean.
func measureLegend() *widget.Label {
	l := widget.NewLabelWithStyle(measureLegendText, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
