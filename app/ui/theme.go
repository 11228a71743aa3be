package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"parley/app/charts"
)

// themeMode is the user's choice of light or dark colours.
type themeMode string

// The theme modes of the View menu.
const (
	themeSystem themeMode = "system" // follow the desktop's setting
	themeLight  themeMode = "light"
	themeDark   themeMode = "dark"
)

// parleyTheme wraps the current theme (as fyne-io/terminal does) and only
// forces its colour variant when the user chose light or dark.
type parleyTheme struct {
	base fyne.Theme
	mode themeMode
}

var _ fyne.Theme = (*parleyTheme)(nil)

// newTheme wraps base, unwrapping it first if it is already a parleyTheme.
func newTheme(base fyne.Theme, mode themeMode) *parleyTheme {
	if p, ok := base.(*parleyTheme); ok {
		base = p.base
	}
	if base == nil {
		base = theme.DefaultTheme()
	}
	return &parleyTheme{base: base, mode: mode}
}

// variant returns the variant to draw with, given the system's.
func (t *parleyTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

// Color returns the base theme's colour for the chosen variant.
func (t *parleyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, t.variant(v))
}

// Font returns the base theme's font.
func (t *parleyTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the base theme's icon.
func (t *parleyTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the base theme's size.
func (t *parleyTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }

// applyTheme installs the theme for mode on the app.
func applyTheme(a fyne.App, mode themeMode) {
	a.Settings().SetTheme(newTheme(a.Settings().Theme(), mode))
}

// chartTheme returns the colours the window's charts are drawn in: dark in
// the dark theme, so that no white panel glares from a dark window.
// Exported files stay light unless the export asks for dark.
func (u *UI) chartTheme() charts.Theme {
	if u.app == nil {
		return charts.Light
	}
	v := u.app.Settings().ThemeVariant()
	if th, ok := u.app.Settings().Theme().(*parleyTheme); ok {
		v = th.variant(v)
	}
	if v == theme.VariantDark {
		return charts.Dark
	}
	return charts.Light
}

// redrawCharts draws the window's charts again, after a change of theme.
func (u *UI) redrawCharts() {
	if u.exposure != nil && u.sess.Draft() != nil {
		u.exposure.Show(u.sess.Result(), time.Time{})
	}
	if u.compare != nil && u.compare.Shown() {
		u.compare.Refresh()
	}
}
