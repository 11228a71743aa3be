package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// TestStatusActivity checks docs/SPEC.md section 2.1's rule for every status, with
// and without include_threats: in force and announced measures are active by
// their dates, threatened ones only with include_threats, struck-down and
// expired ones never. The duty is 10% of sector B's 200 = 20 when active.
func TestStatusActivity(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	tests := []struct {
		status          string
		without, within bool // active without / with include_threats
	}{
		{"", true, true},
		{scenarios.StatusInForce, true, true},
		{scenarios.StatusAnnounced, true, true},
		{scenarios.StatusThreatened, false, true},
		{scenarios.StatusStruckDown, false, false},
		{scenarios.StatusExpired, false, false},
	}
	for _, tt := range tests {
		for _, threats := range []bool{false, true} {
			name := tt.status
			if name == "" {
				name = "default"
			}
			if threats {
				name += "/include_threats"
			}
			t.Run(name, func(t *testing.T) {
				me := measure("m", "US", "P", 0.1, map[string]float64{"B": 1})
				me.Status = tt.status
				sc := &scenarios.Scenario{Measures: []scenarios.Measure{me}}
				sc.Assumptions.IncludeThreats = threats
				want := tt.without
				if threats {
					want = tt.within
				}
				if got := me.ActiveOn(day, threats); got != want {
					t.Errorf("ActiveOn = %v, want %v", got, want)
				}
				// Never before its effective_from, whatever the status.
				if me.ActiveOn(scenarios.MustDate("2024-12-31"), threats) {
					t.Error("active before effective_from")
				}
				res := m.Evaluate(sc, day)
				wantDuty := 0.0
				if want {
					wantDuty = 20
				}
				if got := res.Totals[scenarios.CAtoUS.Index()].Duty; !near(got, wantDuty) {
					t.Errorf("duty = %v, want %v", got, wantDuty)
				}
				if got := len(res.Measures); got != map[bool]int{false: 0, true: 1}[want] {
					t.Errorf("%d measures in the decomposition, want active only", got)
				}
				ch := sc.ChangeDates(scenarios.MustDate("2024-01-01"), scenarios.MustDate("2026-01-01"))
				if (len(ch) == 1) != want {
					t.Errorf("change dates %v: a measure that is never active changes nothing", ch)
				}
				_, swings := m.Sensitivity(sc, day)
				if (len(swings) == 3) != want {
					t.Errorf("%d swings: an inactive measure has no rate swing", len(swings))
				}
			})
		}
	}
}

// TestThreatenedPrecedence checks that an inactive measure does not take
// precedence: a duty yielding to a threatened S232 pays in full unless the
// scenario includes threats.
func TestThreatenedPrecedence(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	s232 := measure("s232", "US", "S232", 0.25, map[string]float64{"B": 1})
	s232.Status = scenarios.StatusThreatened
	other := measure("f", "US", "F", 0.1, map[string]float64{"B": 1})
	other.YieldsTo = []string{"S232"}
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{s232, other}}
	// Without threats: only f, 10% of 200.
	if got := m.Evaluate(sc, day).Totals[0].Duty; !near(got, 20) {
		t.Errorf("without threats duty = %v, want 20", got)
	}
	// With threats: S232 25% of 200 = 50; f yields entirely.
	sc.Assumptions.IncludeThreats = true
	if got := m.Evaluate(sc, day).Totals[0].Duty; !near(got, 50) {
		t.Errorf("with threats duty = %v, want 50", got)
	}
}
