package datasets_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	"parley/storage"
)

// open opens a new workspace in a temporary folder.
func open(t *testing.T) (*storage.Workspace, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.parley")
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, path
}

// count counts the rows of table in the workspace at path.
func count(t *testing.T, path, table string) int {
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
