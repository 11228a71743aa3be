package tradefile

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadXLSX reads arbitrary bytes as an XLSX workbook, as an import and
// as a preview, and checks that it never panics, that a refusal is an
// *Error with reasons, that what it accepts is sound (codes of 2 to 10
// digits, finite values of 0 or more), and that a preview stays small.
func FuzzReadXLSX(f *testing.F) {
	book := smallBook(f)
	f.Add(book)
	f.Add(withParts(f, book, lyingPart{"xl/media/image1.png", 300 << 20}))
	f.Add(withParts(f, book, lyingPart{"xl/worksheets/sheet2.xml", 1 << 20}))
	f.Add(book[:len(book)/2])
	f.Add([]byte("PK\x03\x04garbage"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		res, err := ReadFile(context.Background(), p, Options{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			for _, pr := range e.Problems {
				if pr.Reason == "" {
					t.Fatalf("a problem without a reason: %+v", pr)
				}
			}
		} else {
			for _, l := range res.Lines {
				if len(l.Code) < 2 || len(l.Code) > 10 || strings.Trim(l.Code, "0123456789") != "" {
					t.Fatalf("bad code %q", l.Code)
				}
				if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) || l.Value < 0 {
					t.Fatalf("line %s: value %v", l.Code, l.Value)
				}
			}
		}
		pv, err := PreviewFile(p, Options{}, 20)
		if err != nil {
			return
		}
		if pv.Width > MaxPreviewColumns || len(pv.Rows) > 20 {
			t.Fatalf("preview of %d columns, %d rows", pv.Width, len(pv.Rows))
		}
		for _, r := range append([][]string{pv.Header}, pv.Rows...) {
			for _, c := range r {
				if len(c) > MaxPreviewCell+len("…") {
					t.Fatalf("a preview cell of %d bytes", len(c))
				}
			}
		}
	})
}
