package charts

import (
	"math"
	"strconv"
)

// dutyBar is one row of a chart of duty bars (products, provinces): its
// label, its duty at stake, the text beside its bar, and whether the duty
// is an upper bound.
type dutyBar struct {
	label, text string
	duty        float64
	upper       bool
}

// dutyBar draws a bar of duty at stake: an upper bound lighter and
// outlined.
func (c *canvas) dutyBar(x0, y0, x1, y1 float64, upper bool) {
	if upper {
		c.rect(x0, y0, x1, y1, tint(okBlue, 0.65))
		c.frame(x0, y0, x1, y1, 2*c.m.u, okBlue)
		return
	}
	c.rect(x0, y0, x1, y1, okBlue)
}

// drawDutyBars draws one bar of duty at stake per row in area, its text
// beside it: an upper bound as a lighter bar outlined, no bar for no duty.
// Row labels take at most labelFrac of the width; heading (short when
// narrow) names the bars.
func (c *canvas) drawDutyBars(area box, bars []dutyBar, labelFrac float64, heading, short string) {
	m := c.m
	plot := c.plotArea(area)
	// Few rows: keep them no taller than a comfortable bar.
	if maxH := float64(len(bars)) * 3.2 * m.label; plot.h() > maxH {
		plot.y1 = plot.y0 + maxH
	}
	labels, texts := make([]string, len(bars)), make([]string, len(bars))
	maxDuty := 0.0
	for i, b := range bars {
		labels[i], texts[i] = b.label, b.text
		maxDuty = math.Max(maxDuty, b.duty)
	}
	unit := unitFor(maxDuty)
	rl := c.layoutRows(labels, plot, labelFrac)
	thick := math.Min(rl.step*0.68, 1.8*m.label)
	vfs := c.barLabel(thick)
	end := plot.x1 - c.widest(vfs, texts...) - 0.6*m.gap
	sample := strconv.Itoa(int(maxDuty/unit.Div)) + ".0"
	a := newAxis(0, math.Max(maxDuty/unit.Div, 1e-9), rl.plotX, end, ticksFor(end-rl.plotX, c.tickRoom(sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(a, plot.y0, rl.bottom())
	c.drawHeading(rl.plotX, plot.x1, plot.y0, heading, short)
	vst := textStyle{size: vfs, color: colText}
	for i, b := range bars {
		y := rl.mid(i)
		y0, y1 := y-thick/2, y+thick/2
		x0, x1 := a.pos(0), a.pos(b.duty/unit.Div)
		if b.duty != 0 {
			c.dutyBar(x0, y0, x1, y1, b.upper)
		}
		if vfs > 0 {
			c.textMiddle(b.text, x1+0.5*m.gap, y, vst)
		}
	}
	c.drawXTicks(a, rl.bottom(), "Duty at stake, "+unit.Title)
}
