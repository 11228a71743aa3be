package scenarios_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"parley/scenarios"
)

// synthetic builds a workspace-sized model of lines tariff lines over 26
// sectors and a scenario of measures measures.
func synthetic(b *testing.B, lines, measures int) ([]scenarios.Sector, []scenarios.Line, scenarios.Params, *scenarios.Scenario) {
	b.Helper()
	r := rand.New(rand.NewPCG(9, 9))
	sectors := make([]scenarios.Sector, 26)
	el := map[string]float64{}
	cusma := map[string]float64{}
	for i := range sectors {
		sectors[i] = scenarios.Sector{Code: fmt.Sprintf("S%02d", i)}
		el[sectors[i].Code] = 0.5 + r.Float64()
		cusma[sectors[i].Code] = r.Float64()
	}
	ls := make([]scenarios.Line, lines)
	for i := range ls {
		ls[i] = scenarios.Line{Direction: scenarios.Directions[i%2], Code: fmt.Sprintf("%010d", i),
			Sector: sectors[r.IntN(26)].Code, Value: float64(r.IntN(1e8))}
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{CUSMAShare: cusma, Elasticity: el})
	if err != nil {
		b.Fatal(err)
	}
	sc := &scenarios.Scenario{Name: "synthetic"}
	programs := []string{"IEEPA", "S232", "S122", "S338"}
	for i := 0; i < measures; i++ {
		cov := map[string]float64{"*": r.Float64()}
		for k := 0; k < 4; k++ {
			cov[sectors[r.IntN(26)].Code] = r.Float64()
		}
		me := scenarios.Measure{ID: fmt.Sprintf("m%d", i), Imposer: []string{"US", "CA"}[i%2], Program: programs[i%4],
			Sectors: cov, Rate: r.Float64(), CUSMAExempt: i%3 == 0, From: scenarios.MustDate("2025-01-01")}
		if i%4 == 0 {
			me.YieldsTo = []string{"S232"}
		}
		sc.Measures = append(sc.Measures, me)
	}
	return sectors, ls, p, sc
}

// BenchmarkEvaluate20k is one evaluation of a 40-measure scenario on a model
// prepared from 20,000 lines.
func BenchmarkEvaluate20k(b *testing.B) {
	sectors, lines, p, sc := synthetic(b, 20000, 40)
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		b.Fatal(err)
	}
	d := scenarios.MustDate("2025-06-01")
	b.ResetTimer()
	for b.Loop() {
		m.Evaluate(sc, d)
	}
}

// BenchmarkCompute20k is a whole compute from the lines: summing 20,000
// lines into sectors, then evaluating 40 measures.
func BenchmarkCompute20k(b *testing.B) {
	sectors, lines, p, sc := synthetic(b, 20000, 40)
	d := scenarios.MustDate("2025-06-01")
	b.ResetTimer()
	for b.Loop() {
		m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
		if err != nil {
			b.Fatal(err)
		}
		m.Evaluate(sc, d)
	}
}

// BenchmarkTimeline20k evaluates 24 months.
func BenchmarkTimeline20k(b *testing.B) {
	sectors, lines, p, sc := synthetic(b, 20000, 40)
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := m.Timeline(sc, scenarios.MustDate("2025-01-01"), scenarios.MustDate("2026-12-31")); err != nil {
			b.Fatal(err)
		}
	}
}
