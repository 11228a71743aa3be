package scenarios_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"parley/scenarios"
)

// randomCase builds a random model of n sectors and a random scenario.
func randomCase(r *rand.Rand, n, measures int) (*scenarios.Model, *scenarios.Scenario) {
	sectors := make([]scenarios.Sector, n)
	var lines []scenarios.Line
	cusma := map[string]float64{}
	el := map[string]float64{}
	for i := range sectors {
		code := fmt.Sprintf("S%02d", i)
		sectors[i] = scenarios.Sector{Code: code}
		for _, d := range scenarios.Directions {
			lines = append(lines, scenarios.Line{Direction: d, Code: code, Sector: code, Value: float64(r.IntN(1e9))})
		}
		cusma[code] = r.Float64()
		el[code] = r.Float64() * 3
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{CUSMAShare: cusma, Elasticity: el})
	if err != nil {
		panic(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		panic(err)
	}
	programs := []string{"IEEPA", "S232", "S122", "ADCVD"}
	sc := &scenarios.Scenario{Name: "random"}
	for i := 0; i < measures; i++ {
		cov := map[string]float64{}
		if r.IntN(2) == 0 {
			cov["*"] = r.Float64()
		}
		for k := 0; k < 3; k++ {
			cov[sectors[r.IntN(n)].Code] = r.Float64()
		}
		me := scenarios.Measure{
			ID: fmt.Sprintf("m%d", i), Imposer: []string{"US", "CA"}[r.IntN(2)], Program: programs[r.IntN(len(programs))],
			Sectors: cov, Rate: r.Float64(), CUSMAExempt: r.IntN(2) == 0,
			From: scenarios.MustDate("2025-01-01"),
		}
		if r.IntN(2) == 0 {
			me.YieldsTo = []string{programs[r.IntN(len(programs))]}
		}
		sc.Measures = append(sc.Measures, me)
	}
	return m, sc
}

func TestPropertyZeroRateZeroDuty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		m, sc := randomCase(r, 8, 6)
		for k := range sc.Measures {
			sc.Measures[k].Rate = 0
		}
		res := m.Evaluate(sc, day)
		for _, f := range res.Flows {
			if f.Duty != 0 || f.Tariff != 0 || f.TradeChange != 0 || f.DutyCollected != 0 || f.ValueAfter != f.Baseline {
				t.Fatalf("case %d: zero rates gave %+v", i, f)
			}
		}
	}
}

func TestPropertyDutyGrowsWithRate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		m, sc := randomCase(r, 8, 6)
		k := r.IntN(len(sc.Measures))
		before := m.Evaluate(sc, day)
		sc.Measures[k].Rate += r.Float64() * 2
		after := m.Evaluate(sc, day)
		for j, f := range after.Flows {
			b := before.Flows[j]
			if f.Duty < b.Duty-1e-6 || f.Tariff < b.Tariff-1e-12 {
				t.Fatalf("case %d: raising measure %d lowered %s %s duty %v -> %v", i, k, f.Direction, f.Sector, b.Duty, f.Duty)
			}
			if f.TradeChange > b.TradeChange+1e-6 {
				t.Fatalf("case %d: raising a rate raised trade %v -> %v", i, b.TradeChange, f.TradeChange)
			}
			if f.TradeChange < -f.Baseline-1e-6 || f.ValueAfter < -1e-6 {
				t.Fatalf("case %d: trade change %v below -V %v", i, f.TradeChange, f.Baseline)
			}
		}
	}
}

func TestPropertyFullCUSMAShareExempts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 200; i++ {
		m, sc := randomCase(r, 8, 6)
		for k := range sc.Measures {
			sc.Measures[k].CUSMAExempt = true
		}
		p := m.Params.Clone()
		for d := range p.CUSMAShare {
			for j := range p.CUSMAShare[d] {
				p.CUSMAShare[d][j] = 1
			}
		}
		res := m.WithParams(p, 0.5, 1.5).Evaluate(sc, day)
		for _, f := range res.Flows {
			if f.Duty != 0 {
				t.Fatalf("case %d: CUSMA share 1 on exempt measures left duty %v on %s", i, f.Duty, f.Sector)
			}
		}
	}
}

func TestPropertyLowHighBracket(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 200; i++ {
		m, sc := randomCase(r, 8, 6)
		for _, f := range m.Evaluate(sc, day).Flows {
			// low multiplier 0.5 < 1 < 1.5: the effects are ordered high <= central <= low <= 0.
			if !(f.TradeChangeHigh <= f.TradeChange+1e-6 && f.TradeChange <= f.TradeChangeLow+1e-6 && f.TradeChangeLow <= 0) {
				t.Fatalf("case %d: %s %s low %v central %v high %v", i, f.Direction, f.Sector, f.TradeChangeLow, f.TradeChange, f.TradeChangeHigh)
			}
		}
	}
}
