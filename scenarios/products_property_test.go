package scenarios_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"parley/scenarios"
)

// randomProductCase builds a random product-level model (HTS10 lines in a
// few chapters, some chapter lines, content shares, lists) and a random
// scenario of product-scoped measures.
func randomProductCase(r *rand.Rand, lines, measures int) (*scenarios.Model, *scenarios.Scenario) {
	chapters := []string{"22", "72", "73", "76", "84", "87"}
	sectors := []scenarios.Sector{{Code: "FOOD"}, {Code: "STEEL"}, {Code: "ALU"}, {Code: "MACH"}, {Code: "AUTO"}}
	sectorOf := map[string]string{"22": "FOOD", "72": "STEEL", "73": "STEEL", "76": "ALU", "84": "MACH", "87": "AUTO"}
	content := scenarios.ContentShares{}
	var ls []scenarios.Line
	var codes []string
	seen := map[string]bool{}
	for len(ls) < lines {
		ch := chapters[r.IntN(len(chapters))]
		code := fmt.Sprintf("%s%08d", ch, r.IntN(1e8))
		if seen[code] {
			continue
		}
		seen[code] = true
		codes = append(codes, code)
		l := scenarios.Line{Direction: scenarios.CAtoUS, Code: code, Sector: sectorOf[ch], Value: float64(r.IntN(1e7))}
		if r.IntN(3) > 0 {
			l.Claim, l.HasClaim = r.Float64(), true
		}
		ls = append(ls, l)
		if r.IntN(4) > 0 {
			content[code] = scenarios.ContentShare{r.Float64() * 1.3, r.Float64(), r.Float64() * 1.2, r.Float64()}
		}
	}
	for _, ch := range chapters {
		ls = append(ls, scenarios.Line{Direction: scenarios.UStoCA, Code: ch, Sector: sectorOf[ch], Value: float64(r.IntN(1e9))})
	}
	// entry returns a prefix of a random line's code (2 to 10 digits).
	entry := func() string {
		c := codes[r.IntN(len(codes))]
		return c[:2+r.IntN(9)]
	}
	lists := scenarios.ProductLists{}
	for i := range 3 {
		var lc []string
		for range 1 + r.IntN(8) {
			lc = append(lc, entry())
		}
		slices.Sort(lc)
		name := fmt.Sprintf("l%d", i)
		lists[name] = &scenarios.ProductList{Name: name, Codes: slices.Compact(lc)}
	}
	el, cs := map[string]float64{}, map[string]float64{}
	for _, s := range sectors {
		el[s.Code], cs[s.Code] = r.Float64()*3, r.Float64()
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{CUSMAShare: cs, Elasticity: el})
	if err != nil {
		panic(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: ls, Params: p, ElasticityLow: 0.5,
		ElasticityHigh: 1.5, Ref: &scenarios.Reference{Lists: lists, Content: content}})
	if err != nil {
		panic(err)
	}
	programs := []string{"IEEPA", "S232", "S122"}
	sc := &scenarios.Scenario{Name: "random"}
	for i := range measures {
		me := scenarios.Measure{ID: fmt.Sprintf("m%d", i), Imposer: []string{"US", "US", "CA"}[r.IntN(3)],
			Program: programs[r.IntN(len(programs))], Rate: r.Float64(), CUSMAExempt: r.IntN(2) == 0,
			From: scenarios.MustDate("2025-01-01")}
		if me.CUSMAExempt && r.IntN(2) == 0 {
			x := r.Float64()
			me.CUSMAExemptShare = &x
		}
		if r.IntN(3) > 0 {
			me.Products = &scenarios.ProductScope{}
			for range r.IntN(4) {
				e := entry()
				if r.IntN(3) == 0 {
					e = fmt.Sprintf("list:l%d", r.IntN(3))
				}
				me.Products.Include = append(me.Products.Include, e)
			}
			for range r.IntN(3) {
				me.Products.Exclude = append(me.Products.Exclude, entry())
			}
		}
		if r.IntN(3) == 0 {
			me.Content = scenarios.ContentKinds[r.IntN(len(scenarios.ContentKinds))]
		}
		if r.IntN(3) == 0 {
			me.Sectors = map[string]float64{"*": r.Float64(), sectors[r.IntN(len(sectors))].Code: r.Float64()}
		}
		if r.IntN(2) == 0 {
			me.YieldsTo = []string{programs[r.IntN(len(programs))]}
		}
		sc.Measures = append(sc.Measures, me)
	}
	return m, sc
}

func totalDuty(res scenarios.Result) float64 { return res.Totals[0].Duty + res.Totals[1].Duty }

func measureDuty(res scenarios.Result, id string) float64 {
	sum := 0.0
	for _, md := range res.Measures {
		if md.ID == id {
			sum += md.Duty
		}
	}
	return sum
}

