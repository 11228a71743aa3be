package charts

import (
	"fmt"
	"image"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Chart is a chart ready to render, with the data behind it. A Chart is not
// changed by rendering and may be rendered from several goroutines at once.
type Chart struct {
	// Kind is the kind of chart.
	Kind Kind
	// Meta is the chart's title, subtitle and footnote.
	Meta Meta

	body  body
	theme Theme
}

// Image renders the chart to an opaque image of size×scale pixels. The
// layout is the same at every scale: at scale 2 every font, line and gap is
// twice as large, for a sharp image on a high-density screen. Any positive
// size renders (a window panel may be small); scale must be in (0, 8] and
// each side of the result at most 16384 pixels.
func (c *Chart) Image(size Size, scale float64) (image.Image, error) {
	return c.rgba(size, scale, 0)
}

// ScreenImage renders the chart for a panel of a window: size is the panel
// in the window's units and scale the screen's pixels per unit. Unlike Image,
// its text never gets smaller than a legible size on that screen (labels 11
// units), so a small panel shows its labels at a readable size; give a small
// panel fewer sectors (top N) so that they fit.
func (c *Chart) ScreenImage(size Size, scale float64) (image.Image, error) {
	return c.rgba(size, scale, scale)
}

// rgba renders the chart to an opaque RGBA image; floor is the pixel size of
// a screen unit for ScreenImage, 0 for files.
func (c *Chart) rgba(size Size, scale, floor float64) (*image.RGBA, error) {
	img, _, err := c.render(size, scale, floor)
	return img, err
}

// render is rgba that also returns the size in pixels of the smallest
// text drawn (0 when there is none).
func (c *Chart) render(size Size, scale, floor float64) (*image.RGBA, float64, error) {
	img, texts, err := c.renderTexts(size, scale, floor)
	smallest := 0.0
	for _, t := range texts {
		if smallest == 0 || t.size < smallest {
			smallest = t.size
		}
	}
	return img, smallest, err
}

func (c *Chart) renderTexts(size Size, scale, floor float64) (*image.RGBA, []pendingText, error) {
	w, h, err := size.pixels(scale)
	if err != nil {
		return nil, nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	fonts, err := loadFonts()
	if err != nil {
		return nil, nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	r, err := chart.PNG(w, h)
	if err != nil {
		return nil, nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	cv := newCanvas(r, false, fonts, w, h, floor)
	cv.theme = c.theme
	c.draw(cv)
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		return nil, nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	img, err := iw.Image()
	if err != nil {
		return nil, nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		return nil, nil, fmt.Errorf("render %s chart: go-chart returned a %T, not an *image.RGBA", c.Kind, img)
	}
	onBackground(rgba, c.theme.background())
	rasterText(rgba, fonts, cv.texts)
	return rgba, cv.texts, nil
}

// newChart returns a chart of kind k.
func newChart(k Kind, meta Meta, b body) *Chart {
	return &Chart{Kind: k, Meta: meta, body: b}
}

// Summary returns the key figures the chart prints under its subtitle, such
// as the total duty at stake and the trade effect, or "" when the chart has
// nothing to show (see Empty). A slide that shows the chart's data natively
// can print it beside the chart.
func (c *Chart) Summary() string {
	if c.body.empty() != "" {
		return ""
	}
	return c.body.summary()
}

// Notes returns the footnote lines the chart prints before Meta.Footnote,
// such as what "≤" means.
func (c *Chart) Notes() []string { return c.body.notes() }

// Empty returns the message the chart shows instead of its plot when there
// is nothing to show (e.g. "No duty at stake on 2024-06-30"), or "".
func (c *Chart) Empty() string { return c.body.empty() }
