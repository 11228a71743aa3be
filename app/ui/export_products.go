package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// productsChoice is the export dialog's choice of the sector whose top
// products a products chart shows.
type productsChoice struct {
	u   *UI
	box fyne.CanvasObject
	sel *widget.Select
}

func newProductsChoice(u *UI, changed func(string)) *productsChoice {
	opts := []string{allSectors}
	for _, s := range u.sess.Sectors() {
		opts = append(opts, u.sectorLabel(s.Code))
	}
	p := &productsChoice{u: u, sel: widget.NewSelect(opts, nil)}
	p.sel.SetSelected(allSectors)
	p.sel.OnChanged = changed
	p.box = container.NewVBox(boldLabel("Products of"), p.sel)
	return p
}

// set chooses sector code ("" for every sector) without calling back.
func (p *productsChoice) set(code string) {
	label := allSectors
	if code != "" {
		label = p.u.sectorLabel(code)
	}
	cb := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetSelected(label)
	p.sel.OnChanged = cb
}

// code returns the sector chosen, "" for every sector.
func (p *productsChoice) code() string {
	for _, s := range p.u.sess.Sectors() {
		if p.u.sectorLabel(s.Code) == p.sel.Selected {
			return s.Code
		}
	}
	return ""
}
