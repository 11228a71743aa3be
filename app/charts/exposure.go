package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"parley/app/numfmt"
	"parley/scenarios"
)

// exposure is duty at stake by sector with the trade effect range.
type exposure struct {
	dir    scenarios.Direction
	asOf   scenarios.Date
	tot    scenarios.Totals
	rows   []sectorRow    // sorted by duty, descending; "All other" last
	hidden int            // sectors left out: nothing to show
	bands  *exposureBands // P10–P90 ranges (NewExposureBands), or nil
}

// NewExposure returns the exposure chart of res in direction dir: duty at
// stake by sector as horizontal bars sorted by duty, largest first, beside
// the trade effect (central value and low–high range). With 0 < top <
// number of sectors it shows the top largest sectors and one "All other (K
// sectors)" bar summing the rest. Sectors with nothing to show (no duty,
// no trade effect) are left out, and a footnote says how many, unless
// meta.AllSectors. sectors give the labels (Sector.Label) and break ties in
// their order.
func NewExposure(res scenarios.Result, dir scenarios.Direction, sectors []scenarios.Sector, top int, meta Meta) *Chart {
	rows := sectorRows(&res, dir, newSectorNames(sectors))
	hidden := 0
	if !meta.AllSectors {
		n := len(rows)
		rows = slices.DeleteFunc(rows, func(r sectorRow) bool { return nothing(r.flow) })
		hidden = n - len(rows)
	}
	slices.SortStableFunc(rows, func(a, b sectorRow) int { return cmp.Compare(b.flow.Duty, a.flow.Duty) })
	if n := topN(top, len(rows)); n < len(rows) {
		other := sectorRow{label: otherLabel(len(rows) - n), others: len(rows) - n, flow: scenarios.Flow{Direction: dir}}
		for _, r := range rows[n:] {
			other.flow.Add(r.flow)
		}
		rows = append(rows[:n:n], other)
	}
	return newChart(Exposure, meta, &exposure{dir: dir, asOf: res.AsOf, tot: res.Totals[dir.Index()], rows: rows, hidden: hidden})
}

func (e *exposure) upper() bool {
	return slices.ContainsFunc(e.rows, func(r sectorRow) bool { return r.flow.UpperBound })
}

func (e *exposure) summary() string {
	t := e.tot
	return e.dir.Label() +
		" · Total duty at stake " + upperMark(t.UpperBound) + money(t.Duty) + " on " + money(t.Baseline) + " of trade (" + percent(t.EffectiveRate) + ")" +
		bannedText(t.Banned, t.UpperBound) +
		" · Trade effect " + money(t.TradeChange) + " (range " + amount(t.TradeChangeLow) + " to " + amount(t.TradeChangeHigh) + ")" +
		e.bands.summary()
}

// bannedText is " · Trade banned X", the trade value that import bans stop,
// as its own figure beside the duty at stake; "" without bans.
func bannedText(banned float64, upper bool) string {
	if banned == 0 {
		return ""
	}
	return " · Trade banned " + upperMark(upper) + money(banned)
}

// dutyLegend is the key of bars of duty at stake: their swatch, and the
// outline of a bar that is an upper bound (boundLabel) when one is.
func dutyLegend(upper bool, boundLabel string) []legendItem {
	items := []legendItem{{label: "Duty at stake, at baseline volumes", kind: legendSwatch, fill: okBlue}}
	if upper {
		items = append(items, legendItem{label: numfmt.UpperMark + boundLabel, kind: legendOutline, fill: tint(okBlue, 0.65), edge: okBlue})
	}
	return items
}

func (e *exposure) legend() []legendItem {
	items := dutyLegend(e.upper(), "upper bound (partial coverage)")
	if e.bands != nil {
		return append(items, e.bands.legend()...)
	}
	return append(items, legendItem{label: "Trade effect: central (tick), low to high elasticity (bar)", kind: legendRange, fill: tint(okOrange, 0.35), edge: okVermillion})
}

func (e *exposure) notes() []string {
	var out []string
	if e.upper() {
		out = append(out, upperBoundNote)
	}
	if e.hidden > 0 && len(e.rows) > 0 {
		out = append(out, hiddenNote(e.hidden))
	}
	return append(out, e.bands.notes()...)
}

func (e *exposure) empty() string {
	for _, r := range e.rows {
		if r.flow.Duty != 0 || r.flow.TradeChange != 0 {
			return ""
		}
	}
	return noDuty(e.asOf)
}

func (e *exposure) minPlot(c *canvas) float64 { return rowsPlot(c, len(e.rows)) }

