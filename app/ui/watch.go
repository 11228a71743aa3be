package ui

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"parley/storage"
)

// watchInterval is how often the window asks its workspace whether another
// process (the command line, another window) changed it.
const watchInterval = 1500 * time.Millisecond

// watcher polls a workspace's data version (storage.Workspace.DataVersion)
// on its own goroutine and, when it moves, has the window read again what
// it shows (UI.externalChange, on the UI goroutine).
type watcher struct {
	stopOnce sync.Once
	stop     chan struct{}
}

// watch starts watching u's workspace; the previous watcher, if any, stops.
func (u *UI) watch() {
	u.unwatch()
	ws := u.ws
	if ws == nil || testDriver(u.app) {
		return
	}
	w := &watcher{stop: make(chan struct{})}
	u.watcher = w
	last, err := ws.DataVersion()
	if err != nil {
		u.log.Warn("watch the workspace", "err", err)
		return
	}
	go func() {
		t := time.NewTicker(watchInterval)
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
			fyne.Do(func() {
				select {
				case <-w.stop:
					return // the workspace was closed or replaced meanwhile
				default:
				}
				u.externalChange()
			})
		}
	}()
}

// testDriver reports whether a runs on Fyne's test driver, whose fyne.Do
// runs its function at once on the calling goroutine: the watcher would
// then touch widgets from its own goroutine while a test does. Tests call
// externalChange themselves.
func testDriver(a fyne.App) bool {
	return a != nil && strings.HasPrefix(reflect.TypeOf(a.Driver()).String(), "*test.")
}

// unwatch stops watching the workspace.
func (u *UI) unwatch() {
	if w := u.watcher; w != nil {
		w.stopOnce.Do(func() { close(w.stop) })
		u.watcher = nil
	}
}

// externalChange reads again what the window shows after the workspace
// changed elsewhere, or by this window's own saves (which change nothing
// shown): the scenario list, the scenario shown (unless it has an edit not
// saved yet, which is kept: saving it then reports the conflict), the
// evidence library and the comparison. The scenario, the measure and the
// document selected stay selected.
func (u *UI) externalChange() {
	if u.closed || u.ws == nil {
		return
	}
	u.reloadScenarios()
	if u.dropModelIfListsChanged() && !u.dirty && u.draft != nil {
		u.recompute(u.now())
	}
	if id := u.current; id != "" {
		_, rev, err := u.ws.ScenarioRev(id)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			if !u.dirty {
				name := ""
				if u.draft != nil {
					name = u.draft.Name
				}
				u.openScenario(u.neighbour(0))
				u.setStatus(fmt.Sprintf("“%s” was deleted elsewhere (another window or the command line)", name))
			}
		case err != nil:
			u.log.Warn("check the scenario shown", "err", err)
		case rev != u.rev(id) && !u.dirty:
			u.reloadShown()
			u.setStatus("Updated: this scenario was changed elsewhere (another window or the command line)")
		case rev != u.rev(id):
			u.setStatus("This scenario was changed elsewhere; your edit is not saved yet: saving it will ask what to keep")
		}
	}
	if u.evidence != nil {
		u.evidence.reload()
	}
	if u.compare != nil && u.tabShown(tabCompare) {
		u.compare.refresh()
	}
}

// reloadShown reads the scenario shown again and shows it, keeping the
// measure selected.
func (u *UI) reloadShown() {
	sc, err := u.readScenario(u.current)
	if err != nil {
		u.showError("read the scenario", err)
		return
	}
	u.draft, u.editKey = sc, ""
	u.model, u.modelKey = nil, "" // its data may have changed too
	u.view.load()
	u.assumptions.load()
	u.recompute(u.now())
	u.refreshMenu()
}
