package scenarios

import (
	"cmp"
	"slices"
)

// ProvinceFlow is the result for one province or state in one direction:
// the sums over the province's lines (a dataset with a province or state column).
type ProvinceFlow struct {
	Direction       Direction
	Province        string // "" for lines without one
	Baseline        float64
	Duty            float64
	TradeChange     float64
	TradeChangeLow  float64
	TradeChangeHigh float64
	ValueAfter      float64
	DutyCollected   float64
	Banned          float64 // trade value taken away by import bans
	Tariff          float64 // Duty / Baseline (0 when Baseline is 0)
	Lines           int     // lines of the province
	DutyLines       int     // lines with duty
	UpperBound      bool    // a line with duty is an upper bound
}

// HasProvinces reports whether any line of direction d names a province or
// state.
func (m *Model) HasProvinces(d Direction) bool {
	for i := range m.LineCount(d) {
		if m.Line(d, i).Province != "" {
			return true
		}
	}
	return false
}

// ProvinceFlows evaluates sc on asOf and sums its lines by province or state
// and direction (through the exported engine: lines with duty or banned value from
// EvaluateWith, the baseline of every line from Line): directions in order, each direction's provinces by duty at
// stake, largest first (then by baseline, then by name), lines without a
// province last. Directions whose lines name no province are left out.
func (m *Model) ProvinceFlows(sc *Scenario, asOf Date) []ProvinceFlow {
	return m.ProvinceFlowsOf(m.EvaluateWith(sc, asOf, Options{Lines: true}))
}

// ProvinceFlowsOf sums a result evaluated with lines (Options.Lines) by
// province or state, as ProvinceFlows does.
func (m *Model) ProvinceFlowsOf(res Result) []ProvinceFlow {
	var out []ProvinceFlow
	for _, d := range Directions {
		if !m.HasProvinces(d) {
			continue
		}
		flows := m.provinceSums(res, d)
		slices.SortFunc(flows, func(a, b ProvinceFlow) int {
			if (a.Province == "") != (b.Province == "") {
				if a.Province == "" {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(b.Duty, a.Duty); c != 0 {
				return c
			}
			if c := cmp.Compare(b.Baseline, a.Baseline); c != 0 {
				return c
			}
			return cmp.Compare(a.Province, b.Province)
		})
		out = append(out, flows...)
	}
	return out
}

// provinceSums sums the lines of direction d by province: the baseline of
// every line of the model, the figures of res's lines with duty or banned
// value. The flows are in no order.
func (m *Model) provinceSums(res Result, d Direction) []ProvinceFlow {
	type sums struct {
		flow             Flow
		lines, dutyLines int
	}
	by := map[string]*sums{}
	get := func(r string) *sums {
		s := by[r]
		if s == nil {
			s = &sums{}
			by[r] = s
		}
		return s
	}
	// Baseline of every line, and the after value of lines without
	// duty (their value stands).
	for i := range m.LineCount(d) {
		l := m.Line(d, i)
		s := get(l.Province)
		s.flow.Baseline += l.Value
		s.flow.ValueAfter += l.Value
		s.lines++
	}
	// Lines with duty or banned value: their baseline is counted above,
	// their value after replaces it.
	for _, l := range res.Lines {
		if l.Direction != d {
			continue
		}
		s := get(l.Province)
		g := l.flow()
		g.Baseline, g.ValueAfter = 0, l.ValueAfter-l.Baseline
		s.flow.Add(g)
		if l.Duty != 0 {
			s.dutyLines++
		}
	}
	flows := make([]ProvinceFlow, 0, len(by))
	for r, s := range by {
		f := &s.flow
		if f.Baseline != 0 {
			f.Tariff = f.Duty / f.Baseline
		}
		flows = append(flows, ProvinceFlow{Direction: d, Province: r, Baseline: f.Baseline, Duty: f.Duty,
			TradeChange: noNegZero(f.TradeChange), TradeChangeLow: noNegZero(f.TradeChangeLow), TradeChangeHigh: noNegZero(f.TradeChangeHigh),
			ValueAfter: f.ValueAfter, DutyCollected: f.DutyCollected, Banned: f.Banned, Tariff: f.Tariff,
			Lines: s.lines, DutyLines: s.dutyLines, UpperBound: f.UpperBound})
	}
	return flows
}
