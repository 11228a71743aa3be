package charts

import (
	"math"
	"strconv"

	"parley/app/numfmt"
	"parley/scenarios"
)

// exposureBands are the P10–P90 ranges an exposure chart shows from a
// Monte Carlo run. Its methods are safe on a nil receiver (no ranges).
type exposureBands struct {
	draws  int
	seed   uint64
	flows  map[string]scenarios.MonteCarloFlow // by sector code, of the chart's direction
	totals scenarios.MonteCarloTotals
	covers string // RangesCover
	months string // Bands.MonthSpan: the months of the CUSMA ranges, or ""
}

// NewExposureBands is NewExposure with the P10–P90 ranges of bands: a
// whisker from P10 to P90 (with a tick at P50) over each sector's duty bar,
// the P10–P90 range of the trade effect in place of the low–high
// elasticity range, and the ranges of the totals in the summary. The "All
// other" bar has no range (percentiles do not add up).
func NewExposureBands(res scenarios.Result, bands *scenarios.MonteCarloResult, dir scenarios.Direction, sectors []scenarios.Sector, top int, meta Meta) *Chart {
	ch := NewExposure(res, dir, sectors, top, meta)
	if bands == nil {
		return ch
	}
	eb := &exposureBands{draws: bands.Draws, seed: bands.Seed, flows: map[string]scenarios.MonteCarloFlow{}, totals: bands.Totals[dir.Index()],
		covers: RangesCover(bands), months: bands.MonthSpan()}
	for _, f := range bands.Flows {
		if f.Direction == dir {
			eb.flows[f.Sector] = f
		}
	}
	ch.body.(*exposure).bands = eb
	return ch
}

// of returns the ranges of row r.
func (b *exposureBands) of(r sectorRow) (scenarios.MonteCarloFlow, bool) {
	if b == nil || r.others > 0 {
		return scenarios.MonteCarloFlow{}, false
	}
	f, ok := b.flows[r.code]
	return f, ok
}

func (b *exposureBands) summary() string {
	if b == nil {
		return ""
	}
	s := " · P10–P90: duty " + amount(b.totals.Duty.P10) + " to " + amount(b.totals.Duty.P90) +
		", trade effect " + amount(b.totals.TradeChange.P10) + " to " + amount(b.totals.TradeChange.P90)
	if b.months != "" {
		s += " (claim shares of " + b.months + ")"
	}
	return s
}

func (b *exposureBands) legend() []legendItem {
	return []legendItem{
		{label: "Duty P10–P90 (whisker), P50 (tick)", kind: legendRule, fill: colText},
		{label: "Trade effect: central (tick), P10–P90 (bar)", kind: legendRange, fill: tint(okOrange, 0.35), edge: okVermillion},
	}
}

func (b *exposureBands) notes() []string {
	if b == nil {
		return nil
	}
	return []string{"P10–P90: the 10th to 90th percentile over " + strconv.Itoa(b.draws) + " Monte Carlo draws (seed " +
		strconv.FormatUint(b.seed, 10) + "). " + b.covers}
}

// RangesCover says what the P10–P90 ranges of a Monte Carlo run cover
// (which uncertainties, which months of CUSMA claims) and how they are
// drawn, in two sentences for a chart's, table's or panel's note.
func RangesCover(b *scenarios.MonteCarloResult) string {
	s := "Each input is drawn around its point value (half the draws below, half above), so the ranges are around the point estimate. They cover "
	if span := b.MonthSpan(); span != "" {
		s += "the CUSMA claim share into the US (each HTS10 line's own share, moved with its sector's share within the sector's lowest and highest monthly share of " +
			span + ", the months a measure of the scenario that depends on claims was in force), "
	} else {
		s = "No measure of the scenario depends on CUSMA claims, so claim shares are not drawn. " + s
	}
	return s + "the elasticity (low to high multiplier) and the rates marked uncertain; not the trade data or the measures' scope."
}

