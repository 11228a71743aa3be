package scenarios_test

import (
	"math/rand/v2"
	"testing"

	"parley/scenarios"
)

// TestContributionsRebuildTheEngine: the terms of every line add up to the
// engine's tariff, and by measure to the engine's duty per measure.
func TestContributionsRebuildTheEngine(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 11))
		m, sc := randomProductCase(r, 200, 8)
		sc.Measures[0].Rate = 0 // a measure of rate 0 still has terms
		res := m.EvaluateWith(sc, asOf, scenarios.Options{Lines: true})
		for _, d := range scenarios.Directions {
			tau := map[int]float64{}
			for _, l := range res.Lines {
				if l.Direction == d {
					tau[l.Index] = l.Tariff
				}
			}
			byMeasure := map[string]float64{}
			seen := 0
			for _, lt := range m.Contributions(sc, d, asOf) {
				got := lt.Tariff()
				if want := tau[lt.Index]; !nearRel(got, want) {
					t.Fatalf("case %d %s line %d: terms give %v, engine %v", seed, d, lt.Index, got, want)
				}
				if lt.Value != m.Line(d, lt.Index).Value {
					t.Fatalf("case %d: value of line %d", seed, lt.Index)
				}
				if got != 0 {
					seen++
				}
				for _, term := range lt.Terms {
					if term.Cov <= 0 || term.Cov > 1 {
						t.Fatalf("case %d: cov' %v", seed, term.Cov)
					}
					byMeasure[sc.Measures[term.Measure].ID] += lt.Value * term.Rate * term.Cov * (1 - lt.Share*term.Exempt)
				}
			}
			if seen != len(tau) {
				t.Fatalf("case %d %s: %d lines with a tariff from the terms, %d from the engine", seed, d, seen, len(tau))
			}
			for _, md := range res.Measures {
				if md.Direction == d && !nearRel(byMeasure[md.ID], md.Duty) {
					t.Fatalf("case %d %s: measure %s duty %v from the terms, %v from the engine", seed, d, md.ID, byMeasure[md.ID], md.Duty)
				}
			}
		}
	}
}
