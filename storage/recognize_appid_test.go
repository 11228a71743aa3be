package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

// parleyAppID is "Prly", the application id in a workspace's header.
const parleyAppID = 0x50726c79

// TestWorkspaceMarkedAsParleys checks that a workspace Parley creates, and
// one it migrates, carry Parley's application id in their header (which
// lets Open recognise them without reading their tables), and that the
// mark alone does not make a truncated copy acceptable.
func TestWorkspaceMarkedAsParleys(t *testing.T) {
	t.Run("created", func(t *testing.T) {
		w, path := storagetest.Open(t, storage.Open)
		w.Close()
		if id := pragma(t, path, "application_id"); id != parleyAppID {
			t.Fatalf("application_id = %#x, want %#x", id, parleyAppID)
		}
		if err := storage.CheckRecognized(path); err != nil {
			t.Fatalf("CheckRecognized = %v", err)
		}
	})
	t.Run("migrated", func(t *testing.T) {
		path := openFixture(t, "schema1", 1)
		if id := pragma(t, path, "application_id"); id != 0 {
			t.Fatalf("fixture has application_id %#x", id)
		}
		w, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		if id := pragma(t, path, "application_id"); id != parleyAppID {
			t.Fatalf("application_id = %#x, want %#x", id, parleyAppID)
		}
	})
	t.Run("truncated", func(t *testing.T) {
		w, path := storagetest.Open(t, storage.Open)
		w.Close()
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cut := filepath.Join(t.TempDir(), "cut.parley")
		if err := os.WriteFile(cut, raw[:len(raw)/2], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := storage.CheckRecognized(cut); !errors.Is(err, storage.ErrDamaged) {
			t.Fatalf("CheckRecognized = %v, want ErrDamaged", err)
		}
	})
}
