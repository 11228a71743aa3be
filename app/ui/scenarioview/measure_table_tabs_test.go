package scenarioview

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// placedLabel is a label of the measure table and its rectangle in the
// table.
type placedLabel struct {
	text       string
	x, y, w, h float32
}

// tableLabels returns the labels the measure table lays out: its header
// and data cells, where they are in the table.
func tableLabels(v *scenarioView) []placedLabel {
	var out []placedLabel
	var walk func(o fyne.CanvasObject, x, y float32)
	walk = func(o fyne.CanvasObject, x, y float32) {
		if o == nil || !o.Visible() {
			return
		}
		p, s := o.Position(), o.Size()
		x, y = x+p.X, y+p.Y
		if l, ok := o.(*widget.Label); ok {
			out = append(out, placedLabel{l.Text, x, y, s.Width, s.Height})
			return
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k, x, y)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k, x, y)
			}
		}
	}
	walk(v.table, -v.table.Position().X, -v.table.Position().Y)
	return out
}

// shownCells returns the texts of the measure table's data cells that lie
// inside the table's viewport: what the user sees.
func shownCells(v *scenarioView) []string {
	size := v.table.Size()
	var out []string
	for _, l := range tableLabels(v) {
		if l.text != "" && !slices.Contains(measureHeaders[:], l.text) && l.w > 0 &&
			l.y >= 0 && l.y+l.h <= size.Height && l.x >= 0 && l.x < size.Width {
			out = append(out, l.text)
		}
	}
	return out
}

// draggableAt returns the deepest draggable of the measure table at pos
// (in the table), which a drag from pos goes to, and pos in it.
func draggableAt(v *scenarioView, pos fyne.Position) (fyne.Draggable, fyne.Position) {
	var found fyne.Draggable
	var in fyne.Position
	var walk func(o fyne.CanvasObject, x, y float32)
	walk = func(o fyne.CanvasObject, x, y float32) {
		if o == nil || !o.Visible() {
			return
		}
		p, s := o.Position(), o.Size()
		x, y = x+p.X, y+p.Y
		if pos.X < x || pos.Y < y || pos.X >= x+s.Width || pos.Y >= y+s.Height {
			return
		}
		if d, ok := o.(fyne.Draggable); ok {
			found, in = d, pos.SubtractXY(x, y)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k, x, y)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k, x, y)
			}
		}
	}
	walk(v.table, -v.table.Position().X, -v.table.Position().Y)
	return found, in
}

// header returns where the header cell titled title is in the table.
func header(t *testing.T, v *scenarioView, title string) placedLabel {
	t.Helper()
	for _, l := range tableLabels(v) {
		if l.text == title && l.y < 1 {
			return l
		}
	}
	t.Fatalf("no %s header laid out", title)
	return placedLabel{}
}

// TestMeasureTableShownAgain checks that the measure table still shows its
// rows when its tab is shown again after Fyne dropped the table's renderer
// while it was hidden (as it does for what is not drawn for a minute), the
// table being scrolled down to the measure in the form.
func TestMeasureTableShownAgain(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	v := u.view
	sc := u.sess.Draft()
	last := &sc.Measures[len(sc.Measures)-1]
	v.selectMeasure(last.ID)
	name := v.cell(last, colLabel, sc.Active(last, u.evalDate(sc))).text
	if cells := shownCells(v); !slices.Contains(cells, name) {
		t.Fatalf("the table does not show the measure in the form, %q, before the tab switch: %q", name, cells)
	}

	switchTab(t, v)

	cells := shownCells(v)
	if len(cells) == 0 {
		t.Fatal("the measure table is blank after its tab is shown again")
	}
	if !slices.Contains(cells, name) {
		t.Errorf("the table does not show the measure in the form, %q, after the tab switch: %q", name, cells)
	}
}

// switchTab hides the view, as another tab does, drops the measure table's
// renderer, as Fyne does for what is not drawn for a minute, and shows the
// view again.
func switchTab(t *testing.T, v *scenarioView) {
	v.content.Hide()
	t.Run("renderer dropped while hidden", func(t *testing.T) {
		test.TempWidgetRenderer(t, v.table) // destroyed when this subtest ends
	})
	v.content.Show()
}

// TestMeasureColumnWidened drags the right edge of the Measure column's
// title, as a user widens it, and checks that the column keeps its width
// after a refresh, another scenario, a tab switch and in a new window.
func TestMeasureColumnWidened(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("today")
	v := u.view
	const wider = 120
	measure, rate := header(t, v, "Measure"), header(t, v, "Rate")
	// The edge is the gap between the two titles. The mouse moves over it,
	// is pressed and drags it, as on a desktop: the drag goes to the
	// deepest draggable under the mouse, in the table's header row.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.table)
	edge := fyne.NewPos((measure.x+measure.w+rate.x)/2, measure.h/2)
	test.MoveMouse(w.Canvas(), at.Add(edge))
	if v.table.Cursor() != desktop.HResizeCursor {
		t.Fatalf("no resize cursor over the Measure column's edge at %v", edge)
	}
	v.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: edge, AbsolutePosition: at.Add(edge)}, Button: desktop.MouseButtonPrimary})
	d, in := draggableAt(v, edge)
	if d == nil {
		t.Fatal("nothing to drag at the Measure column's edge")
	}
	for dx := float32(10); dx <= wider; dx += 10 {
		d.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: in.AddXY(dx, 0)}, Dragged: fyne.NewDelta(10, 0)})
	}
	v.table.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: edge.AddXY(wider, 0)}, Button: desktop.MouseButtonPrimary})
	d.DragEnd()

	want := measure.w + wider
	check := func(step string, v *scenarioView) {
		t.Helper()
		if got := header(t, v, "Measure").w; got != want {
			t.Errorf("%s: the Measure column is %.0f wide, want %.0f", step, got, want)
		}
		if got := header(t, v, "Rate").x; got != rate.x+wider {
			t.Errorf("%s: the Rate column starts at %.0f, want %.0f", step, got, rate.x+wider)
		}
	}
	check("dragged", v)
	v.table.Refresh()
	v.changed()
	check("refreshed", v)
	u.openScenario("threat-25")
	u.openScenario("today")
	check("another scenario", v)

	switchTab(t, v)
	check("tab switch", v)

	// A new window (another workspace, the next run) starts with the
	// width the user gave.
	again := newScenarioView(u.host)
	w.SetContent(again.content)
	w.Resize(fyne.NewSize(1366, 740))
	u.view = again
	again.load()
	check("new window", again)
}

// TestMeasureTableScrollsToRowWhole checks that the row of the measure
// shown in the form is wholly in view, below the header, whether the table
// scrolls up or down to it.
func TestMeasureTableScrollsToRowWhole(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	v := u.view
	sc := u.sess.Draft()
	n := len(sc.Measures)
	for _, i := range []int{n - 1, 5, n - 10, 1, n - 1, 0} {
		m := &sc.Measures[i]
		v.selectMeasure(m.ID)
		name := v.cell(m, colLabel, sc.Active(m, u.evalDate(sc))).text
		top := header(t, v, "Measure")
		found := false
		for _, l := range tableLabels(v) {
			if l.text != name {
				continue
			}
			found = true
			if l.y < top.y+top.h || l.y+l.h > v.table.Size().Height {
				t.Errorf("row %d (%s) is at y %.0f–%.0f, not wholly between the header (%.0f) and the table's bottom (%.0f)",
					i, m.ID, l.y, l.y+l.h, top.y+top.h, v.table.Size().Height)
			}
		}
		if !found {
			t.Errorf("row %d (%s) is not laid out", i, m.ID)
		}
	}
}
