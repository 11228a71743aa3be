package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parley/storage/evidence"
)

// benchLibrarySize is how many documents the "library" benchmarks put in
// the workspace first (PARLEY_BENCH_DOCS, default 20,000 of about 3 KB).
func benchLibrarySize() int {
	if n, err := strconv.Atoi(os.Getenv("PARLEY_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 20000
}

// benchBody is a distinct text of about 3 KB.
func benchBody(tag string, i int) string {
	return fmt.Sprintf("Memo %s %d on softwood lumber duties\n\n", tag, i) +
		strings.Repeat(fmt.Sprintf("Paragraph of memo %s %d about supply management and tariffs. ", tag, i), 40)
}

// fillLibrary stores n documents (text and hash, no passages: the
// duplicate check reads documents only) in one transaction.
func fillLibrary(b *testing.B, w *Workspace, n int) {
	b.Helper()
	err := w.write(context.Background(), func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO documents (id, title, body, body_sha256, imported_at) VALUES (?, ?, ?, ?, '2026-12-01T00:00:00Z')`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := range n {
			body := benchBody("stored", i)
			if _, err := stmt.Exec(fmt.Sprintf("bench-%06d", i), "Stored memo", body, evidence.BodyHash(body)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImport100Documents times the import of 100 text files of about
// 3 KB, one by one as the command line and the app do, into a new
// workspace and into one that already holds a large library.
//
//	go test -run '^$' -bench Import100Documents -benchtime 3x ./storage
func BenchmarkImport100Documents(b *testing.B) {
	for _, size := range []int{0, benchLibrarySize()} {
		b.Run(fmt.Sprintf("library=%d", size), func(b *testing.B) {
			w, err := Open(filepath.Join(b.TempDir(), "w.parley"))
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			fillLibrary(b, w, size)
			dir := b.TempDir()
			b.ResetTimer()
			for it := 0; it < b.N; it++ {
				b.StopTimer()
				var paths []string
				for i := range 100 {
					p := filepath.Join(dir, fmt.Sprintf("memo-%d-%d.txt", it, i))
					if err := os.WriteFile(p, []byte(benchBody(fmt.Sprintf("new-%d", it), i)), 0o644); err != nil {
						b.Fatal(err)
					}
					paths = append(paths, p)
				}
				b.StartTimer()
				for _, p := range paths {
					if _, err := w.Evidence().ImportDocument(p, evidence.DocumentMeta{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkDuplicateCheck times the duplicate check of one import against
// a large library: by the text itself (a scan of every stored text, as
// before the hash) and by the indexed hash.
func BenchmarkDuplicateCheck(b *testing.B) {
	w, err := Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	fillLibrary(b, w, benchLibrarySize())
	body := benchBody("absent", 1)
	for _, q := range []struct {
		name, sql string
		args      []any
	}{
		{"body-scan", "SELECT id FROM documents WHERE body = ?", []any{body}},
		{"hash-index", evidence.DuplicateQuery, []any{evidence.BodyHash(body), body}},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				var id string
				if err := w.db.QueryRow(q.sql, q.args...).Scan(&id); err != sql.ErrNoRows {
					b.Fatalf("%v", err)
				}
			}
		})
	}
}
