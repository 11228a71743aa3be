package scenarioview

import "fyne.io/fyne/v2/widget"

// newInForceFilter returns the "In force only" check of the measure table:
// on, the table lists only the measures in force on the date evaluated.
func (v *scenarioView) newInForceFilter() *widget.Check {
	return widget.NewCheck("In force only", func(bool) {
		v.table.Refresh()
		if v.selected != "" {
			v.selectMeasure(v.selected) // highlight its row, or none if hidden
		}
	})
}

// shownMeasures returns the indexes in the scenario of the measures the
// table lists, in order: all, or those in force with the filter on.
func (v *scenarioView) shownMeasures() []int {
	sc := v.h.sess.Draft()
	if sc == nil {
		return nil
	}
	out := make([]int, 0, len(sc.Measures))
	day := v.h.evalDate(sc)
	for i := range sc.Measures {
		if v.inForceOnly == nil || !v.inForceOnly.Checked || sc.Active(&sc.Measures[i], day) {
			out = append(out, i)
		}
	}
	return out
}

// measureAt returns the index in the scenario of the measure of table row
// row, or -1.
func (v *scenarioView) measureAt(row int) int {
	shown := v.shownMeasures()
	if row < 0 || row >= len(shown) {
		return -1
	}
	return shown[row]
}

// rowOf returns the table row of the measure at index i of the scenario,
// or -1 when the filter hides it.
func (v *scenarioView) rowOf(i int) int {
	for r, j := range v.shownMeasures() {
		if j == i {
			return r
		}
	}
	return -1
}
