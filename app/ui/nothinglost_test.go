package ui

// Tests that the desktop app loses nothing: changes made elsewhere, a
// read-only or busy workspace, a save that fails on close, a workspace that
// does not open.

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/backup"
)

// storedName returns the name of scenario id as stored.
func storedName(t *testing.T, u *UI, id string) string {
	t.Helper()
	sc, err := u.sess.Workspace().Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc.Name
}

// TestChangesElsewhereAreNotOverwritten checks that when another process
// changed the scenario shown, the app's next save and an undo are refused
// with a message and a Reload, and the other change stays.
func TestChangesElsewhereAreNotOverwritten(t *testing.T) {
	u, w := newTestUI(t)
	u.sess.Unwatch() // the change elsewhere is not noticed before the next save
	u.openScenario("threat-25")
	if err := u.rename("Mine"); err != nil {
		t.Fatal(err)
	}
	renameFromAnotherProcess(t, u.sess.Workspace().Path(), "threat-25", "Theirs")
	u.rename("Mine again")
	if got := storedName(t, u, "threat-25"); got != "Theirs" {
		t.Errorf("the app saved over the other process's change: stored %q", got)
	}
	if !strings.Contains(shownText(u), "changed elsewhere") {
		t.Errorf("the user was not told: last error %q", shownText(u))
	}
	if strings.Contains(shownText(u), "changed elsewhere") {
		test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Reload"))
		if u.sess.Draft().Name != "Theirs" {
			t.Errorf("after Reload the app shows %q", u.sess.Draft().Name)
		}
	}

	// Undo after a change elsewhere: refused, the change stays.
	u.escape()
	if err := u.rename("Mine at last"); err != nil {
		t.Fatalf("rename after reloading: %v", err)
	}
	renameFromAnotherProcess(t, u.sess.Workspace().Path(), "threat-25", "Theirs again")
	u.Undo()
	if got := storedName(t, u, "threat-25"); got != "Theirs again" {
		t.Errorf("undo wrote an old copy over the other process's change: stored %q", got)
	}
	if !strings.Contains(shownText(u), "changed elsewhere") {
		t.Errorf("undo: last error %q", shownText(u))
	}
}

// TestKeepMyVersion: on a conflict the user may keep their version as a new
// scenario instead of losing it.
func TestKeepMyVersion(t *testing.T) {
	u, w := newTestUI(t)
	u.sess.Unwatch()
	u.openScenario("threat-25")
	u.rename("Before")
	renameFromAnotherProcess(t, u.sess.Workspace().Path(), "threat-25", "Theirs")
	u.rename("My edit")
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Keep my version as a new scenario"))
	if u.sess.Draft() == nil || u.sess.Draft().Name != "My edit (my version)" || u.sess.Current() == "threat-25" {
		t.Fatalf("showing %q (%s)", u.sess.Draft().Name, u.sess.Current())
	}
	if got := storedName(t, u, "threat-25"); got != "Theirs" {
		t.Errorf("stored %q", got)
	}
}

// TestReadOnlyWorkspaceInTheApp checks that the title says
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
	u, err := CreateWith(a, w, path, Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	u.sess.Unwatch()
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

// TestFailedSaveOnCloseIsKept checks that when the last edit cannot be
// saved as the app closes, it is kept in a scenario file, not only logged.
func TestFailedSaveOnCloseIsKept(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	u, _ := newTestUI(t)
	u.sess.Unwatch()
	u.sess.SaveDelay = time.Hour // the edit is pending when the app closes
	u.openScenario("threat-25")
	if err := u.edit("desc", "description edit", func(sc *scenarios.Scenario) { sc.Description = "typed just before closing" }); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+u.sess.Workspace().Path())
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

// TestOpenFailureOffersTheBackup checks the way back from a damaged
// workspace file: a workspace that does not open shows a window that says
// why and opens a copy of its last backup, leaving the damaged file as it is.
func TestOpenFailureOffersTheBackup(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "damaged.parley")
	w := test.NewTempWindow(t, nil)
	u, err := CreateWith(a, w, path, Options{Sync: true}) // creates it, and its first backup
	if err != nil {
		t.Fatal(err)
	}
	u.Close()
	if list, _ := backup.Paths(backup.Dir(path), path, time.Now()); len(list) != 1 {
		t.Fatalf("backups after the first start: %v", list)
	}
	damaged := []byte("SQLite format 3\x00" + strings.Repeat("\x00", 200))
	os.WriteFile(path, damaged, 0o644)
	w2 := test.NewTempWindow(t, nil)
	u, err = CreateWith(a, w2, path, Options{Sync: true})
	if err != nil {
		t.Fatalf("Create: %v (want a window that says why)", err)
	}
	defer u.Close()
	if !strings.Contains(w2.Title(), "could not open") || !strings.Contains(labelsIn(w2.Content()), "Parley could not open this workspace") {
		t.Fatalf("title %q, window %q", w2.Title(), labelsIn(w2.Content()))
	}
	kittest.Button(t, w2.Content(), "Open another workspace…")
	kittest.Button(t, w2.Content(), "Create a new workspace…")
	test.Tap(kittest.Button(t, w2.Content(), "Open the last backup ("+time.Now().Format("2006-01-02")+")"))
	if u.sess.Workspace() == nil || !strings.Contains(u.sess.Workspace().Path(), "damaged.recovered-") {
		t.Fatalf("not showing the recovered copy: %v", u.sess.Workspace())
	}
	if _, ok := u.sess.Info("threat-25"); !ok {
		t.Error("the recovered copy has no scenarios")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
		t.Error("the damaged workspace was changed")
	}
}

// TestBusySaveWaits checks that an edit saved while another
// Parley holds the workspace for longer than the busy timeout is not lost
// nor reverted: it waits, says so, and is saved once the workspace is free.
func TestBusySaveWaits(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ws, err := storage.OpenWith(filepath.Join(t.TempDir(), "busy.parley"), storage.Options{BusyTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// The session's retry is posted here and run on this goroutine, as
	// fyne.Do runs it on the app's.
	posted := make(chan func(), 16)
	u, err := newUI(a, w, ws, Options{Sync: true, Post: func(f func()) { posted <- f }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.shutdown)
	u.openScenario("threat-25")
	wait := holdFromAnotherProcess(t, ws.Path(), 1500*time.Millisecond)
	if err := u.rename("Saved later"); err != nil {
		t.Fatal(err)
	}
	if !u.sess.Dirty() || !strings.Contains(u.status.Text, "busy") || u.sess.Draft().Name != "Saved later" {
		t.Fatalf("while busy: dirty %v, status %q, showing %q", u.sess.Dirty(), u.status.Text, u.sess.Draft().Name)
	}
	wait()
	// The window posts other work too (the backup notice, say): run what
	// is posted until the pending edit is saved.
	deadline := time.After(10 * time.Second)
	for u.sess.Dirty() {
		select {
		case f := <-posted:
			f()
		case <-deadline:
			t.Fatal("no retry saved the edit")
		}
	}
	if got := storedName(t, u, "threat-25"); got != "Saved later" || u.sess.Dirty() {
		t.Errorf("stored %q after the workspace was free (pending: %v)", got, u.sess.Dirty())
	}
	if !u.sess.History().CanUndo() {
		t.Error("the edit's undo step was lost")
	}
}
