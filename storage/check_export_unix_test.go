//go:build unix

package storage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

// TestCheckExportTarget: the refusals the app's save dialogs ask before
// they touch anything are those of WriteFileAtomic, and asking them
// creates, truncates or removes nothing (the -wal of an open workspace,
// empty after a checkpoint, stays the same file).
func TestCheckExportTarget(t *testing.T) {
	dir := t.TempDir()
	wsPath := filepath.Join(dir, "ws.parley")
	ws, err := storage.Open(wsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	// A second handle closing checkpoints the log and leaves it empty.
	second, err := storage.Open(wsPath)
	if err != nil {
		t.Fatal(err)
	}
	second.Close()
	closed := filepath.Join(dir, "closed.parley")
	other, err := storage.Open(closed)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "slides")
	os.Mkdir(folder, 0o755)
	empty := filepath.Join(dir, "empty.png")
	os.WriteFile(empty, nil, 0o640)
	old := filepath.Join(dir, "old.png")
	os.WriteFile(old, []byte("last week"), 0o600)
	dangling := filepath.Join(dir, "dangling.png")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	toWAL := filepath.Join(dir, "wal-link.png")
	os.Symlink(wsPath+"-wal", toWAL)

	for _, tc := range []struct {
		path string
		says string // "" when accepted
	}{
		{wsPath, "workspace open in Parley"},
		{wsPath + "-wal", "workspace open in Parley"},
		{wsPath + "-shm", "workspace open in Parley"},
		{wsPath + "-journal", "workspace open in Parley"},
		{toWAL, "-wal file of the SQLite database (workspace) ws.parley"},
		{closed, "SQLite database"},
		{closed + "-wal", "-wal file of the SQLite database"},
		{closed + "-journal", "-journal file of the SQLite database"},
		{fifo, "FIFO"},
		{"/dev/null", "device"},
		{folder, "folder"},
		{dangling, "cannot be found"},
		{empty, ""},
		{old, ""},
		{filepath.Join(dir, "new.png"), ""},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			before := identities(t, dir)
			err := storage.CheckExportTarget(tc.path)
			switch {
			case tc.says == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.says != "" && (err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), tc.says)):
				t.Errorf("CheckExportTarget = %v, want a refusal saying %q", err, tc.says)
			}
			if after := identities(t, dir); after != before {
				t.Errorf("files changed:\n%s\nwas\n%s", after, before)
			}
			// WriteFileAtomic refuses what the check refuses.
			if tc.says != "" {
				if err := storage.WriteFileAtomic(tc.path, writeString("x")); err == nil {
					t.Error("WriteFileAtomic wrote it")
				}
			}
		})
	}
	if info, err := os.Stat(wsPath + "-wal"); err != nil || info.Size() != 0 {
		t.Errorf("the open workspace's -wal: %v, %v", info, err)
	}
	if _, err := ws.Scenarios(); err != nil {
		t.Errorf("the open workspace no longer reads: %v", err)
	}
}

// identities describes every file of dir without opening any: name, inode,
// type and permissions, size.
func identities(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, name := range storagetest.ListDir(t, dir) {
		info, err := os.Lstat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %d %s %d\n", name, info.Sys().(*syscall.Stat_t).Ino, info.Mode(), info.Size())
	}
	return b.String()
}
