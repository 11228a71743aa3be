package ui

import (
	"parley/app/ui/exportview"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/storage"
)

// answerSaveDialog answers the file save dialog on top of w as a user
// does: it types name, presses Save and, when asked "Overwrite?", Yes.
func answerSaveDialog(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	top := kittest.TopOverlay(t, w)
	entries := kittest.Find[*widget.Entry](top)
	if len(entries) == 0 {
		t.Fatal("the save dialog has no file name field")
	}
	entries[0].SetText(name)
	test.Tap(kittest.Button(t, top, "Save"))
	if c := w.Canvas().Overlays().Top(); c != nil && c != top {
		for _, b := range kittest.Find[*widget.Button](c) {
			if b.Text == "Yes" {
				test.Tap(b)
				return
			}
		}
	}
}

// fileState is what an export must leave as it was: the file itself (not
// a new one by the same name), its size and its permissions.
type fileState struct {
	info os.FileInfo
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return fileState{info}
}

// unchanged fails the test unless path is still the file s describes.
func (s fileState) unchanged(t *testing.T, path string) {
	t.Helper()
	now, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("%s is gone: %v", filepath.Base(path), err)
	}
	if !os.SameFile(s.info, now) || now.Size() != s.info.Size() || now.Mode() != s.info.Mode() {
		t.Errorf("%s was replaced or changed: %v %d bytes, was %v %d bytes", filepath.Base(path),
			now.Mode(), now.Size(), s.info.Mode(), s.info.Size())
	}
}

// emptyWAL makes the open workspace's -wal file empty, as SQLite leaves it
// after a checkpoint another process ran (here a second handle closing).
func emptyWAL(t *testing.T, u *UI) string {
	t.Helper()
	other, err := storage.Open(u.sess.Workspace().Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	wal := u.sess.Workspace().Path() + "-wal"
	info, err := os.Stat(wal)
	if err != nil {
		t.Fatalf("the open workspace has no -wal file: %v", err)
	}
	if info.Size() != 0 {
		t.Fatalf("the -wal file holds %d bytes, want it empty", info.Size())
	}
	return wal
}

// refusedTarget is a file picked in an export's save dialog that the
// export must refuse, leaving it as it was.
type refusedTarget struct {
	name string
	// make creates the file in dir (the workspace's folder) and returns
	// the name to type.
	make func(t *testing.T, u *UI, dir string) string
	// says is what the refusal the user sees contains.
	says string
}

// refusedTargets are the files every export dialog refuses.
func refusedTargets() []refusedTarget {
	return append([]refusedTarget{
		{"the open workspace's empty -wal", func(t *testing.T, u *UI, dir string) string {
			return filepath.Base(emptyWAL(t, u))
		}, "workspace open in Parley"},
		{"the open workspace", func(t *testing.T, u *UI, dir string) string {
			return filepath.Base(u.sess.Workspace().Path())
		}, "workspace open in Parley"},
		{"a folder", func(t *testing.T, u *UI, dir string) string {
			if err := os.Mkdir(filepath.Join(dir, "slides"), 0o755); err != nil {
				t.Fatal(err)
			}
			return "slides"
		}, ""}, // Fyne's dialog says it cannot replace a folder
	}, platformRefusedTargets()...)
}

// TestExportDialogsRefuseLiveAndSpecialFiles drives File ▸ Export chart and
// File ▸ Export deck through the save dialog with files an export must not
// replace: the file stays as it was (same file, size and mode) and the
// user is told why.
func TestExportDialogsRefuseLiveAndSpecialFiles(t *testing.T) {
	for _, dialogName := range []string{"chart", "deck"} {
		for _, tc := range refusedTargets() {
			t.Run(dialogName+"/"+tc.name, func(t *testing.T) {
				u, w := newTestUI(t)
				u.openScenario("aug-2025")
				dir := filepath.Dir(u.sess.Workspace().Path())
				u.app.Preferences().SetString(exportview.PrefFolder, dir)
				name := tc.make(t, u, dir)
				path := filepath.Join(dir, name)
				before := stateOf(t, path)
				openSaveDialog(t, u, dialogName)
				answerSaveDialog(t, w, name)
				before.unchanged(t, path)
				if tc.says != "" && !strings.Contains(shownText(u), tc.says) {
					t.Errorf("the user was told %q, want it to say %q", shownText(u), tc.says)
				}
				if entries, _ := filepath.Glob(filepath.Join(dir, name+".*")); len(entries) != 0 {
					t.Errorf("files written beside it: %v", entries)
				}
				// The workspace still takes writes and sees them.
				if err := u.rename("Still saved"); err != nil {
					t.Fatal(err)
				}
				if sc, err := u.sess.Workspace().Scenario("aug-2025"); err != nil || sc.Name != "Still saved" {
					t.Errorf("after the export the workspace holds %v (%v)", sc, err)
				}
			})
		}
	}
}

// TestExportBesideEmptyFile picks an existing empty file without the
// format's extension: the export goes to the name with the extension, and
// the empty file (which Parley did not create) stays.
func TestExportBesideEmptyFile(t *testing.T) {
	for _, dialogName := range []string{"chart", "deck"} {
		t.Run(dialogName, func(t *testing.T) {
			u, w := newTestUI(t)
			u.openScenario("aug-2025")
			dir := t.TempDir()
			u.app.Preferences().SetString(exportview.PrefFolder, dir)
			path := filepath.Join(dir, "notes")
			if err := os.WriteFile(path, nil, 0o640); err != nil {
				t.Fatal(err)
			}
			before := stateOf(t, path)
			q := openSaveDialog(t, u, dialogName)
			answerSaveDialog(t, w, "notes")
			if err := q.waitDone(t, "export"); err != nil {
				t.Fatal(err)
			}
			before.unchanged(t, path)
			want := path + ".png"
			if dialogName == "deck" {
				want = path + ".pptx"
			}
			if info, err := os.Stat(want); err != nil || info.Size() == 0 {
				t.Errorf("the export is not at %s: %v", want, err)
			}
		})
	}
}

// openSaveDialog opens the export dialog named (chart or deck) on the
// scenario shown and presses its Save…, which shows the save dialog.
func openSaveDialog(t *testing.T, u *UI, name string) *uiQueue {
	t.Helper()
	if name == "chart" {
		d, q := openExport(t, u)
		d.Submit()
		return q
	}
	q := useUIQueue(t, u)
	menuItem(t, u, "Export deck…").Action()
	dd, ok := u.dialogs.top().(*exportview.DeckDialog)
	if !ok {
		t.Fatalf("top dialog %T, want the deck dialog", u.dialogs.top())
	}
	dd.OnDone = func(_ string, err error) { q.done = append(q.done, err) }
	dd.Submit()
	return q
}
