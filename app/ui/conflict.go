package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// Another window or process (the command line, a colleague's Parley) may
// change the workspace while this window shows it. Every scenario is read
// with its revision and saved only over that revision (compare and swap):
// when the save, an undo or a redo finds the scenario changed elsewhere, it
// writes nothing, the user is told, and the scenario is reloaded.

// conflictMessage is what the user is told when a scenario changed elsewhere.
const conflictMessage = "This scenario was changed elsewhere (another window or the command line)."

// rev returns the revision of scenario id as this window last read or
// wrote it (0: never read, which no stored scenario has).
func (u *UI) rev(id string) int64 { return u.revs[id] }

// setRev remembers the revision of scenario id.
func (u *UI) setRev(id string, rev int64) {
	if u.revs == nil {
		u.revs = map[string]int64{}
	}
	u.revs[id] = rev
}

// readScenario reads scenario id and remembers its revision. A revision
// other than the one this window last read or wrote is a change made
// elsewhere (this window's own writes set theirs): the undo and redo steps
// of the scenario made before it are marked stale, and are refused as a
// conflict, since the revision check alone would now pass them.
func (u *UI) readScenario(id string) (*scenarios.Scenario, error) {
	sc, rev, err := u.ws.ScenarioRev(id)
	if err != nil {
		return nil, err
	}
	if known := u.rev(id); known != 0 && known != rev {
		u.history.markStale(id)
	}
	u.setRev(id, rev)
	return sc, nil
}

// saveScenario saves sc as scenario id over the revision this window read.
func (u *UI) saveScenario(id string, sc *scenarios.Scenario) error {
	if err := u.ws.CheckWritable(); err != nil {
		return err
	}
	rev, err := u.ws.SaveScenario(id, sc, u.rev(id))
	if err != nil {
		return err
	}
	u.setRev(id, rev)
	return nil
}

// deleteStored deletes scenario id if it is as this window read it; its
// revision is kept for restoring it.
func (u *UI) deleteStored(id string) error {
	return u.ws.DeleteScenario(id, u.rev(id))
}

// restoreStored puts a deleted scenario back where it was.
func (u *UI) restoreStored(id string, sc *scenarios.Scenario, at storage.Placement) error {
	rev, err := u.ws.RestoreScenario(id, sc, at, u.rev(id))
	if err != nil {
		return err
	}
	u.setRev(id, rev)
	return nil
}

// forget drops the undo and redo steps of scenario id: after a change made
// elsewhere they would write old copies over it.
func (u *UI) forget(id string) {
	keep := func(steps []step) []step {
		var out []step
		for _, s := range steps {
			if s.id != id {
				out = append(out, s)
			}
		}
		return out
	}
	u.history.undo, u.history.redo = keep(u.history.undo), keep(u.history.redo)
}

// conflict tells the user that scenario id was changed elsewhere, so that
// what they did (what, e.g. "Your change was not saved.") was not done, and
// offers to reload it; mine, when not nil, is the user's version, which
// they may keep as a new scenario instead of losing it. The scenario's
// undo history is dropped.
func (u *UI) conflict(id string, mine *scenarios.Scenario, what string) {
	u.forget(id)
	u.editKey = ""
	msg := widget.NewLabel(conflictMessage + " " + what + " Reload it to see it as it is now.")
	msg.Wrapping = fyne.TextWrapWord
	u.lastError = msg.Text
	var d dialog.Dialog
	reload := widget.NewButton("Reload", func() {
		d.Hide()
		u.reloadScenarios()
		u.openScenario(id)
		u.refreshMenu()
	})
	reload.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{reload}
	if mine != nil {
		buttons = append(buttons, widget.NewButton("Keep my version as a new scenario", func() {
			d.Hide()
			u.keepAsCopy(id, mine)
		}))
	}
	content := container.NewVBox(msg)
	d = dialog.NewCustomWithoutButtons("Changed elsewhere", content, u.win)
	d.(*dialog.CustomDialog).SetButtons(buttons)
	d.Resize(fyne.NewSize(480, d.MinSize().Height+40))
	u.track(d, nil)
}

