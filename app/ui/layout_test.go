package ui_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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

// queue holds what the window's workers post to the UI goroutine until the
// test runs it: Fyne's test driver would run it at once on the worker,
// racing with the test reading the widgets.
type queue chan func()

func (q queue) post(f func()) { q <- f }

// until runs the queued functions until cond holds.
func (q queue) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			t.Fatalf("%s: not within 60 s", what)
		}
	}
}

// placed is an object laid out in the window: its rectangle and the part
// of the window it can be seen in (the window, clipped by the scrolls it
// is in); scroll is the innermost scroll it is in, placed itself (nil:
// none).
type placed struct {
	o              fyne.CanvasObject
	x0, y0, x1, y1 float32
	clip           box
	scroll         *placed
	table          *widget.Table // the innermost table it is in
}

// seen reports whether p lies wholly in the part of the window it can be
// seen in.
func (p placed) seen() bool {
	return p.x0 >= p.clip.x0-1 && p.y0 >= p.clip.y0-1 && p.x1 <= p.clip.x1+1 && p.y1 <= p.clip.y1+1
}

// shown reports whether some of p is in the part of the window it can be
// seen in.
func (p placed) shown() bool {
	return min(p.x1, p.clip.x1)-max(p.x0, p.clip.x0) > 1 && min(p.y1, p.clip.y1)-max(p.y0, p.clip.y0) > 1
}

// reachable reports whether p is seen, or lies in a scroll that is seen
// whole, whose content the user can scroll to it.
func (p placed) reachable() bool {
	return p.seen() || p.scroll != nil && p.scroll.seen()
}

func (p placed) String() string {
	return fmt.Sprintf("%s at [%.0f,%.0f – %.0f,%.0f] seen in [%.0f,%.0f – %.0f,%.0f]", describe(p.o),
		p.x0, p.y0, p.x1, p.y1, p.clip.x0, p.clip.y0, p.clip.x1, p.clip.y1)
}

// place returns every visible object under o (containers, widgets and what
// they draw) where it is laid out in a window of size.
func place(o fyne.CanvasObject, size fyne.Size) []placed {
	var out []placed
	var walk func(o fyne.CanvasObject, x, y float32, in placed)
	walk = func(o fyne.CanvasObject, x, y float32, in placed) {
		if o == nil || !o.Visible() {
			return
		}
		pos, sz := o.Position(), o.Size()
		p := placed{o: o, x0: x + pos.X, y0: y + pos.Y, x1: x + pos.X + sz.Width, y1: y + pos.Y + sz.Height, clip: in.clip, scroll: in.scroll, table: in.table}
		out = append(out, p)
		if strings.Contains(reflect.TypeOf(o).String(), "Scroll") {
			in.clip = box{x0: max(p.x0, in.clip.x0), y0: max(p.y0, in.clip.y0), x1: min(p.x1, in.clip.x1), y1: min(p.y1, in.clip.y1)}
			in.scroll = &p
		}
		if t, ok := o.(*widget.Table); ok {
			in.table = t
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k, p.x0, p.y0, in)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k, p.x0, p.y0, in)
			}
		}
	}
	walk(o, 0, 0, placed{clip: box{x1: size.Width, y1: size.Height}})
	return out
}

// labels returns the labels placed whose text is text, or starts with it
// when prefix is true.
func labels(ps []placed, text string, prefix bool) []placed {
	var out []placed
	for _, p := range ps {
		if l, ok := p.o.(*widget.Label); ok && (l.Text == text || prefix && strings.HasPrefix(l.Text, text)) {
			out = append(out, p)
		}
	}
	return out
}

// textCut reports whether o's text needs more room than o has: a label
// that truncates or wraps says so by its size, not by its MinSize.
func textCut(o fyne.CanvasObject) bool {
	s := o.Size()
	switch x := o.(type) {
	case *widget.Label:
		if x.Wrapping != fyne.TextWrapOff {
			return x.MinSize().Height > s.Height+1
		}
		whole := widget.NewLabelWithStyle(x.Text, x.Alignment, x.TextStyle)
		whole.SizeName = x.SizeName
		return whole.MinSize().Width > s.Width+1
	case *widget.Button:
		return x.MinSize().Width > s.Width+1
	}
	return false
}

// mustSee fails unless each of ps is seen whole and its text fits it; at
// least one is wanted.
func mustSee(t *testing.T, view, what string, ps []placed) {
	t.Helper()
	if len(ps) == 0 {
		t.Errorf("%s: no %s laid out", view, what)
	}
	for _, p := range ps {
		if !p.seen() {
			t.Errorf("%s: %s is not wholly in the window: %s", view, what, p)
		}
		if textCut(p.o) {
			t.Errorf("%s: %s does not fit its text: %s", view, what, p)
		}
	}
}

// checkView checks, in the window's content laid out at size, that the
// widgets the user needs in the view shown are where they can be seen.
func checkView(t *testing.T, view string, content fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	ps := place(content, size)
	switch view {
	case "Scenarios":
		checkScenarios(t, view, ps)
	case "Compare":
		checkCompare(t, view, ps)
	case "Position":
		checkPosition(t, view, ps, content, size)
	}
}

// checkScenarios: the exposure's Export… is whole.
func checkScenarios(t *testing.T, view string, ps []placed) {
	t.Helper()
	var export []placed
	for _, p := range ps {
		if b, ok := p.o.(*widget.Button); ok && b.Text == "Export…" {
			export = append(export, p)
		}
	}
	mustSee(t, view, "the exposure's Export… button", export)
}

