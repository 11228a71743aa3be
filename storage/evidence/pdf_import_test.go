package evidence_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

// TestImportRealPDF imports the metals annex PDF of the reference data:
// a phrase read on a page of the PDF is found by search on that page, in
// the imported document, and the reader's page of the passage agrees.
func TestImportRealPDF(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	src := storagetest.SharedPath(t, "evidence/Metals-ANNEXES-I-A-I-B-II-III-IV.pdf")
	before := storagetest.Count(t, path, "documents")
	doc, err := w.Evidence().ImportDocument(src, evidence.DocumentMeta{})
	if err != nil {
		t.Fatal(err)
	}
	// Page 1 starts with its page number, "1": the title is the first line
	// with words.
	if doc.SourceFile != "Metals-ANNEXES-I-A-I-B-II-III-IV.pdf" || doc.Title != "Annex I-A: 50% Section 232 Tariff on Full Value" || storagetest.Count(t, path, "documents") != before+1 {
		t.Errorf("document %+v", doc)
	}
	stored, err := w.Evidence().Document(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stored.Body, "\f"); n != 57 {
		t.Errorf("%d page breaks, want 57 (58 pages)", n)
	}
	for _, c := range []struct {
		phrase string
		page   int
	}{
		// Read in the PDF: the heading of Annex III is on page 40, Annex
		// II on page 29, Annex I-B on page 13, Annex IV on page 43.
		{"Temporary Reduction List for Section 232 Steel and Aluminum Derivatives", 40},
		{"Removed from Scope of Section 232 Steel and Aluminum Derivatives", 29},
		{"Annex I-B: 25% Section 232 Tariff on Full Value", 13},
		{"Annex IV", 43},
	} {
		hits, err := w.Evidence().Search(`"`+c.phrase+`"`, 50)
		if err != nil {
			t.Fatal(err)
		}
		var pages []int
		for _, h := range hits {
			if h.Document == doc.ID {
				pages = append(pages, h.Page)
				if got := stored.PageAt(h.Start); got != h.Page {
					t.Errorf("%q: hit on page %d, its start on page %d", c.phrase, h.Page, got)
				}
			}
		}
		if len(pages) == 0 || pages[0] != c.page {
			t.Errorf("%q: found on pages %v of the imported PDF, want %d first", c.phrase, pages, c.page)
		}
		if got := stored.PageOfQuote(c.phrase); got != c.page {
			t.Errorf("%q: quote on page %d, want %d", c.phrase, got, c.page)
		}
	}
	// The same PDF again is refused by its text's hash.
	if _, err := w.Evidence().ImportDocument(src, evidence.DocumentMeta{}); !errors.Is(err, storage.ErrExists) || !strings.Contains(err.Error(), doc.ID) {
		t.Errorf("re-import: %v", err)
	}
}

// TestImportFederalRegisterPDF imports the Federal Register notices of the
// reference data: their text is the built-in documents' (the generator and
// the import run the same extraction), so the import is refused as a
// duplicate of the built-in document, naming it, and nothing is written.
func TestImportFederalRegisterPDF(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	for _, c := range []struct{ file, builtin string }{{"2025-15819.pdf", "fr-2025-15819"}, {"2025-23316.pdf", "fr-2025-23316"}} {
		src := storagetest.SharedPath(t, "evidence/"+c.file)
		before := storagetest.Dump(t, path)
		_, err := w.Evidence().ImportDocument(src, evidence.DocumentMeta{})
		if !errors.Is(err, storage.ErrExists) || !strings.Contains(err.Error(), "already in the library as "+c.builtin) {
			t.Errorf("%s: %v", c.file, err)
		}
		if storagetest.Dump(t, path) != before {
			t.Errorf("%s: the workspace changed", c.file)
		}
	}
}

// TestImportPDFPages imports a PDF made here: each passage keeps its page,
// an empty page counts, and search shows the page.
func TestImportPDFPages(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	src := filepath.Join(t.TempDir(), "brief.pdf")
	pages := storagetest.PDF("Dairy brief\nSupply management stays off the table.", "", "Softwood lumber duties reached 35 percent.")
	if err := os.WriteFile(src, pages, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := w.Evidence().ImportDocument(src, evidence.DocumentMeta{Publisher: "Ministry"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Dairy brief" || doc.Publisher != "Ministry" {
		t.Errorf("title %q publisher %q", doc.Title, doc.Publisher)
	}
	for q, page := range map[string]int{"supply management": 1, "softwood lumber": 3} {
		hits, err := w.Evidence().Search(q, 5)
		if err != nil || len(hits) == 0 || hits[0].Document != doc.ID || hits[0].Page != page {
			t.Errorf("%s: %+v %v, want page %d", q, hits, err, page)
		}
	}
	// A text that mentions %PDF- is still a text; a PDF named .txt is a PDF.
	if d, err := w.Evidence().ImportDocumentData("about.txt", []byte("Files start with %PDF-1.7 when they are PDFs.\n"), evidence.DocumentMeta{}); err != nil || d.Title != "Files start with %PDF-1.7 when they are PDFs." {
		t.Errorf("a text about PDF: %+v %v", d, err)
	}
	if d, err := w.Evidence().ImportDocumentData("misnamed.txt", storagetest.PDF("Misnamed PDF about dairy quotas"), evidence.DocumentMeta{}); err != nil || d.Title != "Misnamed PDF about dairy quotas" {
		t.Errorf("a PDF named .txt: %+v %v", d, err)
	}
	// A text without pages has none.
	hits, _ := w.Evidence().Search("haggle aluminum", 5)
	if len(hits) == 0 || hits[0].Page != 0 {
		t.Errorf("a seed document's passage has page %+v", hits)
	}
}
