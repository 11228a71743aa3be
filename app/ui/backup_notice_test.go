package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/backup"
)

// TestBackupFailureShownOnce: a daily backup that fails is shown in a
// dialog naming the cause, once a session however many times it fails.
func TestBackupFailureShownOnce(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "other.parley")
	today := "other." + time.Now().Format("2006-01-02") + ".parley"
	// An odd entry where today's copy goes: the backup cannot be made.
	if err := os.MkdirAll(filepath.Join(backup.Dir(path), today), 0o755); err != nil {
		t.Fatal(err)
	}
	open := func() {
		t.Helper()
		ws, err := storage.OpenWith(path, u.openOptions(path))
		if err != nil {
			t.Fatal(err)
		}
		ws.Close() // waits for the backup, which queues the notice
		for len(activeQueue.q) > 0 {
			(<-activeQueue.q)()
		}
	}
	open()
	if !strings.Contains(shownText(u), "Could not make today's backup") || !strings.Contains(shownText(u), "not a regular file") {
		t.Fatalf("shown %q", shownText(u))
	}
	u.escape()
	open()
	if shownText(u) != "" {
		t.Errorf("shown a second time in the session: %q", shownText(u))
	}
}
