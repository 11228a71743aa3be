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

// productCase builds 12,000 HTS10 lines of Canada → US over 26 sectors with
// content shares, 25 product lists of 300 codes each (HTS8 and HS6), and a
// scenario of 40 product-scoped measures: lists included and excluded,
// content, CUSMA relief and precedence, as the built-in library has them.
func productCase(b *testing.B) (*scenarios.Model, *scenarios.Scenario) {
	b.Helper()
	r := rand.New(rand.NewPCG(3, 4))
	sectors := make([]scenarios.Sector, 26)
	el, cusma := map[string]float64{}, map[string]float64{}
	for i := range sectors {
		sectors[i] = scenarios.Sector{Code: fmt.Sprintf("S%02d", i)}
		el[sectors[i].Code], cusma[sectors[i].Code] = 0.5+r.Float64(), r.Float64()
	}
	content := scenarios.ContentShares{}
	lines := make([]scenarios.Line, 12000)
	for i := range lines {
		code := fmt.Sprintf("%02d%08d", 1+i%97, r.IntN(1e8))
		lines[i] = scenarios.Line{Direction: scenarios.CAtoUS, Code: code, Sector: sectors[(i%97)%26].Code,
			Value: float64(r.IntN(1e8)), Claim: r.Float64(), HasClaim: r.IntN(4) > 0}
		if r.IntN(3) > 0 {
			content[code] = scenarios.ContentShare{r.Float64(), r.Float64(), r.Float64(), r.Float64()}
		}
	}
	for i := range 98 {
		lines = append(lines, scenarios.Line{Direction: scenarios.UStoCA, Code: fmt.Sprintf("%02d", 1+i%97), Sector: sectors[(i%97)%26].Code, Value: 1e9})
	}
	lists := scenarios.ProductLists{}
	for i := range 25 {
		var codes []string
		for range 300 {
			c := lines[r.IntN(12000)].Code
			codes = append(codes, c[:6+2*r.IntN(2)])
		}
		name := fmt.Sprintf("list-%d", i)
		lists[name] = &scenarios.ProductList{Name: name, Codes: codes}
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{CUSMAShare: cusma, Elasticity: el})
	if err != nil {
		b.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5,
		ElasticityHigh: 1.5, Ref: &scenarios.Reference{Lists: lists, Content: content}})
	if err != nil {
		b.Fatal(err)
	}
	sc := &scenarios.Scenario{Name: "products", AsOf: scenarios.MustDate("2025-06-01"), Assumptions: scenarios.DefaultAssumptions()}
	programs := []string{"IEEPA", "S232", "S122", "S338"}
	for i := range 40 {
		me := scenarios.Measure{ID: fmt.Sprintf("m%d", i), Imposer: "US", Program: programs[i%4], Rate: r.Float64(),
			CUSMAExempt: i%3 == 0, From: scenarios.MustDate("2025-01-01")}
		switch i % 4 {
		case 0: // a blanket duty that excludes two lists and yields to S232
			me.Sectors = map[string]float64{"*": 1, "S00": 0}
			me.Products = &scenarios.ProductScope{Exclude: []string{fmt.Sprintf("list:list-%d", i%25), fmt.Sprintf("list:list-%d", (i+1)%25)}}
			me.YieldsTo = []string{"S232"}
		case 1: // a derivative list on metal content
			me.Products = &scenarios.ProductScope{Include: []string{fmt.Sprintf("list:list-%d", i%25)}}
			me.Content = scenarios.ContentKinds[i%4]
		default:
			me.Products = &scenarios.ProductScope{Include: []string{fmt.Sprintf("list:list-%d", i%25), fmt.Sprintf("%02d", 1+i)}}
		}
		sc.Measures = append(sc.Measures, me)
	}
	if err := scenarios.Validate(sc, nil).Err(); err != nil {
		b.Fatal(err)
	}
	return m, sc
}

// BenchmarkProducts12kWarm is one evaluation of 40 product-scoped measures
// over 12,000 HTS10 lines, with the scopes already worked out (the window's
// edit -> recompute).
func BenchmarkProducts12kWarm(b *testing.B) {
	m, sc := productCase(b)
	d := scenarios.MustDate("2025-06-01")
	m.Evaluate(sc, d)
	for b.Loop() {
		m.Evaluate(sc, d)
	}
}

// BenchmarkProducts12kCold includes working out every measure's scope over
// the lines (a fresh process), and the per-line results.
func BenchmarkProducts12kCold(b *testing.B) {
	_, sc := productCase(b)
	d := scenarios.MustDate("2025-06-01")
	for b.Loop() {
		b.StopTimer()
		m, _ := productCase(b)
		b.StartTimer()
		m.EvaluateWith(sc, d, scenarios.Options{Lines: true})
	}
}

// BenchmarkSensitivity400 is the tornado of a 400-measure scenario over
// 12,000 HTS10 lines (it must not grow with the square of the measures).
func BenchmarkSensitivity400(b *testing.B) {
	m, sc := productCase(b)
	for len(sc.Measures) < 400 {
		me := sc.Measures[len(sc.Measures)%40].Clone()
		me.ID = fmt.Sprintf("x%d", len(sc.Measures))
		sc.Measures = append(sc.Measures, me)
	}
	d := scenarios.MustDate("2025-06-01")
	for b.Loop() {
		m.Sensitivity(sc, d)
	}
}
