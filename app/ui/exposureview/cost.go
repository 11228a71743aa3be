package exposureview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/scenarios"
)

// exposureCost says, under the exposure totals, which figure answers "what
// does it cost Canada" (lost exports: the trade effect into the US, with
// its range) and which "what US importers pay" (duty at stake).
type exposureCost struct {
	label *widget.Label
}

func newExposureCost() *exposureCost {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return &exposureCost{label: l}
}

// show writes the two sentences for totals into the US t, with the P10–P90
// of bands when they are shown (nil: the low–high elasticity range).
func (c *exposureCost) show(t scenarios.Totals, bands *scenarios.MonteCarloResult, year int) {
	if text := present.CostText(t, bands, year); text != c.label.Text {
		c.label.SetText(text)
	}
}