// keepAsCopy stores mine as a new scenario named after it, and shows it.
func (u *UI) keepAsCopy(id string, mine *scenarios.Scenario) {
	c := mine.Clone()
	base := c.Name + " (my version)"
	c.Name = base
	for i := 2; ; i++ {
		if _, err := u.ws.Resolve(c.Name); errors.Is(err, storage.ErrNotFound) {
			break
		}
		c.Name = fmt.Sprintf("%s %d", base, i)
	}
	newID, err := u.ws.CreateScenario(&c)
	if err != nil {
		u.showError("keep your version", err)
		u.openScenario(id)
		return
	}
	u.created(newID, "copy of “"+c.Name+"”")
}

// showWriteError shows why a change of scenario id failed: a conflict (with
// mine, the user's version, or nil) or any other error.
func (u *UI) showWriteError(what, done string, id string, mine *scenarios.Scenario, err error) {
	if errors.Is(err, storage.ErrConflict) {
		u.conflict(id, mine, done)
		return
	}
	u.showError(what, err)
}

// busyRetry is how long a save that found the workspace busy waits before
// it tries again.
const busyRetry = time.Second

// afterFunc runs the retries of busy saves (tests replace it).
var afterFunc = time.AfterFunc

// retrySave keeps the edit that could not be saved because another Parley
// was writing (storage.ErrBusy) pending, with its undo step, and tries again
// shortly: nothing is lost, and the window does not wait frozen.
func (u *UI) retrySave() {
	u.dirty = true
	u.setStatus("The workspace is busy (another Parley is writing to it): your change will be saved in a moment")
	if u.saveTimer != nil {
		u.saveTimer.Stop()
	}
	u.saveTimer = afterFunc(busyRetry, func() { fyne.Do(u.flushSave) })
}

// markReadOnly says in the window title and the status bar that the
// workspace cannot be changed.
func (u *UI) markReadOnly() {
	if !u.ws.ReadOnly() {
		return
	}
	u.win.SetTitle(u.win.Title() + " (read-only)")
	u.setStatus("Read-only: this workspace cannot be changed here (its file, folder or disk is write-protected)")
}

// finalSave writes the pending edit without touching widgets (the run loop
// may have ended). When the workspace refuses it, the user's version is kept
// in a scenario file, and the error says where.
func (u *UI) finalSave() error {
	if u.saveTimer != nil {
		u.saveTimer.Stop()
		u.saveTimer = nil
	}
	if !u.dirty || u.draft == nil || u.ws == nil {
		return nil
	}
	u.dirty = false
	err := u.saveScenario(u.current, u.draft)
	if err == nil {
		return nil
	}
	path, rerr := rescue(u.draft, u.now())
	if rerr != nil {
		u.log.Error("keep the unsaved scenario", "err", rerr)
		return fmt.Errorf("your last change to “%s” could not be saved: %w (and it could not be kept in a file: %v)", u.draft.Name, err, rerr)
	}
	u.log.Error("save the scenario on close", "scenario", u.current, "err", err, "kept in", path)
	return fmt.Errorf("your last change to “%s” could not be saved: %w. It is kept in %s: File ▸ Import scenario… brings it back", u.draft.Name, err, path)
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
	err = storage.WriteFileAtomic(path, func(w io.Writer) error { return scenarios.EncodeFile(w, sc, sc.EvalDate()) })
	return path, err
}

// closeWindow saves what is pending and closes the window; when the save
// fails, it says so (and where the change is kept) before closing.
func (u *UI) closeWindow() {
	if err := u.finalSave(); err != nil {
		msg := widget.NewLabel(present.Capitalize(err.Error()))
		msg.Wrapping = fyne.TextWrapWord
		u.lastError = msg.Text
		d := dialog.NewCustom("Your last change was not saved", "Close Parley", msg, u.win)
		d.Resize(fyne.NewSize(520, d.MinSize().Height+60))
		u.track(d, func() {
			u.shutdown()
			u.win.Close()
		})
		return
	}
	u.shutdown()
	u.win.Close()
}
