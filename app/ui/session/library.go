package session

import (
	"fmt"

	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// LibraryStep is an undoable library update: the library before and after,
// and the scenarios re-based on it as they were before and after.
type LibraryStep struct {
	Before, After *library.Pack
	Rebased       []Rebased
}

// Rebased is a scenario re-based by a library update.
type Rebased struct {
	ID            string
	Before, After *scenarios.Scenario
}

// ApplyLibrary imports pack p in one transaction, re-bases the scenarios
// rebase (ids) on it, and records the whole as one undo step. failed lists
// the scenarios that could not be re-based, with why; err is set when the
// library itself was not updated, or could not be read back after.
func (s *Session) ApplyLibrary(p *library.Pack, rebase []string) (ls *LibraryStep, failed []string, err error) {
	prev, err := s.ws.ImportLibrary(p)
	if err != nil {
		return nil, nil, err
	}
	now, err := s.ws.LibraryPack()
	if err != nil {
		return nil, nil, fmt.Errorf("read the updated library: %w", err)
	}
	ls = &LibraryStep{Before: prev, After: now}
	for _, id := range rebase {
		r, err := s.rebase(id, prev)
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", id, err))
			continue
		}
		ls.Rebased = append(ls.Rebased, r)
	}
	s.history.Push(Step{Kind: StepLibrary, Label: "library update to " + now.Info.Vintage, Lib: ls})
	s.editKey = ""
	return ls, failed, nil
}

// rebase re-bases scenario id on the library that replaced prev.
func (s *Session) rebase(id string, prev *library.Pack) (Rebased, error) {
	sc, err := s.ReadScenario(id)
	if err != nil {
		return Rebased{}, err
	}
	rev, _, err := s.ws.RebaseScenario(id, s.rev(id), prev, library.HoldsRegime(sc, prev))
	if err != nil {
		return Rebased{}, err
	}
	s.setRev(id, rev)
	after, err := s.ReadScenario(id)
	if err != nil {
		return Rebased{}, err
	}
	return Rebased{ID: id, Before: sc, After: after}, nil
}

// undoLibrary puts the library and the re-based scenarios back as they
// were before the step (redo: after). It refuses, changing nothing, when
// the library or one of the scenarios was changed elsewhere since.
func (s *Session) undoLibrary(ls *LibraryStep, redo bool) error {
	from, to := ls.After, ls.Before
	if redo {
		from, to = ls.Before, ls.After
	}
	cur, err := s.ws.LibraryPack()
	if err != nil {
		return err
	}
	if !samePack(cur, from) {
		return fmt.Errorf("%w: the measure library was changed elsewhere since", storage.ErrConflict)
	}
	for _, r := range ls.Rebased {
		if _, rev, err := s.ws.ScenarioRev(r.ID); err != nil {
			return err
		} else if rev != s.rev(r.ID) {
			return fmt.Errorf("%w: scenario %s was changed since", storage.ErrConflict, r.ID)
		}
	}
	if redo {
		if _, err := s.ws.ImportLibrary(to); err != nil {
			return err
		}
	}
	for _, r := range ls.Rebased {
		sc := r.Before
		if redo {
			sc = r.After
		}
		if _, err := s.replaceScenario(r.ID, sc); err != nil {
			return err
		}
	}
	if !redo {
		if _, err := s.ws.ImportLibrary(to); err != nil {
			return err
		}
	}
	return nil
}

// samePack reports whether two libraries hold the same pack information,
// measures and lists.
func samePack(a, b *library.Pack) bool {
	ai, bi := a.Info, b.Info
	if ai.Title != bi.Title || ai.Publisher != bi.Publisher || ai.Vintage != bi.Vintage || ai.Description != bi.Description {
		return false
	}
	return library.Compare(a, b).Empty()
}
