package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit/kittest"
	"parley/app/ui/present"
	"parley/scenarios"
)

func TestUndoRedoEdits(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Undo me")
	id := u.sess.Current()
	addEmpty(t, u, w, scenarios.Wildcard)
	withMeasure := u.sess.Result().Totals[0].Duty
	kittest.TypeInto(editorField(t, u, "25"), "40")
	at40 := u.sess.Result().Totals[0].Duty

	steps := []struct {
		do        func()
		measures  int
		duty      float64
		storedMin int
	}{
		{u.Undo, 1, withMeasure, 1}, // rate back to 25%
		{u.Undo, 1, 0, 1},           // no sector yet
		{u.Undo, 0, 0, 0},           // measure gone
		{u.Redo, 1, 0, 1},
		{u.Redo, 1, withMeasure, 1},
		{u.Redo, 1, at40, 1},
	}
	for i, s := range steps {
		s.do()
		if u.sess.Current() != id {
			t.Fatalf("step %d: showing %q, want %q", i, u.sess.Current(), id)
		}
		if n := len(u.sess.Draft().Measures); n != s.measures {
			t.Fatalf("step %d: %d measures, want %d", i, n, s.measures)
		}
		if u.sess.Result().Totals[0].Duty != s.duty {
			t.Errorf("step %d: duty %v, want %v", i, u.sess.Result().Totals[0].Duty, s.duty)
		}
		if got := u.exposure.Table().Cell(0, 3); got != present.Millions(s.duty) {
			t.Errorf("step %d: table shows %q", i, got)
		}
		stored, err := u.sess.Workspace().Scenario(id)
		if err != nil || len(stored.Measures) != s.measures {
			t.Errorf("step %d: workspace has %v measures (%v)", i, stored, err)
		}
	}
	if editorField(t, u, "25").Text != "40" {
		t.Errorf("form shows rate %q after redo", editorField(t, u, "25").Text)
	}
}

func TestTypingIsOneUndoStep(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("threat-25")
	before := u.sess.Draft().Description
	kittest.TypeInto(editorField(t, u, "Describe what this scenario assumes"), "A longer description typed key by key")
	if u.sess.Draft().Description != "A longer description typed key by key" {
		t.Fatalf("description %q", u.sess.Draft().Description)
	}
	u.Undo()
	if u.sess.Draft().Description != before {
		t.Errorf("one undo left %q, want %q", u.sess.Draft().Description, before)
	}
}

func TestDeleteAndUndoDelete(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("sectoral-deal")
	at, err := u.sess.Workspace().Placement("sectoral-deal")
	if err != nil {
		t.Fatal(err)
	}
	u.scen.DeleteDialog()
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Delete"))
	if _, ok := u.sess.Info("sectoral-deal"); ok || len(u.sess.Infos()) != 10 {
		t.Fatalf("not deleted: %d scenarios", len(u.sess.Infos()))
	}
	if u.sess.Current() == "sectoral-deal" || u.sess.Current() == "" {
		t.Errorf("showing %q after the delete, want a neighbour", u.sess.Current())
	}
	u.undoAction() // Ctrl+Z with no field focused
	if len(u.sess.Infos()) != 11 || u.sess.Current() != "sectoral-deal" {
		t.Fatalf("undo delete: %d scenarios, showing %q", len(u.sess.Infos()), u.sess.Current())
	}
	if p, _ := u.sess.Workspace().Placement("sectoral-deal"); p != at || !p.Builtin {
		t.Errorf("restored at %+v, want %+v (built in)", p, at)
	}
	if u.sess.Infos()[at.Position].ID != "sectoral-deal" {
		t.Errorf("list position %d holds %s", at.Position, u.sess.Infos()[at.Position].ID)
	}
	u.Redo()
	if _, ok := u.sess.Info("sectoral-deal"); ok {
		t.Errorf("redo did not delete again")
	}
}

func TestBranchAndRename(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("aug-2025")
	u.scen.BranchDialog()
	name := kittest.FocusedField(t, w)
	kittest.TypeInto(name, "August, steel exempt")
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Create branch"))
	if u.sess.Draft().Name != "August, steel exempt" || len(u.sess.Draft().Measures) != 10 {
		t.Fatalf("branch: %q with %d measures", u.sess.Draft().Name, len(u.sess.Draft().Measures))
	}
	branch := u.sess.Current()
	if err := u.rename("August: steel exempt"); err != nil {
		t.Fatal(err)
	}
	if info, _ := u.sess.Info(branch); info.Name != "August: steel exempt" {
		t.Errorf("list shows %q", info.Name)
	}
	u.Undo() // the rename
	u.Undo() // the branch
	if _, ok := u.sess.Info(branch); ok {
		t.Errorf("undo did not remove the branch")
	}
}

func TestDeleteEveryScenario(t *testing.T) {
	u, _ := newTestUI(t)
	for len(u.sess.Infos()) > 0 {
		u.deleteScenario(u.sess.Infos()[0].ID)
	}
	if u.sess.Draft() != nil || u.sess.Current() != "" {
		t.Fatalf("showing %q with no scenario left", u.sess.Current())
	}
	if !editorLabel(t, u, "No scenario is open").Visible() || assumptionsShown(u) {
		t.Errorf("empty state not shown")
	}
	if !u.menu.del.Disabled {
		t.Errorf("Delete enabled with no scenario")
	}
	u.scen.AddMeasure() // does nothing, does not crash
	u.Undo()
	if len(u.sess.Infos()) != 1 || u.sess.Draft() == nil {
		t.Errorf("undo brought back %d scenarios", len(u.sess.Infos()))
	}
}
