//go:build unix

package storage_test

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/atomicfile"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

// writeString is a write function for WriteFileAtomic.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// withUmask runs fn with the process's umask set to mask. Not parallel:
// the umask belongs to the whole process.
func withUmask(t *testing.T, mask int, fn func()) {
	t.Helper()
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	fn()
}

// TestWriteFileAtomicPermissions: a new export honours the umask (as a
// file created with mode 0666 would) and a replaced file keeps its mode
// (never a fixed 0644, which would expose negotiation material).
func TestWriteFileAtomicPermissions(t *testing.T) {
	tests := []struct {
		name     string
		umask    int
		existing os.FileMode // 0: no file before
		want     os.FileMode
	}{
		{"new file, umask 077", 0o077, 0, 0o600},
		{"new file, umask 022", 0o022, 0, 0o644},
		{"new file, umask 002", 0o002, 0, 0o664},
		{"existing 0600 file, umask 022", 0o022, 0o600, 0o600},
		{"existing 0640 file, umask 077", 0o077, 0o640, 0o640},
		{"existing 0666 file, umask 022", 0o022, 0o666, 0o666},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "chart.svg")
			if tc.existing != 0 {
				if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tc.existing); err != nil {
					t.Fatal(err)
				}
			}
			withUmask(t, tc.umask, func() {
				if err := storage.WriteFileAtomic(path, writeString("new")); err != nil {
					t.Fatal(err)
				}
			})
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := info.Mode().Perm(); got != tc.want {
				t.Errorf("mode %04o, want %04o", got, tc.want)
			}
		})
	}
}

// TestWriteFileAtomicHostileTargets: an export never turns a FIFO, a
// device or a folder into a regular file, never replaces an SQLite database
// (a workspace) or its -wal, -shm or -journal file, and writes through a
// symbolic link to its target, keeping the link.
func TestWriteFileAtomicHostileTargets(t *testing.T) {
	t.Run("FIFO", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "pipe.csv")
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		err := storage.WriteFileAtomic(path, writeString("x"))
		if err == nil || !strings.Contains(err.Error(), "not a regular file") || !storage.IsBadInput(err) {
			t.Fatalf("WriteFileAtomic on a FIFO = %v, want a refusal", err)
		}
		if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v %v", info, err)
		}
	})
	t.Run("device", func(t *testing.T) {
		info, err := os.Stat("/dev/null")
		if err != nil || info.Mode()&os.ModeDevice == 0 {
			t.Skip("no /dev/null device")
		}
		link := filepath.Join(t.TempDir(), "null.svg")
		if err := os.Symlink("/dev/null", link); err != nil {
			t.Fatal(err)
		}
		// Through a symbolic link, so that a failure cannot replace the
		// machine's /dev/null.
		err = storage.WriteFileAtomic(link, writeString("x"))
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("WriteFileAtomic on a device = %v, want a refusal", err)
		}
		if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeDevice == 0 {
			t.Fatalf("/dev/null is no longer a device: %v %v", info, err)
		}
	})
	t.Run("symlink is written through", func(t *testing.T) {
		dir := t.TempDir()
		real := filepath.Join(dir, "real", "deck.pptx")
		os.MkdirAll(filepath.Dir(real), 0o755)
		if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.pptx")
		if err := os.Symlink(real, link); err != nil {
			t.Fatal(err)
		}
		if err := storage.WriteFileAtomic(link, writeString("new")); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced by a file: %v %v", info, err)
		}
		if b, _ := os.ReadFile(real); string(b) != "new" {
			t.Errorf("the link's target holds %q, want the export", b)
		}
		if info, _ := os.Stat(real); info.Mode().Perm() != 0o640 {
			t.Errorf("the target's mode is %04o, want 0640 kept", info.Mode().Perm())
		}
		if names := storagetest.ListDir(t, filepath.Dir(real)); len(names) != 1 {
			t.Errorf("files beside the target: %v", names)
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "gone.png")
		if err := os.Symlink(filepath.Join(t.TempDir(), "missing", "x.png"), link); err != nil {
			t.Fatal(err)
		}
		if err := storage.WriteFileAtomic(link, writeString("x")); err == nil || !storage.IsBadInput(err) {
			t.Fatalf("WriteFileAtomic on a dangling link = %v, want a refusal", err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", info, err)
		}
	})
}

