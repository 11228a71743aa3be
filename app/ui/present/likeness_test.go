package present

import (
	"testing"

	"parley/scenarios"
)

// TestDealCellsMarkTheirOwnBound: a bound on the duty into Canada marks
// Give and the trade effects into Canada, not Get.
func TestDealCellsMarkTheirOwnBound(t *testing.T) {
	us := scenarios.DealSide{DutyA: 5e9, TradeA: -6e9}
	ca := scenarios.DealSide{DutyA: 3e9, TradeA: -2e9, BoundA: true, UpperBound: true}
	r := scenarios.DealRow{Get: 5e9, Give: 3e9, Sides: [2]scenarios.DealSide{us, ca}}
	get, give, tradeUS, tradeCA := DealCells(r, Millions)
	if get != Millions(5e9) || give != "≤ "+Millions(3e9) || tradeUS != Millions(-6e9)+" to "+Millions(0) ||
		tradeCA != "≤ "+Millions(-2e9)+" to "+Millions(0) {
		t.Errorf("get %q give %q, trade into the US %q, into Canada %q", get, give, tradeUS, tradeCA)
	}
}

func TestLikenessAll(t *testing.T) {
	a := scenarios.DefaultAssumptions()
	day := scenarios.MustDate("2026-12-06")
	other := a
	other.BaselineYear = 2025
	side := func(label string, d scenarios.Date, as scenarios.Assumptions) scenarios.Compared {
		return scenarios.Compared{Label: label, AsOf: d, Assumptions: as}
	}
	got := LikenessAll(nil, "compare", []scenarios.Compared{side("A", day, a), side("B", day, a), side("C", scenarios.MustDate("2025-08-15"), other)})
	if got != "Not like with like: A is on 2026-12-06, C on 2025-08-15; A uses the 2024 baseline, C 2025." {
		t.Errorf("%q", got)
	}
	if got := LikenessAll(nil, "compare", []scenarios.Compared{side("A", day, a), side("B", day, a)}); got != "" {
		t.Errorf("like with like: %q", got)
	}
}
