package charts

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"parley/scenarios"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// tornado is how a direction's totals move when each assumption moves.
type tornado struct {
	dir    scenarios.Direction
	base   scenarios.Totals
	rows   []swingRow // widest duty swing first
	inert  []swingRow // swings that move nothing in dir
	swings int        // number of swings given
}

// swingRow is one assumption's totals moved down and up.
type swingRow struct {
	name      string
	low, high scenarios.Totals
}

func (r swingRow) width(f func(scenarios.Totals) float64) float64 {
	return math.Abs(f(r.high) - f(r.low))
}

func tradeOf(t scenarios.Totals) float64 { return t.TradeChange }

// NewTornado returns the sensitivity chart of direction dir: for each swing
// a horizontal bar from the total at the assumption's low setting to that at
// its high setting, drawn around the base total (a vertical line), for duty
// at stake and, in a second panel, the trade effect. Rows are sorted by the
// width of the duty swing, then of the trade swing, widest first; each end
// is labelled with its value. Swings that move neither total in dir (such
// as a measure of the other direction) are named in a footnote instead.
func NewTornado(base [2]scenarios.Totals, swings []scenarios.Swing, dir scenarios.Direction, meta Meta) *Chart {
	di := dir.Index()
	t := &tornado{dir: dir, base: base[di], swings: len(swings)}
	for _, s := range swings {
		r := swingRow{name: s.Name, low: s.Low[di], high: s.High[di]}
		if r.moves(dutyOf, t.base) || r.moves(tradeOf, t.base) {
			t.rows = append(t.rows, r)
		} else {
			t.inert = append(t.inert, r)
		}
	}
	slices.SortStableFunc(t.rows, func(a, b swingRow) int {
		if c := cmp.Compare(b.width(dutyOf), a.width(dutyOf)); c != 0 {
			return c
		}
		return cmp.Compare(b.width(tradeOf), a.width(tradeOf))
	})
	return newChart(Tornado, meta, t)
}

// moves reports whether the swing moves f away from its base value.
func (r swingRow) moves(f func(scenarios.Totals) float64, base scenarios.Totals) bool {
	return f(r.low) != f(base) || f(r.high) != f(base)
}

func (t *tornado) summary() string {
	return t.dir.Label() + " · Base: duty at stake " + upperMark(t.base.UpperBound) + money(t.base.Duty) + " (" + percent(t.base.EffectiveRate) + "), trade effect " + money(t.base.TradeChange)
}

func (t *tornado) legend() []legendItem {
	return []legendItem{
		{label: "Assumption moved down", kind: legendSwatch, fill: okBlue},
		{label: "Assumption moved up", kind: legendSwatch, fill: okOrange},
		{label: "Base", kind: legendRule, fill: colText},
	}
}

func (t *tornado) notes() []string {
	if len(t.inert) == 0 || len(t.rows) == 0 {
		return nil
	}
	names := make([]string, len(t.inert))
	for i, r := range t.inert {
		names[i] = r.name
	}
	return []string{"Not shown, as they do not move these totals: " + strings.Join(names, "; ") + "."}
}

func (t *tornado) empty() string {
	if t.swings == 0 {
		return "No assumptions to vary"
	}
	if len(t.rows) == 0 {
		return "No assumption moves the totals " + t.dir.Label()
	}
	if t.base.Duty != 0 || t.base.TradeChange != 0 {
		return ""
	}
	for _, r := range t.rows {
		if r.low.Duty != 0 || r.high.Duty != 0 {
			return ""
		}
	}
	return "No duty at stake"
}

func (t *tornado) minPlot(c *canvas) float64 {
	return float64(len(t.rows))*2.2*c.m.label + c.headBand() + c.axisBand()
}

