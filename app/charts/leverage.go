package charts

import (
	"math"
	"strconv"

	"parley/scenarios"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// leverage is who depends on whom by sector, with the duty at stake each
// way.
type leverage struct {
	rows   []leverageRow // by US dependence, largest first
	total  scenarios.SectorLeverage
	hidden int // sectors left out by top
}

type leverageRow struct {
	label string
	l     scenarios.SectorLeverage
	// stands marks a sector where the US depends on Canada more than for
	// all goods.
	stands bool
}

// Colours of the leverage chart: the US's dependence and the duty of US
// measures in blues, Canada's dependence and the duty of its measures in
// oranges.
var (
	colUSDep  = okBlue
	colCADep  = okOrange
	colUSDuty = okSky
	colCADuty = okVermillion
)

// NewLeverage returns the leverage chart: per sector, the US's dependence
// on Canada (Canada's share of US imports) and Canada's dependence on the
// US (the US share of Canada's exports) as paired bars from 0 to 100%,
// with dashed lines at the all-goods shares of total, and beside them the
// duty at stake each way under the scenario (scenarios.WithDuty). Sectors
// are sorted by the US's dependence, largest first; those where it is above
// the all-goods share stand out (bold labels, full colour). With 0 < top <
// number of sectors it shows the top sectors by US dependence and a
// footnote says how many are left out. The chart carries
// scenarios.LeverageNote.
func NewLeverage(rows []scenarios.SectorLeverage, total scenarios.SectorLeverage, sectors []scenarios.Sector, top int, meta Meta) *Chart {
	names := newSectorNames(sectors)
	sorted := scenarios.ByUSDependence(rows)
	lv := &leverage{total: total}
	for _, r := range sorted {
		lv.rows = append(lv.rows, leverageRow{label: names.labelOf(r.Sector), l: r,
			stands: r.HasUS && total.HasUS && r.USDependence > total.USDependence})
	}
	if top > 0 && top < len(lv.rows) {
		lv.hidden = len(lv.rows) - top
		lv.rows = lv.rows[:top]
	}
	return newChart(Leverage, meta, lv)
}

func (lv *leverage) summary() string {
	t := lv.total
	s := "All goods: "
	if t.HasUS {
		s += "the US buys " + percent(t.USDependence) + " of its imports from Canada"
	}
	if t.HasCA {
		if t.HasUS {
			s += "; "
		}
		s += "Canada sends " + percent(t.CADependence) + " of its exports to the US"
	}
	return s + " · Duty at stake: " + upperMark(t.UpperBoundCAtoUS) + money(t.DutyCAtoUS) + " on Canadian goods, " + upperMark(t.UpperBoundUStoCA) + money(t.DutyUStoCA) + " on US goods"
}

func (lv *leverage) legend() []legendItem {
	return []legendItem{
		{label: "US dependence on Canada (Canada's share of US imports)", kind: legendSwatch, fill: colUSDep},
		{label: "Canada's dependence on the US (US share of its exports)", kind: legendSwatch, fill: colCADep},
		{label: "Duty at stake on Canadian goods (US measures)", kind: legendSwatch, fill: colUSDuty},
		{label: "Duty at stake on US goods (Canada's measures)", kind: legendSwatch, fill: colCADuty},
	}
}

func (lv *leverage) notes() []string {
	var out []string
	if lv.total.HasUS {
		n := 0
		for _, r := range lv.rows {
			if r.stands {
				n++
			}
		}
		if n > 0 {
			out = append(out, "Bold: the "+plural(n, "sector")+" where the US depends on Canada more than for all goods ("+percent(lv.total.USDependence)+
				"); dashed lines: the all-goods shares.")
		}
	}
	for _, r := range lv.rows {
		if !r.l.HasCA || !r.l.HasUS {
			out = append(out, "No data: "+r.label+" (HS "+joinChapters(r.l.Missing)+") on "+missingSide(r.l)+".")
		}
	}
	if lv.hidden > 0 {
		out = append(out, plural(lv.hidden, "sector")+" with lower US dependence not shown")
	}
	if slicesContainsUpper(lv.rows) {
		out = append(out, upperBoundNote)
	}
	return append(out, scenarios.LeverageNote)
}

func slicesContainsUpper(rows []leverageRow) bool {
	for _, r := range rows {
		if r.l.UpperBound {
			return true
		}
	}
	return false
}

func missingSide(l scenarios.SectorLeverage) string {
	switch {
	case !l.HasUS && !l.HasCA:
		return "either side"
	case !l.HasCA:
		return "Canada's side"
	}
	return "the US side"
}

func joinChapters(chs []string) string {
	s := ""
	for i, c := range chs {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}

func (lv *leverage) empty() string {
	for _, r := range lv.rows {
		if r.l.HasUS || r.l.HasCA {
			return ""
		}
	}
	return "No leverage data"
}

func (lv *leverage) minPlot(c *canvas) float64 { return rowsPlot(c, len(lv.rows)) }

func (lv *leverage) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	labels := make([]string, len(lv.rows))
	maxDuty := 0.0
	for i, r := range lv.rows {
		labels[i] = r.label
		maxDuty = math.Max(maxDuty, math.Max(r.l.DutyCAtoUS, r.l.DutyUStoCA))
	}
	rl := c.layoutRows(labels, plot, 0.30)
	thick, vfs := c.pairedBars(rl)

	rest := plot.x1 - rl.plotX
	depX1 := rl.plotX + 0.56*rest
	dutyX0 := depX1 + 3*m.tick
	pctW := c.textWidth("100%", math.Max(vfs, 1), false) + 0.6*m.gap
	da := newAxis(0, 100, rl.plotX, depX1-pctW, 5)
	da.hi = 100 // always 0 to 100%
	unit := unitFor(maxDuty)
	var texts []string
	for _, r := range lv.rows {
		texts = append(texts, upperMark(r.l.UpperBound)+amount(r.l.DutyCAtoUS), upperMark(r.l.UpperBound)+amount(r.l.DutyUStoCA)) // room for a mark on either
	}
	dutyLabW := c.widest(vfs, texts...)
	dutyEnd := plot.x1 - dutyLabW - 0.6*m.gap
	sample := strconv.Itoa(int(maxDuty/unit.Div)) + ".0"
	ua := newAxis(0, maxDuty/unit.Div, dutyX0, dutyEnd, ticksFor(dutyEnd-dutyX0, c.tickRoom(sample)))

	lv.drawRowLabels(c, rl, plot.x1)
	c.drawXGrid(da, plot.y0, plot.y1)
	c.drawXGrid(ua, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, depX1, plot.y0, "Who depends on whom, 2024", "Dependence")
	c.drawHeading(dutyX0, plot.x1, plot.y0, "Duty at stake each way", "Duty at stake")

	for i, r := range lv.rows {
		lv.drawRow(c, r, rl.mid(i), da, ua, unit.Div, thick, vfs)
	}
	// The all-goods shares, dashed across the rows.
	if lv.total.HasUS {
		c.dashedVLine(da.pos(lv.total.USDependence*100), plot.y0, plot.y1, 3*m.u, colUSDep)
	}
	if lv.total.HasCA {
		c.dashedVLine(da.pos(lv.total.CADependence*100), plot.y0, plot.y1, 3*m.u, colCADep)
	}
	c.drawXTicks(da, plot.y1, "Share, %")
	c.drawXTicks(ua, plot.y1, "Duty at stake, "+unit.Title)
}

// drawRowLabels draws the rows' labels, bold where the sector stands
// out, with a band behind every other row up to x1.
func (lv *leverage) drawRowLabels(c *canvas, rl rowLayout, x1 float64) {
	for i := 1; i < len(lv.rows); i += 2 {
		c.rect(rl.x0, rl.top+float64(i)*rl.step, x1, rl.top+float64(i+1)*rl.step, colRowBand)
	}
	for i, r := range lv.rows {
		l := rl.labels[i]
		if r.stands {
			l = c.fonts.ellipsize(r.label, rl.font, true, rl.labelX-rl.x0)
		}
		c.textMiddle(l, rl.labelX, rl.mid(i), textStyle{size: rl.font, bold: r.stands, color: colText, align: alignRight})
	}
}

// drawRow draws row r at y: the two dependences on axis da, the duty each
// way on axis ua (in units of div), each bar thick, labels of size vfs.
func (lv *leverage) drawRow(c *canvas, r leverageRow, y float64, da, ua axis, div, thick, vfs float64) {
	m := c.m
	vst := textStyle{size: vfs, color: colText}
	top, bot := y-thick, y
	bar := func(has bool, v float64, y0 float64, col drawing.Color) {
		if !has {
			c.textMiddle("no data", da.pos(0)+0.4*m.gap, y0+thick/2, textStyle{size: math.Max(vfs, 0.8*m.value), color: colMuted})
			return
		}
		x1 := da.pos(v * 100)
		c.rect(da.pos(0), y0, x1, y0+thick, col)
		c.textMiddle(strconv.Itoa(int(math.Round(v*100)))+"%", x1+0.4*m.gap, y0+thick/2, vst)
	}
	us, ca := colUSDep, colCADep
	if !r.stands {
		us = tint(colUSDep, 0.45)
	}
	bar(r.l.HasUS, r.l.USDependence, top, us)
	bar(r.l.HasCA, r.l.CADependence, bot, ca)

	dbar := func(v, y0 float64, upper bool, col drawing.Color) {
		x1 := ua.pos(v / div)
		c.rect(ua.pos(0), y0, x1, y0+thick, col)
		c.textMiddle(upperMark(upper)+amount(v), x1+0.4*m.gap, y0+thick/2, vst)
	}
	dbar(r.l.DutyCAtoUS, top, r.l.UpperBoundCAtoUS, colUSDuty)
	dbar(r.l.DutyUStoCA, bot, r.l.UpperBoundUStoCA, colCADuty)
}

func (lv *leverage) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "us_dependence_on_canada", "ca_dependence_on_us", "us_imports_from_canada_usd", "us_imports_world_usd",
		"ca_exports_to_us_cad", "ca_exports_world_cad", "duty_ca_to_us_usd", "duty_us_to_ca_usd", "stands_out", "upper_bound"}
	opt := func(has bool, v float64) string {
		if !has {
			return ""
		}
		return csvNumber(v)
	}
	rows := make([][]string, 0, len(lv.rows)+1)
	for _, r := range lv.rows {
		l := r.l
		rows = append(rows, []string{l.Sector, r.label, opt(l.HasUS, l.USDependence), opt(l.HasCA, l.CADependence),
			opt(l.HasUS, l.USImportsFromCanada), opt(l.HasUS, l.USImportsWorld), opt(l.HasCA, l.CAExportsToUS), opt(l.HasCA, l.CAExportsWorld),
			csvNumber(l.DutyCAtoUS), csvNumber(l.DutyUStoCA), strconv.FormatBool(r.stands), strconv.FormatBool(l.UpperBound)})
	}
	t := lv.total
	rows = append(rows, []string{"TOTAL", "All goods", opt(t.HasUS, t.USDependence), opt(t.HasCA, t.CADependence),
		opt(t.HasUS, t.USImportsFromCanada), opt(t.HasUS, t.USImportsWorld), opt(t.HasCA, t.CAExportsToUS), opt(t.HasCA, t.CAExportsWorld),
		csvNumber(t.DutyCAtoUS), csvNumber(t.DutyUStoCA), "", strconv.FormatBool(t.UpperBound)})
	return header, rows
}