// checkCompare: both directions' totals and differences from A are whole.
func checkCompare(t *testing.T, view string, ps []placed) {
	t.Helper()
	// Both directions' totals: each direction's first row and the
	// differences from A, with every figure whole.
	for _, d := range []string{"Canada to US", "US to Canada"} {
		mustSee(t, view, "the totals of "+d, labels(ps, d, false))
	}
	diffs := labels(ps, "B − A", false)
	if len(diffs) != 2 {
		t.Fatalf("%s: %d rows of differences from A seen, want one per direction", view, len(diffs))
	}
	mustSee(t, view, "the differences from A", diffs)
	// Every cell of the totals shown is whole (not clipped, its text
	// whole) but the scenarios' names, which end in "…" (the chart's
	// legend gives them whole).
	var cells []placed
	for _, p := range ps {
		l, ok := p.o.(*widget.Label)
		if ok && p.table != nil && p.table == diffs[0].table && p.shown() && l.Text != "" && !strings.Contains(l.Text[:min(3, len(l.Text))], ":") {
			cells = append(cells, p)
		}
	}
	mustSee(t, view, "a total", cells)
}

// checkPosition: the verdicts are whole and the exports reachable.
func checkPosition(t *testing.T, view string, ps []placed, content fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	// The verdicts: the summary's, whole, and each sector's in the
	// deal table, whole once the table is scrolled to them.
	mustSee(t, view, "the deal's verdict", labels(ps, "Deal: in total Canada", true))
	var deal *widget.Table // the table shown: the deal's, on the first tab
	for _, p := range ps {
		if tb, ok := p.o.(*widget.Table); ok {
			deal = tb
			break
		}
	}
	if deal == nil {
		t.Fatalf("%s: no deal table", view)
	}
	_, cols := deal.Length()
	deal.ScrollTo(widget.TableCellID{Row: 0, Col: cols - 1})
	ps = place(content, size)
	var verdicts []placed
	for _, p := range ps {
		l, ok := p.o.(*widget.Label)
		if !ok || p.table != deal || !p.shown() || !strings.Contains(l.Text, "relief") && !strings.Contains(l.Text, "gives") {
			continue
		}
		// A row the table scrolls up or down to is fine; a verdict
		// cut at its side is not.
		if p.x0 < p.clip.x0-1 || p.x1 > p.clip.x1+1 {
			t.Errorf("%s: a sector's verdict is cut at its side: %s", view, p)
		}
		if p.seen() {
			verdicts = append(verdicts, p)
		}
	}
	mustSee(t, view, "a sector's verdict", verdicts)
	deal.ScrollToLeading()
	for _, name := range []string{"Deal chart…", "Leverage chart…", "Deck…"} {
		var bs []placed
		for _, p := range ps {
			if b, ok := p.o.(*widget.Button); ok && b.Text == name {
				bs = append(bs, p)
			}
		}
		if len(bs) != 1 || !bs[0].reachable() {
			t.Errorf("%s: the %s button cannot be reached: %v", view, name, bs)
			if len(bs) == 1 && bs[0].scroll != nil {
				t.Errorf("%s: its scroll is %s", view, *bs[0].scroll)
			}
		}
	}
}

// relayout lays the window's content out again at size: a resize to the
// same size does nothing, and a wrapped label knows its height only once
// it is laid out at its width, so twice.
func relayout(w fyne.Window, size fyne.Size) {
	for range 2 {
		w.Resize(size.SubtractWidthHeight(1, 1))
		w.Resize(size)
	}
}

// TestLayoutAtThreeSizes opens Parley at a laptop's window size (1280×720),
// at the smallest size every view must work at (1024×640) and at a smaller
// one (800×500), shows each view in turn and checks that no two widgets
// overlap, that the window's content fits the window (views scroll rather
// than grow it) and that the exposure chart keeps a legible size. At the
// first two sizes the widgets the user needs most in each view (the
// exposure's Export…, both directions in Compare, Position's verdicts) lie
// wholly in the window, their text whole.
func TestLayoutAtThreeSizes(t *testing.T) {
	for _, tc := range []struct {
		w, h     float32
		chartMin fyne.Size // the exposure chart at least
		whole    bool      // the widgets the user needs are wholly seen
	}{
		{1280, 720, fyne.NewSize(400, 200), true},
		{1024, 640, fyne.NewSize(320, 200), true},
		{800, 500, fyne.NewSize(200, 150), false},
	} {
		t.Run(fmt.Sprintf("%.0fx%.0f", tc.w, tc.h), func(t *testing.T) {
			a := test.NewTempApp(t)
			// The sizes of the app's own theme, not the test theme's.
			a.Settings().SetTheme(theme.DefaultTheme())
			w := test.NewTempWindow(t, nil)
			q := make(queue, 4096)
			u, err := ui.CreateWith(a, w, filepath.Join(t.TempDir(), "w.parley"), ui.Options{Sync: true, Post: q.post})
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
				views.SelectIndex(i)
				if item.Text == "Position" {
					// Its ranges are drawn on a worker: wait until the
					// summary shows them.
					q.until(t, "Position's ranges", func() bool {
						for _, l := range findAll[*widget.Label](item.Content) {
							if strings.Contains(l.Text, "Ranges, duty into the US (P10–P90") {
								return true
							}
						}
						return false
					})
				}
				relayout(w, size)
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
				if tc.whole {
					checkView(t, item.Text, w.Content(), size)
				}
			}
		})
	}
}
