package deck

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// Lengths in EMU.
const (
	emuPerInch = 914400
	emuPerPt   = 12700

	marginX      = emuPerInch / 2      // left and right slide margin
	marginTop    = emuPerInch / 4      // above the title
	marginBottom = emuPerInch / 5      // below the footnote
	gap          = emuPerInch / 10     // between stacked boxes
	insetX       = 91440               // text box left and right inset
	insetY       = 45720               // text box top and bottom inset
	numberWidth  = emuPerInch * 8 / 10 // slide-number box at the bottom right
	bulletIndent = 285750              // hanging indent of a bullet (0.3125 in)
	ruleHeight   = 9525                // thin rule (0.75 pt)
	lineSpacing  = 1.2                 // line height as a multiple of the font size
)

// Font sizes in points. Titles are at least 28 pt and footnotes at least
// 10 pt, legible when projected.
const (
	sizeDeckTitle     = 40
	sizeDeckSubtitle  = 22
	sizeTitle         = 32
	sizeTitleLong     = 28 // a title that does not fit on one line at sizeTitle
	sizeSubtitle      = 18
	sizeSubtitleLead  = 14 // the subtitle under a lead sentence, which is sizeSubtitle
	sizeFootnote      = 12
	sizeFootnoteLong  = 10 // a footnote longer than three lines at sizeFootnote
	sizeSource        = 18
	sizeSlideNumber   = 12
	sourceSpaceBefore = 6  // points above each source
	sourcesPerPage    = 12 // sources on a slide at most
)

// slideWidth returns the width in EMU of a 16:9 (widescreen) or 4:3 slide.
func slideWidth(widescreen bool) int64 {
	if widescreen {
		return WidescreenWidth
	}
	return StandardWidth
}

// rect is a box on a slide, in EMU.
type rect struct{ x, y, cx, cy int64 }

// bottom returns the y coordinate of the box's lower edge.
func (r rect) bottom() int64 { return r.y + r.cy }

// charWidth estimates the advance width of r in ems. The figures are those
// of DejaVu Sans, wider than Calibri and Arial, so that estimates err on
// the side of more lines: a box may have spare room, but text does not
// overflow in any of the fonts a reader may substitute.
func charWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.32
	case strings.ContainsRune("ijl.,:;'|!Ií", r):
		return 0.28
	case strings.ContainsRune("ft()[]-/r\"“”‘’", r):
		return 0.42
	case strings.ContainsRune("mwMW%@—", r):
		return 0.98
	case r >= '0' && r <= '9':
		return 0.64
	case unicode.IsUpper(r):
		return 0.72
	case unicode.IsLower(r):
		return 0.62
	default:
		return 0.8
	}
}

// textWidth estimates the width of s in EMU at size points.
func textWidth(s string, size float64, bold bool) float64 {
	var em float64
	for _, r := range s {
		em += charWidth(r)
	}
	if bold {
		em *= 1.1
	}
	return em * size * emuPerPt
}

// lineCount estimates how many lines text takes when wrapped at width EMU
// (the box's inner width) at size points. Each "\n" starts a new line.
func lineCount(text string, size float64, bold bool, width int64) int {
	n := 0
	for _, l := range lines(text) {
		n += wrappedLines(l, size, bold, float64(width))
	}
	return n
}

// wrappedLines estimates how many lines one paragraph takes when wrapped
// at word boundaries; a word wider than a line is broken.
func wrappedLines(text string, size float64, bold bool, width float64) int {
	space := textWidth(" ", size, bold)
	n, x := 1, 0.0
	for _, word := range strings.Fields(text) {
		w := textWidth(word, size, bold)
		switch {
		case x == 0:
		case x+space+w <= width:
			x += space + w
			continue
		default:
			n++
		}
		// The word starts a line; break it if it is wider than a line.
		for w > width {
			n++
			w -= width
		}
		x = w
	}
	return n
}

// textHeight returns the height in EMU of a text box holding n lines at
// size points, insets included.
func textHeight(n int, size float64) int64 {
	return int64(math.Ceil(float64(n)*size*lineSpacing*emuPerPt)) + 2*insetY
}

// titleBox places a title of the given text across the slide's width at
// y: sizeTitle if it fits on one line, else sizeTitleLong over as many
// lines as it needs.
func titleBox(text string, slideW, y int64) (rect, float64) {
	width := slideW - 2*marginX
	size := float64(sizeTitle)
	n := lineCount(text, size, true, width-2*insetX)
	if n > 1 {
		size = sizeTitleLong
		n = lineCount(text, size, true, width-2*insetX)
	}
	return rect{marginX, y, width, textHeight(n, size)}, size
}

