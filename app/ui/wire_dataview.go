package ui

import (
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/dataview"
	"parley/scenarios"
)

// dataNav is what the data views (dataview) ask of the window.
type dataNav struct{ u *UI }

var _ dataview.Navigator = dataNav{}

func (n dataNav) Post(f func())                              { n.u.onUI(f) }
func (n dataNav) Track(d dialog.Dialog, onClosed func())     { n.u.track(d, onClosed) }
func (n dataNav) ShowError(what string, err error)           { n.u.showError(what, err) }
func (n dataNav) ShowProblem(label *widget.Label, err error) { n.u.showProblem(label, err) }
func (n dataNav) SetStatus(msg string)                       { n.u.setStatus(msg) }
func (n dataNav) Recompute()                                 { n.u.recompute(n.u.sess.Time()) }
func (n dataNav) OpenScenario(id string)                     { n.u.openScenario(id) }
func (n dataNav) ExternalChange()                            { n.u.externalChange() }
func (n dataNav) LibraryChanged()                            { n.u.afterLibrary() }
func (n dataNav) Edit(key, label string, fn func(*scenarios.Scenario)) error {
	return n.u.edit(key, label, fn)
}

func (n dataNav) ShowForm(f dataview.Form) {
	n.u.showForm(formSpec{title: f.Title, confirm: f.Confirm, items: f.Items, fields: f.Fields,
		focus: f.Focus, submit: f.Submit, what: f.What})
}

func (n dataNav) ShowFile(r dataview.FileRequest) {
	u := n.u
	use := r.Use
	if r.Folder == dataview.FolderData {
		use = u.dataFileUsed(use)
	}
	var d *dialog.FileDialog
	if r.Save {
		d = u.fileSaveDialog(r.What, use)
		if r.FileName != "" {
			d.SetFileName(r.FileName)
		}
	} else {
		d = u.fileOpenDialog(r.What, use)
		if len(r.Exts) > 0 {
			d.SetFilter(fstorage.NewExtensionFileFilter(r.Exts))
		}
	}
	if r.Title != "" {
		d.SetTitleText(r.Title)
	}
	switch r.Folder {
	case dataview.FolderWorkspace:
		u.startIn(d)
	case dataview.FolderData:
		u.dataFolder(d)
	}
	u.showFileDialog(d)
}

// afterLibrary shows the workspace after the library changed: the list,
// the scenario shown, the vintage in the status bar and the menu.
func (u *UI) afterLibrary() {
	u.reloadScenarios()
	u.openScenario(u.sess.Current())
	u.showVintage()
	u.refreshMenu()
}

// showVintage states the library's vintage in the status bar, beside the
// workspace's path.
func (u *UI) showVintage() {
	if u.where == nil {
		return
	}
	text := "Workspace: " + u.sess.Workspace().Path()
	if info, err := u.sess.Workspace().LibraryInfo(); err == nil {
		text = "Measures as of " + info.Vintage + " · " + text
	}
	u.where.SetText(text)
}