func (t *tornado) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	// Rows are few: keep them no taller than a comfortable bar.
	if maxH := float64(len(t.rows)) * 5.5 * m.label; plot.h() > maxH {
		plot.y1 = plot.y0 + maxH
	}
	names := make([]string, len(t.rows))
	for i, r := range t.rows {
		names[i] = r.name
	}
	rl := c.layoutRows(names, plot, 0.32)
	rest := plot.x1 - rl.plotX
	split := rl.plotX + 0.5*rest
	c.drawRows(rl, plot.x1)
	t.panel(c, rl, rl.plotX, split-1.5*m.gap, plot, "Duty at stake", "Duty at stake, ", dutyOf)
	t.panel(c, rl, split+1.5*m.gap, plot.x1, plot, "Trade effect (change in imports)", "Change in imports, ", tradeOf)
}

// panel draws one tornado panel of the value f between x0 and x1.
func (t *tornado) panel(c *canvas, rl rowLayout, x0, x1 float64, plot box, heading, axisTitle string, f func(scenarios.Totals) float64) {
	m := c.m
	base := f(t.base)
	lo, hi, maxAbs := base, base, math.Abs(base)
	for _, r := range t.rows {
		for _, v := range []float64{f(r.low), f(r.high)} {
			lo, hi, maxAbs = math.Min(lo, v), math.Max(hi, v), math.Max(maxAbs, math.Abs(v))
		}
	}
	unit := unitFor(maxAbs)
	thick := math.Min(rl.step*0.6, 1.8*m.label)
	vfs := c.barLabel(thick)
	labW := 0.0
	if vfs > 0 {
		for _, r := range t.rows {
			for _, v := range []float64{f(r.low), f(r.high)} {
				labW = math.Max(labW, c.textWidth(amount(v), vfs, false))
			}
		}
		labW = math.Max(labW, c.textWidth("no change", vfs, false))
	}
	p0, p1 := x0+labW+0.6*m.gap, x1-labW-0.6*m.gap
	// Pad the domain so that a swing is never flush with the axis end.
	span := math.Max(hi-lo, math.Abs(base)*0.02)
	a := newAxis((lo-0.05*span)/unit.Div, (hi+0.05*span)/unit.Div, p0, p1, ticksFor(p1-p0, c.tickRoom(number(hi/unit.Div, 1))))

	c.drawXGrid(a, plot.y0, rl.bottom())
	c.drawHeading(x0, x1, plot.y0, heading+" · base "+money(base), heading)
	bx := a.pos(base / unit.Div)
	for i, r := range t.rows {
		y := rl.mid(i)
		y0, y1 := y-thick/2, y+thick/2
		vl, vh := f(r.low), f(r.high)
		if vl == base && vh == base {
			c.textMiddle("no change", bx+0.6*m.gap, y, textStyle{size: vfs, color: colMuted})
			continue
		}
		for _, e := range []struct {
			v   float64
			col drawing.Color
		}{{vl, okBlue}, {vh, okOrange}} {
			if e.v == base {
				continue
			}
			x := a.pos(e.v / unit.Div)
			c.rect(bx, y0, x, y1, e.col)
			st := textStyle{size: vfs, color: colText}
			lx := x + 0.4*m.gap
			if x < bx {
				st.align = alignRight
				lx = x - 0.4*m.gap
			}
			c.textMiddle(amount(e.v), lx, y, st)
		}
	}
	c.vline(bx, plot.y0-0.2*m.label, rl.bottom(), 3*m.u, colText)
	c.drawXTicks(a, rl.bottom(), axisTitle+unit.Title)
}

// csv lists the rows shown, widest first, then the swings that move
// nothing.
func (t *tornado) csv() ([]string, [][]string) {
	header := []string{"assumption", "duty_base_usd", "duty_low_usd", "duty_high_usd", "trade_change_base_usd", "trade_change_low_usd", "trade_change_high_usd"}
	all := append(slices.Clip(t.rows), t.inert...)
	rows := make([][]string, len(all))
	for i, r := range all {
		rows[i] = []string{r.name, csvNumber(t.base.Duty), csvNumber(r.low.Duty), csvNumber(r.high.Duty),
			csvNumber(t.base.TradeChange), csvNumber(r.low.TradeChange), csvNumber(r.high.TradeChange)}
	}
	return header, rows
}
