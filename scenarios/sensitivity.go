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

	swings = append(swings, m.rateSwings(sc, asOf, base)...)
	return base, swings
}

// rateSwings moves each active measure's rate down and up in turn. A rate
// changes the tariff of the lines the measure covers only (precedence
// depends on coverage, not rates), so each swing recomputes those lines and
// moves the base totals by their change: the cost grows with the measures'
// scopes, not with their number times all lines.
func (m *Model) rateSwings(sc *Scenario, asOf Date, base [2]Totals) []Swing {
	// A measure's terms: the line (position in terms) and the term's place.
	type at struct{ line, term int }
	var terms [2][]LineTerms
	var tau [2][]float64
	var byMeasure [2]map[int][]at // measure position -> its terms
	for _, d := range Directions {
		di := d.Index()
		terms[di] = m.Contributions(sc, d, asOf)
		tau[di] = make([]float64, len(terms[di]))
		byMeasure[di] = map[int][]at{}
		for li, lt := range terms[di] {
			tau[di][li] = lt.Tariff()
			for k, tm := range lt.Terms {
				byMeasure[di][tm.Measure] = append(byMeasure[di][tm.Measure], at{li, k})
			}
		}
	}
	var swings []Swing
	for i, me := range sc.Measures {
		if !sc.Active(&sc.Measures[i], asOf) || me.Rate == 0 || me.IsBan() {
			continue
		}
		d := me.Direction()
		di := d.Index()
		moved := func(rate float64) [2]Totals {
			tot := base
			t := &tot[di]
			for _, p := range byMeasure[di][i] {
				lt := &terms[di][p.line]
				tm := lt.Terms[p.term]
				tau1 := tau[di][p.line]
				tau2 := tau1 + (rate-tm.Rate)*tm.Cov*(1-lt.Share*tm.Exempt)
				a := m.lineFlow(d, m.tables[di], lt.Index, tau1, lt.Ban)
				b := m.lineFlow(d, m.tables[di], lt.Index, tau2, lt.Ban)
				t.Duty += b.Duty - a.Duty
				t.TradeChange += b.TradeChange - a.TradeChange
				t.TradeChangeLow += b.TradeChangeLow - a.TradeChangeLow
				t.TradeChangeHigh += b.TradeChangeHigh - a.TradeChangeHigh
				t.ValueAfter += b.ValueAfter - a.ValueAfter
				t.DutyCollected += b.DutyCollected - a.DutyCollected
			}
			if t.Baseline != 0 {
				t.EffectiveRate = t.Duty / t.Baseline
			}
			return tot
		}
		name := me.Label
		if name == "" {
			name = me.ID
		}
		swings = append(swings, Swing{Name: fmt.Sprintf("%s rate (±%g%%)", name, RateStep*100),
			Low: moved(math.Max(0, me.Rate*(1-RateStep))), High: moved(math.Min(MaxRate, me.Rate*(1+RateStep)))})
	}
	return swings
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
