package deck

import (
	"fmt"
	"slices"
	"strings"
)

// Panel is a block of text on a text slide: a heading and one bullet per
// line. Consecutive panels share a row, side by side in columns of equal
// width; a Wide panel takes a row of its own across the slide.
type Panel struct {
	// Heading is the panel's bold first line; it may be empty.
	Heading string
	// Lines are the panel's bullets, in order; blank ones are dropped.
	Lines []string
	// Wide puts the panel on a row of its own, the slide's full width.
	Wide bool
}

// Font sizes of text slides in points, largest first: the largest at
// which every panel fits the slide is used, and never less than the last.
var panelSizes = []float64{18, 16, 14, 13, 12, 11, 10}

// panelHeadingExtra is how much larger a panel's heading is than its lines.
const panelHeadingExtra = 2

// validatePanels reports the problems of a text slide's panels through add.
func validatePanels(ps []Panel, path string, add func(path, format string, args ...any)) {
	for i, p := range ps {
		if strings.TrimSpace(p.Heading) == "" && len(panelLines(p)) == 0 {
			add(fmt.Sprintf("%s[%d]", path, i), "empty: a panel needs a heading or a line")
		}
	}
}

// panelLines returns the non-blank lines of p, each on one line.
func panelLines(p Panel) []string {
	var out []string
	for _, l := range p.Lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// panelRows groups panels into rows: consecutive narrow panels share a row,
// a wide panel is a row alone.
func panelRows(ps []Panel) [][]Panel {
	var rows [][]Panel
	var cur []Panel
	for _, p := range ps {
		if p.Wide {
			if len(cur) > 0 {
				rows = append(rows, cur)
				cur = nil
			}
			rows = append(rows, []Panel{p})
			continue
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		rows = append(rows, cur)
	}
	return rows
}

// panelHeight estimates the height in EMU of panel p set width EMU wide
// with lines at size points.
func panelHeight(p Panel, width int64, size float64) int64 {
	inner := width - 2*insetX
	h := 0.0
	if strings.TrimSpace(p.Heading) != "" {
		hs := size + panelHeadingExtra
		h += float64(lineCount(p.Heading, hs, true, inner)) * hs * lineSpacing
	}
	for _, l := range panelLines(p) {
		h += float64(lineCount(l, size, false, inner-bulletIndent))*size*lineSpacing + panelSpace(size)
	}
	return int64(h*emuPerPt) + 2*insetY
}

// moreInNotes ends a panel whose last lines do not fit on its slide.
const moreInNotes = "More in the speaker notes."

// minPanelWords is the fewest words a panel's last line is cut to.
const minPanelWords = 4

// PanelsFit reports whether the panels of a text slide, laid out on a 16:9
// (widescreen) or 4:3 slide, end above its footnote; it is true of a slide
// without panels.
func (s *Slide) PanelsFit(widescreen bool) bool {
	w := slideWidth(widescreen)
	l := layoutChartSlide(s, w, SlideHeight)
	boxes, _ := layoutPanels(s.Panels, l.content)
	for _, b := range boxes {
		if b.r.bottom() > l.content.bottom() {
			return false
		}
	}
	return true
}

// panelSpace is the space in points above each bullet.
func panelSpace(size float64) float64 { return size / 3 }

// panelBox is a panel placed on a slide.
type panelBox struct {
	panel Panel
	r     rect
}

// layoutPanels places the panels in area at the largest size that fits,
// and returns the boxes and that size.
func layoutPanels(ps []Panel, area rect) ([]panelBox, float64) {
	colW := func(n int) int64 { return (area.cx - int64(n-1)*2*gap) / int64(n) }
	height := func(rows [][]Panel, s float64) int64 {
		total := int64(0)
		for _, row := range rows {
			h := int64(0)
			for _, p := range row {
				h = max(h, panelHeight(p, colW(len(row)), s))
			}
			total += h
		}
		return total + int64(len(rows)-1)*2*gap
	}
	smallest := panelSizes[len(panelSizes)-1]
	// The estimate of wrapped lines errs by a line or two: keep a margin.
	ps = cutLastPanel(ps, func(ps []Panel) bool { return height(panelRows(ps), smallest)*21/20 <= area.cy })
	rows := panelRows(ps)
	size := smallest
	for _, s := range panelSizes {
		if height(rows, s) <= area.cy {
			size = s
			break
		}
	}
	var out []panelBox
	y := area.y
	for _, row := range rows {
		w := colW(len(row))
		h := int64(0)
		for _, p := range row {
			h = max(h, panelHeight(p, w, size))
		}
		for i, p := range row {
			out = append(out, panelBox{panel: p, r: rect{area.x + int64(i)*(w+2*gap), y, w, h}})
		}
		y += h + 2*gap
	}
	return out, size
}

// cutLastPanel returns ps with the last panel's last lines left to the
// speaker notes (which give every line) until fits holds of them, rather
// than drawn over the footnote; a last line alone is cut at a word, with
// "…", down to minPanelWords.
func cutLastPanel(ps []Panel, fits func([]Panel) bool) []Panel {
	for !fits(ps) {
		last := len(ps) - 1
		lines := panelLines(ps[last])
		if len(lines) > 0 && lines[len(lines)-1] == moreInNotes {
			lines = lines[:len(lines)-1]
		}
		switch {
		case len(lines) > 1:
			lines = lines[:len(lines)-1]
		case len(lines) == 1 && len(strings.Fields(lines[0])) > minPanelWords:
			words := strings.Fields(strings.TrimSuffix(lines[0], "…"))
			lines = []string{strings.Join(words[:len(words)-1], " ") + "…"}
		default:
			return ps
		}
		ps = slices.Clone(ps)
		ps[last].Lines = append(slices.Clip(lines), moreInNotes)
	}
	return ps
}

// panelSlideXML returns the text slide numbered n of s laid out as l: the
// title, the subtitle, the panels in the content area and the footnote.
func panelSlideXML(s *Slide, n int, l chartLayout) []byte {
	var t shapes
	t.textBox("Title", `<p:ph type="title"/>`, l.title, "t",
		paragraphs(s.Title, textStyle{size: l.titleSize, bold: true, color: colorTitle}, "l"))
	if l.subtitle.cy > 0 {
		t.textBox("Subtitle", "", l.subtitle, "t", subtitleParagraphs(s))
	}
	boxes, size := layoutPanels(s.Panels, l.content)
	for i, pb := range boxes {
		var ps []paragraph
		if h := strings.TrimSpace(pb.panel.Heading); h != "" {
			ps = append(ps, paragraph{text: h, style: textStyle{size: size + panelHeadingExtra, bold: true, color: colorTitle}, align: "l"})
		}
		for _, line := range panelLines(pb.panel) {
			ps = append(ps, paragraph{text: line, style: textStyle{size: size, color: colorSubtitle}, align: "l",
				bullet: true, spaceBefore: panelSpace(size)})
		}
		t.filledRect(fmt.Sprintf("Panel rule %d", i+1), rect{pb.r.x, pb.r.y, pb.r.cx, 2 * ruleHeight}, colorAccent)
		t.textBox(fmt.Sprintf("Panel %d", i+1), "", pb.r, "t", ps)
	}
	t.filledRect("Rule", l.rule, colorRule)
	t.textBox("Footnote", "", l.footnote, "b",
		paragraphs(l.footnoteText, textStyle{size: l.footnoteSize, color: colorFootnote}, "l"))
	t.slideNumber(l.number, n)
	return slideXML(&t)
}
