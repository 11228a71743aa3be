package ui

import (
	"strings"

	"parley/app/charts"
	"parley/app/report"
)

// exportDeal saves the deal chart of the two scenarios shown: a PNG or SVG
// slide (1920×1080) or its data as CSV, by the file's extension.
func (v *positionView) exportDeal() {
	if v.ids[0] == "" || v.ids[1] == "" {
		v.message.SetText("Choose a baseline and a proposal first.")
		return
	}
	v.u.saveSlide("export the deal chart", "deal.png", v.writeDeal)
}

// writeDeal writes the deal chart to path (.png, .svg or .csv).
func (v *positionView) writeDeal(path string) error {
	return writeSlide(path, func(csv bool) (*charts.Chart, error) {
		req := report.ChartRequest{Kind: charts.Deal, Scenarios: []string{v.ids[0], v.ids[1]}, FullFootnote: csv}
		if s := strings.TrimSpace(v.asOf.Text); s != "" && len(v.res[0].Flows) > 0 {
			req.AsOf = v.res[0].AsOf
		}
		return report.Chart(v.u.sess.Workspace(), req)
	})
}

// positionSlides are the slides of the Position view's deck: both
// scenarios at a glance and compared, then the position.
var positionDeckSlides = []string{report.SlideSummary, report.SlideExposure, report.SlideCompare,
	report.SlideLeverage, report.SlideRanges, report.SlideDeal, report.SlideSources}

// exportDeck saves a deck on the two scenarios shown with the position
// slides: leverage, ranges and the deal.
func (v *positionView) exportDeck() {
	if v.ids[0] == "" || v.ids[1] == "" {
		v.message.SetText("Choose a baseline and a proposal first.")
		return
	}
	ids := []string{v.ids[0], v.ids[1]}
	if ids[0] == ids[1] {
		ids = ids[:1]
	}
	fd := v.u.exportSaveDialog("export the deck", ".pptx", func(path string) {
		v.u.saveDeck(path, ids, v.deckOptions(), nil)
	})
	fd.SetFileName("position.pptx")
	v.u.showFileDialog(fd)
}

// deckOptions are the options of the Position view's deck.
func (v *positionView) deckOptions() report.DeckOptions {
	opt := report.DeckOptions{Widescreen: true, Top: charts.DefaultTop, Slides: positionDeckSlides}
	if s := strings.TrimSpace(v.asOf.Text); s != "" && len(v.res[0].Flows) > 0 {
		opt.AsOf = v.res[0].AsOf
	}
	return opt
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
