package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/backup"
)

// clock is a settable clock for a workspace.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) add(d time.Duration) { c.set(c.now().Add(d)) }

func names(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// TestBackupClockAhead: a copy made while the clock was a month ahead is
// never the last backup once the clock is right, and the next backup
// deletes it.
func TestBackupClockAhead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.parley")
	backups := backup.Dir(path)
	now := time.Now()
	day := func(d int) string { return "w." + now.AddDate(0, 0, d).Format("2006-01-02") + ".parley" }
	// Today's copy, then one named a month ahead (the clock was ahead
	// when it was made: a copy of the same workspace).
	w, err := storage.OpenWith(path, storage.Options{BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	data, err := os.ReadFile(filepath.Join(backups, day(0)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(backups, day(30)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	list, _ := backup.Paths(backups, path, time.Now())
	if len(list) != 2 || filepath.Base(list[0]) != day(0) {
		t.Fatalf("backups %v: the last backup must be %s, not the copy named a month ahead", names(list), day(0))
	}
	got, err := storage.RecoverBackup(path, time.Now())
	if err != nil || !strings.Contains(filepath.Base(got), now.Format("2006-01-02")) {
		t.Errorf("recovered %s, %v: want today's copy", got, err)
	}
	// A copy named tomorrow (a clock a few hours ahead) is in order.
	listed, err := backup.List(backups, path, now.AddDate(0, 0, -1))
	if err != nil || len(listed) != 2 || listed[0].Name != day(0) || listed[0].Future || !listed[1].Future {
		t.Errorf("listed the day before: %+v, %v", listed, err)
	}
	// The next backup deletes the copy named in the future.
	w, err = storage.OpenWith(path, storage.Options{Now: func() time.Time { return now.AddDate(0, 0, 1) }, BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	list, _ = backup.Paths(backups, path, time.Now())
	if len(list) != 2 || filepath.Base(list[0]) != day(1) || filepath.Base(list[1]) != day(0) {
		t.Errorf("backups after the next %v, want %s and %s", names(list), day(1), day(0))
	}
}

// TestBackupKilledTempRemoved: the temporary file of a backup that was
// killed is deleted by a later backup once it is an hour old; a fresh one
// (a backup being made by another process) is left.
func TestBackupKilledTempRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.parley")
	backups := backup.Dir(path)
	if err := os.MkdirAll(backups, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(backups, ".w.2026-01-01.parley.tmp")
	fresh := filepath.Join(backups, ".w.2026-01-02.parley.123.tmp")
	other := filepath.Join(backups, ".other.2026-01-01.parley.tmp")
	for _, p := range []string{stale, fresh, other} {
		if err := os.WriteFile(p, []byte("half a backup"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	// The workspace's clock is not the system's: file times are compared
	// with the system's.
	then := time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local)
	w, err := storage.OpenWith(path, storage.Options{Now: func() time.Time { return then }, BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary file of a killed backup is still there: %v", err)
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was deleted: %v", filepath.Base(p), err)
		}
	}
	entries, _ := os.ReadDir(backups)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".w.") && e.Name() != filepath.Base(fresh) {
			t.Errorf("left in backups/: %s", e.Name())
		}
	}
}

// TestBackupWhenTheDayChanges: a workspace kept open for days backs itself
// up with the first change of each new day.
func TestBackupWhenTheDayChanges(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.parley")
	backups := backup.Dir(path)
	c := &clock{t: time.Date(2026, 3, 1, 22, 0, 0, 0, time.Local)}
	w, err := storage.OpenWith(path, storage.Options{Now: c.now, BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	list, _ := backup.Paths(backups, path, time.Now())
	for i := 0; i < 50 && len(list) == 0; i++ { // the first is made in the background
		time.Sleep(20 * time.Millisecond)
		list, _ = backup.Paths(backups, path, time.Now())
	}
	c.add(4 * time.Hour) // past midnight
	sc, err := w.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "Made on day two"
	if _, err := w.CreateScenario(sc); err != nil {
		t.Fatal(err)
	}
	want := "w.2026-03-02.parley"
	for i := 0; i < 100; i++ {
		if list, _ = backup.Paths(backups, path, time.Now()); len(list) > 0 && filepath.Base(list[0]) == want {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(list) != 2 || filepath.Base(list[0]) != want {
		t.Errorf("backups %v after a change on the next day, want %s first", names(list), want)
	}
}

// TestBackupFailureReported: a backup that cannot be made (the backups
// entry is a file) reaches the caller, naming the cause, the folder and the
// last good copy and its age.
func TestBackupFailureReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.parley")
	backups := backup.Dir(path)
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	w, err := storage.OpenWith(path, storage.Options{Now: func() time.Time { return day }, BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	// The copy of that day stays; the name of the copy of three days later
	// is taken by a folder (an odd entry in backups/).
	if err := os.Mkdir(filepath.Join(backups, "w.2026-03-04.parley"), 0o755); err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	w, err = storage.OpenWith(path, storage.Options{Now: func() time.Time { return day.AddDate(0, 0, 3) }, BackupDir: backups,
		BackupFailed: func(err error) { got <- err }})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	select {
	case err := <-got:
		var be *backup.Error
		msg := err.Error()
		if !errors.As(err, &be) || !strings.Contains(msg, "w.2026-03-01.parley") || !strings.Contains(msg, "3 days old") ||
			!strings.Contains(msg, "not a regular file") {
			t.Errorf("backup failure %q", msg)
		}
	default:
		t.Fatal("a failed backup was not reported")
	}
}
