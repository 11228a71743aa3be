package storagetest

import (
	"database/sql"
	"io"
	"path/filepath"
	"testing"
)

// Open opens a new workspace with open (storage.Open) in a temporary
// folder, closed when the test ends, and returns it with its path. It takes
// the opener so that this package need not import storage, whose own
// packages' tests import it.
func Open[W io.Closer](t testing.TB, open func(path string) (W, error)) (W, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.parley")
	w, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, path
}

// Count returns the number of rows of table (which may carry a WHERE
// clause) in the workspace at path, read through a separate read-only
// connection.
func Count(t testing.TB, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
