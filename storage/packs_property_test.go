package storage_test

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"parley/storage"
	"parley/storage/storagetest"
	"path/filepath"
	"testing"

	"parley/library"
	"parley/scenarios"
)

// TestPackByteFlipProperty: a pack with one byte changed, in any of its
// files or in its zip, is either refused, leaving the workspace as it was,
// or imports to a library whose every measure is a valid scenario measure
// and whose regime of today computes.
func TestPackByteFlipProperty(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	p, err := w.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pack")
	if err := p.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	zipBytes, _ := exportZip(t, w)
	parts := []string{"pack.json", "measures.csv", "lists/us-s232-copper.csv", "lists/ca-surtax-2026-25.csv", ""}
	rng := rand.New(rand.NewPCG(18, 6))
	const rounds = 60
	refused, imported := 0, 0
	for i := range rounds {
		part := parts[i%len(parts)]
		var target string
		var orig []byte
		if part == "" {
			target = filepath.Join(t.TempDir(), "pack.zip")
			orig = zipBytes
		} else {
			target = filepath.Join(dir, filepath.FromSlash(part))
			if orig, err = os.ReadFile(target); err != nil {
				t.Fatal(err)
			}
		}
		flipped := append([]byte(nil), orig...)
		pos := rng.IntN(len(flipped))
		flipped[pos] ^= byte(1 + rng.IntN(255))
		if err := os.WriteFile(target, flipped, 0o600); err != nil {
			t.Fatal(err)
		}
		src := dir
		if part == "" {
			src = target
		}
		before := libraryState(t, path)
		q, err := library.Read(src)
		if err == nil {
			_, err = w.ImportLibrary(q)
		}
		if part != "" {
			os.WriteFile(target, orig, 0o600)
		}
		if err != nil {
			var es library.Errors
			if !errors.As(err, &es) {
				t.Fatalf("round %d (%s byte %d): refused without naming where: %v", i, part, pos, err)
			}
			if libraryState(t, path) != before {
				t.Fatalf("round %d (%s byte %d): refused but the workspace changed", i, part, pos)
			}
			refused++
			continue
		}
		imported++
		lib, err := w.Library()
		if err != nil {
			t.Fatalf("round %d (%s byte %d): the imported library does not read: %v", i, part, pos, err)
		}
		sc := scenarios.Scenario{Name: "flip check", AsOf: scenarios.MustDate("2026-11-22"), Assumptions: scenarios.DefaultAssumptions()}
		for _, lm := range lib {
			m := lm.Measure
			if m.From.IsZero() {
				m.From = sc.AsOf
			}
			sc.Measures = append(sc.Measures, m)
		}
		id, err := w.CreateScenario(&sc)
		if err != nil {
			t.Fatalf("round %d (%s byte %d): the imported library is not valid: %v", i, part, pos, err)
		}
		if _, err := w.Compute(id, scenarios.Date{}); err != nil {
			t.Fatalf("round %d (%s byte %d): the imported library does not compute: %v", i, part, pos, err)
		}
		_, rev, err := w.ScenarioRev(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.DeleteScenario(id, rev); err != nil {
			t.Fatal(err)
		}
		if _, err := w.ImportLibrary(p); err != nil { // back to the original
			t.Fatal(err)
		}
	}
	t.Logf("%d flips refused, %d imported", refused, imported)
}

// libraryState returns the rows of the tables a library import writes.
func libraryState(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out string
	for _, q := range []string{"SELECT * FROM measure_library ORDER BY id", "SELECT * FROM library_pack",
		"SELECT name, codes FROM user_lists ORDER BY name", "SELECT count(*) FROM measures"} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintln(vals...)
		}
		rows.Close()
	}
	return out
}
