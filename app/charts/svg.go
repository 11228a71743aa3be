package charts

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
)

// svgDPI makes go-chart's SVG renderer write font sizes in pixels.
const svgDPI = 72

// svgFonts is the font-family of SVG text: the Go fonts by name (not
// embedded), then fonts of nearly the same widths found on most systems.
const svgFonts = "'Go',Arial,Helvetica,'Liberation Sans',sans-serif"

// SVG writes the chart as an SVG document of size pixels to w. Text stays
// text (escaped: go-chart writes it raw), set in the Go fonts by name with
// fallbacks of similar widths; every piece of text carries its width in the
// Go font (textLength) and right-aligned or centred text is anchored, so
// viewers that honour textLength match the PNG and others stay aligned.
func (c *Chart) SVG(w io.Writer, size Size) error {
	pw, ph, err := size.pixels(1)
	if err != nil {
		return fmt.Errorf("render %s chart as SVG: %w", c.Kind, err)
	}
	fonts, err := loadFonts()
	if err != nil {
		return fmt.Errorf("render %s chart as SVG: %w", c.Kind, err)
	}
	r, err := chart.SVG(pw, ph)
	if err != nil {
		return fmt.Errorf("render %s chart as SVG: %w", c.Kind, err)
	}
	r.SetDPI(svgDPI)
	cv := newCanvas(r, true, fonts, pw, ph, 0)
	cv.theme = c.theme
	c.draw(cv)
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return fmt.Errorf("render %s chart as SVG: %w", c.Kind, err)
	}
	// go-chart's root element has a viewBox but no size.
	doc := buf.String()
	doc = strings.Replace(doc, "<svg ", fmt.Sprintf(`<svg width="%d" height="%d" `, pw, ph), 1)
	doc = strings.ReplaceAll(doc, "font-family:'"+fonts.regular.Name(truetype.NameIDFontFamily)+"',sans-serif", "font-family:"+svgFonts)
	if _, err := io.WriteString(w, xml.Header+doc+"\n"); err != nil {
		return fmt.Errorf("write %s chart as SVG: %w", c.Kind, err)
	}
	return nil
}

// svgText returns the body of an SVG text element for s, width pixels wide
// in the Go font: escaped, in a tspan that carries the weight, the anchor
// and the width. go-chart puts the body between <text> and </text> as it is.
func svgText(s string, x, width float64, st textStyle) string {
	var b strings.Builder
	b.WriteString("<tspan")
	switch st.align {
	case alignCenter:
		b.WriteString(` x="` + strconv.Itoa(iround(x)) + `" text-anchor="middle"`)
	case alignRight:
		b.WriteString(` x="` + strconv.Itoa(iround(x)) + `" text-anchor="end"`)
	}
	if st.bold {
		b.WriteString(` font-weight="bold"`)
	}
	b.WriteString(` textLength="` + strconv.FormatFloat(width, 'f', 1, 64) + `" lengthAdjust="spacingAndGlyphs">`)
	xml.EscapeText(&b, []byte(s)) // never fails on a strings.Builder
	b.WriteString("</tspan>")
	return b.String()
}
