package exposureview

import (
	"strings"
	"testing"

	"parley/app/ui/present"
	"parley/scenarios"
)

// The texts of the exposure's dialogs that need no window.

func TestSectorMeasureLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		sm   scenarios.SectorMeasure
		want string
	}{
		{"duty", scenarios.SectorMeasure{Measure: &scenarios.Measure{ID: "s232", Label: "S232 steel", Rate: 0.5}, Lines: 1, Duty: 2e6},
			"• S232 steel: rate 50% on 1 line, adds " + present.Money(2e6) + " of duty"},
		{"exempt, yields, bound, threatened", scenarios.SectorMeasure{Measure: &scenarios.Measure{ID: "ieepa", Rate: 0.35, CUSMAExempt: true,
			YieldsTo: []string{"S232"}, Status: scenarios.StatusThreatened}, Lines: 3, Duty: 1e6, UpperBound: true},
			"• ieepa: rate 35% on 3 lines, adds " + present.Money(1e6) + " of duty (CUSMA-claimed goods exempt: × (1 − c); yields to S232 where they apply; ≤ its coverage of some lines is an upper bound; " +
				present.StatusLabel(scenarios.StatusThreatened) + ")"},
		{"ban", scenarios.SectorMeasure{Measure: &scenarios.Measure{ID: "ban", Label: "Ban", Kind: scenarios.KindBan}, Lines: 2, Banned: 5e8},
			"• Ban: import ban on 2 lines, trade banned " + present.Money(5e8)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sectorMeasureLine(tc.sm); got != tc.want {
				t.Errorf("got\n%q, want\n%q", got, tc.want)
			}
		})
	}
}

func TestFormulas(t *testing.T) {
	a := scenarios.Assumptions{ElasticityLow: 0.5, ElasticityHigh: 1.5}
	f := scenarios.Flow{Baseline: 1e9, Tariff: 0.1, Duty: 1e8, TradeChange: -5e7, ValueAfter: 9.5e8, DutyCollected: 9.5e7}
	got := formulas(f, a)
	for _, want := range []string{"Duty at stake D = V × τ = " + present.Money(1e8) + "\n", "Trade effect ΔM = max(−V,",
		"Value after the measures V1 = V + ΔM = " + present.Money(9.5e8), "Duty collected R = τ × V1 = " + present.Money(9.5e7)} {
		if !strings.Contains(got, want) {
			t.Errorf("formulas lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "banned") || strings.Contains(got, "upper bound") {
		t.Errorf("formulas of a flow without ban or bound:\n%s", got)
	}
	f.Banned, f.UpperBound = 2e8, true
	got = formulas(f, a)
	for _, want := range []string{"Trade banned VB = V × B = " + present.Money(2e8) + " (upper bound)", "Duty at stake D = V × (1 − B) × τ = " + present.Money(1e8) + " (upper bound)"} {
		if !strings.Contains(got, want) {
			t.Errorf("formulas with a ban lack %q:\n%s", want, got)
		}
	}
}

func TestLineTexts(t *testing.T) {
	if got := pct(1 - 0.8); got != present.Percent(0.2) {
		t.Errorf("pct(1 − 0.8) = %q, want %q", got, present.Percent(0.2))
	}
	if got := usd(12.5e6); strings.Contains(got, "US$") || got != strings.Replace(present.Money(12.5e6), "US$ ", "", 1) {
		t.Errorf("usd = %q", got)
	}
	if got := present.LineDescription(&scenarios.LineFlow{Code: "87"}); got != "HS chapter 87" {
		t.Errorf("chapter line %q", got)
	}
	if got := present.LineDescription(&scenarios.LineFlow{Code: "4407110010", Description: "Pine lumber"}); got != "Pine lumber" {
		t.Errorf("line %q", got)
	}
	if lineCount(1) != "1 line" || lineCount(4) != "4 lines" {
		t.Errorf("lineCount: %q, %q", lineCount(1), lineCount(4))
	}
}
