package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/app/ui/scenarioview"
	"parley/scenarios"
)

// The shell's tests drive the Scenarios tab's editor as a user does:
// through the actions the view offers and the widgets it shows.

func (u *UI) rename(name string) error     { return u.scen.Rename(name) }
func (u *UI) deleteScenario(id string)     { u.scen.DeleteScenario(id) }
func (u *UI) resetToBuiltin() <-chan error { return u.scen.ResetToBuiltin() }
func (u *UI) createScenario(sc *scenarios.Scenario, label string) error {
	return u.scen.CreateScenario(sc, label)
}

var errNotBuiltin = scenarioview.ErrNotBuiltin

// editorObjects returns the objects of type T in the Scenarios tab's
// editor, shown or not (every tab of the measure form).
func editorObjects[T fyne.CanvasObject](u *UI) []T {
	var out []T
	seen := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || seen[o] {
			return
		}
		seen[o] = true
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case *container.AppTabs:
			for _, it := range c.Items {
				walk(it.Content)
			}
		case *container.Scroll:
			walk(c.Content)
		case *container.Split:
			walk(c.Leading)
			walk(c.Trailing)
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(u.scen.Editor())
	return out
}

// editorField returns the editor's field whose placeholder is hint.
func editorField(t *testing.T, u *UI, hint string) *kit.Field {
	t.Helper()
	for _, f := range editorObjects[*kit.Field](u) {
		if f.PlaceHolder == hint {
			return f
		}
	}
	t.Fatalf("no field %q in the scenario editor", hint)
	return nil
}

// editorLabel returns the editor's first label whose text starts with
// prefix.
func editorLabel(t *testing.T, u *UI, prefix string) *widget.Label {
	t.Helper()
	for _, l := range editorObjects[*widget.Label](u) {
		if strings.HasPrefix(l.Text, prefix) {
			return l
		}
	}
	t.Fatalf("no label %q in the scenario editor", prefix)
	return nil
}

// sectorCheck returns the measure form's check that includes sector code
// ("*" for all sectors not named).
func sectorCheck(t *testing.T, u *UI, code string) *widget.Check {
	t.Helper()
	label := present.SectorLabel(u.sess.Sectors(), code)
	if code == scenarios.Wildcard {
		label = "All sectors not named below"
	}
	for _, c := range editorObjects[*widget.Check](u) {
		if c.Text == label {
			return c
		}
	}
	t.Fatalf("no check for sector %s", code)
	return nil
}
