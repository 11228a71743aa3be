package session

import (
	"errors"
	"reflect"
	"time"

	"parley/scenarios"
	"parley/storage"
)

// BusyRetry is how long a save that found the workspace busy waits before
// it tries again.
const BusyRetry = time.Second

// SaveResult is the outcome of a save of the draft.
type SaveResult struct {
	ID   string              // the scenario saved
	Mine *scenarios.Scenario // the draft it saved (a copy)
	// Err is nil when the draft was saved. storage.ErrBusy: another Parley
	// was writing; the edit stays pending and is saved again after
	// BusyRetry. storage.ErrConflict: the scenario was changed elsewhere;
	// the edit's undo step is dropped and nothing was written. Any other
	// error: the edit's undo step is dropped; reopen the scenario to show
	// what is stored.
	Err error
}

// Edit changes the draft: fn changes a copy, which is checked and becomes
// the draft. Edits with the same non-empty key that follow each other
// closely (typing, dragging) form one undo step; others each make one,
// after the pending edit is saved. It returns whether the draft changed and
// the validation errors of the changed scenario, in which case nothing
// changes. Save the draft after (FlushSave, or ScheduleSave for continuous
// edits).
func (s *Session) Edit(key, label string, fn func(sc *scenarios.Scenario)) (bool, error) {
	if s.draft == nil {
		return false, errors.New("no scenario is open")
	}
	if err := s.ws.CheckWritable(); err != nil {
		return false, err
	}
	now := s.now()
	next := s.draft.Clone()
	fn(&next)
	if errs := scenarios.Validate(&next, nil); len(errs) > 0 {
		return false, errs
	}
	if reflect.DeepEqual(&next, s.draft) {
		return false, nil // nothing changed: no undo step
	}
	if !(key != "" && key == s.editKey && now.Sub(s.editAt) < coalesceWindow) {
		s.FlushSave()
		s.history.Push(Step{Kind: StepEdit, ID: s.current, Label: label, Before: Clone(s.draft)})
	}
	s.editKey, s.editAt = key, now
	s.draft = &next
	s.dirty = true
	return true, nil
}

// EditOther changes scenario id, not the one shown, as one undo step and
// saves it at once.
func (s *Session) EditOther(id, label string, fn func(sc *scenarios.Scenario)) error {
	sc, err := s.ReadScenario(id)
	if err != nil {
		return err
	}
	next := sc.Clone()
	fn(&next)
	if err := s.SaveScenario(id, &next); err != nil {
		return err
	}
	s.history.Push(Step{Kind: StepEdit, ID: id, Label: label, Before: sc})
	return nil
}

// Delete deletes scenario id (undoable: it comes back at its place) if it is
// as this session read it, and returns it and where it was. The scenario
// shown is then none.
func (s *Session) Delete(id string) (*scenarios.Scenario, storage.Placement, error) {
	sc, err := s.ReadScenario(id)
	if err != nil {
		return nil, storage.Placement{}, err
	}
	at, err := s.ws.Placement(id)
	if err != nil {
		return nil, at, err
	}
	if err := s.deleteStored(id); err != nil {
		return nil, at, err
	}
	s.history.Push(Step{Kind: StepDelete, ID: id, Label: "deletion of “" + sc.Name + "”", Before: sc, At: at})
	s.current, s.draft, s.dirty = "", nil, false
	return sc, at, nil
}

// DropPending forgets the edit that waits to be saved: nothing saves it.
func (s *Session) DropPending() {
	s.stopTimer()
	s.dirty = false
}

// ScheduleSave saves the draft after SaveDelay, unless more edits come.
func (s *Session) ScheduleSave() {
	if s.SaveDelay <= 0 {
		s.FlushSave()
		return
	}
	s.stopTimer()
	s.saveTimer = time.AfterFunc(s.SaveDelay, func() { s.post(s.FlushSave) })
}

func (s *Session) stopTimer() {
	if s.saveTimer != nil {
		s.saveTimer.Stop()
		s.saveTimer = nil
	}
}

// FlushSave saves a pending edit now and tells Saved the outcome (see
// SaveResult). When another Parley is writing, the edit stays pending, with
// its undo step, and is tried again after BusyRetry: nothing is lost, and
// the window does not wait frozen.
func (s *Session) FlushSave() {
	s.stopTimer()
	if !s.dirty || s.draft == nil || s.closed {
		return
	}
	s.dirty = false
	r := SaveResult{ID: s.current, Mine: Clone(s.draft), Err: s.SaveScenario(s.current, s.draft)}
	switch {
	case errors.Is(r.Err, storage.ErrBusy):
		s.dirty = true
		s.saveTimer = time.AfterFunc(BusyRetry, func() { s.post(s.FlushSave) })
	case r.Err != nil:
		if n := len(s.history.undo); n > 0 && s.history.undo[n-1].ID == s.current && s.history.undo[n-1].Kind == StepEdit {
			s.history.dropLast()
		}
		s.editKey = ""
	}
	if s.Saved != nil {
		s.Saved(r)
	}
}
