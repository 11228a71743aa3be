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
}

func newBusy() *busy {
	b := &busy{bar: widget.NewProgressBarInfinite(), label: widget.NewLabel("")}
	b.label.Wrapping = fyne.TextWrapWord
	b.box = container.NewVBox(b.label, b.bar)
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
	}
}

// done hides the indicator: nothing is being computed.
func (b *busy) done() {
	if b.box.Visible() {
		b.bar.Stop()
		b.box.Hide()
	}
	b.label.SetText("")
}

// Busy is what the view says it is computing, "" when it computes nothing.
func (v *View) Busy() string {
	if !v.busy.box.Visible() {
		return ""
	}
	return v.busy.label.Text
}
