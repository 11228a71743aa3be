package ui

// Tests of issue 10 ("Nothing lost") in the desktop app.

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"parley/scenarios"
	"parley/storage"
)

// storedName returns the name of scenario id as stored.
func storedName(t *testing.T, u *UI, id string) string {
	t.Helper()
	sc, err := u.ws.Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc.Name
}

// TestChangesElsewhereAreNotOverwritten is defect 3: when another process
// changed the scenario shown, the app's next save and an undo are refused
// with a message and a Reload, and the other change stays.
func TestChangesElsewhereAreNotOverwritten(t *testing.T) {
	u, w := newTestUI(t)
	u.unwatch() // the change elsewhere is not noticed before the next save
	u.openScenario("threat-25")
	if err := u.rename("Mine"); err != nil {
		t.Fatal(err)
	}
	renameFromAnotherProcess(t, u.ws.Path(), "threat-25", "Theirs")
	u.rename("Mine again")
	if got := storedName(t, u, "threat-25"); got != "Theirs" {
		t.Errorf("the app saved over the other process's change: stored %q", got)
	}
	if !strings.Contains(u.lastError, "changed elsewhere") {
		t.Errorf("the user was not told: last error %q", u.lastError)
	}
	if strings.Contains(u.lastError, "changed elsewhere") {
		test.Tap(button(t, topOverlay(t, w), "Reload"))
		if u.draft.Name != "Theirs" {
			t.Errorf("after Reload the app shows %q", u.draft.Name)
		}
	}

	// Undo after a change elsewhere: refused, the change stays.
	u.escape()
	if err := u.rename("Mine at last"); err != nil {
		t.Fatalf("rename after reloading: %v", err)
	}
	renameFromAnotherProcess(t, u.ws.Path(), "threat-25", "Theirs again")
	u.Undo()
	if got := storedName(t, u, "threat-25"); got != "Theirs again" {
		t.Errorf("undo wrote an old copy over the other process's change: stored %q", got)
	}
	if !strings.Contains(u.lastError, "changed elsewhere") {
		t.Errorf("undo: last error %q", u.lastError)
	}
}

// TestKeepMyVersion: on a conflict the user may keep their version as a new
// scenario instead of losing it.
func TestKeepMyVersion(t *testing.T) {
	u, w := newTestUI(t)
	u.unwatch()
	u.openScenario("threat-25")
	u.rename("Before")
	renameFromAnotherProcess(t, u.ws.Path(), "threat-25", "Theirs")
	u.rename("My edit")
	test.Tap(button(t, topOverlay(t, w), "Keep my version as a new scenario"))
	if u.draft == nil || u.draft.Name != "My edit (my version)" || u.current == "threat-25" {
		t.Fatalf("showing %q (%s)", u.draft.Name, u.current)
	}
	if got := storedName(t, u, "threat-25"); got != "Theirs" {
		t.Errorf("stored %q", got)
	}
}

// TestReadOnlyWorkspaceInTheApp is defect 4 in the app: the title says
// read-only and an edit is refused with a plain message.
func TestReadOnlyWorkspaceInTheApp(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ro.parley")
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	os.Chmod(path, 0o444)
	defer os.Chmod(path, 0o644)
	w := test.NewTempWindow(t, nil)
	u, err := Create(a, w, path)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	u.unwatch()
	if !strings.Contains(w.Title(), "read-only") {
		t.Errorf("title %q does not say read-only", w.Title())
	}
	u.openScenario("threat-25")
	if err := u.rename("Changed"); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("rename in a read-only workspace: %v", err)
	}
	if got := storedName(t, u, "threat-25"); got == "Changed" {
		t.Error("the read-only workspace changed")
	}
}

