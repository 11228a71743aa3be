package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// boundMeasure is measure with its duty flagged an upper bound everywhere.
func boundMeasure(id, imposer, program string, rate float64, sectors map[string]float64) scenarios.Measure {
	m := measure(id, imposer, program, rate, sectors)
	for k := range sectors {
		m.UpperBound = append(m.UpperBound, k)
	}
	return m
}

// TestScoreDealBoundsOnTheirSide: the bound of Get follows the duty into
// the US only, that of Give the duty into Canada only, and trade effects
// computed from a bound carry it. Baseline: US 25% on everything (exact),
// Canada 25% on everything (an upper bound). Proposal: US 10% on A (an
// upper bound), Canada nothing.
//
//	A: get 2.5 - ≤1.0 = ≥1.5 bn, give ≤0.75 bn
//	B: get 0.5 bn (exact), give ≤0.25 bn
func TestScoreDealBoundsOnTheirSide(t *testing.T) {
	m := dealModel(t)
	a := &scenarios.Scenario{Name: "A", Measures: []scenarios.Measure{
		measure("us", "US", "IEEPA", 0.25, map[string]float64{"*": 1}),
		boundMeasure("ca", "CA", "SURTAX", 0.25, map[string]float64{"*": 1}),
	}}
	b := &scenarios.Scenario{Name: "B", Measures: []scenarios.Measure{
		boundMeasure("us", "US", "IEEPA", 0.10, map[string]float64{"A": 1}),
	}}
	ra, rb := m.Evaluate(a, day), m.Evaluate(b, day)
	d, err := scenarios.ScoreDeal(&ra, &rb)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []struct {
		getUB, giveUB      bool
		get, give          scenarios.Bound
		tradeUSA, tradeUSB scenarios.Bound
		tradeCAA, tradeCAB scenarios.Bound
		verdict            scenarios.Outcome
	}{
		// get at least 1.5 bn, give at most 750 M
		{true, true, scenarios.AtLeast, scenarios.AtMost, scenarios.Exact, scenarios.AtMost, scenarios.AtMost, scenarios.Exact,
			scenarios.GetsMore},
		// get 500 M, give at most 250 M
		{false, true, scenarios.Exact, scenarios.AtMost, scenarios.Exact, scenarios.Exact, scenarios.AtMost, scenarios.Exact,
			scenarios.GetsMore},
	} {
		r := d.Rows[i]
		us, ca := r.Sides[scenarios.CAtoUS.Index()], r.Sides[scenarios.UStoCA.Index()]
		if r.GetUpperBound() != w.getUB || r.GiveUpperBound() != w.giveUB {
			t.Errorf("%s: get upper bound %v, give %v", r.Sector, r.GetUpperBound(), r.GiveUpperBound())
		}
		if r.GetBound() != w.get || r.GiveBound() != w.give {
			t.Errorf("%s: get bound %d give bound %d", r.Sector, r.GetBound(), r.GiveBound())
		}
		if us.TradeBoundA() != w.tradeUSA || us.TradeBoundB() != w.tradeUSB || ca.TradeBoundA() != w.tradeCAA || ca.TradeBoundB() != w.tradeCAB {
			t.Errorf("%s: trade bounds %+v %+v", r.Sector, us, ca)
		}
		if v := r.Verdict(); v.Outcome != w.verdict || v.GetBound != w.get || v.GiveBound != w.give {
			t.Errorf("%s: verdict %+v, want outcome %d", r.Sector, v, w.verdict)
		}
	}
	// Totals: get 3.3 - ≤1.0 = ≥2.3 bn; give ≤1.5 bn.
	if tot := d.Totals; tot.GetBound() != scenarios.AtLeast || tot.GiveBound() != scenarios.AtMost ||
		tot.Verdict().Outcome != scenarios.GetsMore {
		t.Errorf("totals: bounds %d %d, %+v", tot.GetBound(), tot.GiveBound(), tot.Verdict())
	}
}

func TestChangeBound(t *testing.T) {
	for _, c := range []struct {
		dutyA, dutyB float64
		ubA, ubB     bool
		want         scenarios.Bound
	}{
		{10, 0, false, false, scenarios.Exact},
		{10, 0, true, false, scenarios.AtMost},  // a fall from at most 10
		{0, 10, false, true, scenarios.AtMost},  // a rise to at most 10
		{10, 4, false, true, scenarios.AtLeast}, // 10 - at most 4
		{4, 10, true, false, scenarios.AtLeast}, // at most 4, then 10
		{10, 4, true, true, scenarios.EitherWay},
	} {
		s := scenarios.DealSide{DutyA: c.dutyA, DutyB: c.dutyB, BoundA: c.ubA, BoundB: c.ubB, UpperBound: c.ubA || c.ubB}
		if got := s.ChangeBound(); got != c.want {
			t.Errorf("%+v: bound %d, want %d", c, got, c.want)
		}
	}
}

// A bound that can make the larger side the smaller leaves the comparison
// open (the words: app/numfmt's TestVerdict).
func TestNewVerdictBounds(t *testing.T) {
	ex, most, least, either := scenarios.Exact, scenarios.AtMost, scenarios.AtLeast, scenarios.EitherWay
	for _, c := range []struct {
		get, give float64
		gb, vb    scenarios.Bound
		want      scenarios.Outcome
	}{
		{20.9e9, 16.7e9, ex, most, scenarios.GetsMore},
		{10e9, 16.7e9, ex, most, scenarios.CannotTell},
		{10e9, 16.7e9, most, least, scenarios.GivesMore},
		{20e9, 16.7e9, ex, least, scenarios.CannotTell},
		{20e9, 16.7e9, either, ex, scenarios.CannotTell},
		{1.2e9, 1.2e9, ex, most, scenarios.CannotTell},
		{0, 16.7e9, ex, most, scenarios.NotCompared},
		{-2e9, 0, most, ex, scenarios.NotCompared},
	} {
		if got := scenarios.NewVerdict(c.get, c.give, c.gb, c.vb); got.Outcome != c.want || got.GetBound != c.gb || got.GiveBound != c.vb {
			t.Errorf("NewVerdict(%v, %v, %d, %d) = %+v, want outcome %d", c.get, c.give, c.gb, c.vb, got, c.want)
		}
	}
}
