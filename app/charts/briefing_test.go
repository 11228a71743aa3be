package charts_test

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// TestZeroSectorsHidden checks that exposure and comparison charts leave out
// the sectors with nothing to show, say so in a footnote, and keep them with
// Meta.AllSectors.
func TestZeroSectorsHidden(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	nonzero := 0
	for _, f := range res.DirectionFlows(scenarios.CAtoUS) {
		if f.Duty != 0 || f.TradeChange != 0 {
			nonzero++
		}
	}
	hidden := len(fixtureSectors) - nonzero
	if hidden == 0 {
		t.Fatal("the fixture has no sector without duty")
	}
	cmp, err := charts.NewCompare([]scenarios.Result{res, m.Evaluate(sectoralDeal(), aug.AsOf)}, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{Title: "c"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		chart *charts.Chart
		rows  int
		note  bool
	}{
		{"exposure", charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{Title: "e"}), nonzero, true},
		{"exposure all sectors", charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{Title: "e", AllSectors: true}), len(fixtureSectors), false},
		{"exposure top 5", charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 5, charts.Meta{Title: "e"}), 6, true},
		{"exposure top n-1", charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, nonzero-1, charts.Meta{Title: "e"}), nonzero, true},
		{"compare", cmp, nonzero, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, rows, comments := readCSV(t, tc.chart)
			if len(rows) != tc.rows {
				t.Errorf("%d rows, want %d", len(rows), tc.rows)
			}
			for _, r := range rows {
				if r[1] == "All other (1 sector)" {
					t.Errorf("a bar sums one sector: %v", r)
				}
			}
			note := strings.Contains(strings.Join(tc.chart.Notes(), "\n"), "with no duty at stake")
			if note != tc.note {
				t.Errorf("notes %q: hidden-sector note %v, want %v", tc.chart.Notes(), note, tc.note)
			}
			_ = comments
		})
	}
}

// TestUpperBoundTotals checks that totals that are upper bounds carry "≤"
// in the chart's key figures and in a comparison's legend (CSV comments
// repeat the summary).
func TestUpperBoundTotals(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	if !res.Totals[scenarios.CAtoUS.Index()].UpperBound {
		t.Fatal("the fixture's total is not an upper bound")
	}
	ex := charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 10, charts.Meta{Title: "e"})
	if s := ex.Summary(); !strings.Contains(s, "Total duty at stake ≤ US$") {
		t.Errorf("summary %q lacks the ≤ mark", s)
	}
	th := m.Evaluate(threat(), threat().AsOf)
	ex = charts.NewExposure(th, scenarios.CAtoUS, m.Sectors, 10, charts.Meta{Title: "e"})
	if s := ex.Summary(); strings.Contains(s, "≤") {
		t.Errorf("summary %q of a scenario without upper bounds has ≤", s)
	}
}

// TestDarkTheme checks that a chart drawn in the dark theme has the dark
// background and light text, that the light theme (files) stays white, and
// that WithTheme leaves the original chart alone.
func TestDarkTheme(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	light := charts.NewExposure(m.Evaluate(aug, aug.AsOf), scenarios.CAtoUS, m.Sectors, 10, meta("Duty at stake", "sub"))
	dark := light.WithTheme(charts.Dark)
	if light.Theme() != charts.Light || dark.Theme() != charts.Dark {
		t.Fatalf("themes %v and %v", light.Theme(), dark.Theme())
	}
	size := charts.Size{W: 800, H: 450}
	for _, tc := range []struct {
		chart  *charts.Chart
		corner color.RGBA
		textHi bool // text brighter than the background
	}{
		{light, color.RGBA{255, 255, 255, 255}, false},
		{dark, color.RGBA{0x17, 0x17, 0x18, 255}, true},
	} {
		for _, render := range []func() (image.Image, error){
			func() (image.Image, error) { return tc.chart.Image(size, 1) },
			func() (image.Image, error) { return tc.chart.ScreenImage(size, 1) },
		} {
			img, err := render()
			if err != nil {
				t.Fatal(err)
			}
			if got := color.RGBAModel.Convert(img.At(1, 1)).(color.RGBA); got != tc.corner {
				t.Errorf("%v: corner %v, want %v", tc.chart.Theme(), got, tc.corner)
			}
			// The title's pixels are the extreme of the top band.
			var lum []int
			for y := 10; y < 60; y++ {
				for x := 20; x < 300; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					lum = append(lum, int(r+g+b)/3>>8)
				}
			}
			lo, hi := slices.Min(lum), slices.Max(lum)
			bg := int(tc.corner.R)
			if tc.textHi && hi < bg+150 {
				t.Errorf("dark: brightest title pixel %d, background %d: no light text", hi, bg)
			}
			if !tc.textHi && lo > bg-150 {
				t.Errorf("light: darkest title pixel %d: no dark text", lo)
			}
		}
	}
}

// TestCompareDelta checks the chart of differences from the first scenario:
// the rows are the differences, largest first; sectors that do not differ
// are left out; the marks follow which figures are upper bounds.
func TestCompareDelta(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	a, b := m.Evaluate(aug, aug.AsOf), m.Evaluate(sectoralDeal(), aug.AsOf)
	ch, err := charts.NewCompareDelta([]scenarios.Result{a, b}, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{Title: "d"})
	if err != nil {
		t.Fatal(err)
	}
	header, rows, _ := readCSV(t, ch)
	diff := col(t, header, rows, "difference_usd: "+b.Scenario)
	want := 0
	for _, f := range a.DirectionFlows(scenarios.CAtoUS) {
		g, _ := b.Flow(scenarios.CAtoUS, f.Sector)
		if g.Duty != f.Duty {
			want++
		}
	}
	if len(rows) != want || want == 0 {
		t.Fatalf("%d rows, want the %d sectors that differ", len(rows), want)
	}
	for i := range diff {
		if i > 0 && abs(diff[i]) > abs(diff[i-1]) {
			t.Errorf("row %d: not sorted by the size of the difference", i+1)
		}
		f, _ := a.Flow(scenarios.CAtoUS, rows[i][0])
		g, _ := b.Flow(scenarios.CAtoUS, rows[i][0])
		if diff[i] != g.Duty-f.Duty {
			t.Errorf("%s: difference %v, want %v", rows[i][0], diff[i], g.Duty-f.Duty)
		}
	}
	if s := ch.Summary(); !strings.Contains(s, "Difference in duty at stake from") || !strings.Contains(s, "−US$") {
		t.Errorf("summary %q", s)
	}
	if _, err := ch.Image(charts.Size{W: 900, H: 500}, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b bool
		want string
	}{{false, false, ""}, {false, true, "≤"}, {true, false, "≥"}, {true, true, "≈"}} {
		if got := charts.DeltaMark(tc.a, tc.b); got != tc.want {
			t.Errorf("DeltaMark(%v, %v) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
