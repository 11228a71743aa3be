package scenarioview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownCells returns the texts of the measure table's data cells that lie
// inside the table's viewport, below its header: what the user sees.
func shownCells(v *scenarioView) []string {
	tb := v.table
	size := tb.Size()
	headers := map[string]bool{}
	for _, h := range measureHeaders {
		headers[h] = true
	}
	var out []string
	var walk func(o fyne.CanvasObject, x, y float32)
	walk = func(o fyne.CanvasObject, x, y float32) {
		if o == nil || !o.Visible() {
			return
		}
		p, s := o.Position(), o.Size()
		x, y = x+p.X, y+p.Y
		if l, ok := o.(*widget.Label); ok {
			if !headers[l.Text] && s.Width > 0 && y >= 0 && y+s.Height <= size.Height && x >= 0 && x < size.Width {
				out = append(out, l.Text)
			}
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
	walk(tb, -tb.Position().X, -tb.Position().Y)
	return out
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
	has := func(cells []string, s string) bool {
		for _, c := range cells {
			if c == s {
				return true
			}
		}
		return false
	}
	name := v.cell(last, colLabel, sc.Active(last, u.evalDate(sc))).text
	if cells := shownCells(v); !has(cells, name) {
		t.Fatalf("the table does not show the measure in the form, %q, before the tab switch: %q", name, cells)
	}

	v.content.Hide() // another tab is shown
	t.Run("renderer dropped while hidden", func(t *testing.T) {
		test.TempWidgetRenderer(t, v.table) // destroyed when this subtest ends
	})
	v.content.Show()

	cells := shownCells(v)
	if len(cells) == 0 {
		t.Fatal("the measure table is blank after its tab is shown again")
	}
	if !has(cells, name) {
		t.Errorf("the table does not show the measure in the form, %q, after the tab switch: %q", name, cells)
	}
}
