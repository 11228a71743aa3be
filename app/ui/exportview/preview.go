package exportview

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/storage"
)

// exportPreview shows exactly what an export writes: the chart image at the
// file's aspect ratio, as large as the dialog allows, or the text of a CSV
// file. Renders run on a worker (kit.Latest): the newest is swapped in on the
// UI goroutine and a render that a newer request has overtaken is dropped.
type exportPreview struct {
	content fyne.CanvasObject

	img     *canvas.Image
	frame   *canvas.Rectangle
	aspect  *aspectLayout
	picture *fyne.Container
	text    *widget.TextGrid
	textBox *container.Scroll
	message *widget.Label

	worker *kit.Latest[previewJob, previewResult]
	scale  func() float32 // the canvas's pixels per unit

	// onShown runs on the UI goroutine after each preview is shown; for tests.
	onShown func(r previewResult)
}

// newExportPreview returns the preview of exports from ws; post runs a
// function on the UI goroutine.
func newExportPreview(ws *storage.Workspace, post func(func()), scale func() float32) *exportPreview {
	p := &exportPreview{scale: scale}
	p.img = canvas.NewImageFromImage(kit.Blank)
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
	p.message = kit.ErrorLabel()
	p.content = container.NewBorder(nil, p.message, nil, nil, container.NewStack(p.picture, p.textBox))
	r := &previewRenderer{ws: ws}
	p.worker = kit.NewLatest(post, r.render, p.show)
	return p
}

// set previews the export s. It runs on the UI goroutine.
func (p *exportPreview) set(s present.ExportSettings) {
	csv := s.Format == present.FormatCSV
	showIf(p.picture, !csv)
	showIf(p.textBox, csv)
	p.worker.Submit(previewJob{s: s, px: p.aspect.pixels})
	if ratio := float32(s.Size.W) / float32(s.Size.H); !csv && ratio != p.aspect.ratio {
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
	if j, ok := p.worker.Last(); ok { // the current preview at the new size
		j.px = px
		p.worker.Submit(j)
	}
}

// show installs a finished render; it runs on the UI goroutine.
func (p *exportPreview) show(r previewResult) {
	if r.err != nil {
		p.message.SetText(present.Capitalize(r.err.Error()))
		p.message.Show()
	} else {
		p.message.Hide()
		if r.img != nil {
			p.img.Image = r.img
			p.img.Refresh()
		}
		if r.text != "" || r.settings.Format == present.FormatCSV {
			p.text.SetText(r.text)
		}
	}
	if p.onShown != nil {
		p.onShown(r)
	}
}

// stop ends the worker.
func (p *exportPreview) stop() { p.worker.Stop() }

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
	s  present.ExportSettings
	px image.Point
}

// previewResult is a finished preview: an image, or a CSV file's text.
type previewResult struct {
	settings present.ExportSettings
	img      image.Image
	text     string
	err      error
}

// previewRenderer renders previews on the preview's worker (kit.Latest):
// one render at a time, so the last chart built is reused by the next.
type previewRenderer struct {
	ws *storage.Workspace

	// The last chart built.
	key   string
	chart *charts.Chart
	err   error
}

// render builds the chart of j (reusing the last one when only the file's
// size or format changed) and renders its preview.
func (w *previewRenderer) render(_ context.Context, j previewJob) previewResult {
	r := previewResult{settings: j.s}
	key := fmt.Sprintf("%+v", j.s.Request())
	if key != w.key {
		w.key = key
		w.chart, w.err = buildChart(w.ws, j.s)
	}
	if w.err != nil {
		r.err = w.err
		return r
	}
	if j.s.Format == present.FormatCSV {
		var b bytes.Buffer
		r.err = w.chart.CSV(&b)
		r.text = b.String()
		return r
	}
	if j.px.X < 2 || j.px.Y < 2 || j.s.Size.W <= 0 {
		return r // not laid out yet
	}
	// The layout is the same at every scale: drawn at the picture's pixel
	// width, the preview is the file, smaller.
	scale := min(8, float64(j.px.X)/float64(j.s.Size.W))
	r.img, r.err = w.chart.Image(j.s.Size, scale)
	return r
}
