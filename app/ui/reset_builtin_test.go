package ui

import (
	"errors"
	"reflect"
	"testing"

	"parley/scenarios"
)

// TestResetToBuiltin checks that a changed built-in scenario gets back the
// definition Parley ships, stored, that Undo brings the user's version
// back, and that a scenario of the user's cannot be reset.
func TestResetToBuiltin(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	if u.menu.reset.Disabled {
		t.Fatal("Reset to built-in disabled on a built-in scenario")
	}
	shipped := u.sess.Draft().Clone()
	if err := u.edit("", "test edit", func(sc *scenarios.Scenario) {
		sc.Name = "My today"
		sc.Measures = sc.Measures[1:]
	}); err != nil {
		t.Fatal(err)
	}
	mine := u.sess.Draft().Clone()
	if err := waitQueued(t, chanOf(u.resetToBuiltin()), "the reset"); err != nil {
		t.Fatal(err)
	}
	stored, err := u.sess.Workspace().Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	for what, got := range map[string]any{"shown": u.sess.Draft(), "stored": stored} {
		sc := got.(*scenarios.Scenario)
		if sc.Name != shipped.Name || len(sc.Measures) != len(shipped.Measures) || !reflect.DeepEqual(sc.Measures, shipped.Measures) {
			t.Errorf("%s after reset: %q with %d measures, want %q with %d", what, sc.Name, len(sc.Measures), shipped.Name, len(shipped.Measures))
		}
	}
	u.undoAction()
	if u.sess.Draft().Name != mine.Name || len(u.sess.Draft().Measures) != len(mine.Measures) {
		t.Errorf("after undo: %q with %d measures, want the user's %q with %d", u.sess.Draft().Name, len(u.sess.Draft().Measures), mine.Name, len(mine.Measures))
	}

	// A scenario of the user's has no built-in definition.
	if err := u.createScenario(&scenarios.Scenario{Name: "Mine", AsOf: scenarios.MustDate("2026-01-01"), Assumptions: scenarios.DefaultAssumptions()}, "test"); err != nil {
		t.Fatal(err)
	}
	if !u.menu.reset.Disabled {
		t.Error("Reset to built-in enabled on the user's scenario")
	}
	if err := <-u.resetToBuiltin(); !errors.Is(err, errNotBuiltin) {
		t.Errorf("reset of the user's scenario: %v", err)
	}
}

// chanOf passes the outcome of a reset to waitQueued.
func chanOf(c <-chan error) chan error {
	out := make(chan error, 1)
	go func() { out <- <-c }()
	return out
}
