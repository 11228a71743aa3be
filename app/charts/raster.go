package charts

import (
	"image"
	"image/color"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// pendingText is a piece of text of a raster image: s with its baseline's
// left end at (x, y).
type pendingText struct {
	s     string
	x, y  float64
	size  float64
	bold  bool
	color drawing.Color
}

// onBackground composites the premultiplied image img onto an opaque
// background of colour bg, in place.
func onBackground(img *image.RGBA, bg drawing.Color) {
	p := img.Pix
	white := bg.R == 255 && bg.G == 255 && bg.B == 255
	for i := 0; i+3 < len(p); i += 4 {
		a := p[i+3]
		if a == 255 {
			continue
		}
		inv := 255 - a
		if white {
			p[i] += inv
			p[i+1] += inv
			p[i+2] += inv
		} else {
			p[i] += uint8((uint16(bg.R)*uint16(inv) + 127) / 255)
			p[i+1] += uint8((uint16(bg.G)*uint16(inv) + 127) / 255)
			p[i+2] += uint8((uint16(bg.B)*uint16(inv) + 127) / 255)
		}
		p[i+3] = 255
	}
}

// faceKey identifies a font face: a font at a size.
type faceKey struct {
	bold bool
	size float64
}

// rasterText sets texts on img with the fonts' glyph caches: much faster
// than go-chart's raster text, which fills every glyph's outline as a path.
// Text comes last, over every shape, as in the charts' drawing order.
func rasterText(img *image.RGBA, fonts fontSet, texts []pendingText) {
	faces := map[faceKey]font.Face{}
	d := font.Drawer{Dst: img}
	for _, t := range texts {
		k := faceKey{t.bold, t.size}
		face, ok := faces[k]
		if !ok {
			face = truetype.NewFace(fonts.face(t.bold), &truetype.Options{
				Size:              t.size,
				DPI:               72,
				Hinting:           font.HintingNone,
				GlyphCacheEntries: 128,
			})
			faces[k] = face
		}
		d.Face = face
		d.Src = image.NewUniform(color.RGBA{R: t.color.R, G: t.color.G, B: t.color.B, A: t.color.A})
		d.Dot = fixed.Point26_6{X: fixed.Int26_6(t.x * 64), Y: fixed.Int26_6(t.y * 64)}
		d.DrawString(glyphText(t.s))
	}
	for _, f := range faces {
		f.Close()
	}
}
