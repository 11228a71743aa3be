package positionview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// busy says what the view is computing, with a moving bar, over the last
// result, which stays shown; it is hidden when nothing is computed.
type busy struct {
	bar   *widget.ProgressBarInfinite
	label *widget.Label
	box   *fyne.Container
	// in is what box is laid out in: shown or hidden, box changes its
	// layout.
	in fyne.CanvasObject
}

// busyBarWidth is the width of the busy indicator's bar, in Fyne units.
const busyBarWidth = 160

func newBusy() *busy {
	b := &busy{bar: widget.NewProgressBarInfinite(), label: widget.NewLabel("")}
	// One row, so that the charts keep their room: the text (cut short
	// with an ellipsis in a narrow window), then the bar.
	b.label.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewGridWrap(fyne.NewSize(busyBarWidth, b.bar.MinSize().Height), b.bar)
	b.box = container.NewBorder(nil, nil, nil, bar, b.label)
	b.bar.Stop()
	b.box.Hide()
	return b
}

// start says that what is being computed.
func (b *busy) start(what string) {
	b.label.SetText(what)
	if !b.box.Visible() {
		b.box.Show()
		b.bar.Start()
		b.relayout()
	}
}

// done hides the indicator: nothing is being computed.
func (b *busy) done() {
	if b.box.Visible() {
		b.bar.Stop()
		b.box.Hide()
		b.relayout()
	}
	b.label.SetText("")
}

// relayout lays out what box is in again, with or without it.
func (b *busy) relayout() {
	if b.in != nil {
		b.in.Refresh()
	}
}

// Busy is what the view says it is computing, "" when it computes nothing.
func (v *View) Busy() string {
	if !v.busy.box.Visible() {
		return ""
	}
	return v.busy.label.Text
}
