package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDatasetPreviewBounded: a preview prints a bounded amount whatever
// the file holds: a workbook repeating one long shared string in every
// cell, or a CSV file with a quote never closed (named at its row).
func TestDatasetPreviewBounded(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "wide.xlsx")
	f := excelize.NewFile()
	long := strings.Repeat("x", 30000)
	f.SetCellValue("Sheet1", "A1", "code")
	f.SetCellValue("Sheet1", "B1", "value")
	for r := 2; r <= 30; r++ {
		for c := 1; c <= 40; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			f.SetCellValue("Sheet1", cell, long)
		}
	}
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	csvFile := filepath.Join(dir, "quote.csv")
	text := "code,value,description\n0101,1,Horses\n0102,2,\"Cattle\n" + strings.Repeat("0103,3,Swine\n", 200000)
	if err := os.WriteFile(csvFile, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ws := newWorkspace(t)
	for _, tc := range []struct{ file, want string }{
		{book, "row 2"},
		{csvFile, "unclosed quote: a quote opened in row 3"},
	} {
		out, errOut, _ := run(t, ws, "dataset", "preview", tc.file)
		if len(out)+len(errOut) > 256<<10 {
			t.Errorf("preview of %s printed %d bytes", filepath.Base(tc.file), len(out)+len(errOut))
		}
		if !strings.Contains(out+errOut, tc.want) {
			t.Errorf("preview of %s lacks %q:\n%.2000s\n%.2000s", filepath.Base(tc.file), tc.want, out, errOut)
		}
	}
}
