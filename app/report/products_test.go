package report_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// TestProductsChart checks that the products chart lists the scenario's
// largest lines of a sector as the calculation gives them, with its
// sources, and picks the direction by the sector's duty.
func TestProductsChart(t *testing.T) {
	req := report.ChartRequest{Kind: charts.Products, Scenarios: []string{"today"}, Sector: "lumber", Top: 8, Today: today, FullFootnote: true}
	ch, err := report.Chart(shared, req)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Meta.Title != "Top products by duty at stake: Lumber & wood" {
		t.Errorf("title %q", ch.Meta.Title)
	}
	sc, err := shared.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	m, err := shared.Model(sc.Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	dir := scenarios.CAtoUS
	if strings.Contains(ch.Meta.Subtitle, scenarios.UStoCA.Label()) {
		dir = scenarios.UStoCA
	}
	res := m.EvaluateWith(sc, today, scenarios.Options{Lines: true})
	var want []scenarios.LineFlow
	for _, l := range res.Lines {
		if l.Direction == dir && l.Sector == "LUMBER" {
			want = append(want, l)
		}
	}
	rows, comments := chartCSV(t, ch)
	if len(rows) != 1+min(8, len(want)) || len(want) == 0 {
		t.Fatalf("%d rows for %d lines with duty", len(rows)-1, len(want))
	}
	duty := column(t, rows[0], "duty_usd")
	for i, r := range rows[1:] {
		v, _ := strconv.ParseFloat(r[duty], 64)
		if r[0] != want[i].Code || math.Abs(v-want[i].Duty) > 0.005 {
			t.Errorf("row %d: %s %v, the calculation's line %d is %s %v", i+1, r[0], v, i+1, want[i].Code, want[i].Duty)
		}
	}
	sources, _ := shared.SourceLines(sc.Assumptions)
	all := strings.Join(comments, "\n")
	for _, s := range sources {
		if !strings.Contains(all, s) {
			t.Errorf("CSV lacks the source line %q", s)
		}
	}
	if m.ProductLevel(scenarios.CAtoUS) && dir == scenarios.CAtoUS && len(rows[1][0]) != 10 {
		t.Errorf("flows into the US are product-level, got code %s", rows[1][0])
	}
}

func TestProductsChartErrors(t *testing.T) {
	for _, req := range []report.ChartRequest{
		{Kind: charts.Products, Scenarios: []string{"today"}, Sector: "NOPE"},
		{Kind: charts.Products, Scenarios: []string{"today", "aug-2025"}},
		{Kind: charts.Products, Scenarios: []string{"today"}, Top: -1},
	} {
		if _, err := report.Chart(shared, req); err == nil || !storage.IsBadInput(err) {
			t.Errorf("%+v: error %v, want bad input", req, err)
		}
	}
}
