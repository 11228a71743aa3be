package storage_test

import (
	"fmt"
	"math"
	"parley/storage"
	"parley/storage/storagetest"
	"testing"

	"parley/scenarios"
)

// TestMonteCarloBuiltinsHoldThePoint: for every built-in scenario, on its
// own date and on a few others, the point estimate of duty at stake and of
// the trade effect lies within P10–P90, for every sector and total of both
// directions.
func TestMonteCarloBuiltinsHoldThePoint(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	infos, err := w.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) < 5 {
		t.Fatalf("%d built-in scenarios", len(infos))
	}
	others := []scenarios.Date{scenarios.MustDate("2025-04-15"), scenarios.MustDate("2025-08-18"), scenarios.MustDate("2026-04-06"), scenarios.MustDate("2026-12-06")}
	for _, info := range infos {
		sc, err := w.Scenario(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		m, err := w.Model(sc.Assumptions)
		if err != nil {
			t.Fatal(err)
		}
		for _, asOf := range append([]scenarios.Date{sc.EvalDate()}, others...) {
			res := m.Evaluate(sc, asOf)
			b, _, err := w.MonteCarlo(m, sc, asOf, 2000, 1)
			if err != nil {
				t.Fatal(err)
			}
			for i, fb := range b.Flows {
				f := res.Flows[i]
				holds(t, fmt.Sprintf("%s on %s: %s %s duty", sc.Name, asOf, f.Direction, f.Sector), fb.Duty, f.Duty)
				holds(t, fmt.Sprintf("%s on %s: %s %s trade", sc.Name, asOf, f.Direction, f.Sector), fb.TradeChange, f.TradeChange)
			}
			for di := range 2 {
				holds(t, fmt.Sprintf("%s on %s: total %d duty", sc.Name, asOf, di), b.Totals[di].Duty, res.Totals[di].Duty)
				holds(t, fmt.Sprintf("%s on %s: total %d trade", sc.Name, asOf, di), b.Totals[di].TradeChange, res.Totals[di].TradeChange)
			}
			if asOf == sc.EvalDate() {
				t.Logf("%s on %s: duty into the US %.1f, P10–P90 %.1f – %.1f (US$ M); trade effect %.1f, %.1f – %.1f", sc.Name, asOf,
					res.Totals[0].Duty/1e6, b.Totals[0].Duty.P10/1e6, b.Totals[0].Duty.P90/1e6,
					res.Totals[0].TradeChange/1e6, b.Totals[0].TradeChange.P10/1e6, b.Totals[0].TradeChange.P90/1e6)
			}
		}
	}
}

// holds fails unless point lies within [P10, P90] of b (to rounding).
func holds(t *testing.T, what string, b scenarios.Percentiles, point float64) {
	t.Helper()
	tol := 1e-9 * math.Max(1, math.Abs(point))
	if point < b.P10-tol || point > b.P90+tol {
		t.Errorf("%s: point %v outside P10–P90 %v – %v", what, point, b.P10, b.P90)
	}
}
