package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/backup"
)

// TestBackupListRestore: 'backup list' lists the app's copies, the last
// first; 'backup restore' copies one to a new file and never over the
// workspace or an existing file; bad input exits 2; a damaged workspace's
// message names the backups folder and the newest copy.
func TestBackupListRestore(t *testing.T) {
	ws := newWorkspace(t)
	dir := backup.Dir(ws)
	now := testNow // the commands' clock
	// Copies as the app makes them: three days, and one named a month
	// ahead (made while the clock was ahead).
	for _, d := range []int{-2, -1, 0} {
		day := now.AddDate(0, 0, d)
		w, err := storage.OpenWith(ws, storage.Options{Now: func() time.Time { return day }, BackupDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	name := func(d int) string { return "w." + now.AddDate(0, 0, d).Format("2006-01-02") + ".parley" }
	data, err := os.ReadFile(filepath.Join(dir, name(0)))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, name(40)), data, 0o644)

	out, errOut, code := run(t, ws, "backup", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 || !strings.Contains(lines[0], name(0)) || !strings.Contains(lines[2], name(-2)) ||
		!strings.Contains(lines[3], name(40)) || !strings.Contains(lines[3], "clock was ahead") || !(strings.Contains(lines[0], "KiB") || strings.Contains(lines[0], "MiB")) {
		t.Fatalf("backup list: %d\n%s%s", code, out, errOut)
	}

	// Restore by name to a new file: the workspace is left as it is.
	before, _ := os.ReadFile(ws)
	dest := filepath.Join(t.TempDir(), "restored.parley")
	if out, errOut, code := run(t, ws, "backup", "restore", name(-1), "--out", dest); code != 0 || !strings.Contains(out, dest) {
		t.Fatalf("restore: %d %s %s", code, out, errOut)
	}
	if got, _ := os.ReadFile(dest); !bytes.Equal(got, mustRead(t, filepath.Join(dir, name(-1)))) {
		t.Error("the restored file is not the backup")
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(before, after) {
		t.Error("the workspace changed")
	}
	// --latest without --out: beside the workspace, under a new name.
	out, _, code = run(t, ws, "backup", "restore", "--latest")
	recovered := filepath.Join(filepath.Dir(ws), "w.recovered-"+now.Format("2006-01-02")+".parley")
	if code != 0 || !strings.Contains(out, recovered) {
		t.Errorf("restore --latest: %d %s", code, out)
	}
	if _, err := os.Stat(recovered); err != nil {
		t.Error(err)
	}

	// Refusals: exit 2, nothing overwritten.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"backup", "restore", "--latest", "--out", ws}, "is the workspace itself"},
		{[]string{"backup", "restore", "--latest", "--out", ws + "-wal"}, "is the workspace itself"},
		{[]string{"backup", "restore", "--latest", "--out", dest}, "exists"},
		{[]string{"backup", "restore", "1999-01-01"}, "no backup"},
		{[]string{"backup", "restore"}, "--latest"},
		{[]string{"backup", "restore", name(0), "--latest"}, "not both"},
		{[]string{"backup", "frobnicate"}, "unknown backup subcommand"},
		{[]string{"backup"}, "missing backup subcommand"},
	} {
		_, errOut, code := run(t, ws, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(before, after) {
		t.Error("the workspace changed")
	}

	// A damaged workspace: the message says where the backups are.
	os.Remove(ws + "-wal")
	os.Remove(ws + "-shm")
	if err := os.WriteFile(ws, append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xff}, 4096)...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = run(t, ws, "scenarios")
	if code == 0 || !strings.Contains(errOut, dir) || !strings.Contains(errOut, name(0)) {
		t.Errorf("damaged: %d %s", code, errOut)
	}
	// Listing and restoring work on it still.
	if out, _, code := run(t, ws, "backup", "list"); code != 0 || !strings.Contains(out, name(0)) {
		t.Errorf("backup list of a damaged workspace: %d %s", code, out)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
