package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
