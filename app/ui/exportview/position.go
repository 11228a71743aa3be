package exportview

import (
	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// Position is what the Position view exports: the baseline and the
// proposal, and the date both are evaluated on (zero: each scenario's own).
type Position struct {
	Baseline, Proposal string
	AsOf               scenarios.Date
}

// SaveDeal asks where to save the deal chart of p, then saves it: a PNG or
// SVG slide (1920×1080) or its data as CSV, by the file's extension.
func SaveDeal(env Env, p Position) {
	ws := env.Sess.Workspace()
	saveSlide(env.Nav, "export the deal chart", "deal.png", func(path string) error {
		return WriteDeal(ws, path, p)
	})
}

// WriteDeal writes the deal chart of p to path (.png, .svg or .csv). It
// may run on any goroutine.
func WriteDeal(ws *storage.Workspace, path string, p Position) error {
	return writeSlide(path, func(csv bool) (*charts.Chart, error) {
		req := report.ChartRequest{Kind: charts.Deal, Scenarios: []string{p.Baseline, p.Proposal}, FullFootnote: csv, AsOf: p.AsOf}
		return report.Chart(ws, req)
	})
}

// PositionDeckSlides are the slides of the Position view's deck: both
// scenarios at a glance and compared, then the position.
var PositionDeckSlides = []string{report.SlideSummary, report.SlideExposure, report.SlideCompare,
	report.SlideLeverage, report.SlideRanges, report.SlideDeal, report.SlideSources}

// SavePositionDeck asks where to save a deck on the two scenarios of p
// with the position slides (leverage, ranges and the deal), then saves it.
func SavePositionDeck(env Env, p Position) {
	ids := []string{p.Baseline, p.Proposal}
	if ids[0] == ids[1] {
		ids = ids[:1]
	}
	env.Nav.SaveAs("export the deck", ".pptx", "position.pptx", "", func(path string) {
		SaveDeck(env, path, ids, PositionDeckOptions(p.AsOf), nil)
	})
}

// PositionDeckOptions are the options of the Position view's deck on the
// date asOf (zero: each scenario's own).
func PositionDeckOptions(asOf scenarios.Date) report.DeckOptions {
	return report.DeckOptions{Widescreen: true, Top: charts.DefaultTop, Slides: PositionDeckSlides, AsOf: asOf}
}

// defaultSlideLabels returns the labels of the slides checked when the
// deck dialog opens: all but the leverage and ranges slides, which are
// asked for (the deal slide is in every deck of two or more scenarios).
func defaultSlideLabels(all []string) []string {
	var out []string
	for _, l := range all {
		if l != slideLabels[report.SlideLeverage] && l != slideLabels[report.SlideRanges] {
			out = append(out, l)
		}
	}
	return out
}
