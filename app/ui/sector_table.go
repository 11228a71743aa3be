package ui

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a sortable table.
type column struct {
	title string
	width float32
	// text returns the cell of row r (r indexes the table's rows).
	text func(r int) string
	// key returns the value sorted on; nil sorts on text.
	key func(r int) float64
	// align of the cells; numbers are right-aligned.
	align fyne.TextAlign
}

// sortTable is a table whose header buttons sort it: a first tap sorts on
// the column (numbers largest first), a second reverses. A number of fixed
// rows (totals) stay on top, unsorted.
type sortTable struct {
	table    *widget.Table
	cols     []column
	fixed    int // rows on top that are not sorted (totals)
	n        func() int
	order    []int // display order of the sortable rows
	sortCol  int
	desc     bool
	bold     func(r int) bool
	onSelect func(r int)
}

// newSortTable returns a table over n() rows plus fixed rows on top (row
// indexes 0..fixed-1 are the fixed rows; the others follow).
func newSortTable(cols []column, fixed int, n func() int) *sortTable {
	t := &sortTable{cols: cols, fixed: fixed, n: n, sortCol: -1}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return fixed + n(), len(cols) },
		func() fyne.CanvasObject {
			return widget.NewLabel("")
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := t.row(id.Row)
			c := t.cols[id.Col]
			// Only text columns truncate: numbers fit their columns, and
			// truncating costs a text shaping per cell.
			trunc := fyne.TextTruncateOff
			if c.key == nil {
				trunc = fyne.TextTruncateEllipsis
			}
			if l.Truncation != trunc {
				l.Truncation = trunc
				l.Refresh()
			}
			setLabel(l, c.text(r), c.align, fyne.TextStyle{Bold: t.bold != nil && t.bold(r)}, widget.MediumImportance)
		},
	)
	t.table.ShowHeaderColumn = false
	t.table.StickyRowCount = fixed
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(b, l)
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		st := o.(*fyne.Container)
		b, l := st.Objects[0].(*widget.Button), st.Objects[1].(*widget.Label)
		c := t.cols[id.Col]
		text := c.title
		if id.Col == t.sortCol {
			if t.desc {
				text = "▼ " + text
			} else {
				text = "▲ " + text
			}
		}
		l.SetText(text)
		l.Alignment = c.align
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if t.onSelect != nil {
			t.onSelect(t.row(id.Row))
		}
		t.table.UnselectAll()
	}
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.width)
	}
	return t
}

// row maps a display row to a data row index.
func (t *sortTable) row(display int) int {
	if display < t.fixed || display-t.fixed >= len(t.order) {
		return display
	}
	return t.fixed + t.order[display-t.fixed]
}

// sortBy sorts on column col, reversing when it is already the sort column.
func (t *sortTable) sortBy(col int) {
	if col == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol = col
		t.desc = t.cols[col].key != nil // numbers: largest first
	}
	t.refresh()
}

// refresh sorts the rows again and redraws.
func (t *sortTable) refresh() {
	n := t.n()
	t.order = t.order[:0]
	for i := range n {
		t.order = append(t.order, i)
	}
	if t.sortCol >= 0 {
		c := t.cols[t.sortCol]
		slices.SortStableFunc(t.order, func(a, b int) int {
			ra, rb := t.fixed+a, t.fixed+b
			var r int
			if c.key != nil {
				r = cmp.Compare(c.key(ra), c.key(rb))
			} else {
				r = cmp.Compare(c.text(ra), c.text(rb))
			}
			if t.desc {
				r = -r
			}
			return r
		})
	}
	t.table.Refresh()
}

// cell returns the text shown at a display row and column, for tests.
func (t *sortTable) cell(display, col int) string {
	return t.cols[col].text(t.row(display))
}
