package storage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/backup"
	"parley/storage/storagetest"
)

// TestDailyBackups: the safety net of a damaged workspace, opening with a backup folder
// copies the workspace once a day, keeps the last BackupsKept copies, and a
// copy opens with everything in it.
func TestDailyBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.parley")
	backups := backup.Dir(path)
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	openOn := func(d time.Time) *storage.Workspace {
		t.Helper()
		w, err := storage.OpenWith(path, storage.Options{Now: func() time.Time { return d }, BackupDir: backups})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	w := openOn(day)
	if _, err := w.Resolve("aug-2025"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w = openOn(day.Add(3 * time.Hour)) // the same day: no second copy
	w.Close()
	list, err := backup.Paths(backups, path, time.Now())
	if err != nil || len(list) != 1 || filepath.Base(list[0]) != "w.2026-03-01.parley" {
		t.Fatalf("backups %v, %v", list, err)
	}
	copyOf, err := storage.Open(list[0])
	if err != nil {
		t.Fatal(err)
	}
	if s, err := copyOf.Scenarios(); err != nil || len(s) != 11 {
		t.Errorf("the backup holds %d scenarios, %v", len(s), err)
	}
	copyOf.Close()
	for i := 1; i <= 9; i++ {
		openOn(day.AddDate(0, 0, i)).Close()
	}
	list, _ = backup.Paths(backups, path, time.Now())
	if len(list) != backup.Kept || filepath.Base(list[0]) != "w.2026-03-10.parley" ||
		filepath.Base(list[len(list)-1]) != "w.2026-03-04.parley" {
		t.Errorf("kept %v", list)
	}
	// A damaged workspace: the newest backup is copied beside it, and the
	// damaged file is left as it is.
	if err := os.WriteFile(path, []byte("SQLite format 3\x00 but damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	damaged, _ := os.ReadFile(path)
	got, err := storage.RecoverBackup(path, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(got) != "w.recovered-2026-03-10.parley" || filepath.Dir(got) != dir {
		t.Errorf("recovered to %s", got)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
		t.Error("the damaged workspace was changed")
	}
	r, err := storage.Open(got)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Resolve("aug-2025"); err != nil {
		t.Error(err)
	}
	r.Close()
	if again, _ := storage.RecoverBackup(path, time.Now()); filepath.Base(again) != "w.recovered-2026-03-10-2.parley" {
		t.Errorf("a second recovery went to %s", again)
	}
	if _, err := storage.RecoverBackup(filepath.Join(dir, "none.parley"), time.Now()); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("no backup: %v", err)
	}
}

// TestNoBackupOfReadOnlyWorkspace: a read-only workspace is not copied.
func TestNoBackupOfReadOnlyWorkspace(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	w.Close()
	os.Chmod(path, 0o444)
	defer os.Chmod(path, 0o644)
	ro, err := storage.OpenWith(path, storage.Options{BackupDir: backup.Dir(path)})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if _, err := os.Stat(backup.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a backup folder was made for a read-only workspace: %v", err)
	}
}
