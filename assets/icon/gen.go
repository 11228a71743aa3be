//go:build ignore

// gen draws Parley's app icon: two overlapping speech bubbles (the two sides
// of a negotiation) on a navy tile, the front one holding three rising bars.
// It is the source of assets/icon.png; regenerate with
//
//	go generate ./assets
//
// or go run assets/icon/gen.go -o assets/icon.png from the repository root.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

var (
	navy  = color.RGBA{0x0d, 0x24, 0x4a, 0xff}
	red   = color.RGBA{0xe8, 0x37, 0x3f, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// kappa places cubic Bézier control points to approximate a quarter circle.
const kappa = 0.5522847

type pt struct{ x, y float64 }

// bubble is a rounded rectangle with a triangular tail.
type bubble struct {
	x0, y0, x1, y1, r float64
	tail              [3]pt // clockwise
}

func main() {
	out := flag.String("o", "icon.png", "output PNG file")
	flag.Parse()

	img := image.NewRGBA(image.Rect(0, 0, size, size))
	// The tile: full bleed, so that the icon keeps every pixel at 16 px.
	fill(img, navy, func(z *vector.Rasterizer) { roundRect(z, 0, 0, size, size, 112) })

	back := bubble{x0: 48, y0: 52, x1: 340, y1: 272, r: 68,
		tail: [3]pt{{176, 266}, {62, 362}, {94, 266}}}
	front := bubble{x0: 172, y0: 180, x1: 464, y1: 400, r: 68,
		tail: [3]pt{{430, 394}, {458, 470}, {348, 394}}}

	fill(img, red, back.path(0))
	// A navy gap around the front bubble keeps the two apart at small sizes
	// (its tail lies on the tile only, so the gap need not follow it).
	const gap = 26
	fill(img, navy, func(z *vector.Rasterizer) {
		roundRect(z, front.x0-gap, front.y0-gap, front.x1+gap, front.y1+gap, front.r+gap)
	})
	fill(img, white, front.path(0))

	// Three rising bars in the front bubble.
	const base, width, space = 356, 52, 30
	for i, h := range []float64{56, 96, 136} {
		x := 210 + float64(i)*(width+space)
		fill(img, navy, func(z *vector.Rasterizer) { roundRect(z, x, base-h, x+width, base, 10) })
	}

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// fill draws the shapes that path adds to a rasterizer in colour c.
func fill(dst *image.RGBA, c color.RGBA, path func(z *vector.Rasterizer)) {
	z := vector.NewRasterizer(size, size)
	path(z)
	z.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

// path returns the bubble grown by d on every side.
func (b bubble) path(d float64) func(z *vector.Rasterizer) {
	return func(z *vector.Rasterizer) {
		roundRect(z, b.x0-d, b.y0-d, b.x1+d, b.y1+d, b.r+d)
		polygon(z, offset(b.tail[:], d))
	}
}

// roundRect adds a clockwise rounded rectangle.
func roundRect(z *vector.Rasterizer, x0, y0, x1, y1, r float64) {
	k := r * kappa
	m := func(x, y float64) { z.MoveTo(float32(x), float32(y)) }
	l := func(x, y float64) { z.LineTo(float32(x), float32(y)) }
	c := func(ax, ay, bx, by, cx, cy float64) {
		z.CubeTo(float32(ax), float32(ay), float32(bx), float32(by), float32(cx), float32(cy))
	}
	m(x0+r, y0)
	l(x1-r, y0)
	c(x1-r+k, y0, x1, y0+r-k, x1, y0+r)
	l(x1, y1-r)
	c(x1, y1-r+k, x1-r+k, y1, x1-r, y1)
	l(x0+r, y1)
	c(x0+r-k, y1, x0, y1-r+k, x0, y1-r)
	l(x0, y0+r)
	c(x0, y0+r-k, x0+r-k, y0, x0+r, y0)
	z.ClosePath()
}

func polygon(z *vector.Rasterizer, p []pt) {
	z.MoveTo(float32(p[0].x), float32(p[0].y))
	for _, q := range p[1:] {
		z.LineTo(float32(q.x), float32(q.y))
	}
	z.ClosePath()
}

// offset moves every edge of a clockwise (in screen coordinates) convex
// polygon outward by d, joining the edges with mitres.
func offset(p []pt, d float64) []pt {
	if d == 0 {
		return p
	}
	n := len(p)
	type line struct{ a, dir pt }
	lines := make([]line, n)
	for i := range p {
		a, b := p[i], p[(i+1)%n]
		dx, dy := b.x-a.x, b.y-a.y
		l := math.Hypot(dx, dy)
		nx, ny := dy/l, -dx/l // outward for clockwise on screen
		lines[i] = line{pt{a.x + nx*d, a.y + ny*d}, pt{dx, dy}}
	}
	out := make([]pt, n)
	for i := range p {
		l1, l2 := lines[(i+n-1)%n], lines[i]
		// Solve l1.a + t*l1.dir = l2.a + s*l2.dir.
		den := l1.dir.x*l2.dir.y - l1.dir.y*l2.dir.x
		t := ((l2.a.x-l1.a.x)*l2.dir.y - (l2.a.y-l1.a.y)*l2.dir.x) / den
		out[i] = pt{l1.a.x + t*l1.dir.x, l1.a.y + t*l1.dir.y}
	}
	return out
}
