package session_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"parley/app/ui/session"
	"parley/scenarios"
	"parley/storage"
)

// open returns a session on a new workspace in a temporary folder, showing
// scenario id, and the results of the saves it attempted.
func open(t *testing.T, id string) (*session.Session, *[]session.SaveResult) {
	t.Helper()
	ws, err := storage.Open(newWorkspace(t))
	if err != nil {
		t.Fatal(err)
	}
	s := &session.Session{}
	var saved []session.SaveResult
	s.Saved = func(r session.SaveResult) { saved = append(saved, r) }
	s.Attach(ws)
	t.Cleanup(func() { s.Close() })
	if err := s.ReloadScenarios(); err != nil {
		t.Fatal(err)
	}
	if err := s.Open(id); err != nil || s.Current() != id {
		t.Fatalf("open %q: showing %q (%v)", id, s.Current(), err)
	}
	return s, &saved
}

// elsewhere opens a second connection on s's workspace, as the command
// line or another window does.
func elsewhere(t *testing.T, s *session.Session) *storage.Workspace {
	t.Helper()
	cli, err := storage.Open(s.Workspace().Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cli.Close() })
	return cli
}

func stored(t *testing.T, s *session.Session, id string) *scenarios.Scenario {
	t.Helper()
	sc, err := s.Workspace().Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func rename(name string) func(*scenarios.Scenario) {
	return func(sc *scenarios.Scenario) { sc.Name = name }
}

func TestEditSaveUndoRedo(t *testing.T) {
	s, saved := open(t, "threat-25")
	was := s.Draft().Name
	if changed, err := s.Edit("", "rename", rename("Renamed")); !changed || err != nil {
		t.Fatalf("edit: changed %v, %v", changed, err)
	}
	if !s.Dirty() || stored(t, s, "threat-25").Name != was {
		t.Fatal("the edit was saved before FlushSave")
	}
	s.FlushSave()
	if s.Dirty() || len(*saved) != 1 || (*saved)[0].Err != nil || stored(t, s, "threat-25").Name != "Renamed" {
		t.Fatalf("after FlushSave: dirty %v, saves %+v, stored %q", s.Dirty(), *saved, stored(t, s, "threat-25").Name)
	}
	if changed, err := s.Edit("", "same", rename("Renamed")); changed || err != nil {
		t.Errorf("an edit that changes nothing: changed %v, %v", changed, err)
	}
	if got := s.History().UndoLabel(); got != "Undo rename" {
		t.Errorf("undo label %q", got)
	}
	st, ok, err := s.Undo()
	if !ok || err != nil || st.Kind != session.StepEdit || stored(t, s, "threat-25").Name != was {
		t.Fatalf("undo: %v %v, stored %q", ok, err, stored(t, s, "threat-25").Name)
	}
	if _, ok, err := s.Redo(); !ok || err != nil || stored(t, s, "threat-25").Name != "Renamed" {
		t.Fatalf("redo: %v %v, stored %q", ok, err, stored(t, s, "threat-25").Name)
	}
	s.History().Len()
	if _, ok, _ := s.Redo(); ok {
		t.Error("a second redo found a step")
	}
}

func TestInvalidEditChangesNothing(t *testing.T) {
	s, _ := open(t, "threat-25")
	before := s.Draft()
	if changed, err := s.Edit("", "blank", rename("")); changed || err == nil {
		t.Fatalf("a nameless scenario: changed %v, %v", changed, err)
	}
	if s.Draft() != before || s.Dirty() || s.History().CanUndo() {
		t.Error("a refused edit changed the session")
	}
}

func TestContinuousEditsFormOneStep(t *testing.T) {
	s, _ := open(t, "threat-25")
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	for _, name := range []string{"R", "Re", "Ren"} {
		if _, err := s.Edit("name", "rename", rename(name)); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Second)
	}
	if n, _ := s.History().Len(); n != 1 {
		t.Fatalf("typing made %d undo steps, want 1", n)
	}
	now = now.Add(2 * time.Second) // a pause: the next keystroke is a new step
	if _, err := s.Edit("name", "rename", rename("Rena")); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.History().Len(); n != 2 {
		t.Fatalf("after a pause: %d undo steps, want 2", n)
	}
	if stored(t, s, "threat-25").Name != "Ren" {
		t.Error("the first step's edit was not saved when the second began")
	}
}

