package session_test

import (
	"testing"
	"testing/synctest"
	"time"

	"parley/app/ui/session"
	"parley/storage"
)

// queue is a UI goroutine for tests: Post appends, run runs what waits.
type queue struct{ c chan func() }

func newQueue() *queue         { return &queue{c: make(chan func(), 16)} }
func (q *queue) post(f func()) { q.c <- f }
func (q *queue) pending() int  { return len(q.c) }
func (q *queue) run(t *testing.T) {
	t.Helper()
	for {
		select {
		case f := <-q.c:
			f()
		default:
			return
		}
	}
}

// bubbled opens, inside a synctest bubble, a session on a new workspace at
// path showing threat-25, posting to q.
func bubbled(t *testing.T, path string, q *queue) *session.Session {
	t.Helper()
	ws, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &session.Session{Post: q.post, SaveDelay: session.SaveDelay, WatchInterval: session.WatchInterval}
	s.Attach(ws)
	if err := s.Open("threat-25"); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContinuousEditsAreSavedAfterAPause(t *testing.T) {
	path := newWorkspace(t)
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		s := bubbled(t, path, q)
		defer s.Close()
		var saves int
		s.Saved = func(r session.SaveResult) {
			if r.Err != nil {
				t.Errorf("save: %v", r.Err)
			}
			saves++
		}
		for _, name := range []string{"T", "Ty", "Typed"} {
			if _, err := s.Edit("name", "rename", rename(name)); err != nil {
				t.Fatal(err)
			}
			s.ScheduleSave()
			time.Sleep(session.SaveDelay - time.Millisecond)
			synctest.Wait()
			if q.pending() != 0 {
				t.Fatal("saved while the user was still typing")
			}
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if q.pending() != 1 {
			t.Fatalf("%d saves posted after the pause, want 1", q.pending())
		}
		q.run(t)
		if saves != 1 || s.Dirty() || stored(t, s, "threat-25").Name != "Typed" {
			t.Errorf("after the pause: %d saves, dirty %v, stored %q", saves, s.Dirty(), stored(t, s, "threat-25").Name)
		}
	})
}

func TestCloseStopsThePendingSave(t *testing.T) {
	path := newWorkspace(t)
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		s := bubbled(t, path, q)
		if _, err := s.Edit("name", "rename", rename("Kept")); err != nil {
			t.Fatal(err)
		}
		s.ScheduleSave()
		if err := s.FinalSave(); err != nil {
			t.Fatal(err)
		}
		name := stored(t, s, "threat-25").Name
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if name != "Kept" || q.pending() != 0 {
			t.Errorf("stored %q on close; %d saves posted after", name, q.pending())
		}
	})
}

func TestWatchSeesChangesElsewhere(t *testing.T) {
	path := newWorkspace(t)
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		s := bubbled(t, path, q)
		defer s.Close()
		changed := 0
		s.Changed = func() { changed++ }
		s.Watch()
		time.Sleep(3 * session.WatchInterval)
		synctest.Wait()
		if q.pending() != 0 {
			t.Fatal("a change was seen while nothing changed")
		}

		cli, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer cli.Close()
		sc, rev, _ := cli.ScenarioRev("threat-25")
		sc.Description = "Changed by the command line."
		if _, err := cli.SaveScenario("threat-25", sc, rev); err != nil {
			t.Fatal(err)
		}
		time.Sleep(session.WatchInterval)
		synctest.Wait()
		q.run(t)
		if changed != 1 {
			t.Fatalf("the watcher saw %d changes, want 1", changed)
		}
		if what, _, err := s.CheckShown(); what != session.ShownChanged || err != nil {
			t.Errorf("CheckShown: %v, %v", what, err)
		}

		// A change seen after the watch stopped is not delivered.
		sc.Description = "Again."
		if _, err := cli.SaveScenario("threat-25", sc, rev+1); err != nil {
			t.Fatal(err)
		}
		s.Unwatch()
		time.Sleep(2 * session.WatchInterval)
		synctest.Wait()
		q.run(t)
		if changed != 1 {
			t.Errorf("the watcher ran after it stopped: %d changes", changed)
		}
	})
}
