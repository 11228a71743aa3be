package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestUndoRedoEdits(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Undo me")
	id := u.current
	addEmpty(t, u, w, scenarios.Wildcard)
	withMeasure := u.result.Totals[0].Duty
	typeInto(u.view.form.rate, "40")
	at40 := u.result.Totals[0].Duty

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
		if u.current != id {
			t.Fatalf("step %d: showing %q, want %q", i, u.current, id)
		}
		if n := len(u.draft.Measures); n != s.measures {
			t.Fatalf("step %d: %d measures, want %d", i, n, s.measures)
		}
		if u.result.Totals[0].Duty != s.duty {
			t.Errorf("step %d: duty %v, want %v", i, u.result.Totals[0].Duty, s.duty)
		}
		if got := u.exposure.table.Cell(0, 3); got != present.Millions(s.duty) {
			t.Errorf("step %d: table shows %q", i, got)
		}
		stored, err := u.ws.Scenario(id)
		if err != nil || len(stored.Measures) != s.measures {
			t.Errorf("step %d: workspace has %v measures (%v)", i, stored, err)
		}
	}
	if u.view.form.rate.Text != "40" {
		t.Errorf("form shows rate %q after redo", u.view.form.rate.Text)
	}
}

func TestUndoManySteps(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("threat-25")
	orig := u.draft.Measures[0].Rate
	const n = 60
	for i := range n {
		// Each edit is its own step (no key: not coalesced).
		if err := u.edit("", fmt.Sprintf("edit %d", i), func(sc *scenarios.Scenario) {
			sc.Measures[0].Rate = float64(i+1) / 100
		}); err != nil {
			t.Fatal(err)
		}
	}
	for range n {
		u.Undo()
	}
	if got := u.draft.Measures[0].Rate; got != orig {
		t.Errorf("after %d undos the rate is %v, want %v", n, got, orig)
	}
	for range n {
		u.Redo()
	}
	if got := u.draft.Measures[0].Rate; got != float64(n)/100 {
		t.Errorf("after %d redos the rate is %v", n, got)
	}
}

func TestTypingIsOneUndoStep(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("threat-25")
	before := u.draft.Description
	typeInto(u.view.desc, "A longer description typed key by key")
	if u.draft.Description != "A longer description typed key by key" {
		t.Fatalf("description %q", u.draft.Description)
	}
	u.Undo()
	if u.draft.Description != before {
		t.Errorf("one undo left %q, want %q", u.draft.Description, before)
	}
}

func TestDeleteAndUndoDelete(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("sectoral-deal")
	at, err := u.ws.Placement("sectoral-deal")
	if err != nil {
		t.Fatal(err)
	}
	u.list.deleteDialog()
	test.Tap(button(t, topOverlay(t, w), "Delete"))
	if _, ok := u.info("sectoral-deal"); ok || len(u.infos) != 10 {
		t.Fatalf("not deleted: %d scenarios", len(u.infos))
	}
	if u.current == "sectoral-deal" || u.current == "" {
		t.Errorf("showing %q after the delete, want a neighbour", u.current)
	}
	u.undoAction() // Ctrl+Z with no field focused
	if len(u.infos) != 11 || u.current != "sectoral-deal" {
		t.Fatalf("undo delete: %d scenarios, showing %q", len(u.infos), u.current)
	}
	if p, _ := u.ws.Placement("sectoral-deal"); p != at || !p.Builtin {
		t.Errorf("restored at %+v, want %+v (built in)", p, at)
	}
	if u.infos[at.Position].ID != "sectoral-deal" {
		t.Errorf("list position %d holds %s", at.Position, u.infos[at.Position].ID)
	}
	u.Redo()
	if _, ok := u.info("sectoral-deal"); ok {
		t.Errorf("redo did not delete again")
	}
}

func TestBranchAndRename(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("aug-2025")
	u.list.branchDialog()
	name := focusedField(t, w)
	typeInto(name, "August, steel exempt")
	test.Tap(button(t, topOverlay(t, w), "Create branch"))
	if u.draft.Name != "August, steel exempt" || len(u.draft.Measures) != 10 {
		t.Fatalf("branch: %q with %d measures", u.draft.Name, len(u.draft.Measures))
	}
	branch := u.current
	if err := u.rename("August: steel exempt"); err != nil {
		t.Fatal(err)
	}
	if info, _ := u.info(branch); info.Name != "August: steel exempt" {
		t.Errorf("list shows %q", info.Name)
	}
	u.Undo() // the rename
	u.Undo() // the branch
	if _, ok := u.info(branch); ok {
		t.Errorf("undo did not remove the branch")
	}
}

func TestDeleteEveryScenario(t *testing.T) {
	u, _ := newTestUI(t)
	for len(u.infos) > 0 {
		u.deleteScenario(u.infos[0].ID)
	}
	if u.draft != nil || u.current != "" {
		t.Fatalf("showing %q with no scenario left", u.current)
	}
	if !u.view.empty.Visible() || u.assumptions.body.Visible() {
		t.Errorf("empty state not shown")
	}
	if !u.menu.del.Disabled {
		t.Errorf("Delete enabled with no scenario")
	}
	u.view.addMeasure() // does nothing, does not crash
	u.Undo()
	if len(u.infos) != 1 || u.draft == nil {
		t.Errorf("undo brought back %d scenarios", len(u.infos))
	}
}
