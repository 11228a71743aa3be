package charts_test

import (
	"bytes"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// TestDealBoundOnGive: where only the duty into Canada is an upper bound,
// the deal chart marks what Canada gives, not what it gets, in its labels,
// its summary and its CSV.
func TestDealBoundOnGive(t *testing.T) {
	us := scenarios.DealSide{DutyA: 5e9, TradeA: -6e9}
	ca := scenarios.DealSide{DutyA: 3e9, TradeA: -2e9, BoundA: true, UpperBound: true}
	row := scenarios.DealRow{Sector: "STEEL", Get: 5e9, Give: 3e9, Sides: [2]scenarios.DealSide{us, ca}}
	tot := row
	tot.Sector = "TOTAL"
	d := scenarios.Deal{Baseline: "A", Proposal: "B", Rows: []scenarios.DealRow{row}, Totals: tot}
	ch := charts.NewDeal(d, []scenarios.Sector{{Code: "STEEL", Name: "Iron & steel"}}, 0, charts.Meta{Title: "Deal"})
	var buf bytes.Buffer
	if err := ch.SVG(&buf, charts.Slide169); err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, ln := range strings.Split(svgText(t, buf.Bytes()), "\n") {
		if strings.HasPrefix(ln, "≤") && !strings.Contains(ln, "at most this much") { // not the note
			marked = append(marked, ln)
		}
	}
	if len(marked) != 1 || !strings.Contains(marked[0], "3.0") {
		t.Errorf("marked labels %q, want only Give's (3.0 bn)", marked)
	}
	if s := ch.Summary(); !strings.Contains(s, "gives at most US$ 3.0 bn") || !strings.Contains(s, "into Canada ≤ ") || strings.Contains(s, "into the US ≤") {
		t.Errorf("summary %q", s)
	}
	header, rows, _ := readCSV(t, ch)
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	if _, ok := col["give_upper_bound"]; !ok {
		t.Fatalf("header %v", header)
	}
	if r := rows[0]; r[col["get_upper_bound"]] != "false" || r[col["give_upper_bound"]] != "true" {
		t.Errorf("row %v", r)
	}
}

// TestLeverageBoundOnItsDirection: a bound on the duty into Canada marks
// that duty, not the duty into the US.
func TestLeverageBoundOnItsDirection(t *testing.T) {
	res := scenarios.Result{Flows: []scenarios.Flow{
		{Direction: scenarios.CAtoUS, Sector: "AUTOS", Duty: 5e9},
		{Direction: scenarios.UStoCA, Sector: "AUTOS", Duty: 3e9, UpperBound: true},
	}}
	rows := scenarios.WithDuty([]scenarios.SectorLeverage{{Sector: "AUTOS", HasUS: true, USDependence: 0.5, USImportsWorld: 1, USImportsFromCanada: 0.5}}, &res)
	if rows[0].UpperBoundCAtoUS || !rows[0].UpperBoundUStoCA || !rows[0].UpperBound {
		t.Fatalf("row %+v", rows[0])
	}
	ch := charts.NewLeverage(rows, scenarios.LeverageTotal(rows), []scenarios.Sector{{Code: "AUTOS", Name: "Autos"}}, 0, charts.Meta{Title: "Leverage"})
	if s := ch.Summary(); !strings.Contains(s, "Duty at stake: US$") || !strings.Contains(s, "≤ US$") {
		t.Errorf("summary %q", s)
	}
	var buf bytes.Buffer
	if err := ch.SVG(&buf, charts.Slide169); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ln := range strings.Split(svgText(t, buf.Bytes()), "\n") {
		if strings.HasPrefix(ln, "≤ ") && strings.ContainsAny(ln, "0123456789") && !strings.Contains(ln, "upper bound") {
			n++
			if !strings.Contains(ln, "3.0") {
				t.Errorf("marked %q", ln)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d marked labels, want 1", n)
	}
}

// TestDealTableMarksLikeCompare: the native deal chart of a deck marks each
// bar with the bound of its own figure as compare does: "≤" for at most,
// "≥" for at least, "≈" where a difference of two bounds can go either way.
func TestDealTableMarksLikeCompare(t *testing.T) {
	row := func(sector string, us, ca scenarios.DealSide) scenarios.DealRow {
		return scenarios.DealRow{Sector: sector, Get: us.DutyA - us.DutyB, Give: ca.DutyA - ca.DutyB, Sides: [2]scenarios.DealSide{us, ca}}
	}
	rows := []scenarios.DealRow{
		// Get: a bound under A only caps the fall (≤); give: one under B only floors it (≥).
		row("STEEL", scenarios.DealSide{DutyA: 5e9, DutyB: 1e9, BoundA: true, UpperBound: true},
			scenarios.DealSide{DutyA: 3e9, DutyB: 1e9, BoundB: true, UpperBound: true}),
		// Both bounded: either way (≈) on get; give exact.
		row("AUTOS", scenarios.DealSide{DutyA: 4e9, DutyB: 2e9, BoundA: true, BoundB: true, UpperBound: true},
			scenarios.DealSide{DutyA: 2e9}),
	}
	tot := rows[0]
	tot.Sector = "TOTAL"
	d := scenarios.Deal{Baseline: "A", Proposal: "B", Rows: rows, Totals: tot}
	ch := charts.NewDeal(d, []scenarios.Sector{{Code: "STEEL", Name: "Iron & steel"}, {Code: "AUTOS", Name: "Autos"}}, 0, charts.Meta{Title: "Deal"})
	tab, ok := ch.Table()
	if !ok || len(tab.Series) != 2 {
		t.Fatalf("table %+v", tab)
	}
	want := map[string][2]string{"Iron & steel": {"≤ 4.0", "≥ 2.0"}, "Autos": {"≈ 2.0", ""}}
	for i, cat := range tab.Categories {
		w, ok := want[cat]
		if !ok {
			continue
		}
		var got [2]string
		for j, s := range tab.Series {
			if i < len(s.Labels) {
				got[j] = s.Labels[i]
			}
		}
		if got != w {
			t.Errorf("%s: labels %q, want %q", cat, got, w)
		}
		delete(want, cat)
	}
	if len(want) != 0 {
		t.Errorf("categories %q lack %v", tab.Categories, want)
	}
}
