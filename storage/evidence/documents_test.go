package evidence_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportDocuments(t *testing.T) {
	tests := []struct {
		name, file, content string
		meta                evidence.DocumentMeta
		want                evidence.Document
		body                []string // in the body
		notBody             []string // markup that must be gone
	}{
		{
			name: "text", file: "memo.txt", content: "Briefing memo on lumber\r\nSoftwood duties keep rising.\r\n",
			meta: evidence.DocumentMeta{Publisher: "Ministry", Date: "2025-10-14"},
			want: evidence.Document{Title: "Briefing memo on lumber", Publisher: "Ministry", Date: "2025-10-14"},
			body: []string{"Softwood duties keep rising."}, notBody: []string{"\r"},
		},
		{
			name: "markdown", file: "notes.md",
			content: "---\ntitle: Steel talks\n---\n# Heading one\n\nThe **sectoral duties** on [steel](https://x.org) stay.\n\n| Sector | Rate |\n|---|---|\n| Steel | 50% |\n\n- first point\n",
			want:    evidence.Document{Title: "Steel talks"},
			body:    []string{"Heading one", "The sectoral duties on steel stay.", "Steel · 50%", "• first point"},
			notBody: []string{"**", "](", "---", "# "},
		},
		{
			name: "html", file: "page.html",
			content: `<!doctype html><html><head><title>Tariff news</title>
<meta property="og:site_name" content="Global News"><meta property="article:published_time" content="2026-02-20T10:00:00Z">
<link rel="canonical" href="https://example.org/news/1"><style>p{color:red}</style><script>var x = "secret";</script></head>
<body><nav>Home | About</nav><h1>IEEPA struck down</h1><p>The court ruled &amp; collection stopped.</p><p>Second<br>line</p></body></html>`,
			want: evidence.Document{Title: "Tariff news", Publisher: "Global News", Date: "2026-02-20", URL: "https://example.org/news/1"},
			body: []string{"IEEPA struck down", "The court ruled & collection stopped.", "Second\nline"}, notBody: []string{"secret", "color:red", "<p>", "Home | About"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := storagetest.Open(t, storage.Open)
			before, err := w.Evidence().Documents()
			if err != nil {
				t.Fatal(err)
			}
			doc, err := w.Evidence().ImportDocument(writeFile(t, tt.file, tt.content), tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.want.Title || doc.Publisher != tt.want.Publisher || doc.Date != tt.want.Date || doc.URL != tt.want.URL {
				t.Errorf("metadata = %q %q %q %q, want %q %q %q %q", doc.Title, doc.Publisher, doc.Date, doc.URL,
					tt.want.Title, tt.want.Publisher, tt.want.Date, tt.want.URL)
			}
			if !strings.HasPrefix(doc.ID, fmt.Sprintf("%03d_", len(before))) || len(doc.ID) != 20 {
				t.Errorf("id = %q", doc.ID)
			}
			stored, err := w.Evidence().Document(doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.body {
				if !strings.Contains(stored.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, stored.Body)
				}
			}
			for _, s := range tt.notBody {
				if strings.Contains(stored.Body, s) {
					t.Errorf("body keeps %q:\n%s", s, stored.Body)
				}
			}
			docs, _ := w.Evidence().Documents()
			if len(docs) != len(before)+1 {
				t.Errorf("%d documents after import", len(docs))
			}
		})
	}
}

func TestBadDocumentsChangeNothing(t *testing.T) {
	tests := []struct {
		name, file, content string
		meta                evidence.DocumentMeta
		want                error
		msg                 string
	}{
		{"not UTF-8", "latin1.txt", "Caf\xe9 cr\xe8me tariffs", evidence.DocumentMeta{}, storage.ErrBadDocument, "not UTF-8"},
		{"empty", "empty.txt", "", evidence.DocumentMeta{}, storage.ErrBadDocument, "has no text"},
		{"only blank", "blank.md", " \n\n\t\n", evidence.DocumentMeta{}, storage.ErrBadDocument, "has no text"},
		{"only markup", "tags.html", "<html><head><script>x</script></head><body></body></html>", evidence.DocumentMeta{}, storage.ErrBadDocument, "has no text"},
		{"wrong type", "deck.docx", "PK\x03\x04", evidence.DocumentMeta{}, storage.ErrBadDocument, "only .txt, .md, .html and .pdf"},
		{"PDF truncated", "deck.pdf", "%PDF-1.4", evidence.DocumentMeta{}, storage.ErrBadDocument, "deck.pdf is not a PDF Parley can read"},
		{"not a PDF", "memo.pdf", "Dear minister", evidence.DocumentMeta{}, storage.ErrBadDocument, "memo.pdf is not a PDF Parley can read (not a readable PDF: it does not start with %PDF-)"},
		{"scanned PDF", "scan.pdf", string(storagetest.ScannedPDF()), evidence.DocumentMeta{}, storage.ErrBadDocument, "scan.pdf has no text to import (no text layer: none of its 2 pages has text (a scanned PDF? run it through OCR first))"},
		{"encrypted PDF", "locked.pdf", string(storagetest.EncryptedPDF()), evidence.DocumentMeta{}, storage.ErrBadDocument, "locked.pdf is an encrypted PDF (encrypted PDF: it needs a password to open)"},
		{"bad date", "ok.txt", "Some text", evidence.DocumentMeta{Date: "yesterday"}, storage.ErrInvalid, "date"},
		{"already imported", "seed.txt", "", evidence.DocumentMeta{}, storage.ErrExists, "already in the library as 004_00f7d1e281d38557"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, path := storagetest.Open(t, storage.Open)
			content := tt.content
			if tt.name == "already imported" {
				d, _ := w.Evidence().Document("004_00f7d1e281d38557")
				content = d.Body
			}
			before := storagetest.Dump(t, path)
			_, err := w.Evidence().ImportDocument(writeFile(t, tt.file, content), tt.meta)
			if !errors.Is(err, tt.want) || !storage.IsBadInput(err) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v, want %v with %q", err, tt.want, tt.msg)
			}
			if storagetest.Dump(t, path) != before {
				t.Error("the workspace changed")
			}
		})
	}
	w, _ := storagetest.Open(t, storage.Open)
	if _, err := w.Evidence().ImportDocument(filepath.Join(t.TempDir(), "missing.txt"), evidence.DocumentMeta{}); !storage.IsBadInput(err) {
		t.Errorf("missing file: %v", err)
	}
}

