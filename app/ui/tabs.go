package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// tabID names a tab of the main window independently of its title and
// position, so that menus and views open the tab they mean.
type tabID int

const (
	tabScenarios tabID = iota
	tabEvidence
	tabCompare
	tabPosition
	tabAssumptions
)

// mainTabs holds the main window's tabs by id.
type mainTabs struct {
	ids map[*container.TabItem]tabID
	by  map[tabID]*container.TabItem
}

// newTab makes a tab and records it under id.
func (m *mainTabs) newTab(id tabID, title string, icon fyne.Resource, content fyne.CanvasObject) *container.TabItem {
	if m.ids == nil {
		m.ids, m.by = map[*container.TabItem]tabID{}, map[tabID]*container.TabItem{}
	}
	it := container.NewTabItemWithIcon(title, icon, content)
	m.ids[it], m.by[id] = id, it
	return it
}

// id returns the id of tab it, and false for a tab made elsewhere.
func (m *mainTabs) id(it *container.TabItem) (tabID, bool) {
	id, ok := m.ids[it]
	return id, ok
}

// selectTab shows the tab id of the main window.
func (u *UI) selectTab(id tabID) {
	if it := u.tabIDs.by[id]; it != nil && u.tabs != nil {
		u.tabs.Select(it)
	}
}

// tabShown reports whether the tab id is the one shown.
func (u *UI) tabShown(id tabID) bool {
	if u.tabs == nil || u.tabs.Selected() == nil {
		return false
	}
	got, ok := u.tabIDs.id(u.tabs.Selected())
	return ok && got == id
}
