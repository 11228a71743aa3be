package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// card is a tappable block of content, such as a search result, with a
// background that shows hovering and selection. It takes the keyboard
// focus, and Space or Enter taps it.
type card struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTapped func()
	selected bool
	hovered  bool
	focused  bool
	bg       *canvas.Rectangle
}

func newCard(content fyne.CanvasObject, onTapped func()) *card {
	c := &card{content: content, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the background under the padded content.
func (c *card) CreateRenderer() fyne.WidgetRenderer {
	c.bg = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.updateBackground()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewPadded(c.content)))
}

func (c *card) updateBackground() {
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
func (c *card) Refresh() {
	c.updateBackground()
	c.BaseWidget.Refresh()
}

// setSelected marks the card as the current one.
func (c *card) setSelected(on bool) {
	c.selected = on
	c.updateBackground()
}

// Tapped runs the card's action.
func (c *card) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// MouseIn highlights the card.
func (c *card) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.updateBackground() }

// MouseMoved does nothing.
func (c *card) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (c *card) MouseOut() { c.hovered = false; c.updateBackground() }

// FocusGained highlights the card.
func (c *card) FocusGained() { c.focused = true; c.updateBackground() }

// FocusLost removes the highlight.
func (c *card) FocusLost() { c.focused = false; c.updateBackground() }

// TypedRune taps the card on Space.
func (c *card) TypedRune(r rune) {
	if r == ' ' {
		c.Tapped(nil)
	}
}

// TypedKey taps the card on Enter.
func (c *card) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		c.Tapped(nil)
	}
}
