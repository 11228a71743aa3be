package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// OverBottom shows label (a banner shown and hidden with Show/Hide) over
// the bottom of content, on the window's background, rather than above or
// below it: showing the banner moves and resizes nothing, so a click
// that follows lands on the field the user aimed at.
func OverBottom(content fyne.CanvasObject, label *widget.Label) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	slot := container.New(&bannerLayout{label: label, bg: bg}, bg, label)
	return container.NewStack(content, container.NewBorder(nil, slot, nil, nil))
}

// bannerLayout gives a banner its height when shown, none when hidden, and
// draws its background only while it shows.
type bannerLayout struct {
	label *widget.Label
	bg    *canvas.Rectangle
}

func (l *bannerLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if !l.label.Visible() {
		return fyne.Size{}
	}
	return l.label.MinSize()
}

func (l *bannerLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.bg.Hidden = !l.label.Visible()
	l.bg.Move(fyne.Position{})
	l.bg.Resize(size)
	l.label.Move(fyne.Position{})
	l.label.Resize(size)
}
