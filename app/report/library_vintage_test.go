package report_test

import (
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
)

// Every chart, CSV and slide footnote states the measure library's vintage,
// and that a scenario was not re-based on a newer library.
func TestFootnotesStateLibraryVintage(t *testing.T) {
	ws := newWorkspace(t)
	const full = `Measure library: as of 2026-10-10, pack "Parley built-in measure library" by Parley.`
	check := func(t *testing.T, want, wantFull string) {
		t.Helper()
		ch, err := report.Chart(ws, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"today"}, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if foot := strings.Join(ch.Meta.Footnote, "\n"); !strings.Contains(foot, want) {
			t.Errorf("chart footnote lacks %q:\n%s", want, foot)
		}
		ch, err = report.Chart(ws, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"today"}, Today: today, FullFootnote: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, comments := chartCSV(t, ch); !strings.Contains(strings.Join(comments, "\n"), wantFull) {
			t.Errorf("CSV comments lack %q:\n%s", wantFull, strings.Join(comments, "\n"))
		}
		d, err := report.Deck(ws, []string{"today"}, report.DeckOptions{Slides: []string{report.SlideExposure, report.SlideSources}, Today: today, Created: created})
		if err != nil {
			t.Fatal(err)
		}
		if foot := d.Slides[0].Footnote; !strings.Contains(foot, want) {
			t.Errorf("slide footnote lacks %q:\n%s", want, foot)
		}
		if src := strings.Join(d.Sources, "\n"); !strings.Contains(src, wantFull) {
			t.Errorf("sources slide lacks %q:\n%s", wantFull, src)
		}
	}
	t.Run("built-in library", func(t *testing.T) { check(t, "Measure library: as of 2026-10-10", full) })

	p, err := ws.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Title, p.Info.Publisher, p.Info.Vintage = "Steel watch", "Ministry", "2026-12-06"
	if _, err := ws.ImportLibrary(p); err != nil {
		t.Fatal(err)
	}
	t.Run("not re-based", func(t *testing.T) {
		check(t, "Measure library: this scenario's measures as of 2026-10-10",
			`Measure library: this scenario's measures as of 2026-10-10, not re-based on the library as of 2026-12-06, pack "Steel watch" by Ministry.`)
	})
}
