package ui

import (
	"errors"

	"parley/app/ui/session"
	"parley/storage"
)

// Undo reverts the newest scenario edit: an edit writes the scenario back as
// it was, a creation is deleted and a deletion is restored at its old place.
func (u *UI) Undo() {
	u.flushSave()
	s, ok, err := u.sess.Undo()
	if !ok {
		u.setStatus("Nothing to undo")
		return
	}
	if u.historyFailed("undo", s, err) {
		return
	}
	u.afterHistory(s, s.Kind != session.StepCreate)
	u.setStatus("Undone: " + s.Label)
}

// Redo applies the newest undone step again.
func (u *UI) Redo() {
	u.flushSave()
	s, ok, err := u.sess.Redo()
	if !ok {
		u.setStatus("Nothing to redo")
		return
	}
	if u.historyFailed("redo", s, err) {
		return
	}
	u.afterHistory(s, s.Kind != session.StepDelete)
	u.setStatus("Redone: " + s.Label)
}

// historyFailed shows why an undo or redo (what) of step s failed, if it
// did: a library changed elsewhere since, a scenario changed elsewhere
// (whose undo history is then cleared) or another error.
func (u *UI) historyFailed(what string, s session.Step, err error) bool {
	switch {
	case err == nil:
		return false
	case s.Kind == session.StepLibrary:
		// Changed elsewhere since: undoing would overwrite that change.
		u.afterLibrary()
		u.showError(what+" "+s.Label, err)
	case errors.Is(err, storage.ErrConflict):
		verb := "Undo"
		if what == "redo" {
			verb = "Redo"
		}
		u.conflict(s.ID, nil, verb+" would overwrite that change, so it was not done; the scenario's undo history is cleared.")
	default:
		u.showError(what+" "+s.Label, err)
	}
	return true
}

// afterHistory shows the workspace after an undo or redo: the scenario the
// step changed when it exists, else a neighbour.
func (u *UI) afterHistory(s session.Step, exists bool) {
	if s.Kind == session.StepLibrary {
		u.afterLibrary()
		return
	}
	u.reloadScenarios()
	if exists {
		u.openScenario(s.ID)
	} else if s.ID == u.sess.Current() {
		u.openScenario(u.sess.Neighbour(s.At.Position))
	} else {
		u.openScenario(u.sess.Current())
	}
	u.evidence.ShowExcerpt() // citations may have changed
	u.refreshMenu()
}
