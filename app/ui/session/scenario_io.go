package session

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
	"parley/storage"
)

// Another window or process (the command line, a colleague's Parley) may
// change the workspace while this session shows it. Every scenario is read
// with its revision and saved only over that revision (compare and swap):
// when the save, an undo or a redo finds the scenario changed elsewhere, it
// writes nothing and fails with storage.ErrConflict.

// rev returns the revision of scenario id as this session last read or
// wrote it (0: never read, which no stored scenario has).
func (s *Session) rev(id string) int64 { return s.revs[id] }

// setRev remembers the revision of scenario id.
func (s *Session) setRev(id string, rev int64) {
	if s.revs == nil {
		s.revs = map[string]int64{}
	}
	s.revs[id] = rev
}

// ReadScenario reads scenario id and remembers its revision. A revision
// other than the one this session last read or wrote is a change made
// elsewhere (this session's own writes set theirs): the undo and redo steps
// of the scenario made before it are marked stale, and are refused as a
// conflict, since the revision check alone would now pass them.
func (s *Session) ReadScenario(id string) (*scenarios.Scenario, error) {
	sc, rev, err := s.ws.ScenarioRev(id)
	if err != nil {
		return nil, err
	}
	if known := s.rev(id); known != 0 && known != rev {
		s.history.markStale(id)
	}
	s.setRev(id, rev)
	return sc, nil
}

// SaveScenario saves sc as scenario id over the revision this session read.
func (s *Session) SaveScenario(id string, sc *scenarios.Scenario) error {
	if err := s.ws.CheckWritable(); err != nil {
		return err
	}
	rev, err := s.ws.SaveScenario(id, sc, s.rev(id))
	if err != nil {
		return err
	}
	s.setRev(id, rev)
	return nil
}

// deleteStored deletes scenario id if it is as this session read it; its
// revision is kept for restoring it.
func (s *Session) deleteStored(id string) error {
	return s.ws.DeleteScenario(id, s.rev(id))
}

// restoreStored puts a deleted scenario back where it was.
func (s *Session) restoreStored(id string, sc *scenarios.Scenario, at storage.Placement) error {
	rev, err := s.ws.RestoreScenario(id, sc, at, s.rev(id))
	if err != nil {
		return err
	}
	s.setRev(id, rev)
	return nil
}

// replaceScenario saves sc as scenario id and returns the scenario it
// replaced. It fails with storage.ErrConflict when the scenario was changed
// elsewhere since this session last read or wrote it: an undo never writes
// an old copy over another window's or process's change.
func (s *Session) replaceScenario(id string, sc *scenarios.Scenario) (*scenarios.Scenario, error) {
	if err := s.ws.CheckWritable(); err != nil {
		return nil, err
	}
	now, rev, err := s.ws.ScenarioRev(id)
	if err != nil {
		return nil, err
	}
	if rev != s.rev(id) {
		return nil, fmt.Errorf("%w (revision %d, this window knows %d)", storage.ErrConflict, rev, s.rev(id))
	}
	if err := s.SaveScenario(id, sc); err != nil {
		return nil, err
	}
	return now, nil
}

// Created reads scenario id, just created (or imported, or branched) by
// this window, and records its creation as an undo step labelled label.
func (s *Session) Created(id, label string) (*scenarios.Scenario, error) {
	sc, err := s.ReadScenario(id)
	if err != nil {
		return nil, err
	}
	at, _ := s.ws.Placement(id)
	s.history.Push(Step{Kind: StepCreate, ID: id, Label: label, After: sc, At: at})
	return sc, nil
}

// KeepAsCopy stores mine, the user's version of a scenario changed
// elsewhere, as a new scenario named after it ("… (my version)", numbered
// when taken) and returns its id and name. The creation is not recorded:
// call Created.
func (s *Session) KeepAsCopy(mine *scenarios.Scenario) (id, name string, err error) {
	c := mine.Clone()
	base := c.Name + " (my version)"
	c.Name = base
	for i := 2; ; i++ {
		if _, err := s.ws.Resolve(c.Name); errors.Is(err, storage.ErrNotFound) {
			break
		}
		c.Name = fmt.Sprintf("%s %d", base, i)
	}
	id, err = s.ws.CreateScenario(&c)
	return id, c.Name, err
}

// FinalSave writes the pending edit, when the window closes. When the
// workspace refuses it, the user's version is kept in a scenario file, and
// the error says where.
func (s *Session) FinalSave() error {
	s.stopTimer()
	if !s.dirty || s.draft == nil || s.ws == nil || s.closed {
		return nil
	}
	s.dirty = false
	err := s.SaveScenario(s.current, s.draft)
	if err == nil {
		return nil
	}
	path, rerr := rescue(s.draft, s.now())
	if rerr != nil {
		s.log().Error("keep the unsaved scenario", "err", rerr)
		return fmt.Errorf("your last change to “%s” could not be saved: %w (and it could not be kept in a file: %v)", s.draft.Name, err, rerr)
	}
	s.log().Error("save the scenario on close", "scenario", s.current, "err", err, "kept in", path)
	return fmt.Errorf("your last change to “%s” could not be saved: %w. It is kept in %s: File ▸ Import scenario… brings it back", s.draft.Name, err, path)
}

// rescue writes sc as a scenario file into Parley's folder "unsaved" (in
// the user's configuration folder) and returns its path.
func rescue(sc *scenarios.Scenario, now time.Time) (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "Parley", "unsaved")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	name := storage.Slug(sc.Name)
	if name == "" {
		name = "scenario"
	}
	path := filepath.Join(dir, name+"-"+now.Format("2006-01-02-150405")+".json")
	err = storage.WriteFileAtomic(path, func(w io.Writer) error { return scenariofile.Encode(w, sc, sc.EvalDate()) })
	return path, err
}
