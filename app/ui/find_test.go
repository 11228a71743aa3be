package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
)

// find returns the objects of type T laid out under o, in order.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, obj := range test.LaidOutObjects(o) {
		if t, ok := obj.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// topOverlay returns the dialog on top of the window.
func topOverlay(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top
}

// button returns the button labelled text in o.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range find[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// press sends a key to a focusable object.
func press(f fyne.Focusable, k fyne.KeyName) { f.TypedKey(&fyne.KeyEvent{Name: k}) }

// focusedField returns the field that has the keyboard focus.
func focusedField(t *testing.T, w fyne.Window) *kit.Field {
	t.Helper()
	f, ok := w.Canvas().Focused().(*kit.Field)
	if !ok {
		t.Fatalf("focus is on %T, want a field", w.Canvas().Focused())
	}
	return f
}

// typeInto replaces a field's text as a user would: select all, type.
func typeInto(f *kit.Field, s string) {
	f.SetText("")
	test.Type(f, s)
}

// walk calls f on o and every object in it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, k := range x.Objects {
			walk(k, f)
		}
	case *widget.Label, *widget.Table:
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			walk(k, f)
		}
	}
}
