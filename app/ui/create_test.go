package ui_test

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/ui"
	"parley/storage"
)

func TestCreateOpensLastWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "last.parley")
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	a.Preferences().SetString("workspace.last", path)
	a.Preferences().SetFloat("window.width", 1100)
	a.Preferences().SetFloat("window.height", 700)

	w := test.NewTempWindow(t, nil)
	if _, err := ui.CreateWith(a, w, "", ui.Options{Sync: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(w.Title(), "last.parley") {
		t.Errorf("title %q does not name the workspace", w.Title())
	}
	if w.MainMenu() == nil || len(w.MainMenu().Items) < 4 {
		t.Errorf("no main menu")
	}
	if s := w.Canvas().Size(); s != fyne.NewSize(1100, 700) {
		t.Logf("window size %v (the test driver may not resize)", s)
	}
}

func TestCreateRefusesNonWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	bad := filepath.Join(t.TempDir(), "notes.parley")
	if err := writeFile(bad, "not a database"); err != nil {
		t.Fatal(err)
	}
	u, err := ui.CreateWith(a, w, bad, ui.Options{Sync: true})
	if err != nil {
		t.Fatalf("Create: %v (want a window that says why)", err)
	}
	defer u.Close()
	if !strings.Contains(w.Title(), "could not open notes.parley") {
		t.Errorf("opened a file that is not a workspace: title %q", w.Title())
	}
}
