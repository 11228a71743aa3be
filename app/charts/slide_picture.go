package charts

import (
	"fmt"
	"io"
)

// SlidePNG renders the chart as a PNG picture for a slide, where it is
// scaled to a known width: like ScreenImage, size is in units of scale
// pixels and no text is smaller than a legible number of units (labels
// 11, footnotes 10), so a picture drawn on few units keeps its text large
// on the slide. It returns the size in pixels of the smallest text drawn.
func (c *Chart) SlidePNG(w io.Writer, size Size, scale float64) (smallestPx float64, err error) {
	img, smallest, err := c.render(size, scale, scale)
	if err != nil {
		return 0, err
	}
	if err := writePNG(w, img); err != nil {
		return 0, fmt.Errorf("write %s chart as PNG: %w", c.Kind, err)
	}
	return smallest, nil
}
