package scenarios_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"parley/scenarios"
)

// nearRel reports whether a and b agree to 1e-9 relative (absolute below 1).
func nearRel(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// montecarloCase is a random product case with some rates marked uncertain
// and CUSMA share ranges for some sectors.
func montecarloCase(r *rand.Rand) (*scenarios.Model, *scenarios.Scenario, scenarios.MonteCarloInputs) {
	m, sc := randomProductCase(r, 300, 8)
	for i := range sc.Measures {
		me := &sc.Measures[i]
		me.Rate *= 1.5 // rates up to 150%: some lines clip
		if r.IntN(2) == 0 {
			me.RateLow, me.RateHigh = me.Rate*r.Float64(), math.Min(scenarios.MaxRate, me.Rate*(1+r.Float64()))
		}
	}
	cusma := map[string]scenarios.Range{}
	for _, s := range m.Sectors {
		if r.IntN(3) > 0 {
			lo := r.Float64()
			cusma[s.Code] = scenarios.Range{Lo: lo, Hi: lo + (1-lo)*r.Float64()}
		}
	}
	return m, sc, m.MonteCarloInputs(cusma)
}

// bruteForce evaluates one draw with the engine: every line's share moved
// as the draw moves its sector's, the multiplier on every elasticity, the
// drawn rates.
func bruteForce(m *scenarios.Model, sc *scenarios.Scenario, asOf scenarios.Date, d scenarios.MonteCarloDraw) scenarios.Result {
	mm := m.WithMovedShares(d.Move)
	p := mm.Params.Clone()
	for i := range p.Elasticity {
		p.Elasticity[i] *= d.K
	}
	v := sc.Clone()
	for i := range v.Measures {
		if rate, ok := d.Rate[v.Measures[i].ID]; ok {
			v.Measures[i].Rate = rate
		}
	}
	return mm.WithParams(p, m.ElasticityLow, m.ElasticityHigh).Evaluate(&v, asOf)
}

func TestMonteCarloDrawsMatchTheEngine(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	exact := 0
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 3))
		m, sc, u := montecarloCase(r)
		ex := m.ExactLines(sc, asOf, u)
		exact += ex[0] + ex[1]
		for k, d := range m.MonteCarloDraws(sc, asOf, u, 4, seed) {
			res := bruteForce(m, sc, asOf, d)
			for di, dir := range scenarios.Directions {
				for s, sec := range m.Sectors {
					f, _ := res.Flow(dir, sec.Code)
					if !nearRel(d.Duty[di][s], f.Duty) || !nearRel(d.Trade[di][s], f.TradeChange) {
						t.Fatalf("case %d draw %d %s %s: duty %v trade %v, engine %v %v", seed, k, dir, sec.Code,
							d.Duty[di][s], d.Trade[di][s], f.Duty, f.TradeChange)
					}
				}
			}
		}
	}
	if exact == 0 {
		t.Errorf("no line may clip in any case: the exact path is not tested")
	}
}

func TestMonteCarloDrawingNothingIsThePointEstimate(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 5))
		m, sc, _ := montecarloCase(r)
		res := m.Evaluate(sc, asOf)
		b, err := m.MonteCarlo(sc, asOf, scenarios.MonteCarloInputs{}, 50, seed)
		if err != nil {
			t.Fatal(err)
		}
		for i, fb := range b.Flows {
			f := res.Flows[i]
			if fb.Direction != f.Direction || fb.Sector != f.Sector {
				t.Fatalf("flow %d is %s %s, want %s %s", i, fb.Direction, fb.Sector, f.Direction, f.Sector)
			}
			for _, c := range []struct {
				b    scenarios.Percentiles
				want float64
			}{{fb.Duty, f.Duty}, {fb.TradeChange, f.TradeChange}} {
				if c.b.P10 != c.b.P50 || c.b.P50 != c.b.P90 || !nearRel(c.b.P50, c.want) {
					t.Fatalf("case %d %s %s: band %+v, point %v", seed, f.Direction, f.Sector, c.b, c.want)
				}
			}
		}
		for di := range 2 {
			if !nearRel(b.Totals[di].Duty.P50, res.Totals[di].Duty) || !nearRel(b.Totals[di].TradeChange.P50, res.Totals[di].TradeChange) {
				t.Fatalf("case %d totals %d: %+v, point %v %v", seed, di, b.Totals[di], res.Totals[di].Duty, res.Totals[di].TradeChange)
			}
		}
	}
}

