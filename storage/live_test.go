package storage_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"modernc.org/sqlite"

	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

// TestOpenWorkspaceIsNeverReadAsAFile: importing the
// open workspace itself as a document or a scenario file would open it
// outside SQLite and drop SQLite's locks (another process closing it then
// deletes the -wal file under this one). Both are refused without reading.
func TestOpenWorkspaceIsNeverReadAsAFile(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	if _, err := w.Scenarios(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if _, err := w.Evidence().ImportDocument(p, evidence.DocumentMeta{}); err == nil {
			t.Errorf("imported %s as a document", p)
		}
	}
	if _, err := w.ImportScenarioFile(path); err == nil {
		t.Error("imported the workspace as a scenario file")
	}
	runHelper(t, "commit-and-close", path, "From another process")
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("another process removed this one's -wal file: %v", err)
	}
	if _, err := w.Resolve("From another process"); err != nil {
		t.Errorf("the other process's scenario is not seen: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := integrity(t, path); got != "ok" {
		t.Errorf("integrity_check: %s", got)
	}
}

// TestIsLive: open workspaces and their -wal and -shm files are live, by any
// name, until closed; on Linux SQLite's locks on them are OFD locks.
func TestIsLive(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	link := filepath.Join(t.TempDir(), "link.parley")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.parley")
	for p, want := range map[string]bool{path: true, path + "-wal": true, path + "-shm": true, link: true, other: false} {
		if storage.IsLive(p) != want {
			t.Errorf("IsLive(%s) = %v", p, !want)
		}
	}
	// Opening it again, by another name, shares the record.
	again, err := storage.Open(link)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if !storage.IsLive(path) {
		t.Error("closing the second Workspace forgot the first")
	}
	w.Close()
	if storage.IsLive(path) || storage.IsLive(link) {
		t.Error("still live after Close")
	}
	if runtime.GOOS == "linux" && !sqlite.OFDLockingEnabled() {
		t.Log("OFD locks are not available here")
	}
}
