package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Card is a tappable block of content, such as a search result, with a
// background that shows hovering and selection. It takes the keyboard
// focus, and Space or Enter taps it.
type Card struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTapped func()
	selected bool
	hovered  bool
	focused  bool
	bg       *canvas.Rectangle
}

func NewCard(content fyne.CanvasObject, onTapped func()) *Card {
	c := &Card{content: content, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the background under the padded content.
func (c *Card) CreateRenderer() fyne.WidgetRenderer {
	c.bg = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.updateBackground()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewPadded(c.content)))
}

func (c *Card) updateBackground() {
	if c.bg == nil {
		return
	}
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case c.selected:
		c.bg.FillColor = th.Color(theme.ColorNameSelection, v)
	case c.hovered || c.focused:
		c.bg.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		c.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	}
	c.bg.Refresh()
}

// Refresh redraws the background with the theme's colours.
func (c *Card) Refresh() {
	c.updateBackground()
	c.BaseWidget.Refresh()
}

// SetSelected marks the card as the current one.
func (c *Card) SetSelected(on bool) {
	c.selected = on
	c.updateBackground()
}

// Tapped runs the Card's action.
func (c *Card) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// MouseIn highlights the Card.
func (c *Card) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.updateBackground() }

// MouseMoved does nothing.
func (c *Card) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (c *Card) MouseOut() { c.hovered = false; c.updateBackground() }

// FocusGained highlights the Card.
func (c *Card) FocusGained() { c.focused = true; c.updateBackground() }

// FocusLost removes the highlight.
func (c *Card) FocusLost() { c.focused = false; c.updateBackground() }

// TypedRune taps the Card on Space.
func (c *Card) TypedRune(r rune) {
	if r == ' ' {
		c.Tapped(nil)
	}
}

// TypedKey taps the Card on Enter.
func (c *Card) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		c.Tapped(nil)
	}
}
