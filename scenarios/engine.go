package scenarios

import (
	"cmp"
	"math"
	"slices"
)

// Flow is the result for one sector in one direction (docs/SPEC.md section 2): the
// sums over the sector's lines.
type Flow struct {
	Direction       Direction
	Sector          string  // sector code
	Baseline        float64 // V(s), US$
	Tariff          float64 // D(s)/V(s), additional tariff rate
	Duty            float64 // D(s), duty at baseline volumes
	TradeChange     float64 // dM(s)
	TradeChangeLow  float64 // dM with e times ElasticityLow
	TradeChangeHigh float64 // dM with e times ElasticityHigh
	ValueAfter      float64 // V1 = V + dM
	DutyCollected   float64 // R = sum of tau(l) V1(l)
	// Banned is the trade value that active import bans take away: the
	// sum of V(l) B(l) (docs/SPEC.md section 2.1).
	Banned float64

	CUSMAShare     float64 // c(s) of the sector (lines may have their own)
	Elasticity     float64 // e(s) used
	BaselineTariff float64 // t0(s) used
	// UpperBound is set when any line of the sector with duty (or banned
	// value) is an upper bound: a measure (or ban) covers it only partly, or
	// its content share is unknown, or its note flags the sector.
	UpperBound bool
}

// Add adds g's amounts to f (baseline, duty, trade changes, value after,
// duty collected, banned value); f is an upper bound when either is, and its
// tariff is its duty over its baseline. It is the one way flows are summed:
// sectors from lines, totals from sectors, "all other" rows of charts.
func (f *Flow) Add(g Flow) {
	f.Baseline += g.Baseline
	f.Duty += g.Duty
	f.TradeChange += g.TradeChange
	f.TradeChangeLow += g.TradeChangeLow
	f.TradeChangeHigh += g.TradeChangeHigh
	f.ValueAfter += g.ValueAfter
	f.DutyCollected += g.DutyCollected
	f.Banned += g.Banned
	f.UpperBound = f.UpperBound || g.UpperBound
	if f.Baseline != 0 {
		f.Tariff = f.Duty / f.Baseline
	}
}

// LineFlow is the result for one trade line.
type LineFlow struct {
	Direction       Direction
	Index           int // position of the line in the model's direction
	Code            string
	Sector          string
	Description     string
	Province        string
	Baseline        float64
	Tariff          float64 // tau(l)
	Ban             float64 // B(l): the largest coverage of the active bans
	Banned          float64 // V(l) B(l)
	Duty            float64 // V(l) (1 - B(l)) tau(l)
	TradeChange     float64
	TradeChangeLow  float64
	TradeChangeHigh float64
	ValueAfter      float64
	DutyCollected   float64
	CUSMAShare      float64 // c(l) used
	UpperBound      bool
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
	Banned          float64 // trade value taken away by import bans
	EffectiveRate   float64 // Duty / Baseline (0 when Baseline is 0)
	// UpperBound is set when any sector of the direction is an upper bound.
	UpperBound bool
}

// Result is a scenario evaluated on a date: one flow per sector and
// direction (ca_to_us first, sectors in model order) and totals per
// direction; with lines requested, one LineFlow per line with duty or banned
// value, largest duty first (then largest banned value).
type Result struct {
	Scenario string
	AsOf     Date
	Flows    []Flow
	Totals   [2]Totals // by direction index
	Lines    []LineFlow
	// Measures is the duty each active measure adds, in scenario order by
	// direction: the decomposition of the totals by measure and programme.
	Measures []MeasureDuty
}

