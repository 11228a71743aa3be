// Package session is the state of Parley's window on one workspace, without
// the window: the open workspace, the scenario shown and its draft, edits
// and their undo history, saving (at once, after a pause, or again while
// the workspace is busy), revisions and conflicts with changes made
// elsewhere, the cached calculation model and the watch on the workspace's
// data version.
//
// A Session belongs to the UI goroutine: every method is called there, and
// what happens on other goroutines (a timer's save, the watcher) is handed
// back to it through Post. It imports no GUI toolkit, so that its rules are
// tested as plain Go.
package session

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"parley/scenarios"
	"parley/storage"
)

// SaveDelay is how long continuous edits (typing, dragging a slider) wait
// before they are written to the workspace; discrete edits are saved at once.
const SaveDelay = 400 * time.Millisecond

// coalesceWindow joins continuous edits of one field into one undo step.
const coalesceWindow = 1500 * time.Millisecond

// Session is the window's state on one workspace. Set its exported fields
// before the first call; the zero value of each is usable.
type Session struct {
	// Post runs f on the UI goroutine (the shell passes fyne.Do); nil
	// runs f at once on the calling goroutine.
	Post func(f func())
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// SaveDelay is how long continuous edits wait before they are saved;
	// 0 saves them at once.
	SaveDelay time.Duration
	// WatchInterval is how often Watch asks the workspace whether another
	// process changed it; 0 does not watch.
	WatchInterval time.Duration
	// Log receives what the user is not shown (nil: slog.Default()).
	Log *slog.Logger

	// Saved is told, on the UI goroutine, the outcome of every save of the
	// draft that FlushSave attempted (see SaveResult).
	Saved func(SaveResult)
	// Changed is called on the UI goroutine when the workspace's data
	// version moved (a change made elsewhere, or one of this window's).
	Changed func()

	ws      *storage.Workspace
	history History
	closed  bool

	// The scenario shown and edited: its id and its current state (saved
	// at once or after SaveDelay).
	current string
	draft   *scenarios.Scenario
	// revs is the revision of each scenario as this session last read or
	// wrote it (scenario_io.go).
	revs    map[string]int64
	result  scenarios.Result
	infos   []storage.ScenarioInfo
	sectors []scenarios.Sector

	// Cached for the draft's assumptions: the model, the source lines and
	// the sector defaults.
	model    *scenarios.Model
	modelKey string
	sources  []string
	defaults []storage.SectorDefault
	// listsSeen is the user's lists when the model was last checked
	// against them (lists.go).
	listsSeen string

	// Continuous edits: the field being edited and when.
	editKey string
	editAt  time.Time

	dirty     bool
	saveTimer *time.Timer
	watcher   *watcher
}

// now returns the time on the session's clock.
func (s *Session) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// post runs f on the UI goroutine.
func (s *Session) post(f func()) {
	if s.Post != nil {
		s.Post(f)
		return
	}
	f()
}

func (s *Session) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// Attach makes ws the session's workspace, which it then owns, and starts
// afresh: no scenario shown, no history, no cached model. The previous
// workspace, if any, is not closed.
func (s *Session) Attach(ws *storage.Workspace) {
	s.stopTimer()
	s.Unwatch()
	s.ws = ws
	s.history, s.revs = History{}, nil
	s.current, s.draft, s.editKey, s.dirty = "", nil, "", false
	s.result, s.infos, s.sectors = scenarios.Result{}, nil, nil
	s.DropModel()
	s.closed = false
}

// Detach forgets the workspace (one that failed to open) without closing it.
func (s *Session) Detach() { s.ws = nil }

// Workspace returns the open workspace (nil before one is attached).
func (s *Session) Workspace() *storage.Workspace { return s.ws }

// Current returns the id of the scenario shown ("" for none).
func (s *Session) Current() string { return s.current }

// Draft returns the scenario shown as edited, saved or not (nil for none).
// Change it only through Edit.
func (s *Session) Draft() *scenarios.Scenario { return s.draft }

// Dirty reports whether an edit waits to be saved.
func (s *Session) Dirty() bool { return s.dirty }

// History returns the undo and redo steps.
func (s *Session) History() *History { return &s.history }

// Sectors returns the workspace's sectors, as LoadSectors read them.
func (s *Session) Sectors() []scenarios.Sector { return s.sectors }

// LoadSectors reads the workspace's sectors.
func (s *Session) LoadSectors() error {
	sectors, err := s.ws.Sectors()
	if err != nil {
		return fmt.Errorf("read the sectors: %w", err)
	}
	s.sectors = sectors
	return nil
}

// Infos returns the list of scenarios, as ReloadScenarios last read it.
func (s *Session) Infos() []storage.ScenarioInfo { return s.infos }

// ReloadScenarios reads the list of scenarios again.
func (s *Session) ReloadScenarios() error {
	infos, err := s.ws.Scenarios()
	if err != nil {
		return err
	}
	s.infos = infos
	return nil
}

// Info returns the list entry of scenario id.
func (s *Session) Info(id string) (storage.ScenarioInfo, bool) {
	for _, in := range s.infos {
		if in.ID == id {
			return in, true
		}
	}
	return storage.ScenarioInfo{}, false
}

// StartScenario returns the scenario to open first: last (the one shown
// when the workspace was last closed) when it exists, else "Today", else
// the scenario of today's regime, else the first.
func (s *Session) StartScenario(last string) string {
	for _, want := range []string{last, "today"} {
		if _, ok := s.Info(want); want != "" && ok {
			return want
		}
	}
	for _, in := range s.infos {
		if in.AsOfToday {
			return in.ID
		}
	}
	if len(s.infos) > 0 {
		return s.infos[0].ID
	}
	return ""
}

// Neighbour returns the scenario now at list position pos, or the last one.
func (s *Session) Neighbour(pos int) string {
	best := ""
	for _, in := range s.infos {
		at, err := s.ws.Placement(in.ID)
		if err != nil {
			continue
		}
		best = in.ID
		if at.Position >= pos {
			return in.ID
		}
	}
	return best
}

// Open makes scenario id ("" for none) the one shown. A scenario that does
// not exist opens none; one that cannot be read opens none and returns why.
// Save a pending edit first (FlushSave).
func (s *Session) Open(id string) error {
	var sc *scenarios.Scenario
	var err error
	if id != "" {
		if sc, err = s.ReadScenario(id); err != nil {
			id, sc = "", nil
			if errors.Is(err, storage.ErrNotFound) {
				err = nil
			}
		}
	}
	s.current, s.draft, s.editKey = id, sc, ""
	return err
}

// ReloadShown reads the scenario shown again, dropping the cached model
// (its data may have changed too).
func (s *Session) ReloadShown() error {
	sc, err := s.ReadScenario(s.current)
	if err != nil {
		return err
	}
	s.draft, s.editKey = sc, ""
	s.DropModel()
	return nil
}

// Close stops the session's timers and watcher and closes its workspace;
// nothing is saved after (call FinalSave first). It runs once.
func (s *Session) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	s.stopTimer()
	s.Unwatch()
	if s.ws == nil {
		return nil
	}
	return s.ws.Close()
}

// Time returns the time on the session's clock (Now, or time.Now).
func (s *Session) Time() time.Time { return s.now() }
