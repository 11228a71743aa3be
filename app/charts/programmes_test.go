package charts_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// programmeParts is n sectors S0..S(n-1), sector i with duty (i+1) US$ M
// from each of programmes P0..P(k-1), in a scrambled order.
func programmeParts(n, k int) ([]scenarios.SectorProgrammes, []scenarios.Sector) {
	var parts []scenarios.SectorProgrammes
	var sectors []scenarios.Sector
	for i := range n {
		code := fmt.Sprintf("S%d", i)
		sectors = append(sectors, scenarios.Sector{Code: code})
		sp := scenarios.SectorProgrammes{Sector: code, UpperBound: i == 0}
		for j := range k {
			// Programme j weighs k-j: P0 carries the most.
			d := float64(i+1) * float64(k-j) * 1e6
			sp.Parts = append(sp.Parts, scenarios.ProgrammeDuty{Program: fmt.Sprintf("P%d", j), Duty: d})
			sp.Duty += d
		}
		parts = append(parts, sp)
	}
	// Scramble: the chart sorts.
	parts[0], parts[n-1] = parts[n-1], parts[0]
	return parts, sectors
}

// TestProgrammesChart: the largest sectors first, eight of them then "All
// other"; the six programmes with the most duty then "Other"; each bar's
// parts add up to its sector's duty; an upper bound is marked; the CSV
// keeps every sector and programme; the picture draws.
func TestProgrammesChart(t *testing.T) {
	tests := []struct {
		name          string
		sectors, prog int
		wantCats      int
		wantSeries    []string
	}{
		{"few", 3, 2, 3, []string{"P0", "P1"}},
		{"six programmes, no other", 4, 6, 4, []string{"P0", "P1", "P2", "P3", "P4", "P5"}},
		{"many", 12, 9, charts.MaxProgrammeSectors + 1, []string{"P0", "P1", "P2", "P3", "P4", "P5", "Other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, sectors := programmeParts(tt.sectors, tt.prog)
			ch := charts.NewProgrammes(parts, scenarios.CAtoUS, scenarios.MustDate("2026-01-01"), sectors, nil, charts.Meta{Title: "T"})
			tb, ok := ch.Table()
			if !ok || !tb.Stacked || !tb.Horizontal {
				t.Fatalf("table %+v, %v", tb, ok)
			}
			if len(tb.Categories) != tt.wantCats {
				t.Fatalf("categories %q", tb.Categories)
			}
			var names []string
			for _, s := range tb.Series {
				names = append(names, s.Name)
			}
			if strings.Join(names, ",") != strings.Join(tt.wantSeries, ",") {
				t.Errorf("series %q, want %q", names, tt.wantSeries)
			}
			// Largest first: S(n-1) carries the most.
			if want := fmt.Sprintf("S%d", tt.sectors-1); tb.Categories[0] != want {
				t.Errorf("first bar %q, want %q", tb.Categories[0], want)
			}
			total := 0.0
			for k, cat := range tb.Categories {
				sum := 0.0
				for _, s := range tb.Series {
					sum += s.Values[k]
				}
				total += sum
				if k < min(tt.sectors, charts.MaxProgrammeSectors) && !strings.HasPrefix(cat, "All other") {
					var i int
					fmt.Sscanf(strings.TrimPrefix(cat, "S"), "%d", &i)
					want := float64(i+1) * float64(tt.prog*(tt.prog+1)/2) // US$ M
					if math.Abs(sum-want) > 1e-9 {
						t.Errorf("%s: parts add up to %v, want %v", cat, sum, want)
					}
				}
				if strings.HasPrefix(cat, "S0") != strings.HasSuffix(cat, "(≤)") && !strings.HasPrefix(cat, "All other") {
					t.Errorf("%q: upper bound mark", cat)
				}
			}
			n := float64(tt.sectors)
			if want := n * (n + 1) / 2 * float64(tt.prog*(tt.prog+1)/2); math.Abs(total-want) > 1e-6 {
				t.Errorf("bars add up to %v, want %v", total, want)
			}
			var buf bytes.Buffer
			if err := ch.CSV(&buf); err != nil {
				t.Fatal(err)
			}
			if rows := strings.Count(buf.String(), "\nS"); rows != tt.sectors*tt.prog {
				t.Errorf("%d CSV rows, want every sector and programme (%d):\n%s", rows, tt.sectors*tt.prog, buf.String())
			}
			buf.Reset()
			if err := ch.PNG(&buf, charts.Size{W: 1200, H: 700}, 1); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if share(img, blue) < 0.01 || share(img, orange) < 0.005 {
				t.Errorf("the picture lacks the programmes' colours: blue %.3f, orange %.3f", share(img, blue), share(img, orange))
			}
		})
	}
	empty := charts.NewProgrammes(nil, scenarios.CAtoUS, scenarios.MustDate("2026-01-01"), nil, nil, charts.Meta{})
	if empty.Empty() == "" {
		t.Error("no duty: not empty")
	}
}
