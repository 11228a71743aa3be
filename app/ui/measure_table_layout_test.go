package ui_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui"
)

// placeOf returns where target is in the window's content: its rectangle,
// and what of it shows (clipped by the scrolls it is in, and by the
// window).
func placeOf(root, target fyne.CanvasObject, win fyne.Size) (at, shown box, ok bool) {
	var walk func(o fyne.CanvasObject, x, y float32, clip box) bool
	walk = func(o fyne.CanvasObject, x, y float32, clip box) bool {
		if o == nil || !o.Visible() {
			return false
		}
		pos, size := o.Position(), o.Size()
		ax, ay := x+pos.X, y+pos.Y
		r := box{name: describe(o), x0: ax, y0: ay, x1: ax + size.Width, y1: ay + size.Height}
		c := box{name: r.name, x0: max(r.x0, clip.x0), y0: max(r.y0, clip.y0), x1: min(r.x1, clip.x1), y1: min(r.y1, clip.y1)}
		if o == target {
			at, shown, ok = r, c, true
			return true
		}
		if _, scroll := o.(*container.Scroll); scroll {
			clip = c
		}
		switch k := o.(type) {
		case *fyne.Container:
			for _, ch := range k.Objects {
				if walk(ch, ax, ay, clip) {
					return true
				}
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(k).Objects() {
				if walk(ch, ax, ay, clip) {
					return true
				}
			}
		}
		return false
	}
	walk(root, 0, 0, box{x1: win.Width, y1: win.Height})
	return at, shown, ok
}

// table is what the tests use of a widget.Table or a widget that extends
// one.
type table interface {
	fyne.Widget
	SetColumnWidth(col int, width float32)
	ScrollToTop()
}

// measureTable returns the Scenarios tab's measure table: the table with
// a Measure column.
func measureTable(t *testing.T, w fyne.Window) table {
	t.Helper()
	for _, tb := range findAll[table](w.Content()) {
		if headerCell(tb, "Measure") != nil {
			return tb
		}
	}
	t.Fatal("no measure table")
	return nil
}

// headerCell returns the label of table tb's header titled title, or nil.
func headerCell(tb table, title string) *widget.Label {
	for _, l := range findAll[*widget.Label](tb) {
		if l.Text == title && l.TextStyle.Bold && l.Visible() {
			return l
		}
	}
	return nil
}

// TestMeasureTableRateShows opens Parley in the smallest window it must
// work in (1024×640) and checks that the measure table's Measure and Rate
// columns show whole, inside the part of the table the window shows,
// without scrolling, and that it shows three rows of measures at least.
func TestMeasureTableRateShows(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	u, err := ui.CreateWith(a, w, filepath.Join(t.TempDir(), "w.parley"), ui.Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	size := fyne.NewSize(1024, 640-menuBar)
	w.Resize(size)
	tb := measureTable(t, w)
	_, table, ok := placeOf(w.Content(), tb, size)
	if !ok {
		t.Fatal("the measure table is not laid out")
	}
	var header box
	for _, title := range []string{"Measure", "Rate"} {
		l := headerCell(tb, title)
		if l == nil {
			t.Errorf("the %s column is not shown", title)
			continue
		}
		at, _, ok := placeOf(w.Content(), l, size)
		switch {
		case !ok:
			t.Errorf("the %s header is not laid out", title)
		case at.x0 < table.x0 || at.x1 > table.x1 || at.y0 < table.y0 || at.y1 > table.y1:
			t.Errorf("the %s header %v is not inside the table shown %v", title, at, table)
		}
		header = at
	}
	rows := map[float32]bool{}
	for _, l := range findAll[*widget.Label](tb) {
		at, _, ok := placeOf(w.Content(), l, size)
		if ok && l.Text != "" && at.y0 >= header.y1 && at.y1 <= table.y1 && at.x0 >= table.x0 && at.x0 < table.x1 {
			rows[at.y0] = true
		}
	}
	if len(rows) < 3 {
		t.Errorf("the measure table shows %d rows whole in %v, want 3 at least", len(rows), table)
	}
}
