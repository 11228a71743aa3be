package scenarioview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
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
	if v.form.id != u.sess.Draft().Measures[0].ID {
		t.Fatalf("form shows %q after a click on row 0", v.form.id)
	}
	// Chosen elsewhere (a link, Add, undo): the highlight follows.
	v.selectMeasure(u.sess.Draft().Measures[2].ID)
	if row != 2 || v.form.id != u.sess.Draft().Measures[2].ID {
		t.Errorf("highlighted row %d, form %q; want row 2, %q", row, v.form.id, u.sess.Draft().Measures[2].ID)
	}
	v.selectMeasure("no such measure")
	if row != -1 {
		t.Errorf("row %d still highlighted with no measure in the form", row)
	}

	found := false
	kittest.Walk(v.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Italics: not in force") && l.Visible() {
			found = true
		}
	})
	if !found {
		t.Error("no legend for the italics")
	}
}

// TestMeasureTableInForceOnly checks the "In force only" filter: the
// table lists the measures in force on the date, a click on a row shows
// that row's measure, and a hidden measure in the form has no row.
func TestMeasureTableInForceOnly(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	v := u.view
	sc := u.sess.Draft()
	var active, inactive []string
	for i := range sc.Measures {
		if sc.Active(&sc.Measures[i], sc.EvalDate()) {
			active = append(active, sc.Measures[i].ID)
		} else {
			inactive = append(inactive, sc.Measures[i].ID)
		}
	}
	if len(active) == 0 || len(inactive) == 0 {
		t.Fatalf("today has %d measures in force, %d not: the test needs both", len(active), len(inactive))
	}
	rows := func() int { r, _ := v.table.Length(); return r }
	if rows() != len(sc.Measures) {
		t.Fatalf("%d rows without the filter, want %d", rows(), len(sc.Measures))
	}
	v.selectMeasure(inactive[0])
	v.inForceOnly.SetChecked(true)
	if rows() != len(active) {
		t.Fatalf("%d rows in force only, want %d", rows(), len(active))
	}
	last := len(active) - 1
	v.table.Select(widget.TableCellID{Row: last, Col: colLabel})
	if v.form.id != active[last] {
		t.Errorf("row %d shows %q, want %q", last, v.form.id, active[last])
	}
	v.inForceOnly.SetChecked(false)
	if rows() != len(sc.Measures) {
		t.Errorf("%d rows after the filter is off", rows())
	}
}
