package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestMeasureTableFollowsForm checks that the row highlighted in the
// measure table is the measure shown in the form, however it was chosen,
// and that the table says what its italics mean.
func TestMeasureTableFollowsForm(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	v := u.view
	row := -1
	onSel := v.table.OnSelected
	v.table.OnSelected = func(id widget.TableCellID) { row = id.Row; onSel(id) }
	v.table.OnUnselected = func(widget.TableCellID) { row = -1 }

	v.table.Select(widget.TableCellID{Row: 0, Col: colLabel})
	if v.form.id != u.draft.Measures[0].ID {
		t.Fatalf("form shows %q after a click on row 0", v.form.id)
	}
	// Chosen elsewhere (a link, Add, undo): the highlight follows.
	v.selectMeasure(u.draft.Measures[2].ID)
	if row != 2 || v.form.id != u.draft.Measures[2].ID {
		t.Errorf("highlighted row %d, form %q; want row 2, %q", row, v.form.id, u.draft.Measures[2].ID)
	}
	v.selectMeasure("no such measure")
	if row != -1 {
		t.Errorf("row %d still highlighted with no measure in the form", row)
	}

	found := false
	walk(v.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Italics: not in force") && l.Visible() {
			found = true
		}
	})
	if !found {
		t.Error("no legend for the italics")
	}
}

// walk calls f on o and every object in it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, k := range x.Objects {
			walk(k, f)
		}
	case *widget.Label, *widget.Table:
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			walk(k, f)
		}
	}
}