func TestSearch(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	tests := []struct {
		query    string
		firstDoc string
		snippet  string
	}{
		{"haggle aluminum tariffs", "004_00f7d1e281d38557", "haggle" + evidence.HighlightEnd + " over " + evidence.HighlightStart + "aluminum" + evidence.HighlightEnd},
		{`"35 percent"`, "004_00f7d1e281d38557", evidence.HighlightStart + "35 percent" + evidence.HighlightEnd},
		{"semiconductor", "", "semiconductor"},
		{"tariff", "", ""},                                  // stemming: finds "tariffs" too
		{"nuclear zzzz", "001_fed2ad31c1cb5dad", "nuclear"}, // no passage has both: any word
		{"Team Canada!!! (approach)", "", ""},               // punctuation is not query syntax
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := w.Evidence().Search(tt.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			if tt.firstDoc != "" && hits[0].Document != tt.firstDoc {
				t.Errorf("first hit in %s, want %s", hits[0].Document, tt.firstDoc)
			}
			if !strings.Contains(hits[0].Snippet, tt.snippet) {
				t.Errorf("snippet %q lacks %q", hits[0].Snippet, tt.snippet)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Error("hits are not ranked")
				}
			}
			doc, _ := w.Evidence().Document(hits[0].Document)
			if !strings.HasPrefix(doc.Body[hits[0].Start:], hits[0].Text[:20]) {
				t.Error("a hit's Start does not point at its passage")
			}
		})
	}
	if _, err := w.Evidence().Search("  !!! ", 5); !storage.IsBadInput(err) {
		t.Errorf("empty query: %v", err)
	}
	if hits, err := w.Evidence().Search("zzzzqqq", 5); err != nil || len(hits) != 0 {
		t.Errorf("nonsense query: %v %v", hits, err)
	}
	// An imported document is searchable at once.
	if _, err := w.Evidence().ImportDocument(writeFile(t, "x.txt", "Quinoa exports face a new levy."), evidence.DocumentMeta{}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := w.Evidence().Search("quinoa", 5); len(hits) != 1 {
		t.Errorf("imported document not found: %v", hits)
	}
}

