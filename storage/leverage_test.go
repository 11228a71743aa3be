package storage_test

import (
	"math"
	"parley/storage"
	"parley/storage/storagetest"
	"strings"
	"testing"
	"time"

	"parley/scenarios"
)

// TestLeverageFigures checks the weighting on the shipped data against
// figures computed by hand from leverage_by_hs2_2024.csv.
func TestLeverageFigures(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	lev, err := w.Leverage()
	if err != nil {
		t.Fatal(err)
	}
	if len(lev.Rows) != 26 || lev.Year != 2024 {
		t.Fatalf("%d rows, year %d", len(lev.Rows), lev.Year)
	}
	by := map[string]scenarios.SectorLeverage{}
	for _, r := range lev.Rows {
		by[r.Sector] = r
	}
	for _, c := range []struct {
		sector string
		us, ca float64
	}{
		// ENERGY = HS 27: 123,955,397,369 / 241,444,648,607; 177,696,059,796 / 198,992,031,861
		{"ENERGY", 123955397369.0 / 241444648607, 177696059796.0 / 198992031861},
		// STEEL = HS 72 + 73: (7,803,201,254 + 5,375,866,414) / (31,671,277,281 + 49,391,002,458)
		// and (10,718,555,744 + 8,174,957,380) / (12,324,642,473 + 8,841,614,093)
		{"STEEL", 13179067668.0 / 81062279739, 18893513124.0 / 21166256566},
		// ALUMINUM = HS 76
		{"ALUMINUM", 11372014351.0 / 26544730707, 15902189669.0 / 17535128428},
		// AUTOS = HS 87
		{"AUTOS", 50388330589.0 / 388996856593, 72394424903.0 / 79404184784},
	} {
		r := by[c.sector]
		if !r.HasUS || !r.HasCA || math.Abs(r.USDependence-c.us) > 1e-12 || math.Abs(r.CADependence-c.ca) > 1e-12 {
			t.Errorf("%s: US %v CA %v, want %v %v", c.sector, r.USDependence, r.CADependence, c.us, c.ca)
		}
	}
	// 0.5134 / 0.8930, 0.1626 / 0.8926 as rounded in the report.
	if s := by["STEEL"]; math.Round(s.USDependence*1e4) != 1626 || math.Round(s.CADependence*1e4) != 8926 {
		t.Errorf("STEEL rounded: %v %v", s.USDependence, s.CADependence)
	}
	// SPECIAL (HS 98–99): the US side only; Canada's source has no such chapters.
	sp := by["SPECIAL"]
	if !sp.HasUS || sp.HasCA || len(sp.Missing) != 2 || math.Abs(sp.USDependence-19228709123.0/127417715572) > 1e-12 {
		t.Errorf("SPECIAL: %+v", sp)
	}
	// All goods: US$411.7 bn of US$3,251.2 bn (12.7%); C$569.3 bn of C$750.7 bn (75.8%).
	tot := scenarios.LeverageTotal(lev.Rows)
	if math.Abs(tot.USImportsFromCanada-411693824741) > 0.5 || math.Abs(tot.USImportsWorld-3251151779682) > 0.5 ||
		math.Round(tot.USDependence*1000) != 127 || math.Round(tot.CADependence*1000) != 758 {
		t.Errorf("total: %+v", tot)
	}
	all := strings.Join(lev.Sources, "\n")
	for _, want := range []string{"US Census", "ISED", "reuse terms", "weighted by value"} {
		if !strings.Contains(all, want) {
			t.Errorf("sources lack %q:\n%s", want, all)
		}
	}
}

