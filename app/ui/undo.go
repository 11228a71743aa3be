package ui

import (
	"errors"
	"fmt"

	"parley/scenarios"
	"parley/storage"
)

// maxUndo is how many steps Parley can undo.
const maxUndo = 100

// stepKind is what a step of the history did to a scenario.
type stepKind uint8

const (
	stepEdit    stepKind = iota // changed a scenario
	stepCreate                  // created (or imported, or branched) a scenario
	stepDelete                  // deleted a scenario
	stepLibrary                 // replaced the measure library (library_update.go)
)

// step is one undoable change of one scenario. Edits keep the scenario as it
// was before; the state after is read back when the step is undone.
type step struct {
	kind   stepKind
	id     string // scenario id
	label  string // what the step did, for the Edit menu
	before *scenarios.Scenario
	after  *scenarios.Scenario
	at     storage.Placement // list position (and built-in flag) of a deleted or created scenario
	lib    *libraryStep      // a library update: the libraries and re-based scenarios
	// stale: the scenario was changed elsewhere after the step was made, so
	// its base is no longer what is stored and undoing or redoing it would
	// write an old copy over that change (see UI.readScenario).
	stale bool
}

// markStale marks the steps of scenario id as made before a change made
// elsewhere.
func (h *history) markStale(id string) {
	for _, steps := range [][]step{h.undo, h.redo} {
		for i := range steps {
			if steps[i].id == id {
				steps[i].stale = true
			}
		}
	}
}

// history is the undo and redo stacks of scenario edits.
type history struct {
	undo, redo []step
}

// push records a new step and forgets the steps that were undone.
func (h *history) push(s step) {
	h.undo = append(h.undo, s)
	if len(h.undo) > maxUndo {
		h.undo = append(h.undo[:0:0], h.undo[len(h.undo)-maxUndo:]...)
	}
	h.redo = nil
}

// dropLast forgets the newest step (an edit that could not be saved).
func (h *history) dropLast() {
	if len(h.undo) > 0 {
		h.undo = h.undo[:len(h.undo)-1]
	}
}

func (h *history) canUndo() bool { return len(h.undo) > 0 }
func (h *history) canRedo() bool { return len(h.redo) > 0 }

// undoLabel returns the Edit menu's "Undo ..." text.
func (h *history) undoLabel() string {
	if len(h.undo) == 0 {
		return "Undo"
	}
	return fmt.Sprintf("Undo %s", h.undo[len(h.undo)-1].label)
}

// redoLabel returns the Edit menu's "Redo ..." text.
func (h *history) redoLabel() string {
	if len(h.redo) == 0 {
		return "Redo"
	}
	return fmt.Sprintf("Redo %s", h.redo[len(h.redo)-1].label)
}

// clone returns a copy of sc, or nil.
func clone(sc *scenarios.Scenario) *scenarios.Scenario {
	if sc == nil {
		return nil
	}
	c := sc.Clone()
	return &c
}

// replaceScenario saves sc as scenario id and returns the scenario it
// replaced. It fails with storage.ErrConflict when the scenario was changed
// elsewhere since this window last read or wrote it: an undo never writes an
// old copy over another window's or process's change.
func (u *UI) replaceScenario(id string, sc *scenarios.Scenario) (*scenarios.Scenario, error) {
	if err := u.ws.CheckWritable(); err != nil {
		return nil, err
	}
	now, rev, err := u.ws.ScenarioRev(id)
	if err != nil {
		return nil, err
	}
	if rev != u.rev(id) {
		return nil, fmt.Errorf("%w (revision %d, this window knows %d)", storage.ErrConflict, rev, u.rev(id))
	}
	if err := u.saveScenario(id, sc); err != nil {
		return nil, err
	}
	return now, nil
}

// Undo reverts the newest scenario edit: an edit writes the scenario back as
// it was, a creation is deleted and a deletion is restored at its old place.
func (u *UI) Undo() {
	u.flushSave()
	if !u.history.canUndo() {
		u.setStatus("Nothing to undo")
		return
	}
	s := u.history.undo[len(u.history.undo)-1]
	u.history.undo = u.history.undo[:len(u.history.undo)-1]
	var err error
	switch {
	case s.kind == stepLibrary:
		err = u.undoLibrary(s.lib, false)
	case s.stale:
		err = storage.ErrConflict
	case s.kind == stepEdit:
		var was *scenarios.Scenario
		if was, err = u.replaceScenario(s.id, s.before); err == nil {
			s.after = was
		}
	case s.kind == stepCreate:
		if s.at, err = u.ws.Placement(s.id); err == nil {
			var now *scenarios.Scenario
			var rev int64
			if now, rev, err = u.ws.ScenarioRev(s.id); err == nil {
				s.after = now
				if rev != u.rev(s.id) {
					err = storage.ErrConflict
				} else {
					err = u.deleteStored(s.id)
				}
			}
		}
	case s.kind == stepDelete:
		err = u.restoreStored(s.id, s.before, s.at)
	}
	if err != nil && s.kind == stepLibrary {
		// Changed elsewhere since: undoing would overwrite that change.
		u.afterLibrary()
		u.showError("undo "+s.label, err)
		return
	}
	if err != nil {
		if errors.Is(err, storage.ErrConflict) {
			u.conflict(s.id, nil, "Undo would overwrite that change, so it was not done; the scenario's undo history is cleared.")
			return
		}
		u.history.undo = append(u.history.undo, s)
		u.showError("undo "+s.label, err)
		return
	}
	u.history.redo = append(u.history.redo, s)
	u.afterHistory(s, s.kind != stepCreate)
	u.setStatus("Undone: " + s.label)
}

// Redo applies the newest undone step again.
func (u *UI) Redo() {
	u.flushSave()
	if !u.history.canRedo() {
		u.setStatus("Nothing to redo")
		return
	}
	s := u.history.redo[len(u.history.redo)-1]
	u.history.redo = u.history.redo[:len(u.history.redo)-1]
	var err error
	switch {
	case s.kind == stepLibrary:
		err = u.undoLibrary(s.lib, true)
	case s.stale:
		err = storage.ErrConflict
	case s.kind == stepEdit:
		var was *scenarios.Scenario
		if was, err = u.replaceScenario(s.id, s.after); err == nil {
			s.before = was
		}
	case s.kind == stepCreate:
		err = u.restoreStored(s.id, s.after, s.at)
	case s.kind == stepDelete:
		err = u.deleteStored(s.id)
	}
	if err != nil && s.kind == stepLibrary {
		u.afterLibrary()
		u.showError("redo "+s.label, err)
		return
	}
	if err != nil {
		if errors.Is(err, storage.ErrConflict) {
			u.conflict(s.id, nil, "Redo would overwrite that change, so it was not done; the scenario's undo history is cleared.")
			return
		}
		u.history.redo = append(u.history.redo, s)
		u.showError("redo "+s.label, err)
		return
	}
	u.history.undo = append(u.history.undo, s)
	u.afterHistory(s, s.kind != stepDelete)
	u.setStatus("Redone: " + s.label)
}

// afterHistory shows the workspace after an undo or redo: the scenario the
// step changed when it exists, else a neighbour.
func (u *UI) afterHistory(s step, exists bool) {
	if s.kind == stepLibrary {
		u.afterLibrary()
		return
	}
	u.editKey = ""
	u.reloadScenarios()
	if exists {
		u.openScenario(s.id)
	} else if s.id == u.current {
		u.openScenario(u.neighbour(s.at.Position))
	} else {
		u.openScenario(u.current)
	}
	u.evidence.showExcerpt() // citations may have changed
	u.refreshMenu()
}
