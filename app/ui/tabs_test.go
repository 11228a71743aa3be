package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestViewMenuOpensEachTab checks that every tab has an item in the View
// menu and that the item opens that tab, whatever the tabs' order.
func TestViewMenuOpensEachTab(t *testing.T) {
	u, _ := newTestUI(t)
	var view *fyne.Menu
	for _, m := range u.menu.main.Items {
		if m.Label == "View" {
			view = m
		}
	}
	if view == nil {
		t.Fatal("no View menu")
	}
	items := map[string]*fyne.MenuItem{}
	for _, it := range view.Items {
		items[it.Label] = it
	}
	for _, tab := range u.tabs.Items {
		t.Run(tab.Text, func(t *testing.T) {
			it := items[tab.Text]
			if it == nil {
				t.Fatalf("View menu has no %q", tab.Text)
			}
			it.Action()
			if got := u.tabs.Selected(); got != tab {
				t.Errorf("View → %s opened %q", tab.Text, got.Text)
			}
		})
	}
}
