package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitColumns widens columns cols (none: every column) to their title and
// their widest cell (never narrower than their Width), so that no figure
// spills into the next column and no text is cut: the table scrolls
// sideways instead. Call it after Refresh when the rows change.
func (t *SortTable) FitColumns(cols ...int) {
	rows, _ := t.Table.Length()
	for i, c := range t.Cols {
		if len(cols) > 0 && !slices.Contains(cols, i) {
			continue
		}
		// The header writes a sort mark before the title, on a button.
		w := widget.NewLabelWithStyle("▼ "+c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width + 2*theme.Padding()
		for r := range rows {
			row := t.Row(r)
			l := widget.NewLabelWithStyle(c.Text(row), fyne.TextAlignLeading, fyne.TextStyle{Bold: t.Bold != nil && t.Bold(row)})
			// A padding to spare: a label truncates a text that just fits.
			w = max(w, l.MinSize().Width+theme.Padding())
		}
		t.Table.SetColumnWidth(i, max(w, c.Width))
	}
}
