package scenarios

import (
	"math"
	"slices"
)

// Flow is the result for one sector in one direction (SPEC section 2).
type Flow struct {
	Direction       Direction
	Sector          string  // sector code
	Baseline        float64 // V(s), US$
	Tariff          float64 // tau(s), additional tariff rate
	Duty            float64 // D(s) = V tau, duty at baseline volumes
	TradeChange     float64 // dM(s)
	TradeChangeLow  float64 // dM with e times ElasticityLow
	TradeChangeHigh float64 // dM with e times ElasticityHigh
	ValueAfter      float64 // V1 = V + dM
	DutyCollected   float64 // R = tau V1

	CUSMAShare     float64 // c(s) used
	Elasticity     float64 // e(s) used
	BaselineTariff float64 // t0(s) used
	// UpperBound is set when a measure that adds to tau(s) flags its coverage
	// of this sector as an upper bound.
	UpperBound bool
}

// Totals sums the flows of one direction.
type Totals struct {
	Baseline        float64
	Duty            float64
	TradeChange     float64
	TradeChangeLow  float64
	TradeChangeHigh float64
	ValueAfter      float64
	DutyCollected   float64
	EffectiveRate   float64 // Duty / Baseline (0 when Baseline is 0)
}

// Result is a scenario evaluated on a date: one flow per sector and
// direction (ca_to_us first, sectors in model order) and totals per direction.
type Result struct {
	Scenario string
	AsOf     Date
	Flows    []Flow
	Totals   [2]Totals // by direction index
}

// Flow returns the flow of sector code in direction d.
func (r *Result) Flow(d Direction, code string) (Flow, bool) {
	for _, f := range r.Flows {
		if f.Direction == d && f.Sector == code {
			return f, true
		}
	}
	return Flow{}, false
}

// DirectionFlows returns the flows of direction d in sector order.
func (r *Result) DirectionFlows(d Direction) []Flow {
	out := make([]Flow, 0, len(r.Flows)/2)
	for _, f := range r.Flows {
		if f.Direction == d {
			out = append(out, f)
		}
	}
	return out
}

// Evaluate computes the scenario's measures against the model on day asOf.
func (m *Model) Evaluate(sc *Scenario, asOf Date) Result {
	n := len(m.Sectors)
	res := Result{Scenario: sc.Name, AsOf: asOf, Flows: make([]Flow, 0, 2*n)}
	active := make([]*Measure, 0, len(sc.Measures))
	for _, d := range Directions {
		di := d.Index()
		active = active[:0]
		imposer := d.Imposer()
		for i := range sc.Measures {
			if me := &sc.Measures[i]; me.Imposer == imposer && me.ActiveOn(asOf) {
				active = append(active, me)
			}
		}
		var tot Totals
		for si, sec := range m.Sectors {
			c := m.CUSMAShare[di][si]
			tau, upper := tariff(active, sec.Code, c)
			f := m.flow(d, si, tau)
			f.UpperBound = upper
			res.Flows = append(res.Flows, f)
			tot.add(f)
		}
		if tot.Baseline != 0 {
			tot.EffectiveRate = tot.Duty / tot.Baseline
		}
		res.Totals[di] = tot
	}
	return res
}

// tariff returns tau(s) = sum over active m of rate(m) cov'(m,s) d(m,s) for
// the sector with CUSMA share c, and whether any contributing measure flags
// its coverage of the sector as an upper bound.
func tariff(active []*Measure, sector string, c float64) (tau float64, upper bool) {
	for _, me := range active {
		cov := me.Coverage(sector)
		if cov == 0 {
			continue
		}
		if len(me.YieldsTo) > 0 {
			p := 0.0
			for _, k := range active {
				if k != me && slices.Contains(me.YieldsTo, k.Program) {
					p = math.Max(p, k.Coverage(sector))
				}
			}
			cov *= 1 - p
		}
		d := 1.0
		if me.CUSMAExempt {
			d = 1 - c
		}
		add := me.Rate * cov * d
		if add != 0 && me.IsUpperBound(sector) {
			upper = true
		}
		tau += add
	}
	return tau, upper
}

// flow applies the formulas of SPEC section 2 to sector si with tariff tau.
func (m *Model) flow(d Direction, si int, tau float64) Flow {
	di := d.Index()
	v := m.Baseline[di][si]
	e := m.Elasticity[si]
	t0 := m.BaselineTariff[si]
	f := Flow{
		Direction:      d,
		Sector:         m.Sectors[si].Code,
		Baseline:       v,
		Tariff:         tau,
		Duty:           v * tau,
		CUSMAShare:     m.CUSMAShare[di][si],
		Elasticity:     e,
		BaselineTariff: t0,
	}
	f.TradeChange = tradeEffect(v, e, tau, t0)
	f.TradeChangeLow = tradeEffect(v, e*m.ElasticityLow, tau, t0)
	f.TradeChangeHigh = tradeEffect(v, e*m.ElasticityHigh, tau, t0)
	f.ValueAfter = v + f.TradeChange
	f.DutyCollected = tau * f.ValueAfter
	return f
}

// tradeEffect is the SMART partial-equilibrium effect with infinite export
// supply elasticity: max(-V, -e V tau / (1 + t0)).
func tradeEffect(v, e, tau, t0 float64) float64 {
	dm := math.Max(-v, -e*v*tau/(1+t0))
	if dm == 0 {
		return 0 // never -0 in output
	}
	return dm
}

func (t *Totals) add(f Flow) {
	t.Baseline += f.Baseline
	t.Duty += f.Duty
	t.TradeChange += f.TradeChange
	t.TradeChangeLow += f.TradeChangeLow
	t.TradeChangeHigh += f.TradeChangeHigh
	t.ValueAfter += f.ValueAfter
	t.DutyCollected += f.DutyCollected
}
