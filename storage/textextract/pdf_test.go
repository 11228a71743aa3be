package textextract_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"

	"parley/storage/storagetest"
	"parley/storage/textextract"
)

func newExtractor(t *testing.T) *textextract.Extractor {
	t.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = t.TempDir()
	}
	e, err := textextract.NewExtractor(dir + "/Parley/pdfium")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// TestReadRealPDFs reads the legal texts of the reference data: every page,
// in reading order, each phrase read in the PDF on its page.
func TestReadRealPDFs(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		file   string
		pages  int
		phrase map[string]int // phrase -> page
	}{
		{"2025-15819.pdf", 4, map[string]int{
			"Adoption and Procedures of the": 1, "SUMMARY: BIS is adding 407": 1,
			"HTSUS provisions in numerical order:": 2, "[FR Doc. 2025–15819 Filed 8–15–25; 4:15 pm]": 4}},
		{"2025-23316.pdf", 37, map[string]int{"Implementing Certain Tariff-Related": 1,
			"[FR Doc. 2025–23316 Filed 12–17–25; 8:45 am]": 37}},
		{"Metals-ANNEXES-I-A-I-B-II-III-IV.pdf", 58, map[string]int{
			"Annex I-A: 50% Section 232 Tariff on Full Value": 1, "Annex I-B: 25%": 13,
			"Removed from Scope of Section 232": 29, "Temporary Reduction List for Section 232": 40, "Annex IV": 43,
			"7213 Bars and rods of iron or nonalloy steel, hot-rolled, in irregularly wound coils": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(storagetest.SharedPath(t, "evidence/"+tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text, err := e.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(text.Pages) != tt.pages {
				t.Fatalf("%d pages, want %d", len(text.Pages), tt.pages)
			}
			body := textextract.JoinPages(text.Pages)
			for phrase, page := range tt.phrase {
				i := strings.Index(body, phrase)
				if i < 0 {
					t.Errorf("no %q", phrase)
					continue
				}
				if got := textextract.PageAt(body, i); got != page {
					t.Errorf("%q on page %d, want %d", phrase, got, page)
				}
			}
			for i, p := range text.Pages {
				if strings.ContainsFunc(p, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) || strings.Contains(p, " \n") {
					t.Errorf("page %d holds control characters or trailing blanks", i+1)
				}
			}
		})
	}
}

// TestRefusals: a file that is no PDF, a PDF that needs a password and one
// without a text layer each fail with their reason; a text PDF keeps its
// pages, an empty page included.
func TestRefusals(t *testing.T) {
	e := newExtractor(t)
	for _, tt := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a PDF", []byte("Dear minister,\nthis is a memo.\n"), textextract.ErrNotPDF},
		{"truncated", storagetest.PDF("some text")[:40], textextract.ErrNotPDF},
		{"encrypted", storagetest.EncryptedPDF(), textextract.ErrEncrypted},
		{"scanned", storagetest.ScannedPDF(), textextract.ErrNoText},
		{"no pages with text", storagetest.PDF("", ""), textextract.ErrNoText},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := e.Read(tt.data); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	text, err := e.Read(storagetest.PDF("Page one, line one\nline two", "", "Page (three)"))
	if err != nil {
		t.Fatal(err)
	}
	if len(text.Pages) != 3 || text.Pages[0] != "Page one, line one\nline two" || text.Pages[1] != "" || text.Pages[2] != "Page (three)" {
		t.Errorf("pages %q", text.Pages)
	}
	body := textextract.JoinPages(text.Pages)
	if p := textextract.PageAt(body, strings.Index(body, "three")); p != 3 {
		t.Errorf("page of 'three' = %d", p)
	}
	if p := textextract.PageAt("no pages here", 5); p != 0 {
		t.Errorf("a text without page breaks: page %d", p)
	}
}