// chartLayout is the placement of the boxes of a chart slide.
type chartLayout struct {
	title        rect
	titleSize    float64
	subtitle     rect // zero when there is no subtitle
	content      rect // the area the picture or chart fills
	rule         rect // thin rule above the footnote
	footnote     rect
	footnoteSize float64
	// footnoteText is the footnote as the slide shows it: its first
	// lines, the rest left to the speaker notes (footnoteCut).
	footnoteText string
	footnoteCut  bool
	number       rect // slide number
}

// layoutChartSlide stacks title, subtitle and content from the top and the
// footnote from the bottom of a slide of size w x h.
func layoutChartSlide(s *Slide, w, h int64) chartLayout {
	var l chartLayout
	l.title, l.titleSize = titleBox(s.Title, w, marginTop)
	y := l.title.bottom()
	key := ""
	if len(s.Panels) == 0 {
		key = chartKey(s.Chart)
	}
	if strings.TrimSpace(s.Subtitle) != "" || strings.TrimSpace(s.Lead) != "" || key != "" {
		width := w - 2*marginX
		size := subtitleSize(s)
		n := lineCount(s.Subtitle, size, false, width-2*insetX)
		if strings.TrimSpace(s.Subtitle) == "" {
			n = 0
		}
		if key != "" {
			n += lineCount(key, size, false, width-2*insetX)
		}
		h := textHeight(n, size)
		if strings.TrimSpace(s.Lead) != "" {
			h += textHeight(lineCount(s.Lead, sizeSubtitle, true, width-2*insetX), sizeSubtitle) - 2*insetY
		}
		l.subtitle = rect{marginX, y, width, h}
		y = l.subtitle.bottom()
	}
	y += gap

	footW := w - 2*marginX - numberWidth
	l.footnoteSize = sizeFootnote
	l.footnoteText = s.Footnote
	n := lineCount(s.Footnote, sizeFootnote, false, footW-2*insetX)
	if n > 3 {
		l.footnoteSize = sizeFootnoteLong
		l.footnoteText, l.footnoteCut = cutFootnote(s.Footnote, footW-2*insetX)
		n = lineCount(l.footnoteText, sizeFootnoteLong, false, footW-2*insetX)
	}
	footH := textHeight(n, l.footnoteSize)
	l.footnote = rect{marginX, h - marginBottom - footH, footW, footH}
	numH := textHeight(1, sizeSlideNumber)
	l.number = rect{w - marginX - numberWidth, h - marginBottom - numH, numberWidth, numH}
	l.rule = rect{marginX, l.footnote.y - gap/2, w - 2*marginX, ruleHeight}

	l.content = rect{marginX, y, w - 2*marginX, l.rule.y - gap/2 - y}
	if l.content.cy < emuPerInch {
		// Pathologically long texts: keep an inch for the chart and let
		// the footnote overlap it rather than draw a negative box.
		l.content.cy = emuPerInch
	}
	return l
}

// maxFootnoteLines is the most lines a slide's footnote takes: the chart or
// the panels come first, and the speaker notes give the footnote in full.
const maxFootnoteLines = 3

// moreFootnote ends a footnote cut to fit its slide.
const moreFootnote = "Full footnote and sources in the speaker notes."

// cutFootnote returns the first lines of footnote that fit in
// maxFootnoteLines at sizeFootnoteLong in a box width EMU wide (inner),
// ending with moreFootnote when some are left out; a first line too long
// alone is cut at a word, with "…".
func cutFootnote(footnote string, width int64) (string, bool) {
	if lineCount(footnote, sizeFootnoteLong, false, width) <= maxFootnoteLines {
		return footnote, false
	}
	fits := func(ls []string) bool {
		return lineCount(strings.Join(ls, "\n"), sizeFootnoteLong, false, width) <= maxFootnoteLines
	}
	var kept []string
	for _, l := range lines(footnote) {
		if !fits(append(slices.Clip(kept), l, moreFootnote)) {
			if len(kept) == 0 {
				words := strings.Fields(l)
				for len(words) > 1 && !fits([]string{strings.Join(words, " ") + "…", moreFootnote}) {
					words = words[:len(words)-1]
				}
				kept = append(kept, strings.Join(words, " ")+"…")
			}
			break
		}
		kept = append(kept, l)
	}
	return strings.Join(append(kept, moreFootnote), "\n"), true
}

