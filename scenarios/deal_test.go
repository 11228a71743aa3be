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
		verdict        scenarios.Outcome
	}{
		{2.5e9, 0.75e9, -2.5e9, 0, -0.75e9, scenarios.GetsMore},
		{0, 0.25e9, -0.5e9, -0.5e9, -0.25e9, scenarios.NotCompared},
		{0.3e9, 0, -0.3e9, 0, 0, scenarios.NotCompared},
	} {
		r := deal.Rows[i]
		us, ca := r.Sides[0], r.Sides[1]
		if !near(r.Get, w.get) || !near(r.Give, w.give) || !near(us.TradeA, w.tradeA) || !near(us.TradeB, w.tradeB) ||
			!near(ca.TradeA, w.tradeCA) || ca.TradeB != 0 || r.Verdict().Outcome != w.verdict {
			t.Errorf("%s: get %v give %v trade %v→%v, CA %v→%v, %+v", r.Sector, r.Get, r.Give, us.TradeA, us.TradeB, ca.TradeA, ca.TradeB, r.Verdict())
		}
		// low and high trade effects: e × 0.5 and × 1.5
		if !near(us.TradeALow, w.tradeA*0.5) || !near(us.TradeAHigh, w.tradeA*1.5) {
			t.Errorf("%s: range %v to %v", r.Sector, us.TradeALow, us.TradeAHigh)
		}
	}
	tot := deal.Totals
	if !near(tot.Get, 2.8e9) || !near(tot.Give, 1e9) || tot.Verdict().Outcome != scenarios.GetsMore {
		t.Errorf("totals: get %v give %v %+v", tot.Get, tot.Give, tot.Verdict())
	}
	if !near(tot.Sides[0].DutyA, 3.3e9) || !near(tot.Sides[0].DutyB, 0.5e9) || !near(tot.Sides[1].DutyChange(), -1e9) {
		t.Errorf("total duties %+v", tot.Sides)
	}
}

// The words of a verdict are app/numfmt's (TestVerdict there); here what it
// says: which side moves and whether the two can be compared.
func TestNewVerdict(t *testing.T) {
	for _, c := range []struct {
		get, give         float64
		getSign, giveSign int
		want              scenarios.Outcome
	}{
		{0, 0, 0, 0, scenarios.NoChange},
		{49e3, -49e3, 0, 0, scenarios.NoChange},
		{1.2e9, 0, 1, 0, scenarios.NotCompared},
		{1.2e9, 3e9, 1, 1, scenarios.GivesMore},
		{3e9, 1.2e9, 1, 1, scenarios.GetsMore},
		{1.2e9, 1.2e9 + 10e3, 1, 1, scenarios.AsMuch},
		{0, 350e6, 0, 1, scenarios.NotCompared},
		{-2e9, 0, -1, 0, scenarios.NotCompared},
		{5e8, -1e8, 1, -1, scenarios.NotCompared},
	} {
		v := scenarios.NewVerdict(c.get, c.give, scenarios.Exact, scenarios.Exact)
		if v.GetSign != c.getSign || v.GiveSign != c.giveSign || v.Outcome != c.want || v.Get != c.get || v.Give != c.give {
			t.Errorf("NewVerdict(%v, %v) = %+v, want signs %d %d, outcome %d", c.get, c.give, v, c.getSign, c.giveSign, c.want)
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
