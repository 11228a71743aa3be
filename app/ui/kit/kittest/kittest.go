// Package kittest holds what the tests of the views share to drive them as
// a user does: find widgets, press buttons and keys, type into fields and
// read the dialog on top. Only tests import it.
package kittest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
)

// Find returns the objects of type T laid out under o, in order. It lays
// o out with the widgets' own renderers, as the window does: Fyne's
// test.LaidOutObjects makes new ones, and a label given new ones keeps
// drawing its old text in the window afterwards.
func Find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, obj := range layOut(nil, o, o.Size().Max(o.MinSize())) {
		if t, ok := obj.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// layOut lays o out in size and appends it and everything in it to objs.
func layOut(objs []fyne.CanvasObject, o fyne.CanvasObject, size fyne.Size) []fyne.CanvasObject {
	objs = append(objs, o)
	switch x := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(size)
		for _, k := range r.Objects() {
			objs = layOut(objs, k, k.Size())
		}
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, size)
		}
		for _, k := range x.Objects {
			objs = layOut(objs, k, k.Size())
		}
	}
	return objs
}

// TopOverlay returns the dialog on top of the window.
func TopOverlay(t testing.TB, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top
}

// Button returns the button labelled text in o.
func Button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range Find[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// Press sends a key to a focusable object.
func Press(f fyne.Focusable, k fyne.KeyName) { f.TypedKey(&fyne.KeyEvent{Name: k}) }

// FocusedField returns the field that has the keyboard focus.
func FocusedField(t testing.TB, w fyne.Window) *kit.Field {
	t.Helper()
	f, ok := w.Canvas().Focused().(*kit.Field)
	if !ok {
		t.Fatalf("focus is on %T, want a field", w.Canvas().Focused())
	}
	return f
}

// TypeInto replaces a field's text as a user would: select all, type.
func TypeInto(f *kit.Field, s string) {
	f.SetText("")
	test.Type(f, s)
}

// Walk calls f on o and every object in it.
func Walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, k := range x.Objects {
			Walk(k, f)
		}
	case *widget.Label, *widget.Table:
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			Walk(k, f)
		}
	}
}
