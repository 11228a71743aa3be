package charts

import (
	"fmt"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// The Okabe–Ito palette, safe for the common forms of colour blindness
// (its yellow, F0E442, is too light for bars on white and is not used).
var (
	okBlue       = hex(0x0072B2)
	okOrange     = hex(0xE69F00)
	okGreen      = hex(0x009E73)
	okVermillion = hex(0xD55E00)
	okPurple     = hex(0xCC79A7)
	okSky        = hex(0x56B4E9)
)

// Neutral colours of text, axes and grids.
var (
	colWhite   = hex(0xFFFFFF)
	colText    = hex(0x1A1A1A)
	colMuted   = hex(0x505050)
	colAxis    = hex(0x707070)
	colGrid    = hex(0xDCDCDC)
	colOther   = hex(0x9A9A9A)
	colRowBand = hex(0xF4F4F4)
)

// seriesColors are the colours of the series of a comparison, in order: the
// palette without yellow (too light on white) and sky blue (too close to
// blue in adjacent bars).
func seriesColors() []drawing.Color {
	return []drawing.Color{okBlue, okOrange, okGreen, okPurple}
}

func hex(rgb uint32) drawing.Color {
	return drawing.Color{R: uint8(rgb >> 16), G: uint8(rgb >> 8), B: uint8(rgb), A: 255}
}

// tint mixes c with white: f = 0 gives c, f = 1 white.
func tint(c drawing.Color, f float64) drawing.Color {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*f + 0.5) }
	return drawing.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 255}
}

// hexString returns c as "RRGGBB".
func hexString(c drawing.Color) string {
	return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B)
}
