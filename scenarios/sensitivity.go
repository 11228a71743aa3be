package scenarios

import (
	"fmt"
	"math"
)

// Sensitivity steps of the tornado chart.
const (
	CUSMAShareStep = 0.10 // ± 10 percentage points
	RateStep       = 0.25 // ± 25% of each measure's rate
)

// Swing is how a direction's totals move when one assumption moves down and up.
type Swing struct {
	Name string    // e.g. "Elasticity (×0.5 / ×1.5)"
	Low  [2]Totals // totals with the assumption moved down, by direction index
	High [2]Totals // totals with the assumption moved up, by direction index
}

// Sensitivity evaluates the scenario on asOf with each assumption moved in
// turn: the elasticity to its low and high multipliers, every sector's CUSMA
// share into the US ±10 points (clipped to [0, 1]; flows into Canada have no
// share data) and each measure's rate ±25% (clipped to
// [0, MaxRate]). It returns the base totals and one swing per assumption.
func (m *Model) Sensitivity(sc *Scenario, asOf Date) (base [2]Totals, swings []Swing) {
	base = m.Evaluate(sc, asOf).Totals

	lo := m.WithParams(m.scaledElasticity(m.ElasticityLow), m.ElasticityLow, m.ElasticityHigh)
	hi := m.WithParams(m.scaledElasticity(m.ElasticityHigh), m.ElasticityLow, m.ElasticityHigh)
	swings = append(swings, Swing{
		Name: fmt.Sprintf("Elasticity (×%g / ×%g)", m.ElasticityLow, m.ElasticityHigh),
		Low:  lo.Evaluate(sc, asOf).Totals,
		High: hi.Evaluate(sc, asOf).Totals,
	})

	swings = append(swings, Swing{
		Name: fmt.Sprintf("CUSMA share (±%g points)", CUSMAShareStep*100),
		Low:  m.WithParams(m.shiftedCUSMA(-CUSMAShareStep), m.ElasticityLow, m.ElasticityHigh).Evaluate(sc, asOf).Totals,
		High: m.WithParams(m.shiftedCUSMA(+CUSMAShareStep), m.ElasticityLow, m.ElasticityHigh).Evaluate(sc, asOf).Totals,
	})

	for i, me := range sc.Measures {
		if !me.ActiveOn(asOf) || me.Rate == 0 {
			continue
		}
		variant := sc.Clone()
		variant.Measures[i].Rate = math.Max(0, me.Rate*(1-RateStep))
		low := m.Evaluate(&variant, asOf).Totals
		variant.Measures[i].Rate = math.Min(MaxRate, me.Rate*(1+RateStep))
		high := m.Evaluate(&variant, asOf).Totals
		name := me.Label
		if name == "" {
			name = me.ID
		}
		swings = append(swings, Swing{Name: fmt.Sprintf("%s rate (±%g%%)", name, RateStep*100), Low: low, High: high})
	}
	return base, swings
}

func (m *Model) scaledElasticity(k float64) Params {
	p := m.Params.Clone()
	for i := range p.Elasticity {
		p.Elasticity[i] *= k
	}
	return p
}

func (m *Model) shiftedCUSMA(delta float64) Params {
	p := m.Params.Clone()
	p.CUSMAShift += delta
	return p
}
