package session

import (
	"errors"
	"fmt"

	"parley/scenarios"
	"parley/storage"
)

// maxUndo is how many steps Parley can undo.
const maxUndo = 100

// StepKind is what a step of the history did.
type StepKind uint8

const (
	StepEdit    StepKind = iota // changed a scenario
	StepCreate                  // created (or imported, or branched) a scenario
	StepDelete                  // deleted a scenario
	StepLibrary                 // replaced the measure library (library.go)
)

// Step is one undoable change of one scenario, or of the measure library.
// Edits keep the scenario as it was before; the state after is read back
// when the step is undone.
type Step struct {
	Kind   StepKind
	ID     string // scenario id
	Label  string // what the step did, for the Edit menu
	Before *scenarios.Scenario
	After  *scenarios.Scenario
	At     storage.Placement // list position (and built-in flag) of a deleted or created scenario
	Lib    *LibraryStep      // a library update: the libraries and re-based scenarios
	// stale: the scenario was changed elsewhere after the step was made, so
	// its base is no longer what is stored and undoing or redoing it would
	// write an old copy over that change (see Session.ReadScenario).
	stale bool
}

// History is the undo and redo stacks.
type History struct {
	undo, redo []Step
}

// Push records a new step and forgets the steps that were undone.
func (h *History) Push(s Step) {
	h.undo = append(h.undo, s)
	if len(h.undo) > maxUndo {
		h.undo = append(h.undo[:0:0], h.undo[len(h.undo)-maxUndo:]...)
	}
	h.redo = nil
}

// dropLast forgets the newest step (an edit that could not be saved).
func (h *History) dropLast() {
	if len(h.undo) > 0 {
		h.undo = h.undo[:len(h.undo)-1]
	}
}

// markStale marks the steps of scenario id as made before a change made
// elsewhere.
func (h *History) markStale(id string) {
	for _, steps := range [][]Step{h.undo, h.redo} {
		for i := range steps {
			if steps[i].ID == id {
				steps[i].stale = true
			}
		}
	}
}

// forget drops the steps of scenario id.
func (h *History) forget(id string) {
	keep := func(steps []Step) []Step {
		var out []Step
		for _, s := range steps {
			if s.ID != id {
				out = append(out, s)
			}
		}
		return out
	}
	h.undo, h.redo = keep(h.undo), keep(h.redo)
}

// CanUndo reports whether there is a step to undo.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether there is a step to redo.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// Len returns the number of steps to undo and to redo.
func (h *History) Len() (undo, redo int) { return len(h.undo), len(h.redo) }

// UndoLabel returns the Edit menu's "Undo ..." text.
func (h *History) UndoLabel() string {
	if len(h.undo) == 0 {
		return "Undo"
	}
	return fmt.Sprintf("Undo %s", h.undo[len(h.undo)-1].Label)
}

// RedoLabel returns the Edit menu's "Redo ..." text.
func (h *History) RedoLabel() string {
	if len(h.redo) == 0 {
		return "Redo"
	}
	return fmt.Sprintf("Redo %s", h.redo[len(h.redo)-1].Label)
}

// Clone returns a copy of sc, or nil.
func Clone(sc *scenarios.Scenario) *scenarios.Scenario {
	if sc == nil {
		return nil
	}
	c := sc.Clone()
	return &c
}

// Forget drops the undo and redo steps of scenario id (after a change made
// elsewhere they would write old copies over it) and ends the continuous
// edit.
func (s *Session) Forget(id string) {
	s.history.forget(id)
	s.editKey = ""
}

// Undo reverts the newest step: an edit writes the scenario back as it was,
// a creation is deleted, a deletion is restored at its old place and a
// library update puts the library and its re-based scenarios back. ok is
// false when there is nothing to undo. On storage.ErrConflict (the scenario
// changed elsewhere) the step is dropped and nothing is written; on another
// error the step stays to undo. Save a pending edit first (FlushSave).
func (s *Session) Undo() (st Step, ok bool, err error) {
	if !s.history.CanUndo() {
		return Step{}, false, nil
	}
	st = s.history.undo[len(s.history.undo)-1]
	s.history.undo = s.history.undo[:len(s.history.undo)-1]
	switch {
	case st.Kind == StepLibrary:
		err = s.undoLibrary(st.Lib, false)
	case st.stale:
		err = storage.ErrConflict
	case st.Kind == StepEdit:
		var was *scenarios.Scenario
		if was, err = s.replaceScenario(st.ID, st.Before); err == nil {
			st.After = was
		}
	case st.Kind == StepCreate:
		err = s.undoCreate(&st)
	case st.Kind == StepDelete:
		err = s.restoreStored(st.ID, st.Before, st.At)
	}
	if err != nil {
		if st.Kind != StepLibrary && !errors.Is(err, storage.ErrConflict) {
			s.history.undo = append(s.history.undo, st)
		}
		return st, true, err
	}
	s.history.redo = append(s.history.redo, st)
	s.editKey = ""
	return st, true, nil
}

// undoCreate deletes the scenario a step created, keeping it and its place
// for a redo, unless it was changed elsewhere since.
func (s *Session) undoCreate(st *Step) error {
	at, err := s.ws.Placement(st.ID)
	if err != nil {
		return err
	}
	st.At = at
	now, rev, err := s.ws.ScenarioRev(st.ID)
	if err != nil {
		return err
	}
	st.After = now
	if rev != s.rev(st.ID) {
		return storage.ErrConflict
	}
	return s.deleteStored(st.ID)
}

// Redo applies the newest undone step again, with Undo's outcomes.
func (s *Session) Redo() (st Step, ok bool, err error) {
	if !s.history.CanRedo() {
		return Step{}, false, nil
	}
	st = s.history.redo[len(s.history.redo)-1]
	s.history.redo = s.history.redo[:len(s.history.redo)-1]
	switch {
	case st.Kind == StepLibrary:
		err = s.undoLibrary(st.Lib, true)
	case st.stale:
		err = storage.ErrConflict
	case st.Kind == StepEdit:
		var was *scenarios.Scenario
		if was, err = s.replaceScenario(st.ID, st.After); err == nil {
			st.Before = was
		}
	case st.Kind == StepCreate:
		err = s.restoreStored(st.ID, st.After, st.At)
	case st.Kind == StepDelete:
		err = s.deleteStored(st.ID)
	}
	if err != nil {
		if st.Kind != StepLibrary && !errors.Is(err, storage.ErrConflict) {
			s.history.redo = append(s.history.redo, st)
		}
		return st, true, err
	}
	s.history.undo = append(s.history.undo, st)
	s.editKey = ""
	return st, true, nil
}