func TestMonteCarloBandsAreOrderedAndReproducible(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	for seed := range uint64(10) {
		r := rand.New(rand.NewPCG(seed, 7))
		m, sc, u := montecarloCase(r)
		a, err := m.MonteCarlo(sc, asOf, u, 500, seed)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := m.MonteCarlo(sc, asOf, u, 500, seed)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("case %d: the same seed gave different bands", seed)
		}
		c, _ := m.MonteCarlo(sc, asOf, u, 500, seed+100)
		if len(a.CUSMASectors) > 0 && reflect.DeepEqual(a.Totals, c.Totals) && a.Totals[0].Duty.P10 != a.Totals[0].Duty.P90 {
			t.Errorf("case %d: another seed gave the same bands", seed)
		}
		check := func(what string, bd scenarios.Percentiles) {
			if !(bd.P10 <= bd.P50 && bd.P50 <= bd.P90) {
				t.Fatalf("case %d %s: %+v not ordered", seed, what, bd)
			}
		}
		for _, f := range a.Flows {
			check(string(f.Direction)+" "+f.Sector+" duty", f.Duty)
			check(string(f.Direction)+" "+f.Sector+" trade", f.TradeChange)
		}
		for di := range 2 {
			check("total duty", a.Totals[di].Duty)
			check("total trade", a.Totals[di].TradeChange)
		}
	}
}

// TestMonteCarloUniformRate checks the percentiles of one uncertain rate
// by hand: one line of US$100 under a rate uniform in [10%, 30%] has duty
// uniform in [10, 30], so P10, P50 and P90 are near 12, 20 and 28, and the
// trade effect (elasticity 2, no clipping) is -2 times the duty.
func TestMonteCarloUniformRate(t *testing.T) {
	sectors := []scenarios.Sector{{Code: "A"}}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{Elasticity: map[string]float64{"A": 2}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5,
		Lines: []scenarios.Line{{Direction: scenarios.CAtoUS, Code: "01", Sector: "A", Value: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scenarios.Scenario{Name: "one", Measures: []scenarios.Measure{{ID: "m", Imposer: "US", Rate: 0.2, RateLow: 0.1, RateHigh: 0.3,
		From: scenarios.MustDate("2025-01-01")}}}
	b, err := m.MonteCarlo(sc, scenarios.MustDate("2025-02-01"), scenarios.MonteCarloInputs{Rates: true}, 10000, 1)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := b.Flow(scenarios.CAtoUS, "A")
	for _, c := range []struct{ got, want float64 }{{f.Duty.P10, 12}, {f.Duty.P50, 20}, {f.Duty.P90, 28},
		{f.TradeChange.P10, -56}, {f.TradeChange.P50, -40}, {f.TradeChange.P90, -24}} {
		if math.Abs(c.got-c.want) > 0.3*math.Abs(c.want)/20+0.3 {
			t.Errorf("percentile %v, want about %v", c.got, c.want)
		}
	}
	if len(b.Rates) != 1 || b.Rates[0] != "m" || b.Draws != 10000 {
		t.Errorf("drawn: %+v", b)
	}
}

func TestMonteCarloRefusesBadInput(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	m, sc, u := montecarloCase(r)
	d := scenarios.MustDate("2025-06-01")
	if _, err := m.MonteCarlo(sc, d, u, 0, 1); err == nil {
		t.Errorf("0 draws accepted")
	}
	u.CUSMA = map[string]scenarios.Range{"STEEL": {Lo: 0.5, Hi: 1.2}}
	if _, err := m.MonteCarlo(sc, d, u, 10, 1); err == nil {
		t.Errorf("a share range beyond 1 accepted")
	}
}
