package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestThemeMenu(t *testing.T) {
	u, _ := newTestUI(t)
	for _, tc := range []struct {
		mode    themeMode
		variant fyne.ThemeVariant
		checked *fyne.MenuItem
	}{
		{themeDark, theme.VariantDark, u.menu.dark},
		{themeLight, theme.VariantLight, u.menu.light},
		{themeSystem, theme.VariantDark, u.menu.system}, // the test app's system variant is dark
	} {
		u.setTheme(tc.mode)
		th := u.app.Settings().Theme().(*parleyTheme)
		if th.mode != tc.mode || th.variant(theme.VariantDark) != tc.variant {
			t.Errorf("%s: theme mode %s", tc.mode, th.mode)
		}
		if !tc.checked.Checked {
			t.Errorf("%s: menu item not checked", tc.mode)
		}
		if u.prefs.themeMode() != tc.mode {
			t.Errorf("%s: not remembered", tc.mode)
		}
		// Wrapping twice keeps one level.
		if _, nested := th.base.(*parleyTheme); nested {
			t.Errorf("%s: theme wrapped in itself", tc.mode)
		}
	}
}

func TestMenuFollowsHistory(t *testing.T) {
	u, _ := newTestUI(t)
	if !u.menu.undo.Disabled {
		t.Errorf("undo enabled with nothing to undo")
	}
	u.openScenario("threat-25")
	u.rename("Threat of 25%")
	if u.menu.undo.Disabled || u.menu.undo.Label != "Undo rename to “Threat of 25%”" {
		t.Errorf("undo item %q disabled=%v", u.menu.undo.Label, u.menu.undo.Disabled)
	}
	u.Undo()
	if u.menu.redo.Disabled || u.sess.Draft().Name == "Threat of 25%" {
		t.Errorf("redo item %q disabled=%v, name %q", u.menu.redo.Label, u.menu.redo.Disabled, u.sess.Draft().Name)
	}
}

func TestLastScenarioIsRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("sectoral-pact")
	if got := u.prefs.lastScenario(u.sess.Workspace().Path()); got != "sectoral-pact" {
		t.Errorf("remembered %q", got)
	}
	if got := u.sess.StartScenario(u.prefs.lastScenario(u.sess.Workspace().Path())); got != "sectoral-pact" {
		t.Errorf("would open %q next time", got)
	}
}
