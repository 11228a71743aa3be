package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"parley/scenarios"
)

// canvas draws shapes and text on a go-chart renderer, in float pixel
// coordinates. Text is measured and aligned here with the Go fonts' metrics
// (go-chart's own measurement differs between its renderers); on a raster
// image it is set last by rasterText, in SVG it goes through the renderer,
// escaped.
type canvas struct {
	r     chart.Renderer
	svg   bool // r writes SVG: text must be escaped
	fonts fontSet
	w, h  float64
	m     metrics
	// theme maps the light theme's colours that shapes and text are
	// drawn with to the chart's theme.
	theme Theme
	// texts holds the text of a raster image, set after the shapes (see
	// rasterText).
	texts []pendingText
}

func newCanvas(r chart.Renderer, svg bool, fonts fontSet, w, h int, floor float64) *canvas {
	return &canvas{r: r, svg: svg, fonts: fonts, w: float64(w), h: float64(h), m: newMetrics(float64(w), float64(h), floor)}
}

// point is a position in pixels.
type point struct{ x, y float64 }

// box is a rectangle in pixels.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) w() float64 { return b.x1 - b.x0 }
func (b box) h() float64 { return b.y1 - b.y0 }

// align is the horizontal alignment of text on its anchor.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// textStyle is how a piece of text is set.
type textStyle struct {
	size  float64
	bold  bool
	color drawing.Color
	align align
}

// textWidth returns the width of s in pixels.
func (c *canvas) textWidth(s string, size float64, bold bool) float64 {
	return c.fonts.width(s, size, bold)
}

// text draws s with its baseline at y, anchored at x. Characters that hide
// or reorder text are drawn as \uXXXX escapes (scenarios.ShowHidden, which
// fontSet.width measures too), in SVG and PNG alike.
func (c *canvas) text(s string, x, y float64, st textStyle) {
	if s == "" || !(st.size > 0) || !finite(x) || !finite(y) {
		return
	}
	s = scenarios.ShowHidden(s)
	w := c.textWidth(s, st.size, st.bold)
	left := x
	switch st.align {
	case alignCenter:
		left = x - w/2
	case alignRight:
		left = x - w
	}
	st.color = c.theme.color(st.color)
	if !c.svg {
		c.texts = append(c.texts, pendingText{s: s, x: left, y: y, size: st.size, bold: st.bold, color: st.color})
		return
	}
	c.r.ResetStyle()
	c.r.SetFont(c.fonts.face(st.bold))
	c.r.SetFontSize(st.size)
	c.r.SetFontColor(st.color)
	c.r.Text(svgText(s, x, w, st), iround(left), iround(y))
}

// textMiddle draws one line of text vertically centred on y.
func (c *canvas) textMiddle(s string, x, y float64, st textStyle) {
	c.text(s, x, y+0.35*st.size, st)
}

// background fills the canvas with the theme's background. A raster image
// is composited onto it when it is finished instead (onBackground), which
// is faster.
func (c *canvas) background() {
	if c.svg {
		c.rect(0, 0, c.w, c.h, colWhite)
	}
}

// rect fills the rectangle from (x0, y0) to (x1, y1).
func (c *canvas) rect(x0, y0, x1, y1 float64, fill drawing.Color) {
	if !finite(x0) || !finite(y0) || !finite(x1) || !finite(y1) {
		return // bad data draws nothing rather than garbage
	}
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	ix0, iy0, ix1, iy1 := iround(x0), iround(y0), iround(x1), iround(y1)
	if ix1 == ix0 && x1 > x0 {
		ix1 = ix0 + 1 // a visible sliver rather than nothing
	}
	if iy1 == iy0 && y1 > y0 {
		iy1 = iy0 + 1
	}
	if ix1 <= ix0 || iy1 <= iy0 {
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(c.theme.color(fill))
	c.r.MoveTo(ix0, iy0)
	c.r.LineTo(ix1, iy0)
	c.r.LineTo(ix1, iy1)
	c.r.LineTo(ix0, iy1)
	c.r.Close()
	c.r.Fill()
}

// frame draws the outline of a rectangle inside its edges, lw pixels wide.
func (c *canvas) frame(x0, y0, x1, y1, lw float64, col drawing.Color) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	lw = math.Max(1, math.Round(lw))
	if x1-x0 <= 2*lw || y1-y0 <= 2*lw {
		c.rect(x0, y0, x1, y1, col)
		return
	}
	c.rect(x0, y0, x1, y0+lw, col)
	c.rect(x0, y1-lw, x1, y1, col)
	c.rect(x0, y0+lw, x0+lw, y1-lw, col)
	c.rect(x1-lw, y0+lw, x1, y1-lw, col)
}

// vline draws a crisp vertical line lw pixels wide centred on x.
func (c *canvas) vline(x, y0, y1, lw float64, col drawing.Color) {
	lw = math.Max(1, math.Round(lw))
	x0 := math.Round(x - lw/2)
	c.rect(x0, y0, x0+lw, y1, col)
}

// hline draws a crisp horizontal line lw pixels wide centred on y.
func (c *canvas) hline(x0, x1, y, lw float64, col drawing.Color) {
	lw = math.Max(1, math.Round(lw))
	y0 := math.Round(y - lw/2)
	c.rect(x0, y0, x1, y0+lw, col)
}

// polyline strokes a path through pts.
func (c *canvas) polyline(pts []point, lw float64, col drawing.Color) {
	if len(pts) < 2 || !allFinite(pts) {
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(c.theme.color(col))
	// An even whole width centred on whole pixels covers whole pixels (and
	// go-chart's SVG writes whole widths anyway).
	lw = 2 * math.Max(1, math.Round(lw/2))
	c.r.SetStrokeWidth(lw)
	c.r.MoveTo(iround(pts[0].x), iround(pts[0].y))
	for _, p := range pts[1:] {
		c.r.LineTo(iround(p.x), iround(p.y))
	}
	c.r.Stroke()
}

// polygon fills the closed shape through pts.
func (c *canvas) polygon(pts []point, fill drawing.Color) {
	if len(pts) < 3 || !allFinite(pts) {
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(c.theme.color(fill))
	c.r.MoveTo(iround(pts[0].x), iround(pts[0].y))
	for _, p := range pts[1:] {
		c.r.LineTo(iround(p.x), iround(p.y))
	}
	c.r.Close()
	c.r.Fill()
}

func iround(v float64) int { return int(math.Round(v)) }

func allFinite(pts []point) bool {
	for _, p := range pts {
		if !finite(p.x) || !finite(p.y) {
			return false
		}
	}
	return true
}