// TestWriteFileAtomicRefusesWorkspaces: an export whose target is a
// workspace, open or not, by its name, a symbolic link or a hard link, or
// one of its -wal, -shm, -journal files, is refused and the files stay
// byte-identical.
func TestWriteFileAtomicRefusesWorkspaces(t *testing.T) {
	dir := t.TempDir()
	wsPath := filepath.Join(dir, "ws.svg") // a workspace named like an export
	ws, err := storage.Open(wsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	closed := filepath.Join(dir, "closed.parley")
	other, err := storage.Open(closed)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	link := filepath.Join(dir, "link.svg")
	os.Symlink(wsPath, link)
	hard := filepath.Join(dir, "hard.svg")
	if err := os.Link(closed, hard); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{wsPath, link, wsPath + "-wal", wsPath + "-shm", wsPath + "-journal", closed, hard, closed + "-wal"} {
		t.Run(filepath.Base(target), func(t *testing.T) {
			before := snapshot(t, dir)
			err := storage.WriteFileAtomic(target, writeString("<svg/>"))
			if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), "workspace") {
				t.Fatalf("WriteFileAtomic(%s) = %v, want a refusal that names the workspace", target, err)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("files changed:\n%s\nwas\n%s", after, before)
			}
		})
	}
	if _, err := ws.Scenarios(); err != nil {
		t.Errorf("the open workspace no longer reads: %v", err)
	}
}

// snapshot describes every file of dir: name, type and content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, name := range storagetest.ListDir(t, dir) {
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		content := []byte{}
		if info.Mode().IsRegular() {
			content, _ = os.ReadFile(p)
		}
		fmt.Fprintf(&b, "%s %s %x\n", name, info.Mode(), sha256.Sum256(content))
	}
	return b.String()
}

// TestWriteFileAtomicTemporaryFiles: temporary files are named
// recognisably, and those older than an hour that a killed export left
// behind are removed by the next export into the folder; younger ones (an
// export running now) and other files are kept.
func TestWriteFileAtomicTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.png")
	var during []string
	err := storage.WriteFileAtomic(path, func(w io.Writer) error {
		during = storagetest.ListDir(t, dir)
		_, err := io.WriteString(w, "png")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(during) != 1 || !strings.HasPrefix(during[0], atomicfile.TempPrefix) {
		t.Fatalf("files while writing %v, want one named %s*", during, atomicfile.TempPrefix)
	}
	stale := filepath.Join(dir, atomicfile.TempPrefix+"chart.png.1234abcd")
	fresh := filepath.Join(dir, atomicfile.TempPrefix+"deck.pptx.5678ef01")
	mine := filepath.Join(dir, ".chart.png.123.tmp") // not Parley's name: kept
	for _, p := range []string{stale, fresh, mine} {
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(mine, old, old)
	if err := storage.WriteFileAtomic(path, writeString("png2")); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(storagetest.ListDir(t, dir), " ")
	want := strings.Join([]string{filepath.Base(mine), filepath.Base(fresh), "chart.png"}, " ")
	if got != want {
		t.Errorf("files %q, want %q", got, want)
	}
}

// TestImportNonRegularFiles: a FIFO or a device given as a document or a
// scenario file is refused at once, instead of blocking for ever (a FIFO)
// or reading without end (/dev/zero).
func TestImportNonRegularFiles(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	before := storagetest.Dump(t, path)
	for _, p := range []string{fifo, "/dev/zero"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if _, err := w.Evidence().ImportDocument(p, evidence.DocumentMeta{}); err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ImportDocument(%s) = %v", p, err)
		}
		if _, err := w.ImportScenarioFile(p); err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ImportScenarioFile(%s) = %v", p, err)
		}
	}
	if storagetest.Dump(t, path) != before {
		t.Error("the workspace changed")
	}
}
