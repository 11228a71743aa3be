package evidence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parley/storage/textextract"
)

// documentKinds are the file names FuzzPrepareDocument imports as, by the
// fuzzer's kind byte.
var documentKinds = []string{"doc.txt", "doc.md", "doc.html"}

// FuzzPrepareDocument feeds the document importer (text extraction for
// .txt, .md and .html, metadata, passages) arbitrary bytes, seeded with the
// seed documents of the evidence library and small Markdown and HTML files.
// It must never panic; a document it accepts has a UTF-8 body without CR or
// NUL, one-line metadata without control characters, a valid date, and
// passages that are exact, non-empty, bounded spans of the body.
//
//	go test -run '^$' -fuzz FuzzPrepareDocument -fuzztime 5m ./storage/evidence
func FuzzPrepareDocument(f *testing.F) {
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), b)
		f.Add(uint8(1), b)
	}
	for _, s := range []string{
		"---\ntitle: Steel talks\n---\n# Heading one\n\nThe **sectoral duties** on [steel](https://x.org) stay.\n\n| Sector | Rate |\n|---|---|\n| Steel | 50% |\n\n- first point\n",
		"![alt](x.png) [ref]: http://x\n> quote\n```\ncode\n```\n***bold*** ~~gone~~ `tick`\n",
	} {
		f.Add(uint8(1), []byte(s))
	}
	for _, s := range []string{
		`<!doctype html><html><head><title>Tariff news</title><meta property="og:site_name" content="Global News">` +
			`<meta property="article:published_time" content="2026-02-20T10:00:00Z"><link rel="canonical" href="https://example.org/news/1">` +
			`<style>p{color:red}</style><script>var x = "secret";</script></head><body><nav>Home</nav><h1>IEEPA struck down</h1>` +
			`<p>The court ruled &amp; collection stopped.</p><table><tr><td>a</td><th>b</th></tr></table><img alt="chart"><p>Second<br>line</p></body></html>`,
		`<meta name="date" content="2025-13-45"><meta property="og:title" content="a&#10;b&#27;]0;x&#7;"><p>x</p>`,
		"\xff\xfe<\x00p\x00>\x00h\x00i\x00",
	} {
		f.Add(uint8(2), []byte(s))
	}
	f.Add(uint8(0), []byte("\xfe\xff\x00h\x00i\xd8\x00"))
	f.Add(uint8(0), []byte(strings.Repeat("word ", 600)+"\u00a0\u2028. Next sentence! "+strings.Repeat("é", 900)))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := documentKinds[int(kind)%len(documentKinds)]
		doc, ex, err := prepareDocument(name, data, DocumentMeta{}, nil)
		if err != nil {
			if !strings.Contains(err.Error(), errBadDocument.Error()) && !strings.Contains(err.Error(), errInvalid.Error()) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		body := ex.Body
		if !utf8.ValidString(body) || strings.ContainsAny(body, "\r\x00") || strings.TrimSpace(body) == "" {
			t.Fatalf("body %q", body)
		}
		for field, v := range map[string]string{"title": doc.Title, "publisher": doc.Publisher, "kind": doc.Kind, "url": doc.URL, "source": doc.SourceFile} {
			if !utf8.ValidString(v) || strings.ContainsFunc(v, unicode.IsControl) || v != strings.TrimSpace(v) {
				t.Fatalf("%s %q: not one clean line", field, v)
			}
		}
		if doc.Title == "" || !validDocumentDate(doc.Date) {
			t.Fatalf("title %q, date %q", doc.Title, doc.Date)
		}
		for i, p := range textextract.Passages(body) {
			if p.Ordinal != i || p.Text == "" || len(p.Text) > textextract.PassageMax || !utf8.ValidString(p.Text) {
				t.Fatalf("passage %d: ordinal %d, %d bytes, %q", i, p.Ordinal, len(p.Text), p.Text)
			}
			if p.Start < 0 || p.Start+len(p.Text) > len(body) || body[p.Start:p.Start+len(p.Text)] != p.Text {
				t.Fatalf("passage %d (start %d) is not a span of the body: %q", i, p.Start, p.Text)
			}
		}
	})
}
