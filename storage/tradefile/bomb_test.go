package tradefile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// smallBook returns a valid workbook with a code and a value column.
func smallBook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"code", "value"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"0101", 5})
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lyingPart is a part added to a workbook whose ZIP directory claims it
// unpacks to claim bytes.
type lyingPart struct {
	name  string
	claim uint64
}

// withParts returns book with parts added, each holding a few bytes but
// claiming its size.
func withParts(t testing.TB, book []byte, parts ...lyingPart) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range parts {
		content := []byte("<x/>")
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(content)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: p.claim})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestXLSXBombRefused: a workbook whose ZIP directory claims a part or a
// total over the limits is refused before it is unpacked: no memory is
// allocated for the claimed size.
func TestXLSXBombRefused(t *testing.T) {
	book := smallBook(t)
	for _, tc := range []struct {
		name  string
		parts []lyingPart
		want  string
	}{
		{"media part claims 300 MiB", []lyingPart{{"xl/media/image1.png", 300 << 20}}, "unpacks to 300 MiB"},
		{"sheet claims 300 MiB", []lyingPart{{"xl/worksheets/sheet9.xml", 300 << 20}}, "unpacks to 300 MiB"},
		{"parts claim 600 MiB in all", []lyingPart{{"xl/worksheets/sheet7.xml", 200 << 20}, {"xl/worksheets/sheet8.xml", 200 << 20},
			{"xl/worksheets/sheet9.xml", 200 << 20}}, "unpacks to more than 512 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "bomb.xlsx")
			if err := os.WriteFile(p, withParts(t, book, tc.parts...), 0o644); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			msg := readBad(t, p, Options{}).Error()
			_, perr := PreviewFile(p, Options{}, 20)
			runtime.ReadMemStats(&after)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("import error %q lacks %q", msg, tc.want)
			}
			if perr == nil || !strings.Contains(perr.Error(), tc.want) {
				t.Errorf("preview error %v lacks %q", perr, tc.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("reading the bomb allocated %d MiB", alloc>>20)
			}
		})
	}
	// Within the limits, the workbook reads.
	p := filepath.Join(t.TempDir(), "ok.xlsx")
	os.WriteFile(p, book, 0o644)
	res := readOK(t, p, Options{})
	checkLines(t, res, []want{{code: "0101", value: 5}})
}

// TestCleanTemp: the temporary files a killed XLSX read left are deleted at
// the next read once an hour old; fresh ones and other names are left.
func TestCleanTemp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name: deleted
		"excelize-123456":  true,
		"excelize-999":     false, // fresh
		"excelize-abc":     false, // not excelize's pattern
		"excelize-":        false,
		"myexcelize-12345": false,
		"report.xlsx":      false,
	}
	for name := range files {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != "excelize-999" {
			os.Chtimes(p, old, old)
		}
	}
	os.Mkdir(filepath.Join(tmp, "excelize-42"), 0o700)
	os.Chtimes(filepath.Join(tmp, "excelize-42"), old, old)
	p := filepath.Join(t.TempDir(), "ok.xlsx")
	os.WriteFile(p, smallBook(t), 0o644)
	if _, err := ReadFile(context.Background(), p, Options{Chapters: chapters()}); err != nil {
		t.Fatal(err)
	}
	for name, deleted := range files {
		_, err := os.Stat(filepath.Join(tmp, name))
		if gone := os.IsNotExist(err); gone != deleted {
			t.Errorf("%s: deleted %v, want %v", name, gone, deleted)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "excelize-42")); err != nil {
		t.Errorf("a folder was deleted: %v", err)
	}
}
