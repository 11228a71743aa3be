package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// provinceModel: ca_to_us lines by province (sector, V):
//
//	7208100000 ON STEEL 100    7208100000 QC STEEL 50
//	7601100000 QC ALUM  200    2204210000 ON FOOD   80
//	2204210000 "" FOOD  20 (no province)
//
// e: STEEL 2, ALUM 1, FOOD 0.5; no CUSMA shares; us_to_ca: one chapter line.
func provinceModel(t *testing.T) *scenarios.Model {
	t.Helper()
	sectors := []scenarios.Sector{{Code: "STEEL"}, {Code: "ALUM"}, {Code: "FOOD"}}
	us := scenarios.CAtoUS
	lines := []scenarios.Line{
		{Direction: us, Code: "7208100000", Sector: "STEEL", Value: 100, Province: "Ontario"},
		{Direction: us, Code: "7208100000", Sector: "STEEL", Value: 50, Province: "Quebec"},
		{Direction: us, Code: "7601100000", Sector: "ALUM", Value: 200, Province: "Quebec"},
		{Direction: us, Code: "2204210000", Sector: "FOOD", Value: 80, Province: "Ontario"},
		{Direction: us, Code: "2204210000", Sector: "FOOD", Value: 20},
		{Direction: scenarios.UStoCA, Code: "72", Sector: "STEEL", Value: 300},
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{
		Elasticity: map[string]float64{"STEEL": 2, "ALUM": 1, "FOOD": 0.5},
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestProvinceFlows(t *testing.T) {
	m := provinceModel(t)
	if !m.HasProvinces(scenarios.CAtoUS) || m.HasProvinces(scenarios.UStoCA) {
		t.Fatal("HasProvinces wrong")
	}
	// 50% on steel, 10% on aluminum: no duty on food.
	sc := &scenarios.Scenario{Name: "s", AsOf: scenarios.MustDate("2025-06-01"), Measures: []scenarios.Measure{
		{ID: "steel", Imposer: "US", Program: "S232", Rate: 0.5, Sectors: map[string]float64{"STEEL": 1}, From: scenarios.MustDate("2025-01-01")},
		{ID: "alum", Imposer: "US", Program: "S232", Rate: 0.1, Sectors: map[string]float64{"ALUM": 1}, From: scenarios.MustDate("2025-01-01")},
	}}
	got := m.ProvinceFlows(sc, sc.AsOf)
	// Quebec: duty 25 + 20 = 45 on 250; Ontario: 50 on 180; none: 0 on 20.
	// Trade effect: steel -2*V*0.5 = -V (capped at -V), aluminum -1*200*0.1 = -20.
	want := []scenarios.ProvinceFlow{
		{Province: "Ontario", Baseline: 180, Duty: 50, TradeChange: -100, TradeChangeLow: -50, TradeChangeHigh: -100, ValueAfter: 80, Lines: 2, DutyLines: 1},
		{Province: "Quebec", Baseline: 250, Duty: 45, TradeChange: -70, TradeChangeLow: -35, TradeChangeHigh: -80, ValueAfter: 180, Lines: 2, DutyLines: 2},
		{Province: "", Baseline: 20, Duty: 0, ValueAfter: 20, Lines: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("%d province flows, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Direction != scenarios.CAtoUS || g.Province != w.Province || !near(g.Baseline, w.Baseline) || !near(g.Duty, w.Duty) ||
			!near(g.TradeChange, w.TradeChange) || !near(g.TradeChangeLow, w.TradeChangeLow) || !near(g.TradeChangeHigh, w.TradeChangeHigh) ||
			!near(g.ValueAfter, w.ValueAfter) || g.Lines != w.Lines || g.DutyLines != w.DutyLines {
			t.Errorf("province %d = %+v, want %+v", i, g, w)
		}
		if w.Baseline > 0 && !near(g.Tariff, w.Duty/w.Baseline) {
			t.Errorf("province %q tariff %v", g.Province, g.Tariff)
		}
	}
	// The provinces add up to the direction's totals.
	res := m.Evaluate(sc, sc.AsOf)
	var base, duty, after float64
	for _, f := range got {
		base, duty, after = base+f.Baseline, duty+f.Duty, after+f.ValueAfter
	}
	tot := res.Totals[scenarios.CAtoUS.Index()]
	if !near(base, tot.Baseline) || !near(duty, tot.Duty) || !near(after, tot.ValueAfter) {
		t.Errorf("provinces sum to %v, %v, %v; totals %v, %v, %v", base, duty, after, tot.Baseline, tot.Duty, tot.ValueAfter)
	}
}
