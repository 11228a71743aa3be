package scenarioview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
)

// newDateMessage returns the line under a measure's dates that says why a
// date is refused. It always takes its one line, empty or not, so that
// showing a message never moves the fields below it.
func newDateMessage() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// checkDates says under the dates why the start or end date typed is
// refused, in the date parser's words, or nothing when both are dates.
func (f *measureForm) checkDates() {
	msg := ""
	if _, err := present.ParseDate(f.from.Text, false); err != nil {
		msg = "Start: " + err.Error()
	} else if _, err := present.ParseDate(f.to.Text, true); err != nil {
		msg = "End: " + err.Error()
	}
	if f.dateMsg.Text != msg {
		f.dateMsg.SetText(msg)
	}
}
