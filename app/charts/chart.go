package charts

import (
	"fmt"
	"image"
	"image/png"
	"io"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Chart is a chart ready to render, with the data behind it. A Chart is not
// changed by rendering and may be rendered from several goroutines at once.
type Chart struct {
	// Kind is the kind of chart.
	Kind Kind
	// Meta is the chart's title, subtitle and footnote.
	Meta Meta

	body body
}

// rasterDPI makes go-chart's raster renderer set text at a size in pixels:
// it scales glyphs by size×DPI/64 pixels.
const rasterDPI = 64

// Image renders the chart to an image of size×scale pixels. The layout is
// the same at every scale: at scale 2 every font, line and gap is twice as
// large, for a sharp image on a high-density screen.
func (c *Chart) Image(size Size, scale float64) (image.Image, error) {
	w, h, err := size.pixels(scale)
	if err != nil {
		return nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	fonts, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	r, err := chart.PNG(w, h)
	if err != nil {
		return nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	r.SetDPI(rasterDPI)
	c.draw(newCanvas(r, false, fonts, w, h))
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		return nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	img, err := iw.Image()
	if err != nil {
		return nil, fmt.Errorf("render %s chart: %w", c.Kind, err)
	}
	return img, nil
}

// PNG renders the chart as a PNG image of size×scale pixels to w.
func (c *Chart) PNG(w io.Writer, size Size, scale float64) error {
	img, err := c.Image(size, scale)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(w, img); err != nil {
		return fmt.Errorf("write %s chart as PNG: %w", c.Kind, err)
	}
	return nil
}

// newChart returns a chart of kind k.
func newChart(k Kind, meta Meta, b body) *Chart {
	return &Chart{Kind: k, Meta: meta, body: b}
}
