package session_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/scenarios/scenariofile"
	"parley/storage"
)

// TestFinalSaveKeepsARefusedEdit checks that an edit the workspace refuses
// when the window closes (here: changed elsewhere meanwhile) is kept in a
// scenario file, named with the session's clock, that the error names.
func TestFinalSaveKeepsARefusedEdit(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config)
	t.Setenv("AppData", config)
	s, _ := open(t, "threat-25")
	s.Now = func() time.Time { return time.Date(2026, 12, 7, 9, 30, 15, 0, time.UTC) }
	if _, err := s.Edit("name", "rename", rename("Mine, unsaved")); err != nil {
		t.Fatal(err)
	}
	cli := elsewhere(t, s)
	sc, rev, _ := cli.ScenarioRev("threat-25")
	sc.Description = "Changed elsewhere."
	if _, err := cli.SaveScenario("threat-25", sc, rev); err != nil {
		t.Fatal(err)
	}
	err := s.FinalSave()
	if !errors.Is(err, storage.ErrConflict) {
		t.Fatalf("final save: %v, want a conflict", err)
	}
	dir, _ := os.UserConfigDir()
	want := filepath.Join(dir, "Parley", "unsaved", "mine-unsaved-2026-12-07-093015.json")
	if !strings.Contains(err.Error(), want) {
		t.Errorf("the error %q does not say where the edit is kept (%s)", err, want)
	}
	data, ferr := os.ReadFile(want)
	if ferr != nil {
		t.Fatal(ferr)
	}
	kept, ferr := scenariofile.Decode(data)
	if ferr != nil || kept.Scenario.Name != "Mine, unsaved" {
		t.Errorf("kept %+v (%v)", kept, ferr)
	}
	if stored(t, s, "threat-25").Description != "Changed elsewhere." {
		t.Error("the final save wrote over the change elsewhere")
	}
	if s.Dirty() {
		t.Error("the edit is still pending after the final save")
	}
}

// TestFailedSaveDropsItsUndoStep checks that an edit the workspace refused
// cannot be undone (it was never stored), while the steps before it stay.
func TestFailedSaveDropsItsUndoStep(t *testing.T) {
	s, saved := open(t, "threat-25")
	if _, err := s.Edit("", "first", rename("First")); err != nil {
		t.Fatal(err)
	}
	s.FlushSave()
	cli := elsewhere(t, s)
	sc, rev, _ := cli.ScenarioRev("threat-25")
	if _, err := cli.SaveScenario("threat-25", sc, rev); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Edit("", "second", rename("Second")); err != nil {
		t.Fatal(err)
	}
	s.FlushSave()
	if n := len(*saved); n != 2 || !errors.Is((*saved)[1].Err, storage.ErrConflict) {
		t.Fatalf("saves %+v", *saved)
	}
	if undo, _ := s.History().Len(); undo != 1 || s.History().UndoLabel() != "Undo first" {
		t.Errorf("%d undo steps, top %q; want the first edit's only", undo, s.History().UndoLabel())
	}
}