// TestFailedSaveOnCloseIsKept is defect 6: when the last edit cannot be
// saved as the app closes, it is kept in a scenario file, not only logged.
func TestFailedSaveOnCloseIsKept(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	u, _ := newTestUI(t)
	u.unwatch()
	u.saveDelay = time.Hour // the edit is pending when the app closes
	u.openScenario("threat-25")
	if err := u.edit("desc", "description edit", func(sc *scenarios.Scenario) { sc.Description = "typed just before closing" }); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+u.ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM scenarios WHERE id = 'threat-25'"); err != nil { // deleted elsewhere
		t.Fatal(err)
	}
	db.Close()
	u.Close()
	files, _ := filepath.Glob(filepath.Join(cfg, "Parley", "unsaved", "*.json"))
	if len(files) != 1 {
		t.Fatalf("kept files: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), "typed just before closing") {
		t.Errorf("the kept file lacks the edit:\n%s", b)
	}
}

// TestOpenFailureOffersTheBackup is defect 0's way back: a workspace that
// does not open shows a window that says why and opens a copy of its last
// backup, leaving the damaged file as it is.
func TestOpenFailureOffersTheBackup(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "damaged.parley")
	w := test.NewTempWindow(t, nil)
	u, err := Create(a, w, path) // creates it, and its first backup
	if err != nil {
		t.Fatal(err)
	}
	u.Close()
	if list, _ := storage.Backups(storage.BackupDir(path), path); len(list) != 1 {
		t.Fatalf("backups after the first start: %v", list)
	}
	damaged := []byte("SQLite format 3\x00" + strings.Repeat("\x00", 200))
	os.WriteFile(path, damaged, 0o644)
	w2 := test.NewTempWindow(t, nil)
	u, err = Create(a, w2, path)
	if err != nil {
		t.Fatalf("Create: %v (want a window that says why)", err)
	}
	defer u.Close()
	if !strings.Contains(w2.Title(), "could not open") || u.lastError == "" {
		t.Fatalf("title %q, message %q", w2.Title(), u.lastError)
	}
	button(t, w2.Content(), "Open another workspace…")
	button(t, w2.Content(), "Create a new workspace…")
	test.Tap(button(t, w2.Content(), "Open the last backup ("+time.Now().Format("2006-01-02")+")"))
	if u.ws == nil || !strings.Contains(u.ws.Path(), "damaged.recovered-") {
		t.Fatalf("not showing the recovered copy: %v", u.ws)
	}
	if _, ok := u.info("threat-25"); !ok {
		t.Error("the recovered copy has no scenarios")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
		t.Error("the damaged workspace was changed")
	}
}

// TestBusySaveWaits is defect 10 in the app: an edit saved while another
// Parley holds the workspace for longer than the busy timeout is not lost
// nor reverted: it waits, says so, and is saved once the workspace is free.
func TestBusySaveWaits(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ws, err := storage.OpenWith(filepath.Join(t.TempDir(), "busy.parley"), storage.Options{BusyTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	u, err := newUI(a, w, ws)
	if err != nil {
		t.Fatal(err)
	}
	u.saveDelay = 0
	u.unwatch()
	t.Cleanup(u.shutdown)
	var retry func() // run on this goroutine, as fyne.Do runs it on the app's
	afterFunc = func(_ time.Duration, f func()) *time.Timer {
		retry = f
		return time.NewTimer(time.Hour)
	}
	defer func() { afterFunc = time.AfterFunc }()
	u.openScenario("threat-25")
	wait := holdFromAnotherProcess(t, ws.Path(), 1500*time.Millisecond)
	if err := u.rename("Saved later"); err != nil {
		t.Fatal(err)
	}
	if !u.dirty || !strings.Contains(u.status.Text, "busy") || u.draft.Name != "Saved later" || retry == nil {
		t.Fatalf("while busy: dirty %v, status %q, showing %q, retry planned %v", u.dirty, u.status.Text, u.draft.Name, retry != nil)
	}
	wait()
	retry()
	if got := storedName(t, u, "threat-25"); got != "Saved later" || u.dirty {
		t.Errorf("stored %q after the workspace was free (pending: %v)", got, u.dirty)
	}
	if !u.history.canUndo() {
		t.Error("the edit's undo step was lost")
	}
}
