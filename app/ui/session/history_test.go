package session_test

import (
	"fmt"
	"testing"

	"parley/scenarios"
)

// setRate returns an edit that sets the first measure's rate.
func setRate(r float64) func(*scenarios.Scenario) {
	return func(sc *scenarios.Scenario) { sc.Measures[0].Rate = r }
}

func TestUndoManySteps(t *testing.T) {
	s, _ := open(t, "threat-25")
	orig := s.Draft().Measures[0].Rate
	const n = 60
	for i := range n {
		// Each edit is its own step (no key: not coalesced).
		if _, err := s.Edit("", fmt.Sprintf("edit %d", i), setRate(float64(i+1)/100)); err != nil {
			t.Fatal(err)
		}
		s.FlushSave()
	}
	for range n {
		if _, ok, err := s.Undo(); !ok || err != nil {
			t.Fatalf("undo: %v %v", ok, err)
		}
	}
	if got := stored(t, s, "threat-25").Measures[0].Rate; got != orig {
		t.Errorf("after %d undos the rate is %v, want %v", n, got, orig)
	}
	for range n {
		if _, ok, err := s.Redo(); !ok || err != nil {
			t.Fatalf("redo: %v %v", ok, err)
		}
	}
	if got := stored(t, s, "threat-25").Measures[0].Rate; got != float64(n)/100 {
		t.Errorf("after %d redos the rate is %v", n, got)
	}
}

func TestHistoryKeepsTheNewestHundredSteps(t *testing.T) {
	s, _ := open(t, "threat-25")
	for i := range 105 {
		if _, err := s.Edit("", fmt.Sprintf("edit %d", i), setRate(float64(i+1)/1000)); err != nil {
			t.Fatal(err)
		}
		s.FlushSave()
	}
	if undo, redo := s.History().Len(); undo != 100 || redo != 0 {
		t.Fatalf("%d undo and %d redo steps, want 100 and 0", undo, redo)
	}
	if got := s.History().UndoLabel(); got != "Undo edit 104" {
		t.Errorf("newest step %q", got)
	}
	s.Undo()
	if got := s.History().RedoLabel(); got != "Redo edit 104" {
		t.Errorf("redo label %q", got)
	}
	// A new edit forgets what was undone.
	if _, err := s.Edit("", "new", setRate(0.5)); err != nil {
		t.Fatal(err)
	}
	if s.History().CanRedo() {
		t.Error("an edit after an undo kept the redo step")
	}
}

func TestUndoCreation(t *testing.T) {
	s, _ := open(t, "threat-25")
	c := s.Draft().Clone()
	c.Name = "Created here"
	id, err := s.Workspace().CreateScenario(&c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Created(id, "creation"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Undo(); !ok || err != nil {
		t.Fatalf("undo: %v %v", ok, err)
	}
	if _, err := s.Workspace().Scenario(id); err == nil {
		t.Fatal("undo did not delete the scenario it created")
	}
	if _, ok, err := s.Redo(); !ok || err != nil || stored(t, s, id).Name != "Created here" {
		t.Fatalf("redo: %v %v", ok, err)
	}
}
