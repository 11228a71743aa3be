package exportview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/app/ui/session"
)

// productsChoice is the export dialog's choice of the sector whose top
// products a products chart shows.
type productsChoice struct {
	sess *session.Session
	box  fyne.CanvasObject
	sel  *widget.Select
}

func newProductsChoice(sess *session.Session, changed func(string)) *productsChoice {
	opts := []string{allSectors}
	for _, s := range sess.Sectors() {
		opts = append(opts, present.SectorLabel(sess.Sectors(), s.Code))
	}
	p := &productsChoice{sess: sess, sel: widget.NewSelect(opts, nil)}
	p.sel.SetSelected(allSectors)
	p.sel.OnChanged = changed
	p.box = container.NewVBox(kit.BoldLabel("Products of"), p.sel)
	return p
}

// set chooses sector code ("" for every sector) without calling back.
func (p *productsChoice) set(code string) {
	label := allSectors
	if code != "" {
		label = present.SectorLabel(p.sess.Sectors(), code)
	}
	cb := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetSelected(label)
	p.sel.OnChanged = cb
}

// code returns the sector chosen, "" for every sector.
func (p *productsChoice) code() string {
	for _, s := range p.sess.Sectors() {
		if present.SectorLabel(p.sess.Sectors(), s.Code) == p.sel.Selected {
			return s.Code
		}
	}
	return ""
}