// drawDuty draws the P10–P90 whisker of row r's duty on axis a centred on
// y, for a bar thick high, and returns the x of its right end (0 without).
func (b *exposureBands) drawDuty(c *canvas, r sectorRow, a axis, div, y, thick float64) float64 {
	f, ok := b.of(r)
	if !ok || f.Duty.P90 == f.Duty.P10 {
		return 0
	}
	m := c.m
	x0, x1, xm := a.pos(f.Duty.P10/div), a.pos(f.Duty.P90/div), a.pos(f.Duty.P50/div)
	lw := 2 * m.u
	c.hline(x0, x1, y, lw, colText)
	c.vline(x0, y-thick*0.3, y+thick*0.3, lw, colText)
	c.vline(x1, y-thick*0.3, y+thick*0.3, lw, colText)
	c.vline(xm, y-thick*0.45, y+thick*0.45, 3*m.u, colText)
	return x1
}

// csv appends the ranges to the exposure chart's CSV.
func (b *exposureBands) csv(rows []sectorRow, header []string, out [][]string) ([]string, [][]string) {
	header = append(header, "duty_p10_usd", "duty_p50_usd", "duty_p90_usd", "trade_change_p10_usd", "trade_change_p50_usd", "trade_change_p90_usd")
	for i, r := range rows {
		f, ok := b.of(r)
		if !ok {
			out[i] = append(out[i], "", "", "", "", "", "")
			continue
		}
		out[i] = append(out[i], csvNumber(f.Duty.P10), csvNumber(f.Duty.P50), csvNumber(f.Duty.P90),
			csvNumber(f.TradeChange.P10), csvNumber(f.TradeChange.P50), csvNumber(f.TradeChange.P90))
	}
	return header, out
}

// table is an exposure chart with ranges as a native chart: per sector
// that has a range, the fall in imports (the trade effect, as a positive
// amount) floating from its P10 to its P90, in two parts that meet at the
// central estimate, on a hidden bar that lifts it off zero. Each sector's
// label gives the figures (≤ where its duty is an upper bound, and so is
// the fall), since a floating bar's own labels would give differences.
// ok is false when no sector has a range, or when a range is not a fall
// (a rise in imports would not float on a bar from zero).
func (b *exposureBands) table(rows []sectorRow) (Table, bool) {
	type span struct {
		label       string
		lo, mid, hi float64
		upper       bool
	}
	var spans []span
	maxV := 0.0
	for _, r := range rows {
		f, ok := b.of(r)
		if !ok {
			continue
		}
		// The fall is minus the change: P10 of the fall is minus P90 of
		// the change. The estimate is inside its range by construction;
		// were it not, the bar would reach it.
		lo, hi := -max(f.TradeChange.P10, f.TradeChange.P90), -min(f.TradeChange.P10, f.TradeChange.P90)
		mid := -r.flow.TradeChange
		if min(lo, mid) < 0 {
			return Table{}, false
		}
		spans = append(spans, span{label: r.label, lo: min(lo, mid), mid: mid, hi: max(hi, mid), upper: r.flow.UpperBound})
		maxV = math.Max(maxV, max(hi, mid))
	}
	if len(spans) == 0 {
		return Table{}, false
	}
	unit := unitFor(maxV)
	cats := make([]string, len(spans))
	base, low, high := make([]float64, len(spans)), make([]float64, len(spans)), make([]float64, len(spans))
	for i, s := range spans {
		lo, mid, hi := s.lo/unit.Div, s.mid/unit.Div, s.hi/unit.Div
		cats[i] = s.label + ": " + numfmt.Bound(number(mid, 1), s.upper) + " (" + number(lo, 1) + "–" + number(hi, 1) + ")"
		base[i], low[i], high[i] = lo, mid-lo, hi-mid
	}
	return Table{
		Categories: cats,
		Series: []Series{
			{Name: "P10", Values: base, Hidden: true},
			{Name: "Fall in imports: P10 to central estimate", Values: low, Color: hexString(tint(okOrange, 0.35))},
			{Name: "Central estimate to P90", Values: high, Color: hexString(okVermillion)},
		},
		Horizontal:   true,
		Stacked:      true,
		ValueTitle:   "Fall in imports, " + unit.Title + " (P10–P90)",
		NumberFormat: "#,##0.0",
	}, true
}
