package deck

import (
	"fmt"
	"math"
	"strings"
)

// Chart label sizes in points: the largest, and the smallest that reads
// when a slide is projected at ProjectedWidth.
const (
	maxLabelSize = 14
	minLabelSize = MinProjectedPoints
)

// labelLine is the height of a category label's band over its size: its
// line height and a little space.
const labelLine = 1.3

// labelShare is the share of a horizontal chart's width its category
// labels may take: a longer label is cut, with "…", to one line there.
const labelShare = 0.35

// plotHeight returns the height in points of a horizontal chart's plot:
// the frame less its title, the value axis labels and title and padding.
func plotHeight(c *Chart, frame rect) float64 {
	reserved := 12 + 12*lineSpacing + 4
	if c.Title != "" {
		reserved += 18*lineSpacing + 8
	}
	if c.ValueTitle != "" {
		reserved += 12*lineSpacing + 6
	}
	return float64(frame.cy)/emuPerPt - reserved
}

// plotLayout returns the c:layout of a chart's plot area. A horizontal
// chart's plot is placed by hand, as plotHeight and shownCategories
// assume: its labels get the width of the widest, and each category the
// band the label sizes are computed for; a reader's automatic layout
// would otherwise shrink the plot and wrap or overlap the labels. Column
// charts keep the automatic layout.
func plotLayout(c *Chart, frame rect) string {
	if !c.Horizontal || len(c.Categories) == 0 {
		return `<c:layout/>`
	}
	fw, fh := float64(frame.cx)/emuPerPt, float64(frame.cy)/emuPerPt
	top := 4.0
	if c.Title != "" {
		top += 18*lineSpacing + 8
	}
	x := (categoryLabelsWidth(c, frame) + 10) / fw
	w := plotWidth(c, frame) / fw
	return fmt.Sprintf(`<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>`+
		`<c:x val="%.4f"/><c:y val="%.4f"/><c:w val="%.4f"/><c:h val="%.4f"/></c:manualLayout></c:layout>`,
		x, top/fh, w, plotHeight(c, frame)/fh)
}

// categoryLabelsWidth returns the width in points of a horizontal chart's
// widest category label as shown.
func categoryLabelsWidth(c *Chart, frame rect) float64 {
	size := categoryFontSize(c, frame)
	labels := 0.0
	for _, cat := range shownCategories(c, frame, size) {
		labels = math.Max(labels, textWidth(cat, size, false)/emuPerPt)
	}
	return labels
}

// plotWidth returns the width in points of a horizontal chart's plot, as
// plotLayout places it: the frame less the category labels and room on the
// right for the value label of the longest bar.
func plotWidth(c *Chart, frame rect) float64 {
	return float64(frame.cx)/emuPerPt - categoryLabelsWidth(c, frame) - 10 - 48
}

// columnPlotHeight estimates the height in points of a column chart's
// plot: the frame less its title, the category labels and the value axis
// title.
func columnPlotHeight(c *Chart, frame rect) float64 {
	return plotHeight(c, frame) - 12*lineSpacing
}

// columnWidth returns the width in points of one category of a column
// chart: the frame less the value axis and its title.
func columnWidth(c *Chart, frame rect) float64 {
	return (float64(frame.cx)/emuPerPt - 80) / float64(max(1, len(c.Categories)))
}

// labelRoom returns, for category k of a column chart, the width in
// points its label may take: the columns from it to the next labelled
// category (or the end), so that sparse labels (a year under January)
// are as large as their spacing allows.
func labelRoom(c *Chart, frame rect, k int) float64 {
	n := 1
	for j := k + 1; j < len(c.Categories) && strings.TrimSpace(c.Categories[j]) == ""; j++ {
		n++
	}
	return float64(n) * columnWidth(c, frame)
}

// categoryFontSize returns the size in points of the category labels:
// up to maxLabelSize, as large as lets every label keep its room on one
// line (a horizontal chart's band, a column label's columns). A size under
// minLabelSize means the chart has too many categories for its frame.
func categoryFontSize(c *Chart, frame rect) float64 {
	size := float64(maxLabelSize)
	if c.Horizontal {
		per := plotHeight(c, frame) / float64(max(1, len(c.Categories)))
		// A label needs its line height and a little space.
		size = math.Min(size, per/labelLine)
	} else {
		for k, cat := range c.Categories {
			if w := textWidth(cat, 1, false) / emuPerPt; w > 0 {
				size = math.Min(size, 0.9*labelRoom(c, frame, k)/w)
			}
		}
	}
	return math.Max(1, math.Floor(2*size)/2)
}

// shownCategories returns the category labels as the chart shows them at
// size points: a horizontal chart's labels cut to one line of labelShare
// of the frame's width.
func shownCategories(c *Chart, frame rect, size float64) []string {
	cats := make([]string, len(c.Categories))
	room := labelShare * float64(frame.cx)
	for k, cat := range c.Categories {
		cats[k] = cat
		if !c.Horizontal || textWidth(cat, size, false) <= room {
			continue
		}
		r := []rune(cat)
		for len(r) > 1 && textWidth(string(r)+"…", size, false) > room {
			r = r[:len(r)-1]
		}
		cats[k] = strings.TrimSpace(string(r)) + "…"
	}
	return cats
}

// dataLabelSize returns the size of the chart's value labels.
func dataLabelSize(axis float64) float64 { return math.Max(minLabelSize, math.Min(maxLabelSize, axis)) }

// ChartLabels describes the labels of a slide's native chart as laid out
// on a 16:9 (widescreen) or 4:3 slide.
type ChartLabels struct {
	// Points is the size of the category labels, and Data that of the
	// value labels (0 when the chart shows none).
	Points, Data float64
	// Overlaps lists the labels that would run into their neighbours.
	Overlaps []string
}

// ChartLabels returns the layout of the labels of the slide's native
// chart; the zero value when the slide has none.
func (s *Slide) ChartLabels(widescreen bool) ChartLabels {
	c := s.Chart
	if c == nil || len(s.Panels) > 0 {
		return ChartLabels{}
	}
	w := slideWidth(widescreen)
	frame := layoutChartSlide(s, w, SlideHeight).content
	size := categoryFontSize(c, frame)
	out := ChartLabels{Points: size}
	if dataLabelsShown(c, frame, dataLabelSize(size)) {
		out.Data = dataLabelSize(size)
	}
	cats := shownCategories(c, frame, size)
	for k, cat := range cats {
		if strings.TrimSpace(cat) == "" {
			continue
		}
		if c.Horizontal {
			band := plotHeight(c, frame) / float64(len(cats))
			if size*labelLine > band || textWidth(cat, size, false) > labelShare*float64(frame.cx) {
				out.Overlaps = append(out.Overlaps, fmt.Sprintf("%q (%.1f pt in a %.1f pt band)", cat, size, band))
			}
		} else if wd := textWidth(cat, size, false) / emuPerPt; wd > labelRoom(c, frame, k) {
			out.Overlaps = append(out.Overlaps, fmt.Sprintf("%q (%.0f pt wide in %.0f pt)", cat, wd, labelRoom(c, frame, k)))
		}
	}
	return out
}
