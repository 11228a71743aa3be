// Package storagetest holds helpers for tests of workspace files and of the
// reference data beside the project. Only tests import it.
package storagetest

import (
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the driver Dump reads with
)

// Dump returns every row of every table of the workspace file at path,
// sorted, and its schema version, read through a separate read-only
// connection; for a file that is not an SQLite database it returns a digest
// of its bytes. Two equal dumps mean nothing was written in between.
func Dump(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "SQLite format 3\x00") {
		return fmt.Sprintf("not a database, sha256 %x", sha256.Sum256(raw))
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages_fts%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tbl := range tables {
		r, err := db.Query("SELECT * FROM " + tbl)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprint(vals...))
		}
		r.Close()
		sort.Strings(lines)
		fmt.Fprintf(&b, "%s %d\n%s\n", tbl, len(lines), strings.Join(lines, "\n"))
	}
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "user_version %d\n", v)
	return b.String()
}

// RequireSharedEnv is the variable that makes a missing ../shared fail the
// test instead of skipping it; make test and CI set it.
const RequireSharedEnv = "PARLEY_REQUIRE_SHARED"

// SharedPath returns the path of rel (e.g. "data/SOURCES.md") in ../shared
// beside the project. When it is not there the test is skipped, or fails
// when PARLEY_REQUIRE_SHARED=1. The app itself never reads ../shared.
func SharedPath(t testing.TB, rel string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv(RequireSharedEnv) == "1" {
			t.Fatalf("reference data not beside the project and %s=1: %v", RequireSharedEnv, err)
		}
		t.Skipf("reference data not beside the project (set %s=1 to require it): %v", RequireSharedEnv, err)
	}
	return p
}

// SharedCSV reads a CSV of the reference data, ../shared/data/name beside
// the project, as one map from column to value per row (see SharedPath for
// when it is missing).
func SharedCSV(t testing.TB, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(SharedPath(t, "data/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", name)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// moduleRoot returns the folder of go.mod above the working directory (a
// test runs in its package's folder).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// ListDir returns the names of the files under dir, recursively, sorted.
func ListDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}
