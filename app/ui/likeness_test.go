package ui

import (
	"strings"
	"testing"

	"parley/scenarios"
)

// TestDealCellsMarkTheirOwnBound: a bound on the duty into Canada marks
// Give and the trade effects into Canada, not Get.
func TestDealCellsMarkTheirOwnBound(t *testing.T) {
	us := scenarios.DealSide{DutyA: 5e9, TradeA: -6e9}
	ca := scenarios.DealSide{DutyA: 3e9, TradeA: -2e9, BoundA: true, UpperBound: true}
	r := scenarios.DealRow{Get: 5e9, Give: 3e9, Sides: [2]scenarios.DealSide{us, ca}}
	get, give, tradeUS, tradeCA := dealCells(r, millions)
	if get != millions(5e9) || give != "≤ "+millions(3e9) || tradeUS != millions(-6e9)+" to "+millions(0) ||
		tradeCA != "≤ "+millions(-2e9)+" to "+millions(0) {
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
	got := likenessAll(nil, "compare", []scenarios.Compared{side("A", day, a), side("B", day, a), side("C", scenarios.MustDate("2025-08-15"), other)})
	if got != "Not like with like: A is on 2026-12-06, C on 2025-08-15; A uses the 2024 baseline, C 2025." {
		t.Errorf("%q", got)
	}
	if got := likenessAll(nil, "compare", []scenarios.Compared{side("A", day, a), side("B", day, a)}); got != "" {
		t.Errorf("like with like: %q", got)
	}
}

// TestPositionWarnsNotLikeWithLike: a proposal on another date than the
// baseline is said to be so in the view's message and the deal chart's
// footnote.
func TestPositionWarnsNotLikeWithLike(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.position
	v.computed = make(chan struct{}, 4)
	selectTab(t, u, "Position")
	waitFor(t, v.computed, "ranges")
	if strings.Contains(v.message.Text, "Not like with like") {
		t.Errorf("today and the sectoral deal on today's regime: %q", v.message.Text)
	}
	v.choose("today", "sectoral-deal-aug-2025")
	waitFor(t, v.computed, "ranges")
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", B on 2025-08-15") {
		t.Errorf("message %q", v.message.Text)
	}
}

// TestCompareWarnsNotLikeWithLike: the Compare view says when a scenario
// is on another date than A, and stops saying it when they are alike.
func TestCompareWarnsNotLikeWithLike(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.compare
	v.choose("today", "sectoral-deal", "sectoral-deal-aug-2025")
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", C on 2025-08-15") ||
		strings.Contains(v.message.Text, "B on") {
		t.Errorf("message %q", v.message.Text)
	}
	v.choose("today", "sectoral-deal")
	if v.message.Text != "" {
		t.Errorf("like with like: %q", v.message.Text)
	}
}
