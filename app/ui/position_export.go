package ui

import (
	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// writeDeal writes the deal chart of ids on asOf to path (.png, .svg or .csv).
func writeDeal(ws *storage.Workspace, path string, ids [2]string, asOf scenarios.Date) error {
	return writeSlide(path, func(csv bool) (*charts.Chart, error) {
		req := report.ChartRequest{Kind: charts.Deal, Scenarios: []string{ids[0], ids[1]}, FullFootnote: csv, AsOf: asOf}
		return report.Chart(ws, req)
	})
}

// positionSlides are the slides of the Position view's deck: both
// scenarios at a glance and compared, then the position.
var positionDeckSlides = []string{report.SlideSummary, report.SlideExposure, report.SlideCompare,
	report.SlideLeverage, report.SlideRanges, report.SlideDeal, report.SlideSources}

// deckOptions are the options of the Position view's deck on asOf (zero:
// each scenario on its own date).
func deckOptions(asOf scenarios.Date) report.DeckOptions {
	return report.DeckOptions{Widescreen: true, Top: charts.DefaultTop, Slides: positionDeckSlides, AsOf: asOf}
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
