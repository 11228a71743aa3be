package dataview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"parley/storage/tradefile"
)

// TestImportDialogUnclosedQuote: a stray quote that would make the rest of
// the file one cell is named at its row, and no cell of the preview table
// holds more than a preview cell's worth of text.
func TestImportDialogUnclosedQuote(t *testing.T) {
	u, _ := newTestView(t)
	path := writeDataFile(t, "quote.csv", "code,value,description\n0101,1,Horses\n0102,2,\"Cattle\n"+
		strings.Repeat("0103,3,Swine and other animals\n", 100000))
	im := openImporter(t, u, path)
	if !strings.Contains(im.detected.Text, "Unclosed quote: a quote opened in row 3") &&
		!strings.Contains(im.detected.Text, "unclosed quote: a quote opened in row 3") {
		t.Errorf("the dialog does not name the unclosed quote: %q", im.detected.Text)
	}
	rows, cols := im.tableSize()
	l := widget.NewLabel("")
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			im.tableCell(widget.TableCellID{Row: r, Col: c}, l)
			if len(l.Text) > tradefile.MaxPreviewCell+len("…") {
				t.Errorf("cell %d,%d holds %d bytes", r, c, len(l.Text))
			}
		}
	}
}
