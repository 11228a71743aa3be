package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"parley/app/ui/kit"
	"parley/scenarios"
)

// listsDialog shows the product lists (File → Product lists…).
func (u *UI) listsDialog() *listsView {
	// Lists may have changed since the model was made (the command line):
	// read them again with the model.
	u.sess.DropModel()
	v := newListsView(listsDeps{
		ws:  u.sess.Workspace(),
		win: u.win,
		model: func() *scenarios.Model {
			a := scenarios.DefaultAssumptions()
			if u.sess.Draft() != nil {
				a = u.sess.Draft().Assumptions
			}
			m, err := u.sess.ModelFor(a)
			if err != nil {
				return nil
			}
			return m
		},
		changed: u.listsChanged,
		openFile: func(use func(path string)) {
			d := u.fileOpenDialog("read the list", use)
			d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".txt", ".tsv"}))
			d.SetTitleText("Read codes from a file")
			u.startIn(d)
			u.showFileDialog(d)
		},
	})
	d := dialog.NewCustom("Product lists", "Close", v.content, u.win)
	d.Resize(kit.DialogSize(u.win, 920, 620))
	u.track(d, nil)
	return v
}

// listsChanged reads again what a change to the lists changes: the
// models (their lists, which the product picker offers) and the scenario
// shown, which a rename may have changed.
func (u *UI) listsChanged() {
	u.sess.DropModel()
	u.externalChange()
	u.recompute(u.sess.Time())
}
