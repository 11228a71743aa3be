package ui

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
	"parley/storage"
)

// helperWorkspace is set, in a copy of this test binary, to the workspace
// TestHelperWriter writes a scenario into: another Parley process.
const helperWorkspace = "PARLEY_TEST_HELPER_WORKSPACE"

// TestHelperWriter is not a test: run by writeFromAnotherProcess in a child
// process, it opens the workspace and stores a scenario, or renames one as
// another Parley saving it does (its own SQL, so that it is any Parley), and
// closes, as the command line does.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(helperWorkspace)
	if path == "" {
		t.Skip("helper process only")
	}
	if d, err := time.ParseDuration(os.Getenv(helperWorkspace + "_HOLD")); err == nil {
		// Hold the write lock, as a long import does.
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_txlock=immediate")
		if err != nil {
			t.Fatal(err)
		}
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("UPDATE meta SET value = value WHERE key = 'defaults'"); err != nil {
			t.Fatal(err)
		}
		fmt.Println("holding")
		time.Sleep(d)
		tx.Commit()
		db.Close()
		return
	}
	if id := os.Getenv(helperWorkspace + "_RENAME"); id != "" {
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("UPDATE scenarios SET name = ?, revision = revision + 1 WHERE id = ?",
			os.Getenv(helperWorkspace+"_NAME"), id); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return
	}
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := scenarios.Scenario{Name: os.Getenv(helperWorkspace + "_NAME"), AsOf: scenarios.MustDate("2025-08-15"),
		Assumptions: scenarios.DefaultAssumptions()}
	if _, err := ws.CreateScenario(&sc); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
}

// renameFromAnotherProcess renames scenario id of the workspace at path
// from a child process, as another Parley saving it does.
func renameFromAnotherProcess(t *testing.T, path, id, name string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperWorkspace+"="+path, helperWorkspace+"_NAME="+name, helperWorkspace+"_RENAME="+id)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process failed: %v\n%s", err, out)
	}
}

// writeFromAnotherProcess stores a scenario called name in the workspace at
// path from a child process.
func writeFromAnotherProcess(t *testing.T, path, name string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperWorkspace+"="+path, helperWorkspace+"_NAME="+name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process failed: %v\n%s", err, out)
	}
}

// TestFileDialogLeavesLiveWorkspaceAlone protects the live workspace: Fyne's
// file dialog draws an icon per file and, for a name without a known MIME
// type (workspace.parley, -wal, -shm), opens the file to sniff its first
// line. Opening and closing a file drops every POSIX lock the process holds
// on it, SQLite's included, so another process closing the workspace then
// believed it was the last, folded the -wal into the file and deleted it
// under the app. After the dialog has shown the workspace's folder, another
// process writes; the app must still see that write, keep its -wal, write
// on, and leave a sound file.
func TestFileDialogLeavesLiveWorkspaceAlone(t *testing.T) {
	u, _ := newTestUI(t)
	u.sess.Unwatch()
	path := u.sess.Workspace().Path()
	if _, err := u.sess.Workspace().Scenarios(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err != nil {
			t.Fatalf("the open workspace has no %s file: %v", suffix, err)
		}
	}
	// The export dialog shows the workspace's folder with every file in it.
	d := u.fileSaveDialog("export", func(string) {})
	u.startIn(d)
	u.showFileDialog(d)
	// What its file icons do, in case the test driver draws fewer of them.
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		uri := fstorage.NewFileURI(filepath.Join(filepath.Dir(path), e.Name()))
		_ = uri.MimeType()
		_ = widget.NewFileIcon(uri)
	}
	d.Hide()

	writeFromAnotherProcess(t, path, "Written by the command line")
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("the other process deleted the app's -wal file: %v", err)
	}
	if _, err := u.sess.Workspace().Resolve("Written by the command line"); err != nil {
		t.Errorf("the app does not see the other process's scenario: %v", err)
	}
	u.openScenario("aug-2025")
	u.rename("Renamed in the app")
	writeFromAnotherProcess(t, path, "Written again")
	u.shutdown()

	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	for _, name := range []string{"Written by the command line", "Renamed in the app", "Written again"} {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM scenarios WHERE name = ?", name).Scan(&n); err != nil || n != 1 {
			t.Errorf("scenario %q: %d rows, %v", name, n, err)
		}
	}
}

// holdFromAnotherProcess starts a child process that holds the workspace's
// write lock for d; wait for it with the returned function.
func holdFromAnotherProcess(t *testing.T, path string, d time.Duration) (wait func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperWorkspace+"="+path, helperWorkspace+"_HOLD="+d.String())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "holding\n" {
		t.Fatalf("the other process: %q, %v", line, err)
	}
	return func() { cmd.Wait() }
}
