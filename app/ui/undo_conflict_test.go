package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
	"parley/storage"
)

// TestUndoRefusedAfterChangeElsewhere checks that once the window has
// reloaded a scenario another process changed (the watcher's poll), an
// undo or redo step recorded before that change is refused with the
// "Changed elsewhere" dialog: the other process's commit stays, and the
// scenario is not deleted under it.
func TestUndoRefusedAfterChangeElsewhere(t *testing.T) {
	for _, tc := range []struct {
		name string
		// do makes the step to undo (or redo) on the scenario shown.
		do func(t *testing.T, u *UI)
		// act is what the user presses once the change was reloaded.
		act func(u *UI)
	}{
		{"undo an edit", func(t *testing.T, u *UI) {
			u.openScenario("aug-2025")
			if err := u.edit("", "description change", func(sc *scenarios.Scenario) { sc.Description = "Mine." }); err != nil {
				t.Fatal(err)
			}
		}, (*UI).Undo},
		{"redo an edit", func(t *testing.T, u *UI) {
			u.openScenario("aug-2025")
			if err := u.edit("", "description change", func(sc *scenarios.Scenario) { sc.Description = "Mine." }); err != nil {
				t.Fatal(err)
			}
			u.Undo()
		}, (*UI).Redo},
		{"undo a creation", func(t *testing.T, u *UI) {
			newEmpty(t, u, "Created here")
		}, (*UI).Undo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, w := newTestUI(t)
			tc.do(t, u)
			id := u.sess.Current()

			// Another process (a second handle, as the command line) commits.
			cli, err := storage.Open(u.sess.Workspace().Path())
			if err != nil {
				t.Fatal(err)
			}
			defer cli.Close()
			sc, rev, err := cli.ScenarioRev(id)
			if err != nil {
				t.Fatal(err)
			}
			sc.Description = "Committed by the command line."
			if _, err := cli.SaveScenario(id, sc, rev); err != nil {
				t.Fatal(err)
			}
			u.externalChange() // what the watcher runs when the data version moves
			if u.sess.Draft() == nil || u.sess.Draft().Description != "Committed by the command line." {
				t.Fatalf("the window did not reload the change: %+v", u.sess.Draft())
			}

			tc.act(u)
			stored, err := u.sess.Workspace().Scenario(id)
			if err != nil {
				t.Fatalf("the other process's scenario is gone: %v", err)
			}
			if stored.Description != "Committed by the command line." {
				t.Errorf("the other process's commit was overwritten: description %q", stored.Description)
			}
			if !strings.Contains(shownText(u), conflictMessage) {
				t.Errorf("no conflict shown; last error %q", shownText(u))
			}
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog shown")
			}
			shown := false
			for _, l := range kittest.Find[*widget.Label](top) {
				if strings.Contains(l.Text, conflictMessage) {
					shown = true
				}
			}
			if !shown {
				t.Error("the dialog shown does not say the scenario changed elsewhere")
			}
			if undo, redo := u.sess.History().Len(); undo+redo > 0 {
				t.Errorf("the scenario's stale steps are kept: %d undo, %d redo", undo, redo)
			}
		})
	}
}
