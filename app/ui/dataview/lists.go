package dataview

import (
	"fyne.io/fyne/v2/dialog"

	"parley/app/ui/kit"
	"parley/scenarios"
)

// listExts are the files the codes of a list are read from.
var listExts = []string{".csv", ".xlsx", ".txt", ".tsv"}

// ShowLists shows the product lists (File > Product lists…).
func (v *View) ShowLists() { v.showLists() }

// showLists shows the product lists and returns their view.
func (v *View) showLists() *listsView {
	// Lists may have changed since the model was made (the command line):
	// read them again with the model.
	v.sess.DropModel()
	lv := newListsView(listsDeps{
		ws:      v.sess.Workspace(),
		win:     v.win,
		model:   v.shownModel,
		changed: v.listsChanged,
		openFile: func(use func(path string)) {
			v.nav.ShowFile(FileRequest{What: "read the list", Title: "Read codes from a file", Exts: listExts, Folder: FolderWorkspace, Use: use})
		},
	})
	d := dialog.NewCustom("Product lists", "Close", lv.content, v.win)
	d.Resize(kit.DialogSize(v.win, 920, 620))
	v.nav.Track(d, nil)
	return lv
}

// shownModel returns the model of the scenario shown (the defaults' when
// none is), or nil.
func (v *View) shownModel() *scenarios.Model {
	a := scenarios.DefaultAssumptions()
	if v.sess.Draft() != nil {
		a = v.sess.Draft().Assumptions
	}
	m, err := v.sess.ModelFor(a)
	if err != nil {
		return nil
	}
	return m
}

// listsChanged reads again what a change to the lists changes: the
// models (their lists, which the product picker offers) and the scenario
// shown, which a rename may have changed.
func (v *View) listsChanged() {
	v.sess.DropModel()
	v.nav.ExternalChange()
	v.nav.Recompute()
}
