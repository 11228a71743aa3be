package charts

import (
	"fmt"
	"math"
	"strconv"

	"parley/scenarios"
)

// timeline is the effective tariff rate and duty at stake month by month.
type timeline struct {
	dir scenarios.Direction
	pts []monthPoint
	// asOf, when set, divides the months in force from those scheduled
	// after it (NewTimelineScheduled).
	asOf scenarios.Date
}

// monthPoint is one month of a timeline.
type monthPoint struct {
	month, asOf scenarios.Date
	tot         scenarios.Totals
}

// NewTimeline returns the chart of the effective additional tariff rate
// (a step line) and duty at stake at baseline volumes (monthly bars, an
// annual amount) in direction dir, one step per point. Points must be in
// month order, one per month, as scenarios.Model.Timeline returns them.
func NewTimeline(points []scenarios.TimelinePoint, dir scenarios.Direction, meta Meta) (*Chart, error) {
	if len(points) == 0 {
		return nil, fmt.Errorf("timeline chart: no months to show")
	}
	pts := make([]monthPoint, len(points))
	for i, p := range points {
		if p.Month.IsZero() {
			return nil, fmt.Errorf("timeline chart: point %d has no month", i+1)
		}
		if i > 0 && !points[i-1].Month.Before(p.Month) {
			return nil, fmt.Errorf("timeline chart: month %s does not follow %s", p.Month, points[i-1].Month)
		}
		pts[i] = monthPoint{month: p.Month, asOf: p.AsOf, tot: p.Result.Totals[dir.Index()]}
	}
	return newChart(Timeline, meta, &timeline{dir: dir, pts: pts}), nil
}

// peak returns the index of the first month with the largest value of f.
func (t *timeline) peak(f func(scenarios.Totals) float64) int {
	best := 0
	for i, p := range t.pts {
		if f(p.tot) > f(t.pts[best].tot) {
			best = i
		}
	}
	return best
}

func rateOf(t scenarios.Totals) float64 { return t.EffectiveRate }
func dutyOf(t scenarios.Totals) float64 { return t.Duty }

func (t *timeline) summary() string {
	r, d := t.peak(rateOf), t.peak(dutyOf)
	return t.dir.Label() +
		" · Effective additional tariff up to " + percent(t.pts[r].tot.EffectiveRate) + " (" + monthLabel(t.pts[r].month) + ")" +
		" · Duty at stake up to " + upperMark(t.pts[d].tot.UpperBound) + money(t.pts[d].tot.Duty) + " a year (" + monthLabel(t.pts[d].month) + ")"
}

func (t *timeline) legend() []legendItem { return t.scheduledLegend() }

func (t *timeline) notes() []string {
	return append([]string{"Each month shows the measures in force on its last day; duty at stake is an annual amount at baseline trade volumes."}, t.scheduledNotes()...)
}

func (t *timeline) empty() string {
	for _, p := range t.pts {
		if p.tot.Duty != 0 {
			return ""
		}
	}
	first, last := t.pts[0], t.pts[len(t.pts)-1]
	if len(t.pts) == 1 {
		return noDuty(first.asOf)
	}
	return "No duty at stake from " + monthLabel(first.month) + " to " + monthLabel(last.month)
}

func (t *timeline) minPlot(c *canvas) float64 { return 16 * c.m.label }

func (t *timeline) draw(c *canvas, area box) {
	m := c.m
	n := len(t.pts)
	maxRate, maxDuty := 0.0, 0.0
	for _, p := range t.pts {
		maxRate = math.Max(maxRate, p.tot.EffectiveRate*100)
		maxDuty = math.Max(maxDuty, p.tot.Duty)
	}
	unit := unitFor(maxDuty)

	// Two panels sharing the month axis: the rate above, duty below.
	head := c.headBand()
	xBand := 2.2 * m.tick
	free := area.h() - 2*head - xBand - 2*m.gap
	rateBox := box{area.x0, area.y0 + head, area.x1, area.y0 + head + 0.55*free}
	dutyBox := box{area.x0, rateBox.y1 + 2*m.gap + head, area.x1, area.y1 - xBand}

	// Headroom above the highest step for its label.
	room := func(b box) float64 { return b.h() / math.Max(b.h()-2.2*m.value, 1) }
	ra := newAxis(0, maxRate*room(rateBox), rateBox.y1, rateBox.y0, ticksFor(rateBox.h(), 2.6*m.tick))
	da := newAxis(0, maxDuty/unit.Div*room(dutyBox), dutyBox.y1, dutyBox.y0, ticksFor(dutyBox.h(), 2.6*m.tick))
	yLabW := 0.0
	for _, v := range ra.ticks() {
		yLabW = math.Max(yLabW, c.textWidth(ra.label(v)+"%", m.tick, false))
	}
	for _, v := range da.ticks() {
		yLabW = math.Max(yLabW, c.textWidth(da.label(v), m.tick, false))
	}
	x0 := area.x0 + yLabW + 0.8*m.gap
	x1 := area.x1 - 0.5*m.gap
	band := (x1 - x0) / float64(n)
	xAt := func(i int) float64 { return x0 + float64(i)*band }

	c.drawHeading(x0, x1, rateBox.y0, "Effective additional tariff rate, %", "Effective tariff, %")
	c.drawHeading(x0, x1, dutyBox.y0, "Duty at stake, "+unit.Title+" a year at baseline volumes", "Duty at stake, "+unit.Title)
	drawGrid(c, x0, x1, ra, true)
	drawGrid(c, x0, x1, da, false)
	// Year boundaries.
	for i, p := range t.pts {
		if i > 0 && p.month.Month() == 1 {
			c.vline(xAt(i), rateBox.y0, rateBox.y1, m.hair, colGrid)
			c.vline(xAt(i), dutyBox.y0, dutyBox.y1, m.hair, colGrid)
		}
	}

	t.drawSteps(c, xAt, band, ra, da, unit.Div, rateBox, dutyBox)

	// Label each run of equal values where it fits.
	t.runLabels(c, band, xAt, func(tot scenarios.Totals) float64 { return tot.EffectiveRate },
		func(v float64) (string, float64) { return percent(v), ra.pos(v * 100) })
	t.runLabels(c, band, xAt, dutyOf,
		func(v float64) (string, float64) { return money(v), da.pos(v / unit.Div) })

	t.drawMonthLabels(c, band, xAt, dutyBox.y1)
}