// table: the leverage chart is a picture (its two panels and reference
// lines have no native equivalent).

// dashedVLine draws a vertical dashed line lw wide centred on x.
func (c *canvas) dashedVLine(x, y0, y1, lw float64, col drawing.Color) {
	dash, gap := 6*c.m.u, 5*c.m.u
	for y := y0; y < y1; y += dash + gap {
		c.vline(x, y, math.Min(y+dash, y1), lw, col)
	}
}

// dashedPolyline strokes pts as a dashed line.
func (c *canvas) dashedPolyline(pts []point, lw float64, col drawing.Color) {
	dash, gap := 10*c.m.u, 7*c.m.u
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		length := math.Hypot(b.x-a.x, b.y-a.y)
		if length == 0 {
			continue
		}
		for s := 0.0; s < length; s += dash + gap {
			e := math.Min(s+dash, length)
			p := point{a.x + (b.x-a.x)*s/length, a.y + (b.y-a.y)*s/length}
			q := point{a.x + (b.x-a.x)*e/length, a.y + (b.y-a.y)*e/length}
			if p.y == q.y {
				c.hline(p.x, q.x, p.y, lw, col)
			} else if p.x == q.x {
				c.vline(p.x, p.y, q.y, lw, col)
			} else {
				c.polyline([]point{p, q}, lw, col)
			}
		}
	}
}