// MeasureDuty is the duty at baseline volumes that one active measure adds
// in its direction: the sum over lines of V(l) (1 - B(l)) rate(m) cov'(m,l)
// d(m,l). A ban adds no duty but banned value: each line's V(l) B(l) goes to
// the first active ban (in scenario order) whose coverage is B(l), so the
// bans' Banned sum to the direction's banned total.
type MeasureDuty struct {
	Direction Direction
	ID        string
	Label     string
	Program   string
	Kind      string // the measure's kind ("" or KindDuty, or KindBan)
	Duty      float64
	Banned    float64
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

// Options change what Evaluate returns.
type Options struct {
	// Lines asks for one LineFlow per line with duty or banned value.
	Lines bool
}

// Evaluate computes the scenario's measures against the model on day asOf.
func (m *Model) Evaluate(sc *Scenario, asOf Date) Result {
	return m.EvaluateWith(sc, asOf, Options{})
}

// EvaluateWith is Evaluate with options.
func (m *Model) EvaluateWith(sc *Scenario, asOf Date, opt Options) Result {
	n := len(m.Sectors)
	res := Result{Scenario: sc.Name, AsOf: asOf, Flows: make([]Flow, 0, 2*n)}
	for _, d := range Directions {
		di := d.Index()
		t := m.tables[di]
		tau, ub, bans, md := m.tariffs(sc, d, asOf)
		res.Measures = append(res.Measures, md...)
		flows := make([]Flow, n)
		for si, sec := range m.Sectors {
			flows[si] = Flow{Direction: d, Sector: sec.Code, CUSMAShare: m.CUSMAShare[di][si],
				Elasticity: m.Elasticity[si], BaselineTariff: m.BaselineTariff[si]}
		}
		for i := range t.len() {
			si := t.sector[i]
			lf := m.lineFlow(d, t, i, tau[i], bans.cov[i])
			lf.UpperBound = (ub[i] && lf.Duty != 0) || (bans.ub[i] && lf.Banned != 0)
			flows[si].Add(lf.flow())
			if opt.Lines && (lf.Duty != 0 || lf.Banned != 0) {
				lf.CUSMAShare = m.lineShare(di, t, i)
				res.Lines = append(res.Lines, lf)
			}
		}
		var all Flow
		for si := range flows {
			f := &flows[si]
			f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh = noNegZero(f.TradeChange), noNegZero(f.TradeChangeLow), noNegZero(f.TradeChangeHigh)
			all.Add(*f)
		}
		res.Flows = append(res.Flows, flows...)
		res.Totals[di] = all.totals()
	}
	if opt.Lines {
		res.Lines = sortLines(res.Lines)
	}
	return res
}

// sortLines returns ls largest duty first, then largest banned value, then
// by direction, code and index.
func sortLines(ls []LineFlow) []LineFlow {
	// Sort positions rather than the large line records; a total order
	// (lines of a direction have distinct indexes), so the order is the
	// same on every run.
	order := make([]int, len(ls))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &ls[i], &ls[j]
		if c := cmp.Compare(b.Duty, a.Duty); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Banned, a.Banned); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Direction, b.Direction); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	sorted := make([]LineFlow, len(ls))
	for k, i := range order {
		sorted[k] = ls[i]
	}
	return sorted
}

// activeMeasures returns the measures of direction d's imposer in force on
// asOf, in scenario order.
func activeMeasures(sc *Scenario, d Direction, asOf Date) []*Measure {
	imposer := d.Imposer()
	var active []*Measure
	for i := range sc.Measures {
		if me := &sc.Measures[i]; me.Imposer == imposer && sc.Active(me, asOf) {
			active = append(active, me)
		}
	}
	return active
}

// banCover is B(l) for every line of a direction (docs/SPEC.md section 2.1): the
// largest coverage of the active bans, whether a ban that covers the line is
// an upper bound, and which active measure holds B(l) (-1: none).
type banCover struct {
	cov []float64
	ub  []bool
	by  []int
}

// bans computes B(l) over the active measures' scopes; bans do not add.
func bans(active []*Measure, scopes []*scope, n int) banCover {
	b := banCover{cov: make([]float64, n), ub: make([]bool, n)}
	for k, me := range active {
		if !me.IsBan() {
			continue
		}
		if b.by == nil {
			b.by = make([]int, n)
			for i := range b.by {
				b.by[i] = -1
			}
		}
		s := scopes[k]
		for j, i := range s.idx {
			c := s.cov[j]
			if c == 0 {
				continue
			}
			if c > b.cov[i] {
				b.cov[i], b.by[i] = c, k
			}
			if s.ub[j] {
				b.ub[i] = true
			}
		}
	}
	return b
}

