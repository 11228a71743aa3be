package ui

import (
	"strings"

	"parley/app/report"
	"parley/app/ui/exportview"
	"parley/scenarios"
)

// The Position view's exports are exportview's; these methods hand it the
// two scenarios shown and their date.

// positionDeckSlides are the slides of the Position view's deck.
var positionDeckSlides = exportview.PositionDeckSlides

// position returns the two scenarios shown and the date they are
// evaluated on (zero: each its own), false with a message when one is
// missing.
func (v *positionView) position() (exportview.Position, bool) {
	if v.ids[0] == "" || v.ids[1] == "" {
		v.message.SetText("Choose a baseline and a proposal first.")
		return exportview.Position{}, false
	}
	return exportview.Position{Baseline: v.ids[0], Proposal: v.ids[1], AsOf: v.asOfShown()}, true
}

// asOfShown is the date typed in the As of field once the scenarios were
// evaluated on it, zero otherwise.
func (v *positionView) asOfShown() scenarios.Date {
	if s := strings.TrimSpace(v.asOf.Text); s != "" && len(v.res[0].Flows) > 0 {
		return v.res[0].AsOf
	}
	return scenarios.Date{}
}

// exportDeal saves the deal chart of the two scenarios shown.
func (v *positionView) exportDeal() {
	if p, ok := v.position(); ok {
		exportview.SaveDeal(v.u.exportEnv(), p)
	}
}

// writeDeal writes the deal chart to path (.png, .svg or .csv).
func (v *positionView) writeDeal(path string) error {
	return exportview.WriteDeal(v.u.sess.Workspace(), path,
		exportview.Position{Baseline: v.ids[0], Proposal: v.ids[1], AsOf: v.asOfShown()})
}

// exportDeck saves a deck on the two scenarios shown with the position
// slides.
func (v *positionView) exportDeck() {
	if p, ok := v.position(); ok {
		exportview.SavePositionDeck(v.u.exportEnv(), p)
	}
}

// deckOptions are the options of the Position view's deck.
func (v *positionView) deckOptions() report.DeckOptions {
	return exportview.PositionDeckOptions(v.asOfShown())
}
