package present_test

import (
	"testing"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestSectorLabel(t *testing.T) {
	sectors := []scenarios.Sector{{Code: "LUMBER", Name: "Lumber and wood products", Short: "Lumber & wood"}, {Code: "ENERGY", Name: "Energy"}}
	for _, tc := range []struct{ code, want string }{
		{"LUMBER", "Lumber & wood"},
		{"ENERGY", "Energy"},
		{scenarios.Wildcard, "All other sectors"},
		{"NOSUCH", "NOSUCH"},
	} {
		t.Run(tc.code, func(t *testing.T) {
			if got := present.SectorLabel(sectors, tc.code); got != tc.want {
				t.Errorf("SectorLabel(%q) = %q, want %q", tc.code, got, tc.want)
			}
		})
	}
}

func TestMeasureName(t *testing.T) {
	for _, tc := range []struct {
		m    scenarios.Measure
		want string
	}{
		{scenarios.Measure{ID: "s232-steel", Label: "S232 steel 50%"}, "S232 steel 50%"},
		{scenarios.Measure{ID: "s232-steel", Label: "  "}, "s232-steel"},
		{scenarios.Measure{ID: "s232-steel"}, "s232-steel"},
	} {
		if got := present.MeasureName(&tc.m); got != tc.want {
			t.Errorf("MeasureName(%+v) = %q, want %q", tc.m, got, tc.want)
		}
	}
}

func TestTotalsLine(t *testing.T) {
	tot := scenarios.Totals{Baseline: 10e9, Duty: 1.5e9, EffectiveRate: 0.15, UpperBound: true, Banned: 5e8,
		TradeChange: -2e9, TradeChangeLow: -1e9, TradeChangeHigh: -3e9}
	got := present.TotalsLine(scenarios.CAtoUS, tot)
	want := present.DirLabel(scenarios.CAtoUS) + ": duty at stake ≤ " + present.Money(1.5e9) + " on " + present.Money(10e9) +
		" of trade (" + present.FigurePct(0.15) + "); trade banned " + present.Money(5e8) + "; trade effect " + present.Money(-2e9) +
		" (low–high " + present.Billions(-1e9) + " to " + present.Billions(-3e9) + " US$ bn)"
	if got != want {
		t.Errorf("TotalsLine =\n%q, want\n%q", got, want)
	}
	tot.UpperBound, tot.Banned = false, 0
	if got := present.TotalsLine(scenarios.CAtoUS, tot); got != "Canada to US: duty at stake US$ 1.5 bn on US$ 10.0 bn of trade (15.0%); trade effect −US$ 2.0 bn (low–high −1.0 to −3.0 US$ bn)" {
		t.Errorf("TotalsLine without bound or ban = %q", got)
	}
}