func TestCUSMARanges(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	sc, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	rg, err := w.CUSMARanges(sc)
	if err != nil {
		t.Fatal(err)
	}
	// The IEEPA duties, which exempt claimed goods, are in force from
	// 2025-03-07 (US-IEEPA-1 to 3): January and February 2025, before any
	// such duty, when few shippers claimed, are left out.
	if len(rg.Months) == 0 || rg.Months[0] != "2025-03" || rg.Months[len(rg.Months)-1] != "2026-02" || rg.Latest || len(rg.Sectors) == 0 {
		t.Fatalf("ranges over %v (latest %v), %d sectors", rg.Months, rg.Latest, len(rg.Sectors))
	}
	for code, r := range rg.Sectors {
		if !(0 <= r.Lo && r.Lo <= r.Hi && r.Hi <= 1) {
			t.Errorf("%s: %+v", code, r)
		}
	}
	// ENERGY: 0.242182 in January 2025 (the first row of the file) is
	// outside; about 0.63 in March 2025 and 0.94 in October 2025 are its
	// ends.
	if e := rg.Sectors["ENERGY"]; e.Lo <= 0.242182 || e.Lo > 0.64 || e.Hi < 0.93 {
		t.Errorf("ENERGY %+v", e)
	}
	for _, want := range []string{"2025-03 to 2026-02", "depends on claims was in force", "elasticity", "uncertain"} {
		if !strings.Contains(rg.SourceLine, want) {
			t.Errorf("source line lacks %q: %s", want, rg.SourceLine)
		}
	}

	// A scenario whose only claim-dependent measure starts after the data
	// takes the latest month; one with none draws no share.
	late := &scenarios.Scenario{Name: "late", Measures: []scenarios.Measure{{ID: "a", Imposer: "US", Rate: 0.1, CUSMAExempt: true, From: scenarios.MustDate("2027-01-01")}}}
	if rg, err = w.CUSMARanges(late); err != nil || !rg.Latest || len(rg.Months) != 1 || rg.Months[0] != "2026-02" || !strings.Contains(rg.SourceLine, "latest month") {
		t.Errorf("late: %+v, %v", rg, err)
	}
	none := &scenarios.Scenario{Name: "none", Measures: []scenarios.Measure{{ID: "a", Imposer: "US", Rate: 0.1, From: scenarios.MustDate("2025-01-01")}}}
	if rg, err = w.CUSMARanges(none); err != nil || len(rg.Sectors) != 0 || len(rg.Months) != 0 || !strings.Contains(rg.SourceLine, "no claim share") {
		t.Errorf("none: %+v, %v", rg, err)
	}
}

// TestMonteCarloToday times 10,000 draws over the product-level lines of
// the built-in "today" scenario (the requirement: under a second) and
// checks the bands hold the point estimate's duty into Canada, where
// nothing is drawn but the rates.
func TestMonteCarloToday(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	sc, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	asOf := scenarios.MustDate("2026-12-01")
	res := m.Evaluate(sc, asOf)
	if _, _, err := w.MonteCarlo(m, sc, asOf, 10, 1); err != nil { // warm the scope cache and data
		t.Fatal(err)
	}
	start := time.Now()
	b, rg, err := w.MonteCarlo(m, sc, asOf, 10000, 1)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("10,000 draws over %d lines into the US, %d into Canada: %v", m.LineCount(scenarios.CAtoUS), m.LineCount(scenarios.UStoCA), took)
	t.Logf("duty into the US: point %.0f, P10 %.0f, P50 %.0f, P90 %.0f; %s", res.Totals[0].Duty, b.Totals[0].Duty.P10, b.Totals[0].Duty.P50, b.Totals[0].Duty.P90, rg.SourceLine)
	if b.Totals[0].Duty.P10 > b.Totals[0].Duty.P90 || b.Totals[0].Duty.P90 <= 0 {
		t.Errorf("bands %+v", b.Totals[0])
	}
	if d := b.Totals[1].Duty; d.P10 != d.P90 || math.Abs(d.P50-res.Totals[1].Duty) > 1e-6*math.Max(1, res.Totals[1].Duty) {
		t.Errorf("into Canada nothing is drawn: %+v, point %v", d, res.Totals[1].Duty)
	}
	// Every rate in force marked uncertain, ±50%: the slowest case.
	n := 0
	for i := range sc.Measures {
		if me := &sc.Measures[i]; sc.Active(me, asOf) && me.Rate > 0 {
			me.RateLow, me.RateHigh = me.Rate*0.5, me.Rate*1.5
			n++
		}
	}
	start = time.Now()
	b, _, err = w.MonteCarlo(m, sc, asOf, 10000, 1)
	took = time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("with all %d rates in force uncertain: %v (%d rates drawn)", n, took, len(b.Rates))
	if len(b.Rates) != n {
		t.Errorf("%d rates drawn, want %d", len(b.Rates), n)
	}
}
