package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// BenchmarkMonteCarlo10k is 10,000 draws over the 12,000-line product case
// (40 product-scoped measures of random rates stacked on each line), every
// sector's CUSMA share drawn, the elasticity drawn and every fourth rate
// uncertain: a hard case, where thousands of lines may clip and each takes
// several uncertain rates. The built-in "today" scenario, timed by the
// storage test TestMonteCarloToday, is an order of magnitude faster.
func BenchmarkMonteCarlo10k(b *testing.B) {
	m, sc := productCase(b)
	for i := range sc.Measures {
		if i%4 == 0 {
			me := &sc.Measures[i]
			me.RateLow, me.RateHigh = me.Rate*0.5, min(scenarios.MaxRate, me.Rate*1.5)
		}
	}
	cusma := map[string]scenarios.Range{}
	for _, s := range m.Sectors {
		cusma[s.Code] = scenarios.Range{Lo: 0.3, Hi: 0.9}
	}
	u := m.MonteCarloInputs(cusma)
	d := scenarios.MustDate("2025-06-01")
	m.Evaluate(sc, d) // scopes cached, as in the app
	b.ResetTimer()
	for b.Loop() {
		if _, err := m.MonteCarlo(sc, d, u, 10000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
