package session

import (
	"errors"
	"sync"
	"time"

	"parley/storage"
)

// WatchInterval is how often a window asks its workspace whether another
// process (the command line, another window) changed it.
const WatchInterval = 1500 * time.Millisecond

// watcher polls a workspace's data version on its own goroutine.
type watcher struct {
	stopOnce sync.Once
	stop     chan struct{}
}

// Watch starts watching the workspace's data version
// (storage.Workspace.DataVersion) every WatchInterval, on its own goroutine;
// when it moves, Changed runs on the UI goroutine. The previous watcher, if
// any, stops. It does nothing when WatchInterval is 0.
func (s *Session) Watch() {
	s.Unwatch()
	ws := s.ws
	if ws == nil || s.WatchInterval <= 0 {
		return
	}
	last, err := ws.DataVersion()
	if err != nil {
		s.log().Warn("watch the workspace", "err", err)
		return
	}
	w := &watcher{stop: make(chan struct{})}
	s.watcher = w
	go s.poll(w, ws, last, s.WatchInterval)
}

// poll runs the watcher w until it stops.
func (s *Session) poll(w *watcher, ws *storage.Workspace, last int64, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
		}
		v, err := ws.DataVersion()
		if err != nil || v == last {
			continue
		}
		last = v
		s.post(func() {
			select {
			case <-w.stop:
				return // the workspace was closed or replaced meanwhile
			default:
			}
			if s.Changed != nil {
				s.Changed()
			}
		})
	}
}

// Unwatch stops watching the workspace.
func (s *Session) Unwatch() {
	if w := s.watcher; w != nil {
		w.stopOnce.Do(func() { close(w.stop) })
		s.watcher = nil
	}
}

// Shown is what became of the scenario shown after a change elsewhere.
type Shown int

const (
	ShownSame           Shown = iota // unchanged, or none shown
	ShownDeleted                     // deleted elsewhere; none is shown now
	ShownChanged                     // changed elsewhere: read it again (ReloadShown)
	ShownChangedUnsaved              // changed elsewhere while an edit waits to be saved, which is kept
	ShownDeletedUnsaved              // deleted elsewhere while an edit waits to be saved, which is kept
)

// CheckShown checks, after the workspace changed elsewhere, the scenario
// shown. One with an edit not saved yet keeps it: saving it then reports
// the conflict. name is the scenario's, for
// telling the user. Read the scenario list again first (ReloadScenarios).
func (s *Session) CheckShown() (what Shown, name string, err error) {
	id := s.current
	if s.closed || s.ws == nil || id == "" {
		return ShownSame, "", nil
	}
	if s.draft != nil {
		name = s.draft.Name
	}
	_, rev, err := s.ws.ScenarioRev(id)
	switch {
	case errors.Is(err, storage.ErrNotFound) && s.dirty:
		return ShownDeletedUnsaved, name, nil
	case errors.Is(err, storage.ErrNotFound):
		return ShownDeleted, name, nil
	case err != nil:
		return ShownSame, name, err
	case rev == s.rev(id):
		return ShownSame, name, nil
	case s.dirty:
		return ShownChangedUnsaved, name, nil
	}
	return ShownChanged, name, nil
}
