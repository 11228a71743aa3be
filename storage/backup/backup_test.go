package backup_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley/storage/backup"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("copy"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestListOrderAndPrune: copies are listed newest first, those named with a
// day after tomorrow last; files of other workspaces or other names are not
// copies; Prune keeps the newest Kept and drops the future ones.
func TestListOrderAndPrune(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(t.TempDir(), "w.parley")
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.Local)
	for d := 1; d <= 9; d++ {
		touch(t, filepath.Join(dir, backup.Name(ws, now.AddDate(0, 0, -d))))
	}
	future := backup.Name(ws, now.AddDate(0, 1, 0))
	touch(t, filepath.Join(dir, future))
	for _, other := range []string{"x.2026-03-19.parley", "w.2026-03-19.tmp", "w.recovered-2026-03-19.parley", "w.notadate.parley"} {
		touch(t, filepath.Join(dir, other))
	}
	list, err := backup.List(dir, ws, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 10 || list[0].Name != "w.2026-03-19.parley" || list[8].Name != "w.2026-03-11.parley" ||
		list[9].Name != future || !list[9].Future || list[0].Future || list[0].Size != 4 {
		t.Fatalf("list %+v", list)
	}
	if err := backup.Prune(dir, ws, now); err != nil {
		t.Fatal(err)
	}
	paths, err := backup.Paths(dir, ws, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != backup.Kept || filepath.Base(paths[0]) != "w.2026-03-19.parley" ||
		filepath.Base(paths[backup.Kept-1]) != "w.2026-03-13.parley" {
		t.Errorf("after prune %v", paths)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.2026-03-19.parley")); err != nil {
		t.Errorf("another workspace's copy was pruned: %v", err)
	}
}

// TestRecoveredPathNumbered: a recovered copy never takes a name in use.
func TestRecoveredPathNumbered(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	c := backup.Copy{Date: time.Date(2026, 3, 19, 0, 0, 0, 0, time.Local)}
	first := backup.RecoveredPath(ws, c)
	if filepath.Base(first) != "w.recovered-2026-03-19.parley" {
		t.Fatalf("first %s", first)
	}
	touch(t, first)
	if second := backup.RecoveredPath(ws, c); filepath.Base(second) != "w.recovered-2026-03-19-2.parley" {
		t.Errorf("second %s", second)
	}
}

// TestListMissingDir: no backups folder is no copies, not an error.
func TestListMissingDir(t *testing.T) {
	list, err := backup.List(filepath.Join(t.TempDir(), "none"), "w.parley", time.Now())
	if err != nil || len(list) != 0 {
		t.Errorf("list %v, %v", list, err)
	}
}
