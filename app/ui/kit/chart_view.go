package kit

import (
	"context"
	"image"
	"image/color"
	"log/slog"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2/canvas"

	"parley/app/charts"
)

// minChartPixels is the smallest side worth rendering a chart at.
const minChartPixels = 64

// ChartView shows a chart in a raster that fills its panel. The raster asks
// for the panel's size in pixels; charts are rendered at that size on a
// worker (kit.Latest) and the newest finished image is swapped in, the
// raster refreshed on the UI goroutine, so the window never waits for a
// render. Requests that arrive while a
// chart renders replace each other (only the latest is rendered next) and an
// older render never replaces a newer image.
type ChartView struct {
	Raster *canvas.Raster
	log    *slog.Logger

	// onDrawn runs on the UI goroutine when a new image is shown, with the
	// time since the edit that caused it (0 for a resize).
	OnDrawn func(latency time.Duration)

	mu     sync.Mutex
	dark   bool       // the window's theme is dark: so is the empty panel
	chart  ChartMaker // what to draw; nil draws nothing
	seq    uint64     // version of chart
	edited time.Time  // when the change behind seq was made
	w, h   int        // wanted size in pixels
	scale  float32    // pixels per Fyne unit
	img    image.Image
	imgSeq uint64
	imgW   int
	imgH   int
	worker *Latest[job, drawn]
}

// NewChartView returns an empty chart view; post runs a function on the UI
// goroutine.
func NewChartView(log *slog.Logger, post func(func())) *ChartView {
	v := &ChartView{log: log, scale: 1}
	v.worker = NewLatest(post, v.draw, v.drawn)
	v.Raster = canvas.NewRaster(v.Generate)
	v.Raster.ScaleMode = canvas.ImageScaleSmooth
	return v
}

// Blank is drawn before the first chart is ready, and when there is none.
var Blank = func() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.White)
	return img
}()

// blankDark is Blank in the dark theme: the background of dark charts.
var blankDark = func() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.RGBA{0x17, 0x17, 0x18, 0xff})
	return img
}()

// blank returns the empty panel in the theme of the last chart asked for;
// v.mu is held.
func (v *ChartView) blank() image.Image {
	if v.dark {
		return blankDark
	}
	return Blank
}

// Generate is the raster's generator: it returns the newest image and asks
// for a render when the panel's size changed. It runs on the draw thread.
func (v *ChartView) Generate(w, h int) image.Image {
	v.mu.Lock()
	defer v.mu.Unlock()
	if w != v.w || h != v.h {
		v.w, v.h = w, h
		v.kickLocked()
	}
	if v.img == nil || v.chart == nil {
		return v.blank()
	}
	return v.img
}

// ChartMaker builds a chart for a panel of the given size in Fyne units, so
// that a small panel can show fewer, legible rows. It runs on the worker.
type ChartMaker func(size charts.Size) *charts.Chart

// Set shows the chart c makes, caused by an edit made at edited; scale is the
// canvas's pixel scale. It runs on the UI goroutine.
func (v *ChartView) Set(c ChartMaker, edited time.Time, scale float32) {
	v.mu.Lock()
	v.chart = c
	v.seq++
	v.edited = edited
	if scale > 0 {
		v.scale = scale
	}
	v.kickLocked()
	cleared := c == nil && v.img != nil
	if c == nil {
		// Nothing to show: clear the panel now rather than leave the last
		// chart standing (the worker draws nothing to swap in).
		v.img = nil
	}
	v.mu.Unlock()
	if cleared {
		v.Raster.Refresh()
	}
}

// SetDark says whether the window's theme is dark, for the empty panel.
func (v *ChartView) SetDark(dark bool) {
	v.mu.Lock()
	v.dark = dark
	v.mu.Unlock()
}

// Shown reports whether the panel shows a chart (for tests).
func (v *ChartView) Shown() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.img != nil && v.chart != nil
}

// kickLocked asks the worker for the latest chart at the latest size;
// v.mu is held.
func (v *ChartView) kickLocked() {
	v.worker.Submit(job{chart: v.chart, seq: v.seq, edited: v.edited, w: v.w, h: v.h, scale: v.scale})
}

// Stop ends the worker.
func (v *ChartView) Stop() { v.worker.Stop() }

// job is one render request.
type job struct {
	chart  ChartMaker
	seq    uint64
	edited time.Time
	w, h   int
	scale  float32
}

// drawn is what a render did: whether it swapped in a new image, and the
// time since the edit behind it.
type drawn struct {
	shown  bool
	edited time.Time
}

// draw renders j unless the image shown is up to date, and swaps it in; it
// runs on the worker.
func (v *ChartView) draw(_ context.Context, j job) drawn {
	if !v.outdated(j) {
		return drawn{}
	}
	img, err := render(j)
	if err != nil {
		v.log.Error("render chart", "err", err)
		return drawn{}
	}
	return drawn{shown: v.swap(j, img), edited: j.edited}
}

// outdated reports whether j is worth rendering: a chart, a panel large
// enough, and not the image shown.
func (v *ChartView) outdated(j job) bool {
	if j.chart == nil || j.w < minChartPixels || j.h < minChartPixels {
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.img == nil || v.imgSeq != j.seq || v.imgW != j.w || v.imgH != j.h
}

// drawn refreshes the raster after a new image was swapped in; it runs on
// the UI goroutine.
func (v *ChartView) drawn(d drawn) {
	if !d.shown {
		return
	}
	v.Raster.Refresh()
	var latency time.Duration
	if !d.edited.IsZero() {
		latency = time.Since(d.edited)
	}
	if v.OnDrawn != nil {
		v.OnDrawn(latency)
	}
}

// swap installs img unless a newer image is already shown.
func (v *ChartView) swap(j job, img image.Image) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.img != nil && j.seq < v.imgSeq {
		return false // stale: a newer chart is on screen
	}
	v.img, v.imgSeq, v.imgW, v.imgH = img, j.seq, j.w, j.h
	if j.seq == v.seq {
		v.edited = time.Time{} // reported once
	}
	return true
}

// render draws j's chart at j's pixel size: the chart's layout size is the
// size in Fyne units, and scale makes it sharp on high-density screens; its
// text stays legible at that scale.
func render(j job) (image.Image, error) {
	s := float64(j.scale)
	if !(s > 0) {
		s = 1
	}
	size := charts.Size{W: int(math.Round(float64(j.w) / s)), H: int(math.Round(float64(j.h) / s))}
	return j.chart(size).ScreenImage(size, s)
}

// RowsFor returns how many sector bars fit a panel of height h units at a
// legible size (about 20 units a row after the title and axis), between 5
// and all 26.
func RowsFor(h int) int {
	return max(5, min(26, (h-150)/20))
}

// Image returns the image shown and its version.
func (v *ChartView) Image() (image.Image, uint64) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.img, v.imgSeq
}

// Chart returns what the view draws; nil when it draws nothing.
func (v *ChartView) Chart() ChartMaker {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.chart
}
