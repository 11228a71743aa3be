package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// Another window or process (the command line, a colleague's Parley) may
// change the workspace while this window shows it (session/scenario_io.go):
// when a save, an undo or a redo finds the scenario changed elsewhere, it
// writes nothing, the user is told, and the scenario is reloaded.

// conflictMessage is what the user is told when a scenario changed elsewhere.
const conflictMessage = "This scenario was changed elsewhere (another window or the command line)."

// conflict tells the user that scenario id was changed elsewhere, so that
// what they did (what, e.g. "Your change was not saved.") was not done, and
// offers to reload it; mine, when not nil, is the user's version, which
// they may keep as a new scenario instead of losing it. The scenario's
// undo history is dropped.
func (u *UI) conflict(id string, mine *scenarios.Scenario, what string) {
	u.sess.Forget(id)
	msg := widget.NewLabel(conflictMessage + " " + what + " Reload it to see it as it is now.")
	msg.Wrapping = fyne.TextWrapWord
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
	newID, name, err := u.sess.KeepAsCopy(mine)
	if err != nil {
		u.showError("keep your version", err)
		u.openScenario(id)
		return
	}
	u.created(newID, "copy of “"+name+"”")
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

// markReadOnly says in the window title and the status bar that the
// workspace cannot be changed.
func (u *UI) markReadOnly() {
	if !u.sess.Workspace().ReadOnly() {
		return
	}
	u.win.SetTitle(u.win.Title() + " (read-only)")
	u.setStatus("Read-only: this workspace cannot be changed here (its file, folder or disk is write-protected)")
}

// closeWindow saves what is pending and closes the window; when the save
// fails, it says so (and where the change is kept) before closing.
func (u *UI) closeWindow() {
	if err := u.sess.FinalSave(); err != nil {
		msg := widget.NewLabel(present.Capitalize(err.Error()))
		msg.Wrapping = fyne.TextWrapWord
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
