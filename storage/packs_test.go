package storage_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/library"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// exportZip writes the workspace's library as a pack zip and returns its
// bytes and path.
func exportZip(t testing.TB, w *storage.Workspace) ([]byte, string) {
	t.Helper()
	p, err := w.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.WriteZip(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pack.zip")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), path
}

// TestPackRoundTrip: the built-in library exported, read back and imported
// into a fresh workspace gives the same pack, byte for byte, and every
// built-in scenario re-based on it computes the same figures.
func TestPackRoundTrip(t *testing.T) {
	a, _ := storagetest.Open(t, storage.Open)
	zipA, path := exportZip(t, a)
	p, err := library.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.Measures); got < 50 {
		t.Fatalf("%d measures in the exported pack", got)
	}
	b, _ := storagetest.Open(t, storage.Open)
	prev, err := b.ImportLibrary(p)
	if err != nil {
		t.Fatal(err)
	}
	zipB, _ := exportZip(t, b)
	if !bytes.Equal(zipA, zipB) {
		t.Fatalf("the pack exported after import differs (%d and %d bytes)", len(zipA), len(zipB))
	}
	infos, err := a.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		_, rev, err := b.ScenarioRev(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := b.RebaseScenario(info.ID, rev, prev, false); err != nil {
			t.Fatalf("%s: %v", info.ID, err)
		}
		ra, err := a.Compute(info.ID, scenarios.Date{})
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.Compute(info.ID, scenarios.Date{})
		if err != nil {
			t.Fatal(err)
		}
		ja, _ := json.Marshal(ra)
		jb, _ := json.Marshal(rb)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: the figures differ after the round trip", info.ID)
		}
	}
}

// badPack returns the exported built-in pack with file part edited by fn.
func badPack(t *testing.T, w *storage.Workspace, part string, fn func(string) string) string {
	t.Helper()
	p, err := w.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pack")
	if err := p.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, filepath.FromSlash(part))
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(fn(string(b))), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// replaceCell replaces the cell of column col in row (1 = header) of a
// measures.csv.
func replaceCell(t *testing.T, csvText string, row int, col, value string) string {
	t.Helper()
	recs := readCSV(t, csvText)
	ix := -1
	for i, h := range recs[0] {
		if h == col {
			ix = i
		}
	}
	if ix < 0 {
		t.Fatalf("no column %s", col)
	}
	recs[row-1][ix] = value
	return writeCSV(t, recs)
}

// TestBadPacksRefused: each kind of bad pack is refused naming the file,
// row and field, and the workspace is left as it was.
func TestBadPacksRefused(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	cases := []struct {
		name, part string
		edit       func(string) string
		want       string
	}{
		{"unknown list", library.MeasuresFile, func(s string) string { return replaceCell(t, s, 3, "exclude", "list:no-such-list") },
			"measures.csv row 3, field exclude: unknown list \"no-such-list\""},
		{"bad date", library.MeasuresFile, func(s string) string { return replaceCell(t, s, 4, "effective_from", "2026-02-30") },
			"measures.csv row 4, field effective_from"},
		{"rate out of range", library.MeasuresFile, func(s string) string { return replaceCell(t, s, 5, "rate", "12") },
			"measures.csv row 5, field rate: 12 is out of range"},
		{"missing source", library.MeasuresFile, func(s string) string {
			return replaceCell(t, replaceCell(t, s, 2, "source", ""), 2, "quotes", "")
		}, "measures.csv row 2, field source: must cite"},
		{"unknown sector", library.MeasuresFile, func(s string) string { return replaceCell(t, s, 2, "sectors", "NOSUCH=1") },
			"measures.csv row 2, field sectors"},
		{"bad vintage", library.InfoFile, func(s string) string { return strings.Replace(s, `"vintage": "`, `"vintage": "x`, 1) },
			"pack.json, field vintage"},
		{"other format", library.InfoFile, func(s string) string { return strings.Replace(s, "library-pack/1", "library-pack/9", 1) },
			"pack.json, field format"},
		{"bad list code", "lists/us-s232-copper.csv", func(s string) string { return s + "74A3\n" },
			"lists/us-s232-copper.csv row"},
		{"built-in list changed", "lists/us-s232-copper.csv", func(s string) string { return s + "7401\n" },
			"differs from the built-in list us-s232-copper"},
	}
	before := storagetest.Dump(t, path)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := badPack(t, w, c.part, c.edit)
			p, err := library.Read(dir)
			if err == nil {
				_, err = w.ImportLibrary(p)
			}
			var es library.Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v, want library.Errors", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q lacks %q", err, c.want)
			}
			if after := storagetest.Dump(t, path); after != before {
				t.Error("the workspace changed")
			}
		})
	}
	t.Run("not a pack", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "notes.txt")
		os.WriteFile(f, []byte("hello"), 0o600)
		_, err := library.Read(f)
		if err == nil || !strings.Contains(err.Error(), f+": not a library pack") {
			t.Fatalf("got %v", err)
		}
	})
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func writeCSV(t *testing.T, recs [][]string) string {
	t.Helper()
	var b strings.Builder
	cw := csv.NewWriter(&b)
	if err := cw.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
