package scenarioview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/scenarios"
)

// relayout lays out o and everything in it again, top down, as the
// window does on its next frame after a widget is shown or hidden.
func relayout(o fyne.CanvasObject) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, k := range x.Objects {
			relayout(k)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, k := range r.Objects() {
			relayout(k)
		}
	}
}

// absPos returns the position of o in the window's canvas.
func absPos(w fyne.Window, o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// TestDateFieldSaysWhy checks that a refused date is explained in words
// beside the field (the date parser's own message, not a generic one), and
// that neither that message nor the rate banner moves the form's fields.
func TestDateFieldSaysWhy(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("today")
	f := u.view.form
	u.view.selectMeasure(u.sess.Draft().Measures[0].ID)
	relayout(w.Content())
	note0, to0 := absPos(w, f.note), absPos(w, f.to)

	test.Type(f.from, "") // focus
	f.from.SetText("2026-02-30")
	_, perr := scenarios.ParseDate("2026-02-30")
	if perr == nil {
		t.Fatal("2026-02-30 parsed")
	}
	msg := f.dateMsg.Text
	if !f.dateMsg.Visible() || !strings.Contains(msg, strings.TrimSuffix(perr.Error(), ".")) || !strings.Contains(msg, "Start") {
		t.Errorf("date message %q, want the parser's %q for the start date", msg, perr)
	}
	if strings.Contains(msg, "type a date as") {
		t.Errorf("date message %q is generic", msg)
	}
	f.from.SetText("2026-02-28")
	if f.dateMsg.Text != "" {
		t.Errorf("date message %q after a valid date", f.dateMsg.Text)
	}

	// A rate over the cap shows a banner; the fields stay where they were,
	// so the next click lands where the user aimed.
	f.rate.SetText("9999")
	if !f.problem.Visible() {
		t.Fatal("no banner for a rate over the cap")
	}
	relayout(w.Content())
	if got := absPos(w, f.note); got != note0 {
		t.Errorf("the banner moved the note field from %v to %v", note0, got)
	}
	if got := absPos(w, f.to); got != to0 {
		t.Errorf("the banner moved the end date from %v to %v", to0, got)
	}
}
