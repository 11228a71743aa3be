package storage_test

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

// integrity returns PRAGMA integrity_check of the workspace at path, with
// foreign_key_check's violations after it.
func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil {
		return err.Error()
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	for rows.Next() {
		check += "; a foreign key violation"
	}
	return check
}
