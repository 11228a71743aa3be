package ui

import (
	"os"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefWorkspace    = "workspace.last"
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefTheme        = "theme.mode"
	prefScenario     = "scenario.last" // + ":" + workspace path
)

// Default and smallest window sizes: usable on a 1366×768 laptop.
var (
	defaultWindowSize = fyne.NewSize(1280, 720)
	minWindowSize     = fyne.NewSize(800, 500)
)

// prefs are what Parley remembers between runs: the last workspace, the
// window size, the theme and the last scenario opened in each workspace.
type prefs struct{ p fyne.Preferences }

// lastWorkspace returns the last workspace opened if its file still exists.
func (p prefs) lastWorkspace() string {
	path := p.p.String(prefWorkspace)
	if path == "" {
		return ""
	}
	if info, err := os.Stat(path); err != nil || info.IsDir() {
		return ""
	}
	return path
}

func (p prefs) setLastWorkspace(path string) { p.p.SetString(prefWorkspace, path) }

// windowSize returns the remembered window size, or the default.
func (p prefs) windowSize() fyne.Size {
	w := float32(p.p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width)))
	h := float32(p.p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height)))
	return fyne.NewSize(max(w, minWindowSize.Width), max(h, minWindowSize.Height))
}

func (p prefs) setWindowSize(s fyne.Size) {
	if s.Width < minWindowSize.Width || s.Height < minWindowSize.Height {
		return
	}
	p.p.SetFloat(prefWindowWidth, float64(s.Width))
	p.p.SetFloat(prefWindowHeight, float64(s.Height))
}

// themeMode returns the chosen theme mode; following the system by default.
func (p prefs) themeMode() themeMode {
	switch m := themeMode(p.p.String(prefTheme)); m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

func (p prefs) setThemeMode(m themeMode) { p.p.SetString(prefTheme, string(m)) }

// lastScenario returns the id of the scenario last shown in a workspace.
func (p prefs) lastScenario(workspace string) string {
	return p.p.String(prefScenario + ":" + workspace)
}

func (p prefs) setLastScenario(workspace, id string) {
	p.p.SetString(prefScenario+":"+workspace, id)
}
