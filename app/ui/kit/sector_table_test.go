package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
)

// TestSortTableHeaderAlignsWithItsColumn: a header cell the table reuses
// for another column takes that column's alignment, so the title of a
// column of numbers stands over its numbers (right) and a text column's
// stays left, whichever column the cell showed before.
func TestSortTableHeaderAlignsWithItsColumn(t *testing.T) {
	test.NewTempApp(t)
	tbl := kit.NewSortTable([]kit.Column{
		{Title: "Sector", Width: 120, Text: func(int) string { return "" }},
		{Title: "Duty", Width: 120, Text: func(int) string { return "" }, Align: fyne.TextAlignTrailing,
			Key: func(int) float64 { return 0 }},
	}, 0, func() int { return 0 })
	header := tbl.Table.CreateHeader()
	w := test.NewTempWindow(t, header)
	w.Resize(fyne.NewSize(200, 60))
	for _, tc := range []struct {
		col  int
		want fyne.TextAlign
	}{
		{0, fyne.TextAlignLeading},
		{1, fyne.TextAlignTrailing},
		{0, fyne.TextAlignLeading},
		{1, fyne.TextAlignTrailing},
	} {
		tbl.Table.UpdateHeader(widget.TableCellID{Row: -1, Col: tc.col}, header)
		title := drawnText(header, tbl.Cols[tc.col].Title)
		if title == nil {
			t.Fatalf("column %d: no title %q drawn", tc.col, tbl.Cols[tc.col].Title)
		}
		if title.Alignment != tc.want {
			t.Errorf("column %d (%q): title drawn aligned %v, want %v", tc.col, title.Text, title.Alignment, tc.want)
		}
	}
}

// drawnText returns the text s as o's renderers draw it now, without
// laying o out again.
func drawnText(o fyne.CanvasObject, s string) *canvas.Text {
	switch x := o.(type) {
	case *canvas.Text:
		if x.Text == s {
			return x
		}
	case *fyne.Container:
		for _, k := range x.Objects {
			if t := drawnText(k, s); t != nil {
				return t
			}
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			if t := drawnText(k, s); t != nil {
				return t
			}
		}
	}
	return nil
}
