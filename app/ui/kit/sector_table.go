package kit

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a sortable table.
type Column struct {
	Title string
	Width float32
	// Text returns the cell of row r (r indexes the table's rows).
	Text func(r int) string
	// Key returns the value sorted on; nil sorts on text.
	Key func(r int) float64
	// Align of the cells; numbers are right-aligned.
	Align fyne.TextAlign
}

// SortTable is a table whose header buttons sort it: a first tap sorts on
// the column (numbers largest first), a second reverses. A number of fixed
// rows (totals) stay on top, unsorted.
type SortTable struct {
	Table    *widget.Table
	Cols     []Column
	Fixed    int // rows on top that are not sorted (totals)
	n        func() int
	Order    []int // display order of the sortable rows
	SortCol  int
	Desc     bool
	Bold     func(r int) bool
	OnSelect func(r int)
}

// NewSortTable returns a table over n() rows plus fixed rows on top (row
// indexes 0..Fixed-1 are the fixed rows; the others follow).
func NewSortTable(cols []Column, fixed int, n func() int) *SortTable {
	t := &SortTable{Cols: cols, Fixed: fixed, n: n, SortCol: -1}
	t.Table = widget.NewTableWithHeaders(
		func() (int, int) { return fixed + n(), len(cols) },
		func() fyne.CanvasObject {
			return widget.NewLabel("")
		},
		t.updateCell,
	)
	t.Table.ShowHeaderColumn = false
	t.Table.StickyRowCount = fixed
	t.Table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(b, l)
	}
	t.Table.UpdateHeader = t.updateHeader
	t.Table.OnSelected = func(id widget.TableCellID) {
		if t.OnSelect != nil {
			t.OnSelect(t.Row(id.Row))
		}
		t.Table.UnselectAll()
	}
	for i, c := range cols {
		t.Table.SetColumnWidth(i, c.Width)
	}
	return t
}

// updateCell shows cell id's text. Only text columns truncate: numbers fit
// their columns, and truncating costs a text shaping per cell.
func (t *SortTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	r := t.Row(id.Row)
	c := t.Cols[id.Col]
	trunc := fyne.TextTruncateOff
	if c.Key == nil {
		trunc = fyne.TextTruncateEllipsis
	}
	if l.Truncation != trunc {
		l.Truncation = trunc
		l.Refresh()
	}
	SetLabel(l, c.Text(r), c.Align, fyne.TextStyle{Bold: t.Bold != nil && t.Bold(r)}, widget.MediumImportance)
}

// updateHeader shows column id's title, marked ▲ or ▼ when the table is
// sorted by it; a tap sorts by it.
func (t *SortTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col < 0 {
		return
	}
	st := o.(*fyne.Container)
	b, l := st.Objects[0].(*widget.Button), st.Objects[1].(*widget.Label)
	c := t.Cols[id.Col]
	text := c.Title
	if id.Col == t.SortCol {
		if t.Desc {
			text = "▼ " + text
		} else {
			text = "▲ " + text
		}
	}
	// The alignment goes with the text: a cell the table reuses for another
	// column keeps drawing the old one until its next refresh.
	SetLabel(l, text, c.Align, l.TextStyle, l.Importance)
	col := id.Col
	b.OnTapped = func() { t.SortBy(col) }
}

// Row maps a display row to a data row index.
func (t *SortTable) Row(display int) int {
	if display < t.Fixed || display-t.Fixed >= len(t.Order) {
		return display
	}
	return t.Fixed + t.Order[display-t.Fixed]
}

// SortBy sorts on column col, reversing when it is already the sort column.
func (t *SortTable) SortBy(col int) {
	if col == t.SortCol {
		t.Desc = !t.Desc
	} else {
		t.SortCol = col
		t.Desc = t.Cols[col].Key != nil // numbers: largest first
	}
	t.Refresh()
}

// Refresh sorts the rows again and redraws.
func (t *SortTable) Refresh() {
	n := t.n()
	t.Order = t.Order[:0]
	for i := range n {
		t.Order = append(t.Order, i)
	}
	if t.SortCol >= 0 {
		c := t.Cols[t.SortCol]
		slices.SortStableFunc(t.Order, func(a, b int) int {
			ra, rb := t.Fixed+a, t.Fixed+b
			var r int
			if c.Key != nil {
				r = cmp.Compare(c.Key(ra), c.Key(rb))
			} else {
				r = cmp.Compare(c.Text(ra), c.Text(rb))
			}
			if t.Desc {
				r = -r
			}
			return r
		})
	}
	t.Table.Refresh()
}

// Cell returns the text shown at a display row and column, for tests.
func (t *SortTable) Cell(display, col int) string {
	return t.Cols[col].Text(t.Row(display))
}
