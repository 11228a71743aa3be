package scenarioview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// measure table columns.
const (
	colFlag = iota
	colLabel
	colRate
	colSectors
	colDates
	colCUSMA
	colImposer
	colProgram
	colEvidence
	measureCols
)

var measureHeaders = [measureCols]string{"", "Measure", "Rate", "Sectors (coverage)", "In force", "CUSMA", "By", "Programme", "Evidence"}

// measureWidths are the columns' widths until the user drags a column's
// edge in the header row; Measure and Rate come first so that both show
// without scrolling in the narrowest window.
var measureWidths = [measureCols]float32{30, 190, 58, 170, 190, 72, 44, 86, 76}

// measureTable is the table of a scenario's measures.
//
// Fyne drops the renderer of a widget that is not drawn for a while (the
// table while another tab is shown) and builds a new one when it is drawn
// again. The table keeps its scroll offset but the new renderer's scroller
// starts at the top, so the rows drawn for the offset fall outside the view
// and the table looks blank. A new renderer therefore starts the table at
// the top, where the scroller is, and then calls rebuilt (which scrolls to
// the measure in the form). The column widths, kept by the table, survive.
type measureTable struct {
	widget.Table
	rebuilt func()
}

// CreateRenderer builds the table's renderer with its scroll offset and
// its scroller's in agreement.
func (t *measureTable) CreateRenderer() fyne.WidgetRenderer {
	r := t.Table.CreateRenderer()
	t.ScrollToOffset(fyne.Position{})
	if t.rebuilt != nil {
		t.rebuilt()
	}
	return r
}

// showRow scrolls the table to row i.
func (t *measureTable) showRow(i int) {
	// Before the table is laid out ScrollTo would scroll past the first
	// rows.
	if i <= 0 || t.Size().Height == 0 {
		t.ScrollToTop()
		return
	}
	t.ScrollTo(widget.TableCellID{Row: i, Col: 0})
}

// newTable makes the measures table: a click on a row shows its measure in
// the form.
func (v *scenarioView) newTable() {
	h := v.h
	t := &measureTable{}
	t.Length = func() (int, int) { return len(v.shownMeasures()), measureCols }
	t.CreateCell = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateCell = v.updateCell
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(measureHeaders[id.Col])
		}
	}
	for i, w := range measureWidths {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		i := v.measureAt(id.Row)
		if i < 0 {
			return
		}
		// A row selected by selectMeasure shows its measure already.
		if mid := h.sess.Draft().Measures[i].ID; mid != v.selected || v.form.id != mid {
			v.selectMeasure(mid)
		}
	}
	t.rebuilt = v.showSelectedRow
	v.table = t
}

// showSelectedRow scrolls the table to the row of the measure in the form,
// if the table lists it.
func (v *scenarioView) showSelectedRow() {
	sc := v.h.sess.Draft()
	if sc == nil {
		return
	}
	for j := range sc.Measures {
		if sc.Measures[j].ID == v.selected {
			if i := v.rowOf(j); i >= 0 {
				v.table.showRow(i)
			}
			return
		}
	}
}
