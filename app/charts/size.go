package charts

import (
	"fmt"
	"strconv"
	"strings"
)

// Size is a chart's size in pixels at scale 1.
type Size struct{ W, H int }

// Bounds of a size given on the command line (ParseSize).
const (
	MinSide = 320
	MaxSide = 8000
)

// maxPixels bounds each side of a rendered image, scale included.
const maxPixels = 16384

// Slide sizes: a 16:9 and a 4:3 slide at full HD width.
var (
	Slide169 = Size{1920, 1080}
	Slide43  = Size{1600, 1200}
)

// String returns the size as "WxH".
func (s Size) String() string { return fmt.Sprintf("%dx%d", s.W, s.H) }

// ParseSize parses "WIDTHxHEIGHT" in pixels, such as "1920x1080". Each side
// must lie in [MinSide, MaxSide].
func ParseSize(s string) (Size, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexAny(t, "xX")
	if i < 0 {
		return Size{}, fmt.Errorf("size %q: want WIDTHxHEIGHT in pixels, e.g. 1920x1080", s)
	}
	w, errW := strconv.Atoi(t[:i])
	h, errH := strconv.Atoi(t[i+1:])
	if errW != nil || errH != nil {
		return Size{}, fmt.Errorf("size %q: want WIDTHxHEIGHT in whole pixels, e.g. 1920x1080", s)
	}
	if w < MinSide || w > MaxSide {
		return Size{}, fmt.Errorf("size %q: width %d is out of range [%d, %d]", s, w, MinSide, MaxSide)
	}
	if h < MinSide || h > MaxSide {
		return Size{}, fmt.Errorf("size %q: height %d is out of range [%d, %d]", s, h, MinSide, MaxSide)
	}
	return Size{w, h}, nil
}

// pixels returns the image size for s at scale, checking that it can be drawn.
func (s Size) pixels(scale float64) (w, h int, err error) {
	if !(scale > 0) || scale > 8 {
		return 0, 0, fmt.Errorf("scale %v is out of range (0, 8]", scale)
	}
	if s.W <= 0 || s.H <= 0 {
		return 0, 0, fmt.Errorf("size %s: width and height must be positive", s)
	}
	w = int(float64(s.W)*scale + 0.5)
	h = int(float64(s.H)*scale + 0.5)
	if w < 1 || h < 1 || w > maxPixels || h > maxPixels {
		return 0, 0, fmt.Errorf("size %s at scale %g is %dx%d pixels, out of range [1, %d]", s, scale, w, h, maxPixels)
	}
	return w, h, nil
}
