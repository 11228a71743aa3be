package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit/kittest"
)

func TestExportImportScenario(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("aug-2025")
	path := filepath.Join(t.TempDir(), "aug.json")
	if err := u.sess.Workspace().ExportScenarioFile(u.sess.Current(), path); err != nil {
		t.Fatal(err)
	}
	// Importing it again clashes with its name: the error is shown.
	u.importScenario(path)
	if !strings.Contains(shownText(u), "already exists") {
		t.Fatalf("last error %q", shownText(u))
	}
	u.escape()
	u.deleteScenario("aug-2025")
	u.importScenario(path)
	if u.sess.Draft() == nil || !strings.HasPrefix(u.sess.Draft().Name, "August 2025") || len(u.sess.Draft().Measures) != 10 {
		t.Fatalf("imported %+v", u.sess.Draft())
	}
	imported := u.sess.Current()
	u.Undo() // the import
	if _, ok := u.sess.Info(imported); ok {
		t.Errorf("undo left the imported scenario")
	}
}

func TestOpenAnotherWorkspace(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("threat-25")
	u.rename("Changed here")
	other := filepath.Join(t.TempDir(), "other.parley")
	u.openWorkspace(other)
	if u.sess.Workspace().Path() != other || !strings.Contains(w.Title(), "other.parley") {
		t.Fatalf("workspace %s, title %q", u.sess.Workspace().Path(), w.Title())
	}
	if len(u.sess.Infos()) != 11 || u.sess.History().CanUndo() {
		t.Errorf("%d scenarios, undo=%v", len(u.sess.Infos()), u.sess.History().CanUndo())
	}
	if info, _ := u.sess.Info("threat-25"); info.Name == "Changed here" {
		t.Errorf("the other workspace shows this one's edit")
	}
	if got := u.prefs.lastWorkspace(); got != other {
		t.Errorf("last workspace %q", got)
	}
}

func TestFileDialogsOpen(t *testing.T) {
	u, w := newTestUI(t)
	u.evidence.ImportDialog()
	imp := kittest.TopOverlay(t, w)
	for name, show := range map[string]func(){
		"new workspace":   u.newWorkspaceDialog,
		"open workspace":  u.openWorkspaceDialog,
		"import scenario": u.importScenarioDialog,
		"export scenario": u.exportScenarioDialog,
		"import file":     func() { test.Tap(kittest.Button(t, imp, "Add file…")) },
		"import folder":   func() { test.Tap(kittest.Button(t, imp, "Add folder…")) },
	} {
		t.Run(name, func(t *testing.T) {
			show()
			top := w.Canvas().Overlays().Top()
			if top == nil || top == imp {
				t.Fatal("no dialog shown")
			}
			w.Canvas().Overlays().Remove(top)
		})
	}
}

// TestNewWorkspace checks the New workspace dialog's outcome: the extension
// is added, and choosing an existing workspace (the dialog asks to
// overwrite it) opens it with everything in it instead of emptying it.
func TestNewWorkspace(t *testing.T) {
	u, _ := newTestUI(t)
	first := u.sess.Workspace().Path()
	dir := t.TempDir()

	u.createWorkspace(filepath.Join(dir, "trip"))
	if want := filepath.Join(dir, "trip.parley"); u.sess.Workspace().Path() != want {
		t.Fatalf("workspace %s, want %s", u.sess.Workspace().Path(), want)
	}
	if len(u.sess.Infos()) != 11 {
		t.Errorf("new workspace has %d scenarios, want the 11 built-in ones", len(u.sess.Infos()))
	}
	u.openScenario("threat-25")
	u.rename("Kept on the trip")
	u.openWorkspace(first)

	// What the save dialog does before handing over the path.
	w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, "trip.parley")))
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	u.createWorkspace(filepath.Join(dir, "trip.parley"))
	if info, _ := u.sess.Info("threat-25"); info.Name != "Kept on the trip" {
		t.Errorf("the existing workspace lost its edit: threat-25 is %q", info.Name)
	}
	if !strings.Contains(u.status.Text, "already") {
		t.Errorf("status %q does not say the workspace already existed", u.status.Text)
	}
}