// notesWithFootnote returns the speaker notes of a slide whose footnote
// was cut to fit: its notes, then the footnote in full.
func notesWithFootnote(s *Slide, l chartLayout) string {
	if !l.footnoteCut {
		return s.Notes
	}
	return strings.TrimRight(s.Notes, "\n") + "\n\nFootnote in full:\n" + s.Footnote
}

// fit returns the largest box with the aspect ratio pw:ph that fits in r,
// centred in r.
func fit(r rect, pw, ph int) rect {
	scale := math.Min(float64(r.cx)/float64(pw), float64(r.cy)/float64(ph))
	cx := int64(math.Round(float64(pw) * scale))
	cy := int64(math.Round(float64(ph) * scale))
	return rect{r.x + (r.cx-cx)/2, r.y + (r.cy-cy)/2, cx, cy}
}

// sourcesLayout is the placement of the boxes of a sources slide.
type sourcesLayout struct {
	title     rect
	titleSize float64
	body      rect
	number    rect
}

// layoutSourcesSlide places the heading, the list and the slide number of
// a sources slide of size w x h.
func layoutSourcesSlide(heading string, w, h int64) sourcesLayout {
	var l sourcesLayout
	l.title, l.titleSize = titleBox(heading, w, marginTop)
	numH := textHeight(1, sizeSlideNumber)
	l.number = rect{w - marginX - numberWidth, h - marginBottom - numH, numberWidth, numH}
	top := l.title.bottom() + gap
	l.body = rect{marginX, top, w - 2*marginX, l.number.y - gap - top}
	return l
}

// sourcePages splits the sources into pages that fit in body, the list's
// box: at most sourcesPerPage sources each, and no more than their
// estimated wrapped height allows. A source too long for a page gets a
// page of its own.
func sourcePages(sources []string, body rect) [][]string {
	width := body.cx - 2*insetX - bulletIndent
	room := float64(body.cy - 2*insetY)
	var pages [][]string
	var page []string
	used := 0.0
	for _, src := range sources {
		n := lineCount(src, sizeSource, false, width)
		need := (float64(n)*sizeSource*lineSpacing + sourceSpaceBefore) * emuPerPt
		if len(page) > 0 && (used+need > room || len(page) == sourcesPerPage) {
			pages = append(pages, page)
			page, used = nil, 0
		}
		page = append(page, src)
		used += need
	}
	if len(page) > 0 {
		pages = append(pages, page)
	}
	return pages
}

// ContentSize returns the width and height in EMU of the area that the
// slide's picture or chart fills on a 16:9 (widescreen) or 4:3 slide, as
// laid out for its title, subtitle and footnote. A picture of the same
// aspect ratio fills the area exactly; others are scaled to fit inside it.
func (s *Slide) ContentSize(widescreen bool) (cx, cy int64) {
	w := slideWidth(widescreen)
	l := layoutChartSlide(s, w, SlideHeight)
	return l.content.cx, l.content.cy
}

// ProjectedWidth is the width in pixels of the projector a deck is checked
// for: at it a slide's text should be at least MinProjectedPoints.
const (
	ProjectedWidth     = 1280
	MinProjectedPoints = 12
)

// PictureTextPoints returns the size in points on the slide of the
// smallest text of the slide's picture: its size in pixels
// (PictureTextPx) scaled by the width the picture is placed at on a 16:9
// or 4:3 slide over its width in pixels. The ratio of a point to a
// projected pixel is the same for every text of a slide, so a picture's
// text reads as well as slide text of this size. 0 when the slide has no
// picture or its text size is not known.
func (s *Slide) PictureTextPoints(widescreen bool) float64 {
	if s.Chart != nil || len(s.Panels) > 0 || len(s.Picture) == 0 || s.PictureTextPx <= 0 {
		return 0
	}
	pw, ph, err := pngSize(s.Picture)
	if err != nil || pw <= 0 {
		return 0
	}
	w := slideWidth(widescreen)
	placed := fit(layoutChartSlide(s, w, SlideHeight).content, pw, ph)
	return s.PictureTextPx * float64(placed.cx) / emuPerPt / float64(pw)
}

// subtitleSize returns the size of a slide's subtitle lines: smaller under
// a lead sentence, which says what matters, so the chart keeps its room.
func subtitleSize(s *Slide) float64 {
	if strings.TrimSpace(s.Lead) != "" {
		return sizeSubtitleLead
	}
	return sizeSubtitle
}
