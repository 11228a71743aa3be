package charts

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"

	"parley/scenarios"
)

// fontSet holds the embedded Go fonts.
type fontSet struct {
	regular, bold *truetype.Font
}

// loadFonts parses the embedded fonts once.
var loadFonts = sync.OnceValues(func() (fontSet, error) {
	regular, err := truetype.Parse(goregular.TTF)
	if err != nil {
		return fontSet{}, fmt.Errorf("parse Go Regular font: %w", err)
	}
	bold, err := truetype.Parse(gobold.TTF)
	if err != nil {
		return fontSet{}, fmt.Errorf("parse Go Bold font: %w", err)
	}
	return fontSet{regular: regular, bold: bold}, nil
})

// drawn maps a rune to the rune whose glyph is drawn for it. The Go fonts
// draw U+002D HYPHEN-MINUS with their minus sign's glyph (as wide as
// U+2212), so that "2025-08-15" reads as "2025−08−15" and
// "trade-war-redux" as "trade−war−redux"; their soft hyphen (U+00AD) has
// the short hyphen glyph. Figures that need a minus use U+2212 itself.
func drawn(r rune) rune {
	if r == '-' {
		return '\u00AD'
	}
	return r
}

// glyphText returns s with every rune replaced by the one drawn for it
// (see drawn), for the raster text setter.
func glyphText(s string) string {
	if !strings.ContainsRune(s, '-') {
		return s
	}
	return strings.Map(drawn, s)
}

func (fs fontSet) face(bold bool) *truetype.Font {
	if bold {
		return fs.bold
	}
	return fs.regular
}

// width returns the advance width in pixels of s set at size px: glyph
// advances plus kerning, unhinted, as rasterText and SVG viewers place them,
// with the hidden characters shown as canvas.text draws them.
func (fs fontSet) width(s string, px float64, bold bool) float64 {
	s = scenarios.ShowHidden(s)
	f := fs.face(bold)
	scale := fixed.Int26_6(0.5 + px*64) // as truetype.NewFace at 72 DPI
	var w fixed.Int26_6
	var prev truetype.Index
	for i, r := range s {
		idx := f.Index(drawn(r))
		if i > 0 {
			w += f.Kern(scale, prev, idx)
		}
		w += f.HMetric(scale, idx).AdvanceWidth
		prev = idx
	}
	return float64(w) / 64
}

// wrap breaks s into lines no wider than max at size px, at spaces where it
// can and inside words where it must. With limit > 0 it returns at most limit
// lines, the last one shortened with an ellipsis if text was left over.
func (fs fontSet) wrap(s string, px float64, bold bool, max float64, limit int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			continue
		}
		line := ""
		for _, w := range words {
			cand := w
			if line != "" {
				cand = line + " " + w
			}
			if fs.width(cand, px, bold) <= max {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			// A word wider than the line is broken where it must be.
			for fs.width(w, px, bold) > max {
				n := fs.fit(w, px, bold, max)
				lines = append(lines, w[:n])
				w = w[n:]
			}
			line = w
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if limit > 0 && len(lines) > limit {
		rest := strings.Join(lines[limit-1:], " ")
		lines = append(lines[:limit-1], fs.ellipsize(rest, px, bold, max))
	}
	return lines
}

// fit returns the length in bytes of the longest prefix of s (at least one
// rune) that fits in max.
func (fs fontSet) fit(s string, px float64, bold bool, max float64) int {
	n := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if n > 0 && fs.width(s[:end], px, bold) > max {
			break
		}
		n = end
	}
	return n
}

// ellipsize shortens s with "…" until it fits in max.
func (fs fontSet) ellipsize(s string, px float64, bold bool, max float64) string {
	if fs.width(s, px, bold) <= max {
		return s
	}
	const ell = "…"
	n := fs.fit(s, px, bold, max-fs.width(ell, px, bold))
	return strings.TrimRight(s[:n], " ,;·") + ell
}