// drawSteps draws the months: the rate as a filled step line on ra, the
// duty (in units of div) as a bar per month on da, the months scheduled
// after the as-of date light and outlined, and the zero lines.
func (t *timeline) drawSteps(c *canvas, xAt func(int) float64, band float64, ra, da axis, div float64, rateBox, dutyBox box) {
	m := c.m
	n := len(t.pts)
	x0, x1 := xAt(0), xAt(n)
	// Rate: a filled step line.
	steps := make([]point, 0, 2*n)
	for i, p := range t.pts {
		y := ra.pos(p.tot.EffectiveRate * 100)
		steps = append(steps, point{xAt(i), y}, point{xAt(i + 1), y})
	}
	area0 := append([]point{{x0, ra.pos(0)}}, steps...)
	c.polygon(append(area0, point{x1, ra.pos(0)}), tint(okBlue, 0.82))
	f := t.firstScheduled()
	c.polyline(steps[:2*f], 4*m.u, okBlue)
	t.drawScheduledRate(c, steps, f, xAt, ra, rateBox, dutyBox)

	// Duty: a bar per month; scheduled months light, outlined.
	for i, p := range t.pts {
		if i >= f {
			t.drawScheduledBar(c, xAt(i)+0.14*band, da.pos(p.tot.Duty/div), xAt(i+1)-0.14*band, da.pos(0))
			continue
		}
		c.rect(xAt(i)+0.14*band, da.pos(p.tot.Duty/div), xAt(i+1)-0.14*band, da.pos(0), okOrange)
	}
	c.hline(x0, x1, ra.pos(0), m.rule, colAxis)
	c.hline(x0, x1, da.pos(0), m.rule, colAxis)
}

// drawGrid draws the grid lines and tick labels of the value axis a of a
// panel from x0 to x1 (percent labels when pct).
func drawGrid(c *canvas, x0, x1 float64, a axis, pct bool) {
	m := c.m
	for _, v := range a.ticks() {
		y := a.pos(v)
		if v != 0 {
			c.hline(x0, x1, y, m.hair, colGrid)
		}
		l := a.label(v)
		if pct {
			l += "%"
		}
		c.textMiddle(l, x0-0.6*m.gap, y, textStyle{size: m.tick, color: colMuted, align: alignRight})
	}
}

// drawMonthLabels labels the months under the axis at y, every k months
// so that they do not touch (years alone from every 12).
func (t *timeline) drawMonthLabels(c *canvas, band float64, xAt func(int) float64, y float64) {
	m := c.m
	lw := c.textWidth("May 2025", m.tick, false) * 1.3
	k := 1
	for _, step := range []int{1, 2, 3, 4, 6, 12, 24, 36, 60, 120} {
		k = step
		if float64(step)*band >= lw {
			break
		}
	}
	for i, p := range t.pts {
		if (p.month.Year()*12+int(p.month.Month())-1)%k != 0 {
			continue
		}
		xc := xAt(i) + band/2
		c.vline(xc, y, y+0.3*m.tick, m.hair, colAxis)
		label := monthLabel(p.month)
		if k >= 12 {
			label = strconv.Itoa(p.month.Year())
		}
		c.text(label, xc, y+0.4*m.tick+0.93*m.tick, textStyle{size: m.tick, color: colMuted, align: alignCenter})
	}
}

// runLabels labels each run of months with equal value of f above its
// step, when the label fits in the run; place returns the label and the y
// of the step.
func (t *timeline) runLabels(c *canvas, band float64, xAt func(int) float64, f func(scenarios.Totals) float64, place func(float64) (string, float64)) {
	fs := c.m.value
	for i := 0; i < len(t.pts); {
		j := i
		v := f(t.pts[i].tot)
		for j+1 < len(t.pts) && f(t.pts[j+1].tot) == v {
			j++
		}
		label, y := place(v)
		if v != 0 && c.textWidth(label, fs, true)+0.5*c.m.gap <= float64(j-i+1)*band {
			c.text(label, (xAt(i)+xAt(j+1))/2, y-0.5*fs, textStyle{size: fs, bold: true, color: colText, align: alignCenter})
		}
		i = j + 1
	}
}

func (t *timeline) csv() ([]string, [][]string) {
	header := []string{"month", "as_of", "effective_rate", "duty_usd", "baseline_usd", "trade_change_usd", "trade_change_low_usd", "trade_change_high_usd", "duty_collected_usd"}
	rows := make([][]string, len(t.pts))
	for i, p := range t.pts {
		s := p.tot
		rows[i] = []string{p.month.String()[:7], p.asOf.String(), csvNumber(s.EffectiveRate), csvNumber(s.Duty), csvNumber(s.Baseline),
			csvNumber(s.TradeChange), csvNumber(s.TradeChangeLow), csvNumber(s.TradeChangeHigh), csvNumber(s.DutyCollected)}
	}
	return header, rows
}
