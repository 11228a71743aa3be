package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

func TestTimeline(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	me := measure("m", "US", "P", 0.1, map[string]float64{"*": 1})
	me.From, me.To = scenarios.MustDate("2025-03-04"), scenarios.MustDate("2025-05-15")
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{me}}
	pts, err := m.Timeline(sc, scenarios.MustDate("2025-01-20"), scenarios.MustDate("2025-06-10"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		month, asOf string
		rate        float64
	}{
		{"2025-01-01", "2025-01-31", 0},
		{"2025-02-01", "2025-02-28", 0},
		{"2025-03-01", "2025-03-31", 0.1},
		{"2025-04-01", "2025-04-30", 0.1},
		{"2025-05-01", "2025-05-31", 0}, // ended on the 15th
		{"2025-06-01", "2025-06-10", 0}, // the range's end
	}
	if len(pts) != len(want) {
		t.Fatalf("%d points, want %d", len(pts), len(want))
	}
	for i, w := range want {
		p := pts[i]
		if p.Month.String() != w.month || p.AsOf.String() != w.asOf || !near(p.Result.Totals[0].EffectiveRate, w.rate) {
			t.Errorf("point %d = %s %s %v, want %s %s %v", i, p.Month, p.AsOf, p.Result.Totals[0].EffectiveRate, w.month, w.asOf, w.rate)
		}
	}
	if _, err := m.Timeline(sc, scenarios.MustDate("2025-06-10"), scenarios.MustDate("2025-01-01")); err == nil {
		t.Error("a reversed range was accepted")
	}
	changes := sc.ChangeDates(scenarios.MustDate("2025-01-01"), scenarios.MustDate("2025-12-31"))
	if len(changes) != 2 || changes[0].String() != "2025-03-04" || changes[1].String() != "2025-05-16" {
		t.Errorf("change dates = %v", changes)
	}
}

func TestSensitivity(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	me := measure("m", "US", "P", 0.2, map[string]float64{"*": 1})
	me.CUSMAExempt = true
	me.Label = "Blanket"
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{me}}
	base, swings := m.Sensitivity(sc, day)
	// Base: A tau=.1 D=15, B tau=.16 D=32, C 0 -> 47
	if !near(base[0].Duty, 47) {
		t.Fatalf("base duty = %v, want 47", base[0].Duty)
	}
	if len(swings) != 3 {
		t.Fatalf("%d swings, want elasticity, CUSMA share and one rate", len(swings))
	}
	el, cusma, rate := swings[0], swings[1], swings[2]
	if !near(el.Low[0].Duty, 47) || !near(el.High[0].Duty, 47) {
		t.Errorf("elasticity moved the duty: %v %v", el.Low[0].Duty, el.High[0].Duty)
	}
	// Trade effect: A dM=-e*V*tau: e×0.5 -> -15, B -16 -> -31 ; e×1.5 -> -45 + -48 = -93
	if !near(el.Low[0].TradeChange, -31) || !near(el.High[0].TradeChange, -93) {
		t.Errorf("elasticity swing trade = %v %v, want -31 -93", el.Low[0].TradeChange, el.High[0].TradeChange)
	}
	// CUSMA -10 points: A c=.4 -> .2*.6*150=18, B c=.1 -> .2*.9*200=36, C c=0 -> 0: 54 ; +10: A c=.6 -> .2*.4*150=12, B c=.3 -> .2*.7*200=28, C 0 (V=0): 40
	if !near(cusma.Low[0].Duty, 54) || !near(cusma.High[0].Duty, 40) {
		t.Errorf("CUSMA swing duty = %v %v, want 54 40", cusma.Low[0].Duty, cusma.High[0].Duty)
	}
	// Rate ±25%: duty is linear in the rate: 47*.75 and 47*1.25
	if !near(rate.Low[0].Duty, 35.25) || !near(rate.High[0].Duty, 58.75) || rate.Name != "Blanket rate (±25%)" {
		t.Errorf("rate swing = %q %v %v", rate.Name, rate.Low[0].Duty, rate.High[0].Duty)
	}
}