func TestExcerptsAndCitations(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	const doc = "004_00f7d1e281d38557"
	quote := "there was flexibility to haggle over aluminum tariffs with Canada"
	id, err := w.Evidence().SaveExcerpt(evidence.Excerpt{Document: doc, Quote: quote, Note: "Bessent", Start: 10,
		Tags: []evidence.Tag{{Kind: evidence.TagSector, Value: "ALUMINUM"}, {Kind: evidence.TagStance, Value: "open"}}})
	if err != nil {
		t.Fatal(err)
	}
	// The built-in aluminum-relief scenarios quote this passage already: on
	// today's regime for the cut on annex I-A aluminum, on the August 2025
	// regime for the aluminum cut and the cut on aluminum derivatives.
	cites, err := w.Evidence().ExcerptCitations(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(cites) != 3 || cites[0].Scenario != "aluminum-relief" || cites[0].Measure != "US-232-ALU-RELIEF-TODAY" ||
		cites[1].Scenario != "aluminum-relief-aug-2025" || cites[1].Measure != "US-232-ALU-RELIEF" ||
		cites[2].Measure != "US-232-ALU-DERIV-RELIEF" {
		t.Errorf("citations = %+v", cites)
	}
	// Link it to a measure of another scenario.
	sc, rev, _ := w.ScenarioRev("aug-2025")
	sc.Measures[3].Evidence = append(sc.Measures[3].Evidence, scenarios.Evidence{Document: doc, Quote: quote, Excerpt: id})
	if _, err := w.SaveScenario("aug-2025", sc, rev); err != nil {
		t.Fatal(err)
	}
	if cites, _ = w.Evidence().ExcerptCitations(id); len(cites) != 4 {
		t.Errorf("after linking: %+v", cites)
	}
	got, _ := w.Scenario("aug-2025")
	if ev := got.Measures[3].Evidence; ev[len(ev)-1].Excerpt != id {
		t.Errorf("excerpt link not stored: %+v", ev)
	}
	xs, _ := w.Evidence().Excerpts(doc)
	if len(xs) != 1 || len(xs[0].Tags) != 2 || xs[0].Note != "Bessent" {
		t.Errorf("excerpts = %+v", xs)
	}
	if err := w.Evidence().UpdateExcerpt(id, "new note", []evidence.Tag{{Kind: evidence.TagMeasure, Value: "US-232-STEEL-ALU-2"}}); err != nil {
		t.Fatal(err)
	}
	if x, _ := w.Evidence().Excerpt(id); x.Note != "new note" || len(x.Tags) != 1 {
		t.Errorf("updated excerpt = %+v", x)
	}
	if _, err := w.Evidence().SaveExcerpt(evidence.Excerpt{Document: doc, Quote: "words that are not there"}); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("bad quote: %v", err)
	}
	if _, err := w.Evidence().SaveExcerpt(evidence.Excerpt{Document: doc, Quote: quote, Tags: []evidence.Tag{{Kind: "mood", Value: "x"}}}); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("bad tag: %v", err)
	}
	if err := w.Evidence().DeleteDocument(doc); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("deleting a quoted document: %v", err)
	}
	if err := w.Evidence().DeleteExcerpt(id); err != nil {
		t.Fatal(err)
	}
	// The measure keeps its quote when the excerpt goes.
	got, _ = w.Scenario("aug-2025")
	if ev := got.Measures[3].Evidence; ev[len(ev)-1].Quote != quote || ev[len(ev)-1].Excerpt != 0 {
		t.Errorf("after deleting the excerpt: %+v", ev)
	}
}
