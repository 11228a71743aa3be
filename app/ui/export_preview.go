package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/storage"
)

// onUI runs f on the UI goroutine: fyne.Do. Tests replace it to run f on
// the test's goroutine (Fyne's test driver runs fyne.Do at once on the
// calling goroutine).
var onUI = fyne.Do

// exportPreview shows exactly what an export writes: the chart image at the
// file's aspect ratio, as large as the dialog allows, or the text of a CSV
// file. Renders run on a worker goroutine; the newest is swapped in with
// fyne.Do and a render that a newer request has overtaken is dropped.
type exportPreview struct {
	content fyne.CanvasObject

	img     *canvas.Image
	frame   *canvas.Rectangle
	aspect  *aspectLayout
	picture *fyne.Container
	text    *widget.TextGrid
	textBox *container.Scroll
	message *widget.Label

	worker *previewWorker
	scale  func() float32 // the canvas's pixels per unit

	// onShown runs on the UI goroutine after each preview is shown; for tests.
	onShown func(r previewResult)
}

func newExportPreview(ws *storage.Workspace, scale func() float32) *exportPreview {
	p := &exportPreview{scale: scale}
	p.img = canvas.NewImageFromImage(blank)
	p.img.FillMode = canvas.ImageFillStretch
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.frame = canvas.NewRectangle(color.Transparent)
	p.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	p.frame.StrokeWidth = 1
	p.aspect = &aspectLayout{ratio: 16.0 / 9, onSize: p.resized}
	p.picture = container.New(p.aspect, p.img, p.frame)
	p.text = widget.NewTextGrid()
	p.textBox = container.NewScroll(p.text)
	p.textBox.Hide()
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Importance = widget.DangerImportance
	p.message.Hide()
	p.content = container.NewBorder(nil, p.message, nil, nil, container.NewStack(p.picture, p.textBox))
	p.worker = newPreviewWorker(ws, p.show)
	return p
}

// set previews the export s. It runs on the UI goroutine.
func (p *exportPreview) set(s exportSettings) {
	csv := s.format == formatCSV
	showIf(p.picture, !csv)
	showIf(p.textBox, csv)
	p.worker.request(s, p.aspect.pixels)
	if ratio := float32(s.size.W) / float32(s.size.H); !csv && ratio != p.aspect.ratio {
		p.aspect.ratio = ratio
		p.picture.Refresh() // lays the image out again: resized asks for its new size
	}
}

// resized asks for a render at the picture's new size in pixels.
func (p *exportPreview) resized(size fyne.Size) {
	sc := float32(1)
	if p.scale != nil && p.scale() > 0 {
		sc = p.scale()
	}
	px := image.Pt(int(math.Round(float64(size.Width*sc))), int(math.Round(float64(size.Height*sc))))
	if px == p.aspect.pixels {
		return
	}
	p.aspect.pixels = px
	p.worker.resize(px)
}

// show installs a finished render; it runs on the UI goroutine.
func (p *exportPreview) show(r previewResult) {
	if r.err != nil {
		p.message.SetText(capitalize(r.err.Error()))
		p.message.Show()
	} else {
		p.message.Hide()
		if r.img != nil {
			p.img.Image = r.img
			p.img.Refresh()
		}
		if r.text != "" || r.settings.format == formatCSV {
			p.text.SetText(r.text)
		}
	}
	if p.onShown != nil {
		p.onShown(r)
	}
}

// stop ends the worker.
func (p *exportPreview) stop() { p.worker.stop() }

// aspectLayout gives its objects the largest size of the ratio width/height
// that fits, centred, and reports that size.
type aspectLayout struct {
	ratio  float32
	onSize func(fyne.Size)
	// pixels is the size of the last render asked for.
	pixels image.Point
}

func (l *aspectLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w, h := size.Width, size.Height
	if l.ratio > 0 && w > 0 && h > 0 {
		if w/h > l.ratio {
			w = h * l.ratio
		} else {
			h = w / l.ratio
		}
	}
	fit := fyne.NewSize(w, h)
	pos := fyne.NewPos((size.Width-w)/2, (size.Height-h)/2)
	for _, o := range objs {
		o.Resize(fit)
		o.Move(pos)
	}
	if l.onSize != nil {
		l.onSize(fit)
	}
}