// tariffs returns tau(l) for every line of direction d, whether a measure
// that adds to it covers the line as an upper bound, the lines' ban
// coverage, and the duty (or banned value) each active measure adds.
func (m *Model) tariffs(sc *Scenario, d Direction, asOf Date) (tau []float64, ub []bool, bc banCover, md []MeasureDuty) {
	di := d.Index()
	t := m.tables[di]
	n := t.len()
	tau, ub = make([]float64, n), make([]bool, n)
	active := activeMeasures(sc, d, asOf)
	md = make([]MeasureDuty, len(active))
	for k, me := range active {
		md[k] = MeasureDuty{Direction: d, ID: me.ID, Label: me.Label, Program: me.Program, Kind: me.Kind}
	}
	scopes := make([]*scope, len(active))
	for k, me := range active {
		scopes[k] = m.scope(di, me)
	}
	bc = bans(active, scopes, n)
	for i, k := range bc.by {
		if k >= 0 {
			md[k].Banned += t.value[i] * bc.cov[i]
		}
	}
	var shares []float64
	var p []float64
	for k, me := range active {
		if me.Rate == 0 || me.IsBan() {
			continue
		}
		s := scopes[k]
		yields := m.precedence(active, scopes, k, &p, n)
		x := me.ExemptShare()
		if me.CUSMAExempt && shares == nil {
			shares = make([]float64, n)
			for i := range n {
				shares[i] = m.lineShare(di, t, i)
			}
		}
		for j, i := range s.idx {
			cov := s.cov[j]
			if yields {
				cov *= 1 - p[i]
			}
			dd := 1.0
			if me.CUSMAExempt {
				dd = 1 - shares[i]*x
			}
			add := me.Rate * cov * dd
			if add == 0 {
				continue
			}
			tau[i] += add
			md[k].Duty += t.value[i] * (1 - bc.cov[i]) * add
			if s.ub[j] {
				ub[i] = true
			}
		}
	}
	return tau, ub, bc, md
}

// precedence fills *p with P(l) for active measure k (the largest coverage
// of the other active measures whose programme it yields to) and reports
// whether k yields at all.
func (m *Model) precedence(active []*Measure, scopes []*scope, k int, p *[]float64, n int) bool {
	me := active[k]
	if len(me.YieldsTo) == 0 {
		return false
	}
	if *p == nil {
		*p = make([]float64, n)
	} else {
		clear(*p)
	}
	for j, other := range active {
		if j == k || !slices.Contains(me.YieldsTo, other.Program) {
			continue
		}
		s := scopes[j]
		for q, i := range s.idx {
			if s.cov[q] > (*p)[i] {
				(*p)[i] = s.cov[q]
			}
		}
	}
	return true
}

// lineFlow applies the formulas of docs/SPEC.md sections 2 and 2.1 to line i with
// tariff tau and ban coverage b: the banned part V b leaves at every
// elasticity, and the duties fall on the rest V (1 - b).
func (m *Model) lineFlow(d Direction, t *lineTable, i int, tau, b float64) LineFlow {
	si := t.sector[i]
	v := t.value[i]
	e := m.Elasticity[si]
	t0 := m.BaselineTariff[si]
	f := LineFlow{
		Direction:   d,
		Index:       i,
		Code:        t.code[i],
		Sector:      m.Sectors[si].Code,
		Description: t.desc[i],
		Province:    t.provinceOf(i),
		Baseline:    v,
		Tariff:      tau,
	}
	rest := v
	if b != 0 {
		f.Ban = b
		f.Banned = v * b
		rest = v * (1 - b)
	}
	f.Duty = rest * tau
	f.TradeChange = noNegZero(tradeEffect(rest, e, tau, t0) - f.Banned)
	f.TradeChangeLow = noNegZero(tradeEffect(rest, e*m.ElasticityLow, tau, t0) - f.Banned)
	f.TradeChangeHigh = noNegZero(tradeEffect(rest, e*m.ElasticityHigh, tau, t0) - f.Banned)
	f.ValueAfter = v + f.TradeChange
	f.DutyCollected = tau * f.ValueAfter
	return f
}

// tradeEffect is the SMART partial-equilibrium effect with infinite export
// supply elasticity: max(-V, -e V tau / (1 + t0)).
func tradeEffect(v, e, tau, t0 float64) float64 {
	return noNegZero(math.Max(-v, -e*v*tau/(1+t0)))
}

// noNegZero returns v, with -0 as 0 (never "-0" in output).
func noNegZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

// totals returns the sum of a direction's flows as its Totals.
func (f *Flow) totals() Totals {
	return Totals{Baseline: f.Baseline, Duty: f.Duty, TradeChange: f.TradeChange, TradeChangeLow: f.TradeChangeLow,
		TradeChangeHigh: f.TradeChangeHigh, ValueAfter: f.ValueAfter, DutyCollected: f.DutyCollected,
		Banned: f.Banned, EffectiveRate: f.Tariff, UpperBound: f.UpperBound}
}

// flow returns l's amounts as a flow of its sector, to be added to it.
func (l *LineFlow) flow() Flow {
	return Flow{Direction: l.Direction, Sector: l.Sector, Baseline: l.Baseline, Duty: l.Duty,
		TradeChange: l.TradeChange, TradeChangeLow: l.TradeChangeLow, TradeChangeHigh: l.TradeChangeHigh,
		ValueAfter: l.ValueAfter, DutyCollected: l.DutyCollected, Banned: l.Banned, UpperBound: l.UpperBound}
}
