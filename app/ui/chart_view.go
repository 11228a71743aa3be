package ui

import (
	"image"
	"image/color"
	"log/slog"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"parley/app/charts"
)

// minChartPixels is the smallest side worth rendering a chart at.
const minChartPixels = 64

// chartView shows a chart in a raster that fills its panel. The raster asks
// for the panel's size in pixels; charts are rendered at that size on a
// worker goroutine and the newest finished image is swapped in with fyne.Do,
// so the window never waits for a render. Requests that arrive while a
// chart renders replace each other (only the latest is rendered next) and an
// older render never replaces a newer image.
type chartView struct {
	raster *canvas.Raster
	log    *slog.Logger

	// onDrawn runs on the UI goroutine when a new image is shown, with the
	// time since the edit that caused it (0 for a resize).
	onDrawn func(latency time.Duration)

	mu      sync.Mutex
	dark    bool       // the window's theme is dark: so is the empty panel
	chart   chartMaker // what to draw; nil draws nothing
	seq     uint64     // version of chart
	edited  time.Time  // when the change behind seq was made
	w, h    int        // wanted size in pixels
	scale   float32    // pixels per Fyne unit
	img     image.Image
	imgSeq  uint64
	imgW    int
	imgH    int
	wake    chan struct{}
	stopped chan struct{}
	running bool
}

func newChartView(log *slog.Logger) *chartView {
	v := &chartView{log: log, scale: 1, wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	v.raster = canvas.NewRaster(v.generate)
	v.raster.ScaleMode = canvas.ImageScaleSmooth
	return v
}

// blank is drawn before the first chart is ready, and when there is none.
var blank = func() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.White)
	return img
}()

// blankDark is blank in the dark theme: the background of dark charts.
var blankDark = func() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.RGBA{0x17, 0x17, 0x18, 0xff})
	return img
}()

// blank returns the empty panel in the theme of the last chart asked for;
// v.mu is held.
func (v *chartView) blank() image.Image {
	if v.dark {
		return blankDark
	}
	return blank
}

// generate is the raster's generator: it returns the newest image and asks
// for a render when the panel's size changed. It runs on the draw thread.
func (v *chartView) generate(w, h int) image.Image {
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

// chartMaker builds a chart for a panel of the given size in Fyne units, so
// that a small panel can show fewer, legible rows. It runs on the worker.
type chartMaker func(size charts.Size) *charts.Chart

// set shows the chart c makes, caused by an edit made at edited; scale is the
// canvas's pixel scale. It runs on the UI goroutine.
func (v *chartView) set(c chartMaker, edited time.Time, scale float32) {
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
		v.raster.Refresh()
	}
}

// setDark says whether the window's theme is dark, for the empty panel.
func (v *chartView) setDark(dark bool) {
	v.mu.Lock()
	v.dark = dark
	v.mu.Unlock()
}

// shown reports whether the panel shows a chart (for tests).
func (v *chartView) shown() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.img != nil && v.chart != nil
}

// kickLocked wakes the worker, starting it on first use.
func (v *chartView) kickLocked() {
	if !v.running {
		select {
		case <-v.stopped:
			return
		default:
		}
		v.running = true
		go v.work()
	}
	select {
	case v.wake <- struct{}{}:
	default: // a wake-up is already pending: it will see the latest request
	}
}

// stop ends the worker.
func (v *chartView) stop() {
	v.mu.Lock()
	defer v.mu.Unlock()
	select {
	case <-v.stopped:
	default:
		close(v.stopped)
	}
}

// job is one render request.
type job struct {
	chart  chartMaker
	seq    uint64
	edited time.Time
	w, h   int
	scale  float32
}

// next returns the latest request, or false when the image is up to date.
func (v *chartView) next() (job, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	j := job{chart: v.chart, seq: v.seq, edited: v.edited, w: v.w, h: v.h, scale: v.scale}
	if j.chart == nil || j.w < minChartPixels || j.h < minChartPixels {
		return j, false
	}
	if v.img != nil && v.imgSeq == j.seq && v.imgW == j.w && v.imgH == j.h {
		return j, false
	}
	return j, true
}

func (v *chartView) work() {
	for {
		select {
		case <-v.stopped:
			return
		case <-v.wake:
		}
		for {
			j, ok := v.next()
			if !ok {
				break
			}
			img, err := render(j)
			if err != nil {
				v.log.Error("render chart", "err", err)
				break
			}
			if !v.swap(j, img) {
				continue
			}
			edited := j.edited
			fyne.Do(func() {
				v.raster.Refresh()
				var latency time.Duration
				if !edited.IsZero() {
					latency = time.Since(edited)
				}
				if v.onDrawn != nil {
					v.onDrawn(latency)
				}
			})
		}
	}
}

// swap installs img unless a newer image is already shown.
func (v *chartView) swap(j job, img image.Image) bool {
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

// rowsFor returns how many sector bars fit a panel of height h units at a
// legible size (about 20 units a row after the title and axis), between 5
// and all 26.
func rowsFor(h int) int {
	return max(5, min(26, (h-150)/20))
}

// image returns the image shown and its version.
func (v *chartView) image() (image.Image, uint64) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.img, v.imgSeq
}