// TestPropertyNarrowingScope: adding an exclude entry (or dropping an include
// entry) never raises the measure's own duty, nor the total when no other
// measure yields to its programme.
func TestPropertyNarrowingScope(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		m, sc := randomProductCase(r, 60, 5)
		k := r.IntN(len(sc.Measures))
		narrow := sc.Clone()
		me := &narrow.Measures[k]
		if me.Products == nil {
			me.Products = &scenarios.ProductScope{}
		}
		if len(me.Products.Include) > 1 && r.IntN(2) == 0 {
			me.Products.Include = me.Products.Include[1:]
		} else {
			c := m.Line(scenarios.CAtoUS, r.IntN(m.LineCount(scenarios.CAtoUS))).Code
			me.Products.Exclude = append(me.Products.Exclude, c[:2+r.IntN(9)])
		}
		before, after := m.Evaluate(sc, day), m.Evaluate(&narrow, day)
		id := sc.Measures[k].ID
		if measureDuty(after, id) > measureDuty(before, id)*(1+1e-12)+1e-9 {
			t.Fatalf("case %d: narrowing %s raised its duty %v -> %v", i, id, measureDuty(before, id), measureDuty(after, id))
		}
		yielded := false
		for j, other := range sc.Measures {
			if j != k && slices.Contains(other.YieldsTo, sc.Measures[k].Program) {
				yielded = true
			}
		}
		if !yielded && totalDuty(after) > totalDuty(before)*(1+1e-12)+1e-9 {
			t.Fatalf("case %d: narrowing %s raised the total %v -> %v", i, id, totalDuty(before), totalDuty(after))
		}
	}
}

// TestPropertyListsCoveringEverything: a measure whose include lists cover
// every line gives the same numbers as the same measure at {"*": 1}.
func TestPropertyListsCoveringEverything(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 200 {
		m, sc := randomProductCase(r, 40, 4)
		all := sc.Clone()
		for j := range sc.Measures {
			sc.Measures[j].Products, sc.Measures[j].Sectors = nil, map[string]float64{"*": 1}
			all.Measures[j].Products = &scenarios.ProductScope{Include: []string{"22", "72", "73", "76", "84", "87"}}
			all.Measures[j].Sectors = nil
		}
		a, b := m.Evaluate(sc, day), m.Evaluate(&all, day)
		for d := range a.Totals {
			if a.Totals[d] != b.Totals[d] {
				t.Fatalf("case %d: %+v != %+v", i, a.Totals[d], b.Totals[d])
			}
		}
		for j := range a.Flows {
			if a.Flows[j] != b.Flows[j] {
				t.Fatalf("case %d flow %d: %+v != %+v", i, j, a.Flows[j], b.Flows[j])
			}
		}
	}
}

// TestPropertyExplainAgreesWithEvaluate: line by line, the entry-by-entry
// explanation gives the tariff and upper-bound flag of the evaluation.
func TestPropertyExplainAgreesWithEvaluate(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 100 {
		m, sc := randomProductCase(r, 50, 6)
		res := m.EvaluateWith(sc, day, scenarios.Options{Lines: true})
		got := map[string]scenarios.LineFlow{}
		for _, l := range res.Lines {
			got[string(l.Direction)+l.Code] = l
		}
		for _, d := range scenarios.Directions {
			for li := range m.LineCount(d) {
				lf, _ := m.ExplainLine(sc, d, li, day)
				want, ok := got[string(d)+lf.Code]
				if !ok {
					if lf.Duty != 0 {
						t.Fatalf("case %d %s %s: explained duty %v, none evaluated", i, d, lf.Code, lf.Duty)
					}
					continue
				}
				if !near(lf.Tariff, want.Tariff) || lf.UpperBound != want.UpperBound {
					t.Fatalf("case %d %s %s: explained tau %v ub %v, evaluated %v %v", i, d, lf.Code, lf.Tariff, lf.UpperBound, want.Tariff, want.UpperBound)
				}
			}
		}
	}
}

// TestPropertyRateSwingsMatchReevaluation: the tornado's rate swings, which
// recompute only the lines a measure covers, equal evaluating the scenario
// again with the rate moved.
func TestPropertyRateSwingsMatchReevaluation(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for i := range 60 {
		m, sc := randomProductCase(r, 50, 6)
		_, swings := m.Sensitivity(sc, day)
		k := 2 // after the elasticity and CUSMA swings
		for j, me := range sc.Measures {
			if !me.ActiveOn(day, false) || me.Rate == 0 {
				continue
			}
			for _, w := range []struct {
				rate float64
				got  [2]scenarios.Totals
			}{{math.Max(0, me.Rate*(1-scenarios.RateStep)), swings[k].Low}, {math.Min(scenarios.MaxRate, me.Rate*(1+scenarios.RateStep)), swings[k].High}} {
				v := sc.Clone()
				v.Measures[j].Rate = w.rate
				want := m.Evaluate(&v, day).Totals
				for d := range want {
					g, e := w.got[d], want[d]
					for _, pair := range [][2]float64{{g.Duty, e.Duty}, {g.TradeChange, e.TradeChange}, {g.TradeChangeLow, e.TradeChangeLow},
						{g.TradeChangeHigh, e.TradeChangeHigh}, {g.ValueAfter, e.ValueAfter}, {g.DutyCollected, e.DutyCollected}, {g.EffectiveRate, e.EffectiveRate}} {
						if math.Abs(pair[0]-pair[1]) > 1e-6*math.Max(1, math.Abs(pair[1])) {
							t.Fatalf("case %d measure %s rate %v direction %d: swing %+v, evaluation %+v", i, me.ID, w.rate, d, g, e)
						}
					}
				}
			}
			k++
		}
		if k != len(swings) {
			t.Fatalf("case %d: %d swings, %d expected", i, len(swings), k)
		}
	}
}
