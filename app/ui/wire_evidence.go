package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"parley/app/ui/evidenceview"
	"parley/scenarios"
)

// evidenceNav is what the evidence view asks of the window.
type evidenceNav struct{ u *UI }

func newEvidenceView(u *UI) *evidenceview.View {
	return evidenceview.New(u.win, u.sess, evidenceNav{u}, programmes)
}

func (n evidenceNav) ShowError(what string, err error) { n.u.showError(what, err) }
func (n evidenceNav) SetStatus(msg string)             { n.u.setStatus(msg) }
func (n evidenceNav) Confirm(title, message, ok string, then func()) {
	n.u.confirm(title, message, ok, then)
}
func (n evidenceNav) Track(d dialog.Dialog)               { n.u.track(d, nil) }
func (n evidenceNav) ShowFileDialog(d *dialog.FileDialog) { n.u.showFileDialog(d) }
func (n evidenceNav) Post(f func())                       { n.u.onUI(f) }
func (n evidenceNav) FlushSave()                          { n.u.flushSave() }
func (n evidenceNav) SelectedMeasure() string             { return n.u.scen.SelectedMeasure() }

func (n evidenceNav) ShowForm(f evidenceview.Form) {
	n.u.showForm(formSpec{title: f.Title, confirm: f.Confirm, items: f.Items, fields: f.Fields,
		focus: f.Focus, submit: f.Submit, what: f.What, size: f.Size})
}

func (n evidenceNav) OpenDataFile(what string, exts []string, use func(path string)) {
	d := n.u.fileOpenDialog(what, n.u.dataFileUsed(use))
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	n.u.dataFolder(d)
	n.u.showFileDialog(d)
}

func (n evidenceNav) EditScenario(id, label string, fn func(sc *scenarios.Scenario)) error {
	return n.u.editScenario(id, label, fn)
}

// editScenario changes scenario id (the one shown or another) as one undo
// step and saves it at once.
func (u *UI) editScenario(id, label string, fn func(sc *scenarios.Scenario)) error {
	if id == u.sess.Current() {
		return u.edit("", label, fn)
	}
	if err := u.sess.EditOther(id, label, fn); err != nil {
		return err
	}
	u.reloadScenarios()
	u.refreshMenu()
	return nil
}
