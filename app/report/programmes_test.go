package report_test

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// TestDutyByProgrammeBuiltins is the decomposition's property on every
// built-in scenario, on its own date and on dates across the regimes: in
// both directions, the programmes' parts of every sector add up to the
// sector's duty at stake to the cent, and the sectors with parts are those
// with duty.
func TestDutyByProgrammeBuiltins(t *testing.T) {
	infos, err := shared.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) < 5 {
		t.Fatalf("%d built-in scenarios", len(infos))
	}
	dates := []scenarios.Date{scenarios.MustDate("2025-04-15"), scenarios.MustDate("2025-08-18"), scenarios.MustDate("2026-04-06"), today}
	for _, info := range infos {
		sc, err := shared.Scenario(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		m, err := shared.Model(sc.Assumptions)
		if err != nil {
			t.Fatal(err)
		}
		for _, asOf := range append([]scenarios.Date{sc.EvalDate()}, dates...) {
			res := m.Evaluate(sc, asOf)
			for _, d := range scenarios.Directions {
				got := map[string]scenarios.SectorProgrammes{}
				for _, sp := range m.DutyByProgramme(sc, d, asOf) {
					got[sp.Sector] = sp
				}
				for _, f := range res.DirectionFlows(d) {
					sp, ok := got[f.Sector]
					if ok != (f.Duty != 0) {
						t.Errorf("%s on %s %s %s: parts %v, duty %v", sc.Name, asOf, d, f.Sector, ok, f.Duty)
						continue
					}
					sum := 0.0
					for _, p := range sp.Parts {
						sum += p.Duty
					}
					if math.Abs(sum-f.Duty) >= 0.005 {
						t.Errorf("%s on %s %s %s: parts add up to %.4f, duty %.4f", sc.Name, asOf, d, f.Sector, sum, f.Duty)
					}
				}
			}
		}
	}
}

// TestProgrammesSlide: today's deck shows each sector's duty by programme
// as a native stacked chart, the largest sectors first, at most eight and
// "All other", at most six programmes and "Other"; each bar adds up to the
// sector's duty on the exposure slide; aluminum, mostly CUSMA-claimed,
// pays Section 232; the sentence names the law and its share.
func TestProgrammesSlide(t *testing.T) {
	d, err := report.Deck(shared, []string{"today"}, report.DeckOptions{Widescreen: true, Today: today, Created: created,
		Slides: []string{report.SlideExposure, report.SlideProgrammes}})
	if err != nil {
		t.Fatal(err)
	}
	exp, prog := d.Slides[0].Chart, d.Slides[1].Chart
	if d.Slides[1].Title != "Duty by sector and programme" || prog == nil || !prog.Stacked || !prog.Horizontal {
		t.Fatalf("slide %q: %+v", d.Slides[1].Title, prog)
	}
	if len(prog.Categories) > charts.MaxProgrammeSectors+1 || len(prog.Series) > charts.MaxProgrammes+1 {
		t.Errorf("%d sectors, %d programmes", len(prog.Categories), len(prog.Series))
	}
	duty := map[string]float64{}
	for k, c := range exp.Categories {
		duty[c] = exp.Series[0].Values[k]
	}
	prev := math.Inf(1)
	for k, c := range prog.Categories {
		sum := 0.0
		for _, s := range prog.Series {
			sum += s.Values[k]
		}
		if !strings.HasPrefix(c, "All other") {
			if sum > prev+1e-9 {
				t.Errorf("%s after a smaller sector", c)
			}
			prev = sum
			if want, ok := duty[c]; ok && math.Abs(sum-want) > 1e-9 {
				t.Errorf("%s: programmes add up to %v, duty on the exposure slide %v", c, sum, want)
			}
		}
		if c == "Aluminum" && prog.Series[0].Name == "Section 232" && prog.Series[0].Values[k] < 0.5*sum {
			t.Errorf("aluminum: Section 232 %v of %v", prog.Series[0].Values[k], sum)
		}
	}
	if !slices.Contains(prog.Categories, "Aluminum") {
		t.Errorf("no aluminum bar: %q", prog.Categories)
	}
	lead := regexp.MustCompile(`^Section 232 \(\d programmes\) carries [0-9.]+% of the ≤ US\$ [0-9.]+ bn duty at stake into the US; .+ carries [0-9.]+% of the duty on [a-z].+\.$`)
	if !lead.MatchString(d.Slides[1].Lead) {
		t.Errorf("lead %q", d.Slides[1].Lead)
	}
	if !strings.Contains(d.Slides[1].Footnote, "Section 232 and Section 338 duties apply to claimed goods too") {
		t.Errorf("footnote %q", d.Slides[1].Footnote)
	}
}

// TestProgrammesColours: in a deck of two scenarios, a programme has the
// same colour on both programmes slides, whichever carries more duty in
// each.
func TestProgrammesColours(t *testing.T) {
	d, err := report.Deck(shared, []string{"today", "sectoral-deal"}, report.DeckOptions{Widescreen: true, Today: today, Created: created,
		Slides: []string{report.SlideProgrammes}})
	if err != nil {
		t.Fatal(err)
	}
	colour := map[string]string{}
	slides := 0
	for _, s := range d.Slides {
		if s.Chart == nil {
			continue
		}
		slides++
		for _, ser := range s.Chart.Series {
			if c, ok := colour[ser.Name]; ok && c != ser.Color {
				t.Errorf("%s: %s on one slide, %s on another", ser.Name, c, ser.Color)
			}
			colour[ser.Name] = ser.Color
		}
	}
	if slides != 2 {
		t.Fatalf("%d programmes slides", slides)
	}
}
