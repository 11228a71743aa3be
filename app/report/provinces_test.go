package report_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/datasets"
)

// provinceScenario imports a small dataset of Canadian exports by province
// and a copy of aug-2025 that uses it; it returns the copy's id and the
// import.
func provinceScenario(t *testing.T, ws *storage.Workspace) (string, *datasets.DatasetImport) {
	t.Helper()
	text := "HS8,Commodity,Province,Value ($)\n" +
		"72081000,Flat-rolled iron,Ontario,1000000\n" +
		"76011000,Unwrought aluminium,Quebec,2000000\n" +
		"76011000,Unwrought aluminium,Quebec,200000\n" +
		"27090000,Crude oil,Alberta,5000000\n" +
		"04022100,Milk powder,,10000\n"
	p := filepath.Join(t.TempDir(), "cimt.csv")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	imp, err := ws.TradeData().Import(context.Background(), p, datasets.DatasetSpec{Name: "By province", Direction: scenarios.CAtoUS, Year: 2024},
		datasets.DatasetImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ws.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "August on provinces"
	sc.Assumptions.Datasets.CAtoUS = "By province"
	id, err := ws.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	return id, imp
}

func TestProvincesChart(t *testing.T) {
	ws := newWorkspace(t)
	id, imp := provinceScenario(t, ws)
	ch, err := report.Chart(ws, report.ChartRequest{Kind: charts.Provinces, Scenarios: []string{id}, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Meta.Title != "Duty at stake by province or state" || ch.Empty() != "" {
		t.Fatalf("title %q, empty %q", ch.Meta.Title, ch.Empty())
	}
	rows, comments := chartCSV(t, ch)
	h := rows[0]
	region, duty := column(t, h, "region"), column(t, h, "duty_usd")
	var got []string
	prev := math.Inf(1)
	for _, r := range rows[1:] {
		got = append(got, r[region])
		v, err := strconv.ParseFloat(r[duty], 64)
		if err != nil || (r[region] != "" && v > prev) {
			t.Errorf("row %q: duty %s not in descending order", r[region], r[duty])
		}
		prev = v
	}
	// Aluminum at 50% (Section 232) makes Quebec first; the line without
	// a province comes last.
	if len(got) != 4 || got[0] != "Quebec" || got[3] != "" || !slices.Contains(got, "Ontario") || !slices.Contains(got, "Alberta") {
		t.Errorf("regions %q", got)
	}
	if v, _ := strconv.ParseFloat(rows[1][duty], 64); math.Abs(v-1_100_000) > 1e-6 {
		t.Errorf("Quebec duty %s, want 1100000", rows[1][duty])
	}
	if !strings.Contains(strings.Join(comments, "\n"), `dataset "By province"`) {
		t.Errorf("comments lack the dataset:\n%s", strings.Join(comments, "\n"))
	}
	tbl, err := report.Provinces(ws, report.ChartRequest{Scenarios: []string{id}, Today: today})
	if err != nil || !tbl.HasRegions || len(tbl.Rows) != 4 || tbl.Rows[0][0] != "Quebec" || tbl.Rows[3][0] != "(no province or state)" {
		t.Fatalf("table %+v, %v", tbl, err)
	}
	for _, size := range []charts.Size{charts.Slide169, {W: 480, H: 320}} {
		if _, err := ch.Image(size, 1); err != nil {
			t.Errorf("image %v: %v", size, err)
		}
	}
	// A scenario on built-in data has no provinces.
	ch, err = report.Chart(shared, report.ChartRequest{Kind: charts.Provinces, Scenarios: []string{"aug-2025"}, Today: today})
	if err != nil || !strings.Contains(ch.Empty(), "No province or state") {
		t.Errorf("built-in data: empty %q, %v", ch.Empty(), err)
	}

	summary := strings.Join(report.DatasetSummary(imp), "\n")
	for _, want := range []string{`Imported "By province": 4 lines`, "Statistics Canada CIMT", "2 rows of the same code and region summed into 1 lines",
		"the built-in baseline of 2024", "3 provinces or states", "Canadian dollars", "in the import dialog: Currency “C$”, Exchange rate"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
}

func TestDeckProvincesSlide(t *testing.T) {
	ws := newWorkspace(t)
	id, _ := provinceScenario(t, ws)
	d, err := report.Deck(ws, []string{id, "aug-2025"}, report.DeckOptions{Widescreen: true, Today: today, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, s := range d.Slides {
		if s.Title == "Duty at stake by province or state" {
			n++
			if i == 0 || d.Slides[i-1].Title != "Top products by duty at stake" || s.Chart == nil || !strings.Contains(s.Subtitle, "August on provinces") {
				t.Errorf("provinces slide %d: after %q, native %v, subtitle %q", i, d.Slides[i-1].Title, s.Chart != nil, s.Subtitle)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d provinces slides, want 1 (the built-in scenario has no provinces)", n)
	}
	if _, err := report.ParseSlides("provinces"); err != nil {
		t.Errorf("ParseSlides(provinces): %v", err)
	}
}