func (l *aspectLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(160, 90) }

// previewJob is one preview to render: the export and the picture's size in
// pixels.
type previewJob struct {
	seq uint64
	s   exportSettings
	px  image.Point
}

// previewResult is a finished preview: an image, or a CSV file's text.
type previewResult struct {
	seq      uint64
	settings exportSettings
	img      image.Image
	text     string
	err      error
}

// previewWorker renders previews on its own goroutine, newest request
// first: requests that arrive during a render replace each other.
type previewWorker struct {
	ws   *storage.Workspace
	show func(previewResult) // on the UI goroutine
	do   func(func())        // runs on the UI goroutine: onUI

	mu      sync.Mutex
	want    previewJob
	done    uint64 // the last seq rendered
	wake    chan struct{}
	quit    chan struct{}
	running bool

	// Used by the worker goroutine only: the last chart built.
	key   string
	chart *charts.Chart
	err   error
}

func newPreviewWorker(ws *storage.Workspace, show func(previewResult)) *previewWorker {
	return &previewWorker{ws: ws, show: show, do: onUI, wake: make(chan struct{}, 1), quit: make(chan struct{})}
}

// request asks for a preview of s at px pixels.
func (w *previewWorker) request(s exportSettings, px image.Point) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.want = previewJob{seq: w.want.seq + 1, s: s, px: px}
	w.kickLocked()
}

// resize asks for the current preview at px pixels.
func (w *previewWorker) resize(px image.Point) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.want.seq == 0 {
		return // nothing asked for yet
	}
	w.want.seq++
	w.want.px = px
	w.kickLocked()
}

// kickLocked wakes the worker, starting it on first use.
func (w *previewWorker) kickLocked() {
	select {
	case <-w.quit:
		return
	default:
	}
	if !w.running {
		w.running = true
		go w.run()
	}
	select {
	case w.wake <- struct{}{}:
	default: // a wake-up is pending: it will see the latest request
	}
}

// stop ends the worker; results still on their way are dropped.
func (w *previewWorker) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	select {
	case <-w.quit:
	default:
		close(w.quit)
	}
}

// latest returns the newest request, false when it is rendered already.
func (w *previewWorker) latest() (previewJob, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.want, w.want.seq != w.done
}

// current reports whether seq is still the newest request.
func (w *previewWorker) current(seq uint64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	select {
	case <-w.quit:
		return false
	default:
	}
	return seq == w.want.seq
}

func (w *previewWorker) run() {
	for {
		select {
		case <-w.quit:
			return
		case <-w.wake:
		}
		for {
			j, ok := w.latest()
			if !ok {
				break
			}
			r := w.render(j)
			w.mu.Lock()
			w.done = j.seq
			w.mu.Unlock()
			if !w.current(j.seq) {
				continue // overtaken: render the newer request
			}
			w.do(func() {
				if w.current(r.seq) {
					w.show(r)
				}
			})
		}
	}
}

// render builds the chart of j (reusing the last one when only the file's
// size or format changed) and renders its preview.
func (w *previewWorker) render(j previewJob) previewResult {
	r := previewResult{seq: j.seq, settings: j.s}
	key := fmt.Sprintf("%+v", j.s.request())
	if key != w.key {
		w.key = key
		w.chart, w.err = buildChart(w.ws, j.s)
	}
	if w.err != nil {
		r.err = w.err
		return r
	}
	if j.s.format == formatCSV {
		var b bytes.Buffer
		r.err = w.chart.CSV(&b)
		r.text = b.String()
		return r
	}
	if j.px.X < 2 || j.px.Y < 2 || j.s.size.W <= 0 {
		return r // not laid out yet
	}
	// The layout is the same at every scale: drawn at the picture's pixel
	// width, the preview is the file, smaller.
	scale := min(8, float64(j.px.X)/float64(j.s.size.W))
	r.img, r.err = w.chart.Image(j.s.size, scale)
	return r
}
