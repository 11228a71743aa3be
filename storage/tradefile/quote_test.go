package tradefile

import (
	"strings"
	"testing"
)

// unclosed returns a CSV file whose row 4 opens a quote that is never
// closed, followed by rows more bytes of rows.
func unclosed(rows int) string {
	var b strings.Builder
	b.WriteString("code,value,description\n0101,1,Horses\n\n0102,2,\"Cattle, live\n")
	for i := 0; b.Len() < rows; i++ {
		b.WriteString("0103,3,Swine and other animals of the bovine species\n")
	}
	return b.String()
}

// TestUnclosedQuote: a quote that is never closed is reported at the row it
// opens, on import and in the preview, whether the rest of the file is
// short or huge; the preview's cells stay small.
func TestUnclosedQuote(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
	}{
		{"short rest", 2000},
		{"huge rest", 6 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "a.csv", unclosed(tc.size))
			msg := readBad(t, p, Options{}).Error()
			if !strings.Contains(msg, "unclosed quote") || !strings.Contains(msg, "row 4") {
				t.Errorf("import error %q does not name the unclosed quote at row 4", msg)
			}
			if len(msg) > 2000 {
				t.Errorf("import error is %d bytes long", len(msg))
			}
			pv, err := PreviewFile(p, Options{}, 20)
			if err != nil {
				t.Fatalf("preview: %v", err)
			}
			said := pv.Problem + " " + strings.Join(pv.Notes, " ")
			if !strings.Contains(said, "unclosed quote") || !strings.Contains(said, "row 4") {
				t.Errorf("preview does not name the unclosed quote at row 4: problem %q notes %q", pv.Problem, pv.Notes)
			}
			for i, r := range append([][]string{pv.Header}, pv.Rows...) {
				for j, c := range r {
					if len(c) > MaxPreviewCell+8 {
						t.Errorf("preview row %d cell %d holds %d bytes", i, j, len(c))
					}
				}
			}
		})
	}
}

// TestQuotedLineBreak: a quoted cell over several lines, closed, is read
// as one cell and is no problem.
func TestQuotedLineBreak(t *testing.T) {
	p := writeFile(t, "a.csv", "code,value,description\n0101,1,\"Horses,\nlive\"\n0102,2,Cattle\n")
	res := readOK(t, p, Options{})
	checkLines(t, res, []want{{code: "0101", value: 1, desc: "Horses, live"}, {code: "0102", value: 2}})
}

// TestPreviewCellCapped: a long cell is cut in the preview.
func TestPreviewCellCapped(t *testing.T) {
	p := writeFile(t, "a.csv", "code,value,description\n0101,1,"+strings.Repeat("x", 100000)+"\n")
	pv, err := PreviewFile(p, Options{}, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Rows) != 1 || len(pv.Rows[0][2]) > MaxPreviewCell+8 || !strings.HasSuffix(pv.Rows[0][2], "…") {
		t.Errorf("preview cell: %d rows, cell %.40q… of %d bytes", len(pv.Rows), pv.Rows[0][2], len(pv.Rows[0][2]))
	}
}

// TestPreviewColumnsCapped: a very wide row is shown by its first columns.
func TestPreviewColumnsCapped(t *testing.T) {
	p := writeFile(t, "a.csv", "code,value"+strings.Repeat(",x", 5000)+"\n0101,1"+strings.Repeat(",y", 5000)+"\n")
	pv, err := PreviewFile(p, Options{}, 20)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Width > MaxPreviewColumns || len(pv.Header) > MaxPreviewColumns || len(pv.Rows[0]) > MaxPreviewColumns {
		t.Errorf("preview width %d, header %d, row %d cells", pv.Width, len(pv.Header), len(pv.Rows[0]))
	}
	if !strings.Contains(strings.Join(pv.Notes, " "), "columns are shown") {
		t.Errorf("notes %q do not say columns were left out", pv.Notes)
	}
}
