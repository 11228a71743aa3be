package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// dealModel: three sectors with e = 1, no CUSMA claims and t0 = 0.
//
//	ca_to_us: A = 10 bn, B = 2 bn, C = 1.2 bn;  us_to_ca: A = 3 bn, B = 1 bn, C = 2 bn
func dealModel(t *testing.T) *scenarios.Model {
	t.Helper()
	sectors := []scenarios.Sector{{Code: "A"}, {Code: "B"}, {Code: "C"}}
	var lines []scenarios.Line
	for i, v := range []float64{10e9, 2e9, 1.2e9} {
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: "0" + string(rune('1'+i)), Sector: sectors[i].Code, Value: v})
	}
	for i, v := range []float64{3e9, 1e9, 2e9} {
		lines = append(lines, scenarios.Line{Direction: scenarios.UStoCA, Code: "0" + string(rune('1'+i)), Sector: sectors[i].Code, Value: v})
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{Elasticity: map[string]float64{"A": 1, "B": 1, "C": 1}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestScoreDeal checks get, give, trade effects and verdicts by hand.
// Baseline: US 25% on everything, Canada 25% on A and B. Proposal: US 25%
// on B only, Canada nothing.
//
//	A: get 2.5 bn - 0 = 2.5 bn, give 0.75 bn - 0 = 0.75 bn
//	B: get 0.5 bn - 0.5 bn = 0,  give 0.25 bn
//	C: get 0.3 bn,               give 0
//	total: get 2.8 bn, give 1.0 bn
func TestScoreDeal(t *testing.T) {
	m := dealModel(t)
	day := scenarios.MustDate("2025-06-01")
	a := &scenarios.Scenario{Name: "Baseline", Measures: []scenarios.Measure{
		measure("us", "US", "IEEPA", 0.25, map[string]float64{"*": 1}),
		measure("ca", "CA", "SURTAX", 0.25, map[string]float64{"A": 1, "B": 1}),
	}}
	b := &scenarios.Scenario{Name: "Proposal", Measures: []scenarios.Measure{
		measure("us", "US", "IEEPA", 0.25, map[string]float64{"B": 1}),
	}}
	ra, rb := m.Evaluate(a, day), m.Evaluate(b, day.AddDays(30))
	deal, err := scenarios.ScoreDeal(&ra, &rb)
	if err != nil {
		t.Fatal(err)
	}
	if deal.Baseline != "Baseline" || deal.Proposal != "Proposal" || deal.AsOfB != day.AddDays(30) {
		t.Errorf("deal %+v", deal)
	}
	for i, w := range []struct {
		get, give      float64
		tradeA, tradeB float64 // ca_to_us
		tradeCA        float64 // us_to_ca under A
		verdict        string
	}{
		{2.5e9, 0.75e9, -2.5e9, 0, -0.75e9, "gets US$2.5 bn relief, gives US$750.0 M: gets more than it gives"},
		{0, 0.25e9, -0.5e9, -0.5e9, -0.25e9, "gives US$250.0 M, gets nothing"},
		{0.3e9, 0, -0.3e9, 0, 0, "gets US$300.0 M relief, gives nothing"},
	} {
		r := deal.Rows[i]
		us, ca := r.Sides[0], r.Sides[1]
		if !near(r.Get, w.get) || !near(r.Give, w.give) || !near(us.TradeA, w.tradeA) || !near(us.TradeB, w.tradeB) ||
			!near(ca.TradeA, w.tradeCA) || ca.TradeB != 0 || r.Verdict != w.verdict {
			t.Errorf("%s: get %v give %v trade %v→%v, CA %v→%v, %q", r.Sector, r.Get, r.Give, us.TradeA, us.TradeB, ca.TradeA, ca.TradeB, r.Verdict)
		}
		// low and high trade effects: e × 0.5 and × 1.5
		if !near(us.TradeALow, w.tradeA*0.5) || !near(us.TradeAHigh, w.tradeA*1.5) {
			t.Errorf("%s: range %v to %v", r.Sector, us.TradeALow, us.TradeAHigh)
		}
	}
	tot := deal.Totals
	if !near(tot.Get, 2.8e9) || !near(tot.Give, 1e9) || tot.Verdict != "gets US$2.8 bn relief, gives US$1.0 bn: gets more than it gives" {
		t.Errorf("totals: get %v give %v %q", tot.Get, tot.Give, tot.Verdict)
	}
	if !near(tot.Sides[0].DutyA, 3.3e9) || !near(tot.Sides[0].DutyB, 0.5e9) || !near(tot.Sides[1].DutyChange(), -1e9) {
		t.Errorf("total duties %+v", tot.Sides)
	}
}

func TestDealVerdict(t *testing.T) {
	for _, c := range []struct {
		get, give float64
		want      string
	}{
		{0, 0, "no change"},
		{49e3, -49e3, "no change"},
		{1.2e9, 0, "gets US$1.2 bn relief, gives nothing"},
		{1.2e9, 3e9, "gets US$1.2 bn relief, gives US$3.0 bn: gives more than it gets"},
		{1.2e9, 1.2e9 + 10e3, "gets US$1.2 bn relief, gives US$1.2 bn: gets as much as it gives"},
		{0, 350e6, "gives US$350.0 M, gets nothing"},
		{-2e9, 0, "faces US$2.0 bn more US duty, gives nothing"},
		{0, -80e6, "raises its own duties by US$80.0 M, gets nothing"},
		{5e8, -1e8, "gets US$500.0 M relief, raises its own duties by US$100.0 M"},
		{999.96e6, 0, "gets US$1.0 bn relief, gives nothing"},
	} {
		if got := scenarios.DealVerdict(c.get, c.give); got != c.want {
			t.Errorf("DealVerdict(%v, %v) = %q, want %q", c.get, c.give, got, c.want)
		}
	}
}

func TestScoreDealNeedsTheSameSectors(t *testing.T) {
	m := dealModel(t)
	ra := m.Evaluate(&scenarios.Scenario{Name: "a"}, day)
	rb := testModel(t, scenarios.Overrides{}).Evaluate(&scenarios.Scenario{Name: "b"}, day)
	rb.Flows[0].Sector = "Z"
	if _, err := scenarios.ScoreDeal(&ra, &rb); err == nil {
		t.Errorf("different sectors accepted")
	}
}
