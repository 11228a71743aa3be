package charts

import "math"

// rowLayout places horizontal rows (one per category) in a plot, with the
// category labels right-aligned in a column at its left.
type rowLayout struct {
	x0        float64 // left edge of the label column
	top, step float64 // y of the first row's top, and row pitch
	font      float64 // label size
	labelX    float64 // right edge of the labels
	plotX     float64 // left edge of the bars
	labels    []string
}

// layoutRows fits labels into a column at most maxFrac of area's width: the
// labels shrink when rows are tight or a label is long, and a label is
// shortened with "…" only when it still does not fit at 80% of the size.
func (c *canvas) layoutRows(labels []string, area box, maxFrac float64) rowLayout {
	m := c.m
	n := max(len(labels), 1)
	step := area.h() / float64(n)
	font := math.Min(m.label, step*0.72)
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, c.textWidth(l, font, false))
	}
	maxW := maxFrac * area.w()
	if widest > maxW {
		shrunk := math.Max(font*maxW/widest, 0.8*font)
		widest *= shrunk / font
		font = shrunk
	}
	colW := math.Min(widest, maxW)
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = c.fonts.ellipsize(l, font, false, colW)
	}
	return rowLayout{
		x0:     area.x0,
		top:    area.y0,
		step:   step,
		font:   font,
		labelX: area.x0 + colW,
		plotX:  area.x0 + colW + 0.9*m.gap,
		labels: out,
	}
}

// mid returns the y of row i's centre.
func (rl rowLayout) mid(i int) float64 { return rl.top + (float64(i)+0.5)*rl.step }

// bottom returns the y below the last row.
func (rl rowLayout) bottom() float64 { return rl.top + float64(len(rl.labels))*rl.step }

// drawRows draws the category labels and light bands behind every other
// row, across to x1.
func (c *canvas) drawRows(rl rowLayout, x1 float64) {
	for i := 1; i < len(rl.labels); i += 2 {
		c.rect(rl.x0, rl.top+float64(i)*rl.step, x1, rl.top+float64(i+1)*rl.step, colRowBand)
	}
	for i, l := range rl.labels {
		c.textMiddle(l, rl.labelX, rl.mid(i), textStyle{size: rl.font, color: colText, align: alignRight})
	}
}

// axisBand is the height below a plot taken by tick labels and the axis
// title.
func (c *canvas) axisBand() float64 { return 3.3 * c.m.tick }

// headBand is the height above a panel taken by its heading.
func (c *canvas) headBand() float64 { return 1.7 * c.m.label }

// drawHeading draws a panel heading left-aligned at x above y.
// The first of texts that fits is drawn; the last is shortened with "…"
// when none does.
func (c *canvas) drawHeading(x, x1, y float64, texts ...string) {
	fs := c.m.label
	s := texts[len(texts)-1]
	for _, t := range texts {
		if c.textWidth(t, fs, true) <= x1-x {
			s = t
			break
		}
	}
	s = c.fonts.ellipsize(s, fs, true, x1-x)
	c.text(s, x, y-0.55*fs, textStyle{size: fs, bold: true, color: colText})
}

// drawXGrid draws the vertical grid lines of a between top and bottom, the
// zero line darker.
func (c *canvas) drawXGrid(a axis, top, bottom float64) {
	for _, v := range a.ticks() {
		if v != 0 {
			c.vline(a.pos(v), top, bottom, c.m.hair, colGrid)
		}
	}
	if a.lo <= 0 && a.hi >= 0 {
		c.vline(a.pos(0), top, bottom, c.m.rule, colAxis)
	}
}

// drawXTicks draws tick labels under y and the axis title under them,
// centred on the axis but kept inside the image.
func (c *canvas) drawXTicks(a axis, y float64, title string) {
	fs := c.m.tick
	st := textStyle{size: fs, color: colMuted, align: alignCenter}
	for _, v := range a.ticks() {
		c.text(a.label(v), a.pos(v), y+0.4*fs+0.93*fs, st)
	}
	if title != "" {
		title = c.fonts.ellipsize(title, fs, false, c.w-2*c.m.margin)
		half := c.textWidth(title, fs, false) / 2
		mid := (a.p0 + a.p1) / 2
		mid = math.Min(mid, c.w-c.m.margin/2-half)
		mid = math.Max(mid, c.m.margin/2+half)
		c.text(title, mid, y+1.75*fs+0.93*fs, textStyle{size: fs, color: colText, align: alignCenter})
	}
}

// tickRoom returns the pixels a tick label of a needs, used to choose how
// many ticks fit.
func (c *canvas) tickRoom(sample string) float64 {
	return c.textWidth(sample, c.m.tick, false) + 3*c.m.tick
}

// barLabel returns the size of the value labels at bar ends for bars of the
// given thickness, or 0 when they would be too small to read.
func (c *canvas) barLabel(thick float64) float64 {
	fs := math.Min(c.m.value, thick*1.05)
	if fs < 0.78*c.m.value {
		return 0
	}
	return fs
}

// rowsPlot is the height a plot of n rows needs for 18 px labels at
// 1920×1080 (labels take 72% of a row).
func rowsPlot(c *canvas, n int) float64 {
	return float64(n)*1.25*c.m.label + c.headBand() + c.axisBand()
}

// plotArea is the part of area a chart of rows draws its bars in: below
// the band of its column headings, above the band of its axis.
func (c *canvas) plotArea(area box) box {
	return box{area.x0, area.y0 + c.headBand(), area.x1, area.y1 - c.axisBand()}
}

// pairedBars returns the thickness of each of the two bars a row of rl
// holds, and the font size of their value labels.
func (c *canvas) pairedBars(rl rowLayout) (thick, labelSize float64) {
	pair := math.Min(rl.step*0.80, 2.6*c.m.label)
	thick = pair / 2
	return thick, c.barLabel(thick * 1.25)
}

// widest returns the width of the widest of texts at font size size (0
// when size is 0: no labels are drawn).
func (c *canvas) widest(size float64, texts ...string) float64 {
	w := 0.0
	if size <= 0 {
		return w
	}
	for _, t := range texts {
		w = math.Max(w, c.textWidth(t, size, false))
	}
	return w
}
