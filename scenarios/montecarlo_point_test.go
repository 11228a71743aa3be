package scenarios_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"parley/scenarios"
)

// pointCase is a random product case for the ranges' property: random
// CUSMA share ranges (some of which leave out the sector's own share), the
// elasticity between 0.5 and 1.5, at most one rate marked uncertain (with
// the point anywhere in its range), sometimes an import ban and sometimes a
// CUSMA shift.
func pointCase(r *rand.Rand) (*scenarios.Model, *scenarios.Scenario, scenarios.MonteCarloInputs) {
	m, sc := randomProductCase(r, 300, 8)
	for i := range sc.Measures {
		sc.Measures[i].Rate *= 1.5 // rates up to 150%: some lines clip
	}
	if r.IntN(2) == 0 {
		me := &sc.Measures[r.IntN(len(sc.Measures))]
		me.RateLow, me.RateHigh = me.Rate*r.Float64(), math.Min(scenarios.MaxRate, me.Rate*(1+3*r.Float64()))
	}
	if r.IntN(2) == 0 {
		b := scenarios.Measure{ID: "ban", Imposer: "US", Program: "S338", Kind: scenarios.KindBan,
			Sectors: map[string]float64{m.Sectors[r.IntN(len(m.Sectors))].Code: r.Float64()}, From: scenarios.MustDate("2025-01-01")}
		sc.Measures = append(sc.Measures, b)
	}
	if r.IntN(3) == 0 {
		p := m.Params.Clone()
		p.CUSMAShift = r.Float64() - 0.5
		m = m.WithParams(p, m.ElasticityLow, m.ElasticityHigh)
	}
	cusma := map[string]scenarios.Range{}
	for _, s := range m.Sectors {
		if r.IntN(4) > 0 {
			lo := r.Float64()
			cusma[s.Code] = scenarios.Range{Lo: lo, Hi: lo + (1-lo)*r.Float64()}
		}
	}
	return m, sc, m.MonteCarloInputs(cusma)
}

// TestMonteCarloRangesHoldThePoint is the ranges' property: whatever the
// scenario, the share ranges and where the point lies in them, the point
// estimate of duty at stake and of the trade effect of every sector and
// total lies within its P10–P90.
func TestMonteCarloRangesHoldThePoint(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 17))
		m, sc, u := pointCase(r)
		res := m.Evaluate(sc, asOf)
		b, err := m.MonteCarlo(sc, asOf, u, 5000, seed)
		if err != nil {
			t.Fatal(err)
		}
		for i, fb := range b.Flows {
			f := res.Flows[i]
			checkHolds(t, fmt.Sprintf("case %d %s %s duty", seed, f.Direction, f.Sector), fb.Duty, f.Duty)
			checkHolds(t, fmt.Sprintf("case %d %s %s trade", seed, f.Direction, f.Sector), fb.TradeChange, f.TradeChange)
		}
		for di := range 2 {
			checkHolds(t, fmt.Sprintf("case %d total %d duty", seed, di), b.Totals[di].Duty, res.Totals[di].Duty)
			checkHolds(t, fmt.Sprintf("case %d total %d trade", seed, di), b.Totals[di].TradeChange, res.Totals[di].TradeChange)
		}
	}
}

// checkHolds fails unless point lies within [P10, P90] of b (to rounding).
func checkHolds(t *testing.T, what string, b scenarios.Percentiles, point float64) {
	t.Helper()
	tol := 1e-9 * math.Max(1, math.Abs(point))
	if point < b.P10-tol || point > b.P90+tol {
		t.Errorf("%s: point %v outside P10–P90 %v – %v", what, point, b.P10, b.P90)
	}
}

// TestMonteCarloSharesAroundTheLine checks a draw's shares by hand: a
// sector of own share 0.8 drawn in [0.4, 0.9] has its share below 0.8 in
// half the draws; a line of its own share 0.5 moves with it, to 0.25 when
// the sector falls to 0.4 (half its share) and to 0.75 when it rises to
// 0.9 (half the way to 1).
func TestMonteCarloSharesAroundTheLine(t *testing.T) {
	sectors := []scenarios.Sector{{Code: "A"}}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{Elasticity: map[string]float64{"A": 1}, CUSMAShare: map[string]float64{"A": 0.8}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Params: p, ElasticityLow: 1, ElasticityHigh: 1,
		Lines: []scenarios.Line{{Direction: scenarios.CAtoUS, Code: "0101", Sector: "A", Value: 100, Claim: 0.5, HasClaim: true}}})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scenarios.Scenario{Name: "one", Measures: []scenarios.Measure{{ID: "m", Imposer: "US", Rate: 0.2, CUSMAExempt: true,
		From: scenarios.MustDate("2025-01-01")}}}
	day := scenarios.MustDate("2025-02-01")
	u := scenarios.MonteCarloInputs{CUSMA: map[string]scenarios.Range{"A": {Lo: 0.4, Hi: 0.9}}}
	below, n := 0, 2000
	for _, d := range m.MonteCarloDraws(sc, day, u, n, 1) {
		c := d.Share["A"]
		if c < 0.4 || c > 0.9 {
			t.Fatalf("share %v outside [0.4, 0.9]", c)
		}
		line := 0.5 * c / 0.8 // below the sector's share: in proportion
		if c > 0.8 {
			line = 0.5 + 0.5*(c-0.8)/0.2 // above: the same part of the way to 1
		}
		if want := 100 * 0.2 * (1 - line); math.Abs(d.Duty[0][0]-want) > 1e-9 {
			t.Fatalf("share %v: duty %v, want %v", c, d.Duty[0][0], want)
		}
		if c < 0.8 {
			below++
		}
	}
	if below < n*45/100 || below > n*55/100 {
		t.Errorf("%d of %d draws below the point share, want about half", below, n)
	}
	b, err := m.MonteCarlo(sc, day, u, 10000, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Duty 20 (1 - line): 10 at the point (line 0.5), 15 at share 0.4, 5
	// at 0.9; P50 is the point, P10 and P90 four fifths of the way to each
	// end of the half-range on their side.
	f, _ := b.Flow(scenarios.CAtoUS, "A")
	for _, c := range []struct{ got, want float64 }{{f.Duty.P10, 6}, {f.Duty.P50, 10}, {f.Duty.P90, 14}} {
		if math.Abs(c.got-c.want) > 0.1 {
			t.Errorf("percentile %v, want about %v (%+v)", c.got, c.want, f.Duty)
		}
	}
}
