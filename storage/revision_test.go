package storage_test

import (
	"errors"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

// TestStaleCopyIsRefused: two windows (or processes) read the
// same scenario; the first save wins and the second fails with ErrConflict,
// leaving the first one's change. A delete from a stale copy fails too.
func TestStaleCopyIsRefused(t *testing.T) {
	w1, path := storagetest.Open(t, storage.Open)
	w2, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	a, revA, err := w1.ScenarioRev("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	b, revB, _ := w2.ScenarioRev("aug-2025")
	if revA != revB || revA < 1 {
		t.Fatalf("revisions %d and %d", revA, revB)
	}
	a.Description = "first window"
	next, err := w1.SaveScenario("aug-2025", a, revA)
	if err != nil || next != revA+1 {
		t.Fatalf("first save: revision %d, %v", next, err)
	}
	b.Description = "second window"
	if _, err := w2.SaveScenario("aug-2025", b, revB); !errors.Is(err, storage.ErrConflict) || storage.IsBadInput(err) {
		t.Fatalf("stale save: %v, want ErrConflict (a runtime failure)", err)
	}
	if err := w2.DeleteScenario("aug-2025", revB); !errors.Is(err, storage.ErrConflict) {
		t.Fatalf("stale delete: %v, want ErrConflict", err)
	}
	got, rev, _ := w2.ScenarioRev("aug-2025")
	if got.Description != "first window" || rev != next {
		t.Errorf("stored %q at revision %d", got.Description, rev)
	}
	// Read again, the second window may save.
	got.Description = "second window, after reloading"
	if _, err := w2.SaveScenario("aug-2025", got, rev); err != nil {
		t.Errorf("save after reloading: %v", err)
	}
}
