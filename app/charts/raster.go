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

// onWhite composites the premultiplied image img onto an opaque white
// background, in place.
func onWhite(img *image.RGBA) {
	p := img.Pix
	for i := 0; i+3 < len(p); i += 4 {
		if a := p[i+3]; a != 255 {
			inv := 255 - a
			p[i] += inv
			p[i+1] += inv
			p[i+2] += inv
			p[i+3] = 255
		}
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
		d.DrawString(t.s)
	}
	for _, f := range faces {
		f.Close()
	}
}
