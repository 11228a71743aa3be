package charts

import (
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// metrics are the sizes in pixels of a chart's text and spacing, all scaled
// with the image: at 1920×1080 the title is 40 px and labels 18–20 px.
type metrics struct {
	u                          float64 // pixels per reference pixel
	margin, gap                float64
	title, subtitle, summary   float64
	legend, label, value, tick float64
	foot, message              float64
	hair, rule                 float64 // grid and axis line widths
}

// newMetrics returns the metrics of a w×h pixel image. floor is the pixel
// size of one on-screen unit for charts shown in a window (0 for exported
// files): text is then never smaller than a legible minimum on that screen.
func newMetrics(w, h, floor float64) metrics {
	// Scale with the image's area, but never so much that a narrow or short
	// image overflows.
	u := math.Sqrt(w * h / (1920 * 1080))
	u = math.Min(u, 1.15*math.Min(w/1920, h/1080))
	m := metrics{
		u:        u,
		margin:   36 * u,
		gap:      12 * u,
		title:    40 * u,
		subtitle: 24 * u,
		summary:  22 * u,
		legend:   19 * u,
		label:    20 * u,
		value:    18 * u,
		tick:     18 * u,
		foot:     17 * u,
		message:  34 * u,
		hair:     math.Max(1, math.Round(u)),
		rule:     math.Max(1, math.Round(2*u)),
	}
	if floor > 0 {
		atLeast := func(v *float64, min float64) { *v = math.Max(*v, min*floor) }
		atLeast(&m.margin, 8)
		atLeast(&m.gap, 4)
		atLeast(&m.title, 15)
		atLeast(&m.subtitle, 12)
		atLeast(&m.summary, 12)
		for _, v := range []*float64{&m.legend, &m.label, &m.value, &m.tick} {
			atLeast(v, 11)
		}
		atLeast(&m.foot, 10)
		atLeast(&m.message, 14)
	}
	return m
}

// body is the part of a chart that differs by kind.
type body interface {
	// summary returns the key figures printed under the subtitle.
	summary() string
	// legend returns the legend entries; none for a single plain series.
	legend() []legendItem
	// notes returns footnote lines the chart adds before Meta.Footnote.
	notes() []string
	// empty returns the message shown instead of the plot when there is
	// nothing to show, or "".
	empty() string
	// minPlot returns the height the plot needs to stay legible; footnotes
	// give way to it.
	minPlot(c *canvas) float64
	// draw draws the plot inside area.
	draw(c *canvas, area box)
	// csv returns the data behind the chart: a header and rows.
	csv() (header []string, rows [][]string)
	// table returns the data of a native chart.
	table() (Table, bool)
}

// legendKind is the symbol of a legend entry.
type legendKind uint8

const (
	legendSwatch  legendKind = iota // filled square
	legendOutline                   // light square with a border
	legendRange                     // a light bar with a dark tick
	legendRule                      // a vertical rule (a base line)
)

// legendItem is one entry of a legend.
type legendItem struct {
	label string
	kind  legendKind
	fill  drawing.Color
	edge  drawing.Color
}

// draw draws the whole chart: heading, legend, plot and footnotes.
func (ch *Chart) draw(c *canvas) {
	m := c.m
	c.background()
	x0, x1 := m.margin, c.w-m.margin
	y := m.margin * 0.8

	heading := func(s string, size float64, bold bool, col drawing.Color, limit int, lead float64) {
		for _, ln := range c.fonts.wrap(s, size, bold, x1-x0, limit) {
			c.text(ln, x0, y+0.93*size, textStyle{size: size, bold: bold, color: col})
			y += lead * size
		}
	}
	heading(ch.Meta.Title, m.title, true, colText, 2, 1.2)
	if ch.Meta.Subtitle != "" {
		y += 0.1 * m.subtitle
		heading(ch.Meta.Subtitle, m.subtitle, false, colMuted, 2, 1.3)
	}
	empty := ch.body.empty()
	if s := ch.body.summary(); s != "" && empty == "" && !ch.Meta.Compact {
		y += 0.15 * m.summary
		heading(s, m.summary, false, colText, 2, 1.3)
	}
	if items := ch.body.legend(); len(items) > 0 && empty == "" {
		y += 0.5 * m.legend
		y = c.drawLegend(items, x0, x1, y)
	}
	y += 1.2 * m.gap

	need := 6 * m.label
	if empty == "" {
		need = ch.body.minPlot(c)
	}
	budget := c.h - 0.7*m.margin - 1.5*m.gap - y - need
	var notes []string
	if !ch.Meta.Compact {
		notes = ch.body.notes()
	}
	bottom := c.drawFootnotes(append(notes, ch.Meta.Footnote...), x0, x1, min(budget, 0.25*c.h))
	area := box{x0, y, x1, bottom - 1.5*m.gap}
	if area.h() < 4*m.label {
		area.y1 = area.y0 + 4*m.label // the plot wins over footnotes
	}
	if empty != "" {
		c.drawMessage(empty, area)
		return
	}
	ch.body.draw(c, area)
}

// drawLegend lays out items in rows from y and returns the y below them.
func (c *canvas) drawLegend(items []legendItem, x0, x1, y float64) float64 {
	m := c.m
	fs := m.legend
	sw := 0.9 * fs
	lead := 1.5 * fs
	x := x0
	mid := y + lead/2
	for _, it := range items {
		symW := sw
		if it.kind == legendRange {
			symW = 2 * sw
		}
		label := c.fonts.ellipsize(it.label, fs, false, x1-x0-symW-0.5*fs)
		w := symW + 0.45*fs + c.textWidth(label, fs, false)
		if x > x0 && x+w > x1 {
			x = x0
			y += lead
			mid = y + lead/2
		}
		c.legendSymbol(it, x, mid, symW, sw)
		c.textMiddle(label, x+symW+0.45*fs, mid, textStyle{size: fs, color: colText})
		x += w + 1.6*fs
	}
	return y + lead
}

// legendSymbol draws the symbol of it, w wide and h high, right of x and
// centred on y.
func (c *canvas) legendSymbol(it legendItem, x, y, w, h float64) {
	top, bot := y-h/2, y+h/2
	switch it.kind {
	case legendSwatch:
		c.rect(x, top, x+w, bot, it.fill)
	case legendOutline:
		c.rect(x, top, x+w, bot, it.fill)
		c.frame(x, top, x+w, bot, 2*c.m.u, it.edge)
	case legendRange:
		c.rect(x, y-h*0.3, x+w, y+h*0.3, it.fill)
		c.vline(x+w*0.6, top, bot, 4*c.m.u, it.edge)
	case legendRule:
		c.vline(x+w/2, top, bot, 3*c.m.u, it.fill)
	}
}

// drawFootnotes sets lines at the bottom of the chart, wrapping long lines
// and shrinking the text (or, at worst, cutting the end short with "…") so
// that they take at most budget pixels, but always at least two lines. It
// returns the y above them.
func (c *canvas) drawFootnotes(lines []string, x0, x1, budget float64) float64 {
	m := c.m
	bottom := c.h - 0.7*m.margin
	var text []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			text = append(text, l)
		}
	}
	if len(text) == 0 {
		return bottom
	}
	budget = math.Max(budget, 2*1.3*0.75*m.foot)
	var wrapped []string
	fs := m.foot
	for ; ; fs *= 0.92 {
		wrapped = wrapped[:0]
		for _, l := range text {
			wrapped = append(wrapped, c.fonts.wrap(l, fs, false, x1-x0, 0)...)
		}
		if float64(len(wrapped))*1.3*fs <= budget || fs < 0.75*m.foot {
			break
		}
	}
	lead := 1.3 * fs
	if n := int(budget / lead); len(wrapped) > n {
		n = max(n, 1)
		last := strings.Join(wrapped[n-1:], " ")
		wrapped = append(wrapped[:n-1], c.fonts.ellipsize(last, fs, false, x1-x0))
	}
	top := bottom - float64(len(wrapped))*lead
	c.hline(x0, x1, top-0.6*lead, m.hair, colGrid)
	y := top
	for _, l := range wrapped {
		c.text(l, x0, y+0.93*fs, textStyle{size: fs, color: colMuted})
		y += lead
	}
	return top - 0.6*lead
}

// drawMessage shows msg in the middle of area, for a chart with no data.
func (c *canvas) drawMessage(msg string, area box) {
	m := c.m
	c.frame(area.x0, area.y0, area.x1, area.y1, m.rule, colGrid)
	lines := c.fonts.wrap(msg, m.message, true, area.w()-4*m.gap, 3)
	lead := 1.3 * m.message
	y := area.y0 + area.h()/2 - float64(len(lines))*lead/2
	for _, l := range lines {
		c.text(l, area.x0+area.w()/2, y+0.93*m.message, textStyle{size: m.message, bold: true, color: colMuted, align: alignCenter})
		y += lead
	}
}
