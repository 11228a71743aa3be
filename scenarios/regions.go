package scenarios

import (
	"cmp"
	"slices"
)

// RegionFlow is the result for one province or state in one direction:
// the sums over the region's lines (a dataset with a region column).
type RegionFlow struct {
	Direction       Direction
	Region          string // "" for lines without one
	Baseline        float64
	Duty            float64
	TradeChange     float64
	TradeChangeLow  float64
	TradeChangeHigh float64
	ValueAfter      float64
	DutyCollected   float64
	Banned          float64 // trade value taken away by import bans
	Tariff          float64 // Duty / Baseline (0 when Baseline is 0)
	Lines           int     // lines of the region
	DutyLines       int     // lines with duty
	UpperBound      bool    // a line with duty is an upper bound
}

// HasRegions reports whether any line of direction d names a province or
// state.
func (m *Model) HasRegions(d Direction) bool {
	for i := range m.LineCount(d) {
		if m.Line(d, i).Region != "" {
			return true
		}
	}
	return false
}

// RegionFlows evaluates sc on asOf and sums its lines by province or state
// and direction (through the exported engine: lines with duty or banned value from
// EvaluateWith, the baseline of every line from Line): directions in order, each direction's regions by duty at
// stake, largest first (then by baseline, then by name), lines without a
// region last. Directions whose lines name no region are left out.
func (m *Model) RegionFlows(sc *Scenario, asOf Date) []RegionFlow {
	return m.RegionFlowsOf(m.EvaluateWith(sc, asOf, Options{Lines: true}))
}

// RegionFlowsOf sums a result evaluated with lines (Options.Lines) by
// province or state, as RegionFlows does.
func (m *Model) RegionFlowsOf(res Result) []RegionFlow {
	var out []RegionFlow
	for _, d := range Directions {
		if !m.HasRegions(d) {
			continue
		}
		by := map[string]*RegionFlow{}
		get := func(r string) *RegionFlow {
			f := by[r]
			if f == nil {
				f = &RegionFlow{Direction: d, Region: r}
				by[r] = f
			}
			return f
		}
		// Baseline of every line, and the after value of lines without
		// duty (their value stands).
		for i := range m.LineCount(d) {
			l := m.Line(d, i)
			f := get(l.Region)
			f.Baseline += l.Value
			f.ValueAfter += l.Value
			f.Lines++
		}
		for _, l := range res.Lines {
			if l.Direction != d {
				continue
			}
			f := get(l.Region)
			f.Duty += l.Duty
			f.TradeChange += l.TradeChange
			f.TradeChangeLow += l.TradeChangeLow
			f.TradeChangeHigh += l.TradeChangeHigh
			f.ValueAfter += l.ValueAfter - l.Baseline
			f.DutyCollected += l.DutyCollected
			f.Banned += l.Banned
			if l.Duty != 0 {
				f.DutyLines++
			}
			if l.UpperBound {
				f.UpperBound = true
			}
		}
		flows := make([]RegionFlow, 0, len(by))
		for _, f := range by {
			if f.Baseline != 0 {
				f.Tariff = f.Duty / f.Baseline
			}
			f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh = noNegZero(f.TradeChange), noNegZero(f.TradeChangeLow), noNegZero(f.TradeChangeHigh)
			flows = append(flows, *f)
		}
		slices.SortFunc(flows, func(a, b RegionFlow) int {
			if (a.Region == "") != (b.Region == "") {
				if a.Region == "" {
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
			return cmp.Compare(a.Region, b.Region)
		})
		out = append(out, flows...)
	}
	return out
}
