package report_test

import (
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
)

// TestNotLikeWithLike: a comparison or deal of scenarios on different
// dates says so first in its chart's footnote and on its slides; the same
// scenarios on one day say nothing.
func TestNotLikeWithLike(t *testing.T) {
	const want = "Not like with like: Today: the regime in force is on 2026-11-22, Sectoral deal (on the August 2025 regime) on 2025-08-15"
	refs := []string{"today", "sectoral-deal-aug-2025"}
	for _, k := range []charts.Kind{charts.Compare, charts.Deal} {
		ch, err := report.Chart(shared, report.ChartRequest{Kind: k, Scenarios: refs, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if got := report.LikenessNotes(ch.Meta.Footnote); len(got) != 1 || got[0] != want || ch.Meta.Footnote[0] != want {
			t.Errorf("%s: footnote %q", k, ch.Meta.Footnote)
		}
		same, err := report.Chart(shared, report.ChartRequest{Kind: k, Scenarios: refs, Today: today, AsOf: today})
		if err != nil {
			t.Fatal(err)
		}
		if got := report.LikenessNotes(same.Meta.Footnote); len(got) != 0 {
			t.Errorf("%s on one day: %q", k, got)
		}
	}
	d, err := report.Deck(shared, refs, report.DeckOptions{Slides: []string{report.SlideCompare, report.SlideDeal}, Today: today, Widescreen: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range d.Slides {
		if strings.Contains(s.Footnote, want) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d of %d slides carry the warning", n, len(d.Slides))
	}
}
