package charts

import "github.com/wcharczuk/go-chart/v2/drawing"

// Theme is the colour scheme a chart is drawn in. Files and slides are
// Light unless asked otherwise; a window in a dark theme shows its charts
// Dark, so that no white panel glares from it.
type Theme uint8

const (
	// Light draws dark text on white: exported files and slides.
	Light Theme = iota
	// Dark draws light text on the background of Fyne's dark theme. The
	// data colours (the Okabe–Ito palette) stay the same: they read on
	// both backgrounds.
	Dark
)

// String names the theme: "light" or "dark".
func (t Theme) String() string {
	if t == Dark {
		return "dark"
	}
	return "light"
}

// WithTheme returns a copy of c drawn in theme t; c itself is unchanged.
func (c *Chart) WithTheme(t Theme) *Chart {
	cp := *c
	cp.theme = t
	return &cp
}

// Theme returns the theme the chart is drawn in.
func (c *Chart) Theme() Theme { return c.theme }

// darkBackground is the background of Fyne's dark theme (#171718).
var darkBackground = hex(0x171718)

// darkNeutrals maps the light theme's neutral colours (background, text,
// axes, grid, row bands, "All other" bars) to their dark counterparts;
// every other colour is drawn as it is.
var darkNeutrals = map[drawing.Color]drawing.Color{
	colWhite:   darkBackground,
	colText:    hex(0xF0F0F0),
	colMuted:   hex(0xB8B8B8),
	colAxis:    hex(0x9A9A9A),
	colGrid:    hex(0x3C3C40),
	colOther:   hex(0x808080),
	colRowBand: hex(0x222226),
}

// color returns the colour to draw for col, a colour of the light theme.
func (t Theme) color(col drawing.Color) drawing.Color {
	if t == Dark {
		if d, ok := darkNeutrals[col]; ok {
			return d
		}
	}
	return col
}

// background returns the theme's background colour.
func (t Theme) background() drawing.Color { return t.color(colWhite) }
