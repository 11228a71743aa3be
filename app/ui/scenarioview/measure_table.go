package scenarioview

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// prefMeasureWidths is the preference that keeps the widths the user gave
// the columns, from one run to the next.
const prefMeasureWidths = "scenario.measures.widths"

// measureMinRows is how many rows the table shows at least: where the
// window is too small for them and the form, the view scrolls rather than
// leave a table of one row.
const measureMinRows = 3

// minColumnWidth and maxColumnWidth bound a remembered column width.
const minColumnWidth, maxColumnWidth = 8, 2000

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

	// widths are the columns' widths; resized, if not nil, receives them
	// when the user drags a column's edge.
	widths  [measureCols]float32
	resized func(widths [measureCols]float32)
	// minHeight is the height of the header and measureMinRows rows (0:
	// not measured yet).
	minHeight float32
}

// MinSize is the table's: tall enough for its header and measureMinRows
// rows.
func (t *measureTable) MinSize() fyne.Size {
	if t.minHeight == 0 {
		row := widget.NewLabel("").MinSize().Height
		t.minHeight = (measureMinRows+1)*row + measureMinRows*t.Theme().Size(theme.SizeNamePadding)
	}
	return t.Table.MinSize().Max(fyne.NewSize(0, t.minHeight))
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

// setWidths gives the columns widths ws.
func (t *measureTable) setWidths(ws [measureCols]float32) {
	t.widths = ws
	for i, w := range ws {
		t.SetColumnWidth(i, w)
	}
}

// headerLaidOut notes the width of column col's title cell, which the
// table sizes to the column: a width that differs from widths is one the
// user dragged, which resized receives. (Fyne's table has no getter for a
// column's width, and a drag in its header row ends in the header's own
// widget, not in the table.)
func (t *measureTable) headerLaidOut(col int, width float32) {
	if col < 0 || col >= measureCols || width <= 0 || width == t.widths[col] {
		return
	}
	t.widths[col] = width
	if t.resized != nil {
		t.resized(t.widths)
	}
}

// showRow scrolls the table, as little as it must, so that row i shows
// whole below the header.
func (t *measureTable) showRow(i int) {
	// Before the table is laid out ScrollTo would scroll past the first
	// rows; ScrollToTop moves the rows without moving their scroller.
	if i <= 0 || t.Size().Height == 0 {
		t.ScrollToOffset(fyne.Position{})
		return
	}
	// widget.Table.ScrollTo counts the header in the rows' offset, which
	// leaves a row it scrolls up to under the header: it scrolls as for a
	// table without one, and the cells are then drawn again with the
	// header (RefreshItem draws them all; Refresh would build the renderer
	// again from within CreateRenderer).
	t.ShowHeaderRow = false
	t.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	t.ShowHeaderRow = true
	t.RefreshItem(widget.TableCellID{Row: i, Col: 0})
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
			l := o.(*widget.Label)
			l.SetText(measureHeaders[id.Col])
			t.headerLaidOut(id.Col, l.Size().Width)
		}
	}
	// The widths the user gave the columns are kept for the next run.
	prefs := appPrefs()
	t.setWidths(loadMeasureWidths(prefs))
	t.resized = func(ws [measureCols]float32) { saveMeasureWidths(prefs, ws) }
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

// appPrefs returns the app's preferences, or nil without an app.
func appPrefs() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}

// loadMeasureWidths returns the column widths kept in p, or the default
// ones when p keeps none that fit the table's columns.
func loadMeasureWidths(p fyne.Preferences) [measureCols]float32 {
	ws := measureWidths
	if p == nil {
		return ws
	}
	fields := strings.Split(p.String(prefMeasureWidths), ",")
	if len(fields) != measureCols {
		return measureWidths
	}
	for i, f := range fields {
		w, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
		if err != nil || w < minColumnWidth || w > maxColumnWidth {
			return measureWidths
		}
		ws[i] = float32(w)
	}
	return ws
}

// saveMeasureWidths keeps column widths ws in p.
func saveMeasureWidths(p fyne.Preferences, ws [measureCols]float32) {
	if p == nil {
		return
	}
	fields := make([]string, len(ws))
	for i, w := range ws {
		fields[i] = strconv.FormatFloat(float64(w), 'f', 1, 32)
	}
	p.SetString(prefMeasureWidths, strings.Join(fields, ","))
}
