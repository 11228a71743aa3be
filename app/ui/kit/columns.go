package kit

import "fyne.io/fyne/v2"

// ColumnsLayout places objects side by side in columns of fixed widths. A
// column of width 0 takes the width left over (at least minFlex); without
// one, the first column does.
type ColumnsLayout struct{ Widths []float32 }

// minFlex is the smallest width of the flexible column.
const minFlex = 120

func (l *ColumnsLayout) flex() int {
	for i, w := range l.Widths {
		if w == 0 {
			return i
		}
	}
	return 0
}

// Layout places the objects.
func (l *ColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fx := l.flex()
	fixed := float32(0)
	for i, w := range l.Widths {
		if i != fx {
			fixed += w
		}
	}
	flexW := max(max(l.Widths[fx], minFlex), size.Width-fixed)
	x := float32(0)
	for i, o := range objs {
		w := flexW
		if i != fx && i < len(l.Widths) {
			w = l.Widths[i]
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w
	}
}

// MinSize is the sum of the widths and the tallest object.
func (l *ColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, cw := range l.Widths {
		if i == l.flex() {
			cw = max(cw, minFlex)
		}
		w += cw
	}
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
