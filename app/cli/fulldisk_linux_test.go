package cli_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parley/storage/storagetest"
)

// mountTmpfs mounts a tmpfs of size (e.g. "1m") on a new folder and
// returns it; the test is skipped when it cannot mount (not root, no
// permission in a container), or fails when PARLEY_REQUIRE_TMPFS=1.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		if os.Getenv("PARLEY_REQUIRE_TMPFS") == "1" {
			t.Fatalf("mount a tmpfs: %v (PARLEY_REQUIRE_TMPFS=1)", err)
		}
		t.Skipf("cannot mount a tmpfs (needs root): %v (set PARLEY_REQUIRE_TMPFS=1 to require it)", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// fill writes a file into dir until the file system is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// TestFullDisk: exports to a full disk and changes to a workspace on a
// full disk fail with a message that says the disk is full, leave no
// partial or temporary file, keep the old files byte-identical, and the
// workspace still opens and reads.
func TestFullDisk(t *testing.T) {
	t.Run("export", func(t *testing.T) {
		ws := newReadyWorkspace(t)
		disk := mountTmpfs(t, "1m")
		old := filepath.Join(disk, "deck.pptx")
		os.WriteFile(old, []byte("the previous deck"), 0o644)
		fill(t, disk)
		for _, args := range [][]string{
			{"deck", "aug-2025", "--out", old},
			{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(disk, "c.png"), "--scale", "2"},
			{"export-scenario", "today", "--out", filepath.Join(disk, "today.json")},
		} {
			_, stderr, code := run(t, ws, args...)
			t.Logf("%v: exit %d: %s", args, code, stderr)
			if code == 0 || !strings.Contains(stderr, "disk is full") || strings.Contains(stderr, ".parley-tmp-") {
				t.Errorf("%v: exit %d, stderr %q; want a failure that says the disk is full", args, code, stderr)
			}
		}
		if b, _ := os.ReadFile(old); string(b) != "the previous deck" {
			t.Errorf("the old deck holds %q", b)
		}
		entries, _ := os.ReadDir(disk)
		if len(entries) != 2 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("files on the full disk: %v, want deck.pptx and filler", names)
		}
	})
	t.Run("workspace", func(t *testing.T) {
		disk := mountTmpfs(t, "16m")
		ws := filepath.Join(disk, "w.parley")
		if _, e, code := run(t, ws, "scenarios"); code != 0 {
			t.Fatalf("create the workspace: %s", e)
		}
		doc := filepath.Join(t.TempDir(), "big.txt")
		os.WriteFile(doc, bytes.Repeat([]byte("Softwood lumber duties rise again this year. "), 40000), 0o644)
		before := storagetest.Dump(t, ws)
		fill(t, disk)
		_, stderr, code := run(t, ws, "evidence", "import", doc)
		t.Logf("import on a full disk: exit %d: %s", code, stderr)
		if code == 0 || !strings.Contains(stderr, "disk is full") || !strings.Contains(stderr, "nothing was changed") {
			t.Errorf("import on a full disk: exit %d, stderr %q", code, stderr)
		}
		os.Remove(filepath.Join(disk, "filler"))
		if out, e, code := run(t, ws, "scenarios"); code != 0 || !strings.Contains(out, "aug-2025") {
			t.Fatalf("the workspace no longer opens: %d %s", code, e)
		}
		if storagetest.Dump(t, ws) != before {
			t.Error("the failed import changed the workspace")
		}
	})
}
