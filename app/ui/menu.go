package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/exposureview"
	"parley/app/ui/kit"
)

// Keyboard shortcuts of the main menu.
var (
	shortcutNew       = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind      = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit      = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutRedoShift = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutOpen      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport    = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeck      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// appMenu is the main menu with the items whose state changes.
type appMenu struct {
	main                  *fyne.MainMenu
	undo, redo            *fyne.MenuItem
	light, dark, system   *fyne.MenuItem
	export, rename, del   *fyne.MenuItem
	chart, deck           *fyne.MenuItem
	branch, addM, library *fyne.MenuItem
	reset                 *fyne.MenuItem // reset to built-in
}

func newAppMenu(u *UI) *appMenu {
	m := &appMenu{}
	item := func(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	quit := item("Quit", u.quit, shortcutQuit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New workspace…", u.newWorkspaceDialog, nil),
		item("Open workspace…", u.openWorkspaceDialog, shortcutOpen),
		fyne.NewMenuItemSeparator(),
		item("Import scenario…", u.importScenarioDialog, nil),
		item("Export scenario…", u.exportScenarioDialog, nil),
		item("Export chart…", u.exportChartDialog, shortcutExport),
		item("Export deck…", u.exportDeckDialog, shortcutDeck),
		fyne.NewMenuItemSeparator(),
		item("Import documents…", func() { u.evidence.ImportDialog() }, nil),
		item("Import trade data…", func() { u.data.ImportDataset() }, nil),
		item("Trade datasets…", func() { u.data.ShowDatasets() }, nil),
		item("Product lists…", func() { u.data.ShowLists() }, nil),
		item("Update measure library…", func() { u.data.UpdateLibrary() }, nil),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	m.export, m.chart, m.deck = file.Items[4], file.Items[5], file.Items[6]

	m.undo = item("Undo", u.undoAction, &fyne.ShortcutUndo{})
	m.redo = item("Redo", u.Redo, &fyne.ShortcutRedo{})
	edit := fyne.NewMenu("Edit", m.undo, m.redo,
		fyne.NewMenuItemSeparator(),
		item("Find in evidence…", u.find, shortcutFind),
		item("Find products…", u.findProducts, exposureview.ShortcutProducts),
	)

	m.branch = item("Branch from this scenario…", u.scen.BranchDialog, nil)
	m.rename = item("Rename…", u.scen.RenameDialog, nil)
	m.del = item("Delete…", u.scen.DeleteDialog, nil)
	m.addM = item("Add measure", u.scen.AddMeasure, nil)
	m.library = item("Add measure from library…", u.scen.LibraryDialog, nil)
	m.reset = item("Reset to built-in", func() { u.scen.ResetToBuiltin() }, nil)
	scen := fyne.NewMenu("Scenario",
		item("New scenario…", u.scen.NewDialog, shortcutNew),
		m.branch, item("Derive a proposal…", func() { u.scen.DeriveDialog(u.sess.Current(), nil) }, nil), m.rename, m.del, m.reset,
		fyne.NewMenuItemSeparator(),
		m.addM, m.library,
	)

	m.system = item("Follow system theme", func() { u.setTheme(themeSystem) }, nil)
	m.light = item("Light theme", func() { u.setTheme(themeLight) }, nil)
	m.dark = item("Dark theme", func() { u.setTheme(themeDark) }, nil)
	view := fyne.NewMenu("View",
		item("Scenarios", func() { u.selectTab(tabScenarios) }, nil),
		item("Evidence", func() { u.selectTab(tabEvidence) }, nil),
		item("Compare", func() { u.selectTab(tabCompare) }, nil),
		item("Position", func() { u.selectTab(tabPosition) }, nil),
		item("Assumptions", func() { u.selectTab(tabAssumptions) }, nil),
		item("Exposure by province…", func() { u.exposure.ShowProvinces() }, nil),
		fyne.NewMenuItemSeparator(),
		m.system, m.light, m.dark,
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", u.showShortcuts, nil),
		item("Where the numbers come from", u.showSources, nil),
	)
	m.main = fyne.NewMainMenu(file, edit, scen, view, help)
	m.update(u)
	return m
}

// update sets the labels and states that follow the workspace.
func (m *appMenu) update(u *UI) {
	m.undo.Label = u.sess.History().UndoLabel()
	m.undo.Disabled = !u.sess.History().CanUndo()
	m.redo.Label = u.sess.History().RedoLabel()
	m.redo.Disabled = !u.sess.History().CanRedo()
	mode := u.prefs.themeMode()
	m.system.Checked = mode == themeSystem
	m.light.Checked = mode == themeLight
	m.dark.Checked = mode == themeDark
	none := u.sess.Draft() == nil
	for _, it := range []*fyne.MenuItem{m.export, m.rename, m.del, m.branch, m.addM, m.library} {
		it.Disabled = none
	}
	info, _ := u.sess.Info(u.sess.Current())
	m.reset.Disabled = none || !info.Builtin
	m.main.Refresh()
}

// refreshMenu updates the menu after a change.
func (u *UI) refreshMenu() {
	if u.menu != nil {
		u.menu.update(u)
	}
	if u.scen != nil {
		u.scen.UpdateUndoButtons()
	}
}

// addShortcuts registers the shortcuts that work wherever the focus is:
// the menu's, plus Ctrl+Shift+Z for redo and Escape/Enter for dialogs.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcutRedoShift, func(fyne.Shortcut) { u.Redo() })
	for _, sc := range []struct {
		s fyne.Shortcut
		f func()
	}{{shortcutNew, func() { u.scen.NewDialog() }}, {shortcutFind, u.find}, {shortcutQuit, u.quit}, {shortcutOpen, u.openWorkspaceDialog},
		{shortcutExport, u.exportChartDialog}, {shortcutDeck, u.exportDeckDialog}, {exposureview.ShortcutProducts, u.findProducts},
		{&fyne.ShortcutUndo{}, u.undoAction}, {&fyne.ShortcutRedo{}, u.Redo}} {
		f := sc.f
		c.AddShortcut(sc.s, func(fyne.Shortcut) { f() })
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			u.escape()
		case fyne.KeyReturn, fyne.KeyEnter:
			u.enter()
		}
	})
}

// undoAction is Ctrl+Z: in a search or note field it undoes the typing,
// anywhere else it undoes the last scenario edit.
func (u *UI) undoAction() {
	switch f := u.win.Canvas().Focused().(type) {
	case *kit.Field:
		if !f.Scenario {
			f.Undo()
			return
		}
	case *widget.Entry:
		f.Undo()
		return
	}
	u.Undo()
}

// enter confirms the top dialog when no field has the focus.
func (u *UI) enter() {
	switch d := u.dialogs.top().(type) {
	case interface{ Submit() }:
		d.Submit()
	case interface{ Confirm() }:
		d.Confirm()
	case nil:
	default:
		d.Hide()
	}
}

// find shows the evidence library with the focus in its search field.
func (u *UI) find() {
	u.selectTab(tabEvidence)
	u.win.Canvas().Focus(u.evidence.SearchField())
}

// setTheme switches between the system's, the light and the dark theme.
func (u *UI) setTheme(m themeMode) {
	u.prefs.setThemeMode(m)
	applyTheme(u.app, m)
	u.refreshMenu()
	u.redrawCharts()
}