func TestSaveOverChangeElsewhereIsAConflict(t *testing.T) {
	s, saved := open(t, "threat-25")
	cli := elsewhere(t, s)
	sc, rev, err := cli.ScenarioRev("threat-25")
	if err != nil {
		t.Fatal(err)
	}
	sc.Description = "Changed by the command line."
	if _, err := cli.SaveScenario("threat-25", sc, rev); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Edit("", "rename", rename("Mine")); err != nil {
		t.Fatal(err)
	}
	s.FlushSave()
	if len(*saved) != 1 || !errors.Is((*saved)[0].Err, storage.ErrConflict) || (*saved)[0].Mine.Name != "Mine" {
		t.Fatalf("saves %+v, want one conflict with my version", *saved)
	}
	if got := stored(t, s, "threat-25"); got.Description != "Changed by the command line." || got.Name == "Mine" {
		t.Errorf("the change elsewhere was overwritten: %+v", got)
	}
	if s.History().CanUndo() {
		t.Error("the edit that was not saved can be undone")
	}
	id, name, err := s.KeepAsCopy((*saved)[0].Mine)
	if err != nil || name != "Mine (my version)" || stored(t, s, id).Name != name {
		t.Errorf("kept as %q %q (%v)", id, name, err)
	}
	if _, name, _ := s.KeepAsCopy((*saved)[0].Mine); name != "Mine (my version) 2" {
		t.Errorf("second copy named %q", name)
	}
}

func TestUndoAfterChangeElsewhereIsRefused(t *testing.T) {
	s, _ := open(t, "threat-25")
	if _, err := s.Edit("", "rename", rename("Mine")); err != nil {
		t.Fatal(err)
	}
	s.FlushSave()
	cli := elsewhere(t, s)
	sc, rev, _ := cli.ScenarioRev("threat-25")
	sc.Description = "Changed elsewhere."
	if _, err := cli.SaveScenario("threat-25", sc, rev); err != nil {
		t.Fatal(err)
	}
	if what, _, err := s.CheckShown(); what != session.ShownChanged || err != nil {
		t.Fatalf("CheckShown: %v, %v", what, err)
	}
	if err := s.ReloadShown(); err != nil {
		t.Fatal(err)
	}
	// The reload made the revision check pass: the step is refused as stale.
	if _, ok, err := s.Undo(); !ok || !errors.Is(err, storage.ErrConflict) {
		t.Fatalf("undo: %v, %v", ok, err)
	}
	if got := stored(t, s, "threat-25"); got.Description != "Changed elsewhere." || got.Name != "Mine" {
		t.Errorf("undo wrote over the change elsewhere: %q %q", got.Name, got.Description)
	}
}

func TestDeleteAndUndo(t *testing.T) {
	s, _ := open(t, "threat-25")
	sc, at, err := s.Delete("threat-25")
	if err != nil || s.Current() != "" || s.Draft() != nil {
		t.Fatalf("delete: %v, showing %q", err, s.Current())
	}
	if _, err := s.Workspace().Scenario("threat-25"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("still stored: %v", err)
	}
	if _, ok, err := s.Undo(); !ok || err != nil {
		t.Fatalf("undo: %v", err)
	}
	if back := stored(t, s, "threat-25"); back.Name != sc.Name {
		t.Errorf("restored %q", back.Name)
	}
	if now, _ := s.Workspace().Placement("threat-25"); now.Position != at.Position {
		t.Errorf("restored at %d, was at %d", now.Position, at.Position)
	}
}

func TestModelIsCachedPerAssumptions(t *testing.T) {
	s, _ := open(t, "today")
	r, err := s.Evaluate(s.Draft().EvalDate())
	if err != nil || len(r.Totals) == 0 || s.Result().Totals[0] != r.Totals[0] {
		t.Fatalf("evaluate: %v", err)
	}
	m := s.Model()
	if len(s.Sources()) == 0 || len(s.Defaults()) == 0 {
		t.Error("no sources or sector defaults with the model")
	}
	if again, _ := s.ModelFor(s.Draft().Assumptions); again != m {
		t.Error("the same assumptions built a new model")
	}
	s.DropModel()
	if again, _ := s.ModelFor(s.Draft().Assumptions); again == m || again == nil {
		t.Error("a dropped model was reused")
	}
}

// TestSourceLines: the sources of the scenario shown are its model's data
// sources followed by the measure library's line; none with no scenario.
func TestSourceLines(t *testing.T) {
	s, _ := open(t, "today")
	got := s.SourceLines()
	if _, err := s.ModelFor(s.Draft().Assumptions); err != nil {
		t.Fatal(err)
	}
	lib, err := s.Workspace().LibraryLine(s.Draft())
	if err != nil {
		t.Fatal(err)
	}
	if want := append(slices.Clone(s.Sources()), lib); len(s.Sources()) == 0 || !slices.Equal(got, want) {
		t.Errorf("sources %q, want %q", got, want)
	}
	if _, _, err := s.Delete("today"); err != nil {
		t.Fatal(err)
	}
	if got := s.SourceLines(); got != nil {
		t.Errorf("sources %q with no scenario shown", got)
	}
}

func TestStartScenarioAndNeighbour(t *testing.T) {
	s, _ := open(t, "today")
	if got := s.StartScenario("threat-25"); got != "threat-25" {
		t.Errorf("last shown: %q", got)
	}
	if got := s.StartScenario("gone"); got != "today" {
		t.Errorf("last shown deleted: %q", got)
	}
	if got := s.Neighbour(0); got != s.Infos()[0].ID {
		t.Errorf("neighbour of 0: %q, first listed %q", got, s.Infos()[0].ID)
	}
}
