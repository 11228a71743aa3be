package evidence_test

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

// TestImportDocumentHostile: documents that are not what they claim are
// refused with a clear message and nothing written; UTF-16 with a byte
// order mark is read; metadata never carries control characters or
// impossible dates.
func TestImportDocumentHostile(t *testing.T) {
	utf16LE := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	utf16BE := func(s string) []byte {
		b := []byte{0xfe, 0xff}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.BigEndian.AppendUint16(b, u)
		}
		return b
	}
	refused := []struct {
		name, file string
		data       []byte
		meta       evidence.DocumentMeta
		msg        string
	}{
		{"date with month 13", "a.txt", []byte("Tariff memo one."), evidence.DocumentMeta{Date: "2025-13-45"}, `date "2025-13-45"`},
		{"30 February", "a.txt", []byte("Tariff memo two."), evidence.DocumentMeta{Date: "2025-02-30"}, `date "2025-02-30"`},
		{"month 00", "a.txt", []byte("Tariff memo three."), evidence.DocumentMeta{Date: "2025-00"}, `date "2025-00"`},
		{"NUL bytes", "a.txt", []byte("binary\x00\x01\x02 data"), evidence.DocumentMeta{}, "NUL bytes"},
		{"invalid UTF-8", "a.txt", []byte("caf\xe9 au lait"), evidence.DocumentMeta{}, "not UTF-8 text"},
		{"UTF-16 without a byte order mark", "a.txt", utf16LE("hello")[2:], evidence.DocumentMeta{}, "NUL bytes"},
		{"UTF-16 cut in half", "a.txt", utf16LE("hello")[:5], evidence.DocumentMeta{}, "odd number of bytes"},
		{"UTF-16 unpaired surrogate", "a.txt", append(utf16LE("hi"), 0x00, 0xd8), evidence.DocumentMeta{}, "unpaired surrogate"},
		{"only markup", "a.html", []byte("<script>x</script><style>y</style>"), evidence.DocumentMeta{}, "has no text"},
		{"too large", "a.txt", bytes.Repeat([]byte("a"), evidence.MaxDocumentSize+1), evidence.DocumentMeta{}, "larger than"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			w, path := storagetest.Open(t, storage.Open)
			before := storagetest.Dump(t, path)
			_, err := w.Evidence().ImportDocumentData(tc.file, tc.data, tc.meta)
			if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("import = %v, want bad input saying %q", err, tc.msg)
			}
			if after := storagetest.Dump(t, path); after != before {
				t.Error("a refused import changed the workspace")
			}
		})
	}

	accepted := []struct {
		name, file string
		data       []byte
		meta       evidence.DocumentMeta
		title      string
		date       string
		body       string
	}{
		{"UTF-16 LE with BOM", "notepad.txt", utf16LE("Lumber brief\r\nSoftwood duties rise — 45%.\r\n"), evidence.DocumentMeta{}, "Lumber brief", "", "Softwood duties rise — 45%."},
		{"UTF-16 BE with BOM", "mac.txt", utf16BE("Dairy brief 🐄\nQuota talks.\n"), evidence.DocumentMeta{}, "Dairy brief 🐄", "", "Quota talks."},
		{"valid dates", "d.txt", []byte("Dated memo."), evidence.DocumentMeta{Date: "2024-02-29"}, "Dated memo.", "2024-02-29", "Dated memo."},
		{"escape sequences in the title", "t.txt", []byte("Body text here."), evidence.DocumentMeta{Title: "Evil \x1b]0;pwned\x07title\x1b[2J\nsecond line"},
			"Evil ]0;pwnedtitle[2J second line", "", "Body text here."},
		{"page metadata with controls and a bad date", "p.html",
			[]byte(`<title>Big&#10;news&#27;[31m</title><meta name="date" content="2025-13-45"><p>Story.</p>`), evidence.DocumentMeta{}, "Big news[31m", "", "Story."},
	}
	for _, tc := range accepted {
		t.Run(tc.name, func(t *testing.T) {
			w, _ := storagetest.Open(t, storage.Open)
			doc, err := w.Evidence().ImportDocumentData(tc.file, tc.data, tc.meta)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tc.title || doc.Date != tc.date || !strings.Contains(doc.Body, tc.body) {
				t.Errorf("title %q date %q body %q; want %q %q %q", doc.Title, doc.Date, doc.Body, tc.title, tc.date, tc.body)
			}
		})
	}
}
