package ui_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui"
)

// menuBar is the height the window's menu bar takes above the content on a
// desktop (the test window draws none).
const menuBar = 30

// leafTypes are the widgets checked for overlap: what a user reads or
// touches. Containers and other widgets are looked into.
var leafTypes = []string{
	"*widget.Button", "*widget.Label", "*widget.Check", "*widget.RadioGroup", "*widget.CheckGroup",
	"*widget.Select", "*widget.SelectEntry", "*widget.Entry", "*kit.Field", "*widget.Slider",
	"*widget.Table", "*widget.List", "*kit.KeyList", "*widget.RichText", "*widget.Hyperlink",
	"*widget.ProgressBar", "*widget.ProgressBarInfinite", "*canvas.Raster", "*widget.TextGrid",
}

// box is a widget laid out in the window: its rectangle, clipped by the
// scrolls it is in.
type box struct {
	name           string
	x0, y0, x1, y1 float32
	cut            bool // its text does not fit it: it spills over
}

// fits reports whether o's text must fit its box: labels that neither
// truncate nor wrap, buttons, checks and radio buttons (their text is not
// clipped: what does not fit spills over the next widget).
func fits(o fyne.CanvasObject) bool {
	switch x := o.(type) {
	case *widget.Label:
		return x.Truncation == fyne.TextTruncateOff && x.Wrapping == fyne.TextWrapOff
	case *widget.Button, *widget.Check, *widget.RadioGroup:
		return true
	}
	return false
}

func (b box) String() string {
	return fmt.Sprintf("%s [%.0f,%.0f – %.0f,%.0f]", b.name, b.x0, b.y0, b.x1, b.y1)
}

// describe names an object for messages: its type and text.
func describe(o fyne.CanvasObject) string {
	name := reflect.TypeOf(o).String()
	switch x := o.(type) {
	case *widget.Button:
		name += " " + x.Text
	case *widget.Label:
		name += " " + x.Text
	case *widget.Check:
		name += " " + x.Text
	}
	if len(name) > 70 {
		name = name[:70] + "…"
	}
	return name
}

// leaves returns the visible leaf widgets under o at offset (x, y), clipped
// to clip.
func leaves(o fyne.CanvasObject, x, y float32, clip box, out *[]box) {
	if o == nil || !o.Visible() {
		return
	}
	pos, size := o.Position(), o.Size()
	ax, ay := x+pos.X, y+pos.Y
	r := box{name: describe(o), x0: max(ax, clip.x0), y0: max(ay, clip.y0), x1: min(ax+size.Width, clip.x1), y1: min(ay+size.Height, clip.y1)}
	if r.x1 <= r.x0 || r.y1 <= r.y0 {
		return // scrolled out of view
	}
	t := reflect.TypeOf(o).String()
	for _, l := range leafTypes {
		if t == l {
			if m := o.MinSize(); fits(o) && m.Width > size.Width+1 {
				r.name += fmt.Sprintf(" (its text needs %.0f, it has %.0f)", m.Width, size.Width)
				r.cut = true
			}
			*out = append(*out, r)
			return
		}
	}
	if strings.Contains(t, "Scroll") {
		clip = box{x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1}
	}
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			leaves(k, ax, ay, clip, out)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(c).Objects() {
			leaves(k, ax, ay, clip, out)
		}
	}
}

// overlaps returns the pairs of boxes that overlap by more than a pixel
// both ways.
func overlaps(bs []box) []string {
	var out []string
	for i, a := range bs {
		for _, b := range bs[i+1:] {
			w := min(a.x1, b.x1) - max(a.x0, b.x0)
			h := min(a.y1, b.y1) - max(a.y0, b.y0)
			if w > 1 && h > 1 {
				out = append(out, a.String()+" overlaps "+b.String())
			}
		}
	}
	return out
}

// findAll returns the objects of type T under o, laid out or not.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

// TestLayoutAtThreeSizes opens Parley at a laptop's window size (1280×720),
// at the smallest size every view must work at (1024×640) and at a smaller
// one (800×500), shows each view in turn and checks that no two widgets
// overlap, that the window's content fits the window (views scroll rather
// than grow it) and that the exposure chart keeps a legible size.
func TestLayoutAtThreeSizes(t *testing.T) {
	for _, tc := range []struct {
		w, h     float32
		chartMin fyne.Size // the exposure chart at least
	}{
		{1280, 720, fyne.NewSize(400, 200)},
		{1024, 640, fyne.NewSize(320, 200)},
		{800, 500, fyne.NewSize(200, 150)},
	} {
		t.Run(fmt.Sprintf("%.0fx%.0f", tc.w, tc.h), func(t *testing.T) {
			a := test.NewTempApp(t)
			w := test.NewTempWindow(t, nil)
			u, err := ui.CreateWith(a, w, filepath.Join(t.TempDir(), "w.parley"), ui.Options{Sync: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(u.Close)
			size := fyne.NewSize(tc.w, tc.h-menuBar)
			w.Resize(size)
			if m := w.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
				t.Errorf("the content needs %v, more than the window's %v", m, size)
			}
			tabs := findAll[*container.AppTabs](w.Content())
			if len(tabs) == 0 {
				t.Fatal("no views")
			}
			views := tabs[0]
			for i, item := range views.Items {
				if item.Text == "Position" {
					// Showing it starts Monte Carlo ranges on a goroutine whose
					// fyne.Do runs at once under the test driver, updating its
					// tables while this test reads them (positionview).
					continue
				}
				views.SelectIndex(i)
				w.Resize(size)
				var bs []box
				leaves(w.Content(), 0, 0, box{x1: size.Width, y1: size.Height}, &bs)
				if len(bs) < 5 {
					t.Errorf("%s: only %d widgets laid out", item.Text, len(bs))
				}
				for _, o := range overlaps(bs) {
					t.Errorf("%s: %s", item.Text, o)
				}
				for _, b := range bs {
					if b.cut {
						t.Errorf("%s: %s", item.Text, b)
					}
				}
				if i == 0 {
					rasters := findAll[*canvas.Raster](item.Content)
					if len(rasters) == 0 {
						t.Fatal("no exposure chart")
					}
					if s := rasters[0].Size(); s.Width < tc.chartMin.Width || s.Height < tc.chartMin.Height {
						t.Errorf("the exposure chart is %v, less than %v", s, tc.chartMin)
					}
				}
			}
		})
	}
}
