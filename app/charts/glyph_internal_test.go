package charts

import (
	"image"
	"image/draw"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// inkWidth returns the width in pixels of the ink of s set at size px.
func inkWidth(t *testing.T, fonts fontSet, s string, px float64, bold bool) int {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 200, 60))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	rasterText(img, fonts, []pendingText{{s: s, x: 10, y: 40, size: px, bold: bold, color: drawing.Color{A: 255}}})
	x0, x1 := -1, -1
	for x := 0; x < 200; x++ {
		for y := 0; y < 60; y++ {
			if img.RGBAAt(x, y).R < 160 {
				if x0 < 0 {
					x0 = x
				}
				x1 = x
				break
			}
		}
	}
	if x0 < 0 {
		return 0
	}
	return x1 - x0 + 1
}

// TestHyphenIsAHyphen checks that a hyphen is drawn and measured as a
// hyphen, not with the Go fonts' minus-wide glyph: "2025-08-15" must not
// read "2025–08–15" in PNG charts. The minus sign keeps its width.
func TestHyphenIsAHyphen(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, bold := range []bool{false, true} {
		hyphen := inkWidth(t, fonts, "-", 40, bold)
		minusW := inkWidth(t, fonts, "\u2212", 40, bold)
		if hyphen == 0 || float64(hyphen) > 0.65*float64(minusW) {
			t.Errorf("bold %v: hyphen ink %d px, minus %d px: the hyphen is drawn as a dash", bold, hyphen, minusW)
		}
		if w, m := fonts.width("2025-08-15", 20, bold), fonts.width("2025\u221208\u221215", 20, bold); w >= m-4 {
			t.Errorf("bold %v: \"2025-08-15\" measures %.1f px, as wide as with minus signs (%.1f)", bold, w, m)
		}
	}
}
