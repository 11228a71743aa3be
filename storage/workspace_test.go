package storage_test

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

func TestMigrateFromEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.parley")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != storage.SchemaVersion() || v < 1 {
		t.Errorf("user_version = %d, want %d", v, storage.SchemaVersion())
	}
	for _, table := range []string{"meta", "datasets", "sectors", "sector_chapters", "trade_lines", "cusma_presets",
		"cusma_shares", "elasticity_presets", "elasticities", "documents", "passages", "passages_fts", "excerpts",
		"excerpt_tags", "measure_library", "scenarios", "measures", "measure_evidence"} {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = ?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
	var mode string
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

// TestMigrateStepByStep applies each migration in turn from an empty
// database (schema 0), as Open does for an older workspace. (An SQLite file
// with another application's tables is refused instead: TestCheckRecognized.)
func TestMigrateStepByStep(t *testing.T) {
	path := filepath.Join(t.TempDir(), "steps.parley")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("VACUUM"); err != nil { // an existing SQLite file with no schema yet
		t.Fatal(err)
	}
	db.Close()
	w, err := storage.Open(path)
	if err != nil {
		t.Fatalf("open a schema-0 SQLite file: %v", err)
	}
	w.Close()
	if n := storagetest.Count(t, path, "scenarios"); n != 11 {
		t.Errorf("%d scenarios after migrating, want 11", n)
	}
}

func TestOpenTwiceAddsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parley")
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("a %s file is left after Close", suffix)
		}
	}
	first := storagetest.Dump(t, path)
	for i := 0; i < 2; i++ {
		w, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	if storagetest.Dump(t, path) != first {
		t.Error("opening again changed the workspace")
	}
	for table, want := range map[string]int{"scenarios": 11, "documents": builtinDocumentCount(t), "sectors": 26, "sector_chapters": 98,
		"trade_lines": 98 * 3 * 2, "measure_library": 59, "elasticities": 26, "cusma_presets": 17} {
		if n := storagetest.Count(t, path, table); n != want {
			t.Errorf("%s has %d rows, want %d", table, n, want)
		}
	}
}

func TestRefuseNewerWorkspace(t *testing.T) {
	_, path := storagetest.Open(t, storage.Open)
	db, _ := sql.Open("sqlite", "file:"+path)
	if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := storagetest.Dump(t, path)
	_, err := storage.Open(path)
	if !errors.Is(err, storage.ErrNewerWorkspace) || !storage.IsBadInput(err) {
		t.Fatalf("err = %v, want ErrNewerWorkspace", err)
	}
	if storagetest.Dump(t, path) != before {
		t.Error("the newer workspace was changed")
	}
}

func TestNotASQLiteFileIsLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name    string
		content []byte
	}{
		{"text.parley", []byte("these are my notes, not a database\n")},
		{"short.parley", []byte("SQL")},
		{"png.parley", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			os.WriteFile(path, tt.content, 0o644)
			_, err := storage.Open(path)
			if !errors.Is(err, storage.ErrNotWorkspace) {
				t.Fatalf("err = %v, want ErrNotWorkspace", err)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, tt.content) {
				t.Error("the file was changed")
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + suffix); err == nil {
					t.Errorf("%s was created", suffix)
				}
			}
		})
	}
	if _, err := storage.Open(dir); !errors.Is(err, storage.ErrNotWorkspace) {
		t.Errorf("opening a folder: err = %v", err)
	}
}

func TestReadOnlyWorkspace(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	w.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o644)
	before, _ := os.ReadFile(path)
	ro, err := storage.Open(path)
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	list, err := ro.Scenarios()
	if err != nil || len(list) != 11 {
		t.Fatalf("reading a read-only workspace: %d scenarios, %v", len(list), err)
	}
	if _, err := ro.Compute("aug-2025", list[1].AsOf); err != nil {
		t.Errorf("compute on a read-only workspace: %v", err)
	}
	_, err = ro.ImportScenario(bytes.NewReader(validScenario("New one")))
	if !errors.Is(err, storage.ErrReadOnly) || !storage.IsBadInput(err) {
		t.Errorf("import into a read-only workspace: err = %v, want ErrReadOnly", err)
	}
	if err := ro.DeleteScenario("aug-2025", 1); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("delete in a read-only workspace: err = %v", err)
	}
	ro.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the read-only file changed")
	}
}

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "cfg"))
	p, err := storage.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p) != storage.FileName || filepath.Base(filepath.Dir(p)) != "Parley" {
		t.Errorf("DefaultPath = %s", p)
	}
}