func (e *exposure) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	labels := make([]string, len(e.rows))
	maxDuty, minTrade := 0.0, 0.0
	for i, r := range e.rows {
		labels[i] = r.label
		maxDuty = math.Max(maxDuty, r.flow.Duty)
		minTrade = min(minTrade, r.flow.TradeChange, r.flow.TradeChangeLow, r.flow.TradeChangeHigh)
		if b, ok := e.bands.of(r); ok {
			maxDuty, minTrade = math.Max(maxDuty, b.Duty.P90), min(minTrade, b.TradeChange.P10)
		}
	}
	unit := unitFor(math.Max(maxDuty, -minTrade))
	rl := c.layoutRows(labels, plot, 0.40)
	thick := math.Min(rl.step*0.68, 1.8*m.label)
	vfs := c.barLabel(thick)

	// Duty panel: bars from zero with value labels; trade panel to its right.
	rest := plot.x1 - rl.plotX
	dutyX1 := rl.plotX + 0.6*rest
	tradeX0 := dutyX1 + 3.5*m.tick
	dutyText := make([]string, len(e.rows))
	tradeText := make([]string, len(e.rows))
	for i, r := range e.rows {
		dutyText[i] = numfmt.Bound(money(r.flow.Duty), r.flow.UpperBound)
		tradeText[i] = amount(r.flow.TradeChange)
	}
	dutyLabW, tradeLabW := c.widest(vfs, dutyText...), c.widest(vfs, tradeText...)
	sample := strconv.Itoa(int(maxDuty/unit.Div)) + ".0"
	dutyEnd := dutyX1 - dutyLabW - 0.6*m.gap
	da := newAxis(0, maxDuty/unit.Div, rl.plotX, dutyEnd, ticksFor(dutyEnd-rl.plotX, c.tickRoom(sample)))
	tradeStart := tradeX0 + tradeLabW + 0.6*m.gap
	ta := newAxis(minTrade/unit.Div, 0, tradeStart, plot.x1, ticksFor(plot.x1-tradeStart, c.tickRoom(minus+sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(da, plot.y0, plot.y1)
	c.drawXGrid(ta, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, dutyX1, plot.y0, "Duty at stake")
	c.drawHeading(tradeX0, plot.x1, plot.y0, "Trade effect (change in imports)", "Trade effect")

	vst := textStyle{size: vfs, color: colText}
	for i, r := range e.rows {
		y := rl.mid(i)
		y0, y1 := y-thick/2, y+thick/2
		x0, x1 := da.pos(0), da.pos(r.flow.Duty/unit.Div)
		if r.others > 0 {
			c.rect(x0, y0, x1, y1, colOther)
		} else {
			c.dutyBar(x0, y0, x1, y1, r.flow.UpperBound)
		}
		x1 = math.Max(x1, e.bands.drawDuty(c, r, da, unit.Div, y, thick))
		c.textMiddle(dutyText[i], x1+0.5*m.gap, y, vst)

		e.drawTrade(c, r, ta, unit.Div, y, thick, tradeText[i], vfs)
	}
	c.drawXTicks(da, plot.y1, "Duty at stake, "+unit.Title)
	c.drawXTicks(ta, plot.y1, "Change in imports, "+unit.Title)
}

// drawTrade draws row r's trade effect on axis ta (in units of div) at y:
// its range (the P10–P90 range with draws, else low to high elasticity),
// the central estimate as a tick, and its text.
func (e *exposure) drawTrade(c *canvas, r sectorRow, ta axis, div, y, thick float64, text string, vfs float64) {
	m := c.m
	lo := math.Min(r.flow.TradeChangeLow, r.flow.TradeChangeHigh) / div
	hi := math.Max(r.flow.TradeChangeLow, r.flow.TradeChangeHigh) / div
	if b, ok := e.bands.of(r); ok { // the P10–P90 range replaces the elasticity range
		lo, hi = b.TradeChange.P10/div, b.TradeChange.P90/div
	}
	mid := r.flow.TradeChange / div
	if lo != 0 || hi != 0 || mid != 0 {
		c.rect(ta.pos(lo), y-thick*0.3, ta.pos(hi), y+thick*0.3, tint(okOrange, 0.35))
		c.vline(ta.pos(mid), y-thick/2, y+thick/2, 4*m.u, okVermillion)
	}
	c.textMiddle(text, ta.pos(math.Min(lo, mid))-0.5*m.gap, y, textStyle{size: vfs, color: colText, align: alignRight})
}

func (e *exposure) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "duty_usd", "trade_change_usd", "trade_change_low_usd", "trade_change_high_usd", "baseline_usd", "tariff", "upper_bound"}
	rows := make([][]string, len(e.rows))
	for i, r := range e.rows {
		f := r.flow
		rows[i] = []string{r.code, r.label, csvNumber(f.Duty), csvNumber(f.TradeChange), csvNumber(f.TradeChangeLow), csvNumber(f.TradeChangeHigh),
			csvNumber(f.Baseline), csvNumber(f.Tariff), strconv.FormatBool(f.UpperBound)}
	}
	// The trade import bans stop, as its own column, where there is any.
	if slices.ContainsFunc(e.rows, func(r sectorRow) bool { return r.flow.Banned != 0 }) {
		header = append(header, "banned_usd")
		for i, r := range e.rows {
			rows[i] = append(rows[i], csvNumber(r.flow.Banned))
		}
	}
	if e.bands != nil {
		header, rows = e.bands.csv(e.rows, header, rows)
	}
	return header, rows
}

// table is the duty at stake by sector; with ranges, the trade effect's
// P10–P90 ranges (exposureBands.table), the figures the picture's bars
// cannot give a native chart.
func (e *exposure) table() (Table, bool) {
	if e.bands != nil {
		if t, ok := e.bands.table(e.rows); ok {
			return t, true
		}
	}
	cats := make([]string, len(e.rows))
	vals := make([]float64, len(e.rows))
	for i, r := range e.rows {
		cats[i] = r.label
		vals[i] = r.flow.Duty
	}
	return dutyTable(cats, vals), true
}
