package storage_test

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

// TestCheckRecognized: another application's SQLite database, a damaged
// file and a file that is no database are told apart from a workspace, and
// none of them is written.
func TestCheckRecognized(t *testing.T) {
	dir := t.TempDir()
	_, wsPath := storagetest.Open(t, storage.Open)
	foreign := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignWAL := filepath.Join(dir, "other-wal.sqlite")
	db, _ = sql.Open("sqlite", "file:"+foreignWAL+"?_pragma=journal_mode(WAL)")
	if _, err := db.Exec("CREATE TABLE meta (key TEXT, value TEXT)"); err != nil { // a table called meta, but no scenarios
		t.Fatal(err)
	}
	db.Close()
	blank := filepath.Join(dir, "blank.sqlite")
	db, _ = sql.Open("sqlite", "file:"+blank)
	db.Exec("VACUUM")
	db.Close()
	appID := filepath.Join(dir, "appid.sqlite")
	db, _ = sql.Open("sqlite", "file:"+appID)
	db.Exec("PRAGMA application_id = 1234")
	db.Close()
	raw, _ := os.ReadFile(wsPath)
	truncated := filepath.Join(dir, "truncated.parley")
	os.WriteFile(truncated, raw[:len(raw)/3], 0o644)
	headerOnly := filepath.Join(dir, "header.parley")
	os.WriteFile(headerOnly, raw[:100], 0o644)
	text := filepath.Join(dir, "notes.parley")
	os.WriteFile(text, []byte("hello"), 0o644)
	empty := filepath.Join(dir, "empty.parley")
	os.WriteFile(empty, nil, 0o644)

	tests := []struct {
		path string
		want error // nil: may be opened
	}{
		{wsPath, nil},
		{filepath.Join(dir, "missing.parley"), nil},
		{empty, nil},
		{blank, nil},
		{foreign, storage.ErrForeignDatabase},
		{foreignWAL, storage.ErrForeignDatabase},
		{appID, storage.ErrForeignDatabase},
		{truncated, storage.ErrDamaged},
		{headerOnly, storage.ErrDamaged},
		{text, storage.ErrNotWorkspace},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			before, _ := os.ReadFile(tc.path)
			err := storage.CheckRecognized(tc.path)
			switch {
			case tc.want == nil && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Fatalf("CheckRecognized = %v, want %v", err, tc.want)
			case tc.want != nil && (!errors.Is(err, storage.ErrNotWorkspace) || !storage.IsBadInput(err)):
				t.Errorf("%v is not bad input (ErrNotWorkspace)", err)
			}
			if tc.want == storage.ErrDamaged && !strings.Contains(err.Error(), "restore a backup") {
				t.Errorf("message %q does not say what to do", err)
			}
			ok, _ := storage.IsWorkspace(tc.path)
			if ok != (tc.want == nil) {
				t.Errorf("IsWorkspace = %v", ok)
			}
			after, _ := os.ReadFile(tc.path)
			if !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
			if _, err := os.Stat(tc.path + "-wal"); err == nil && tc.path != wsPath {
				t.Error("a -wal file was left beside it")
			}
		})
	}
}
