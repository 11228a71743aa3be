package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/numfmt"
	"parley/app/ui/kit/kittest"
	"parley/scenarios"
)

// TestDeriveDialog: Position derives a proposal from A that lifts the
// autos programme and Canada's auto surtax; it follows today as A does,
// holds neither measure, carries A's evidence, is shown as B like with
// like, and Undo takes it back.
func TestDeriveDialog(t *testing.T) {
	u, w := newTestUI(t)
	v := u.position
	computed := make(chan struct{}, 8)
	v.OnRangesShown(func() {
		select {
		case computed <- struct{}{}:
		default:
		}
	})
	selectTab(t, u, "Position")
	waitFor(t, computed, "ranges")
	test.Tap(kittest.Button(t, v.Content(), "Derive a proposal from A…"))
	dlg := kittest.TopOverlay(t, w)
	groups := objectsOf[*widget.CheckGroup](dlg)
	checks := objectsOf[*widget.Check](dlg)
	if len(groups) != 1 {
		t.Fatalf("%d check groups", len(groups))
	}
	groups[0].SetSelected([]string{"S232-AUTOS"})
	var offer string
	for _, l := range objectsOf[*widget.Label](dlg) {
		if strings.HasPrefix(l.Text, "Lifts ") {
			offer = l.Text
		}
	}
	if !strings.Contains(offer, "US-232-AUTOS") || !strings.Contains(offer, "Canada's measures that answer them: CA-CM-3") {
		t.Errorf("offer %q", offer)
	}
	for _, c := range checks {
		if strings.HasPrefix(c.Text, "Canada lifts") {
			c.SetChecked(true)
		}
	}
	name := kittest.FocusedField(t, w)
	name.SetText("")
	kittest.TypeInto(name, "Autos for autos")
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Create proposal"))
	waitFor(t, computed, "ranges")
	id := v.Choice()[1]
	sc, err := u.sess.Workspace().Scenario(id)
	if err != nil || sc.Name != "Autos for autos" || !sc.AsOfToday {
		t.Fatalf("derived %v %+v", err, sc)
	}
	base, _ := u.sess.Workspace().Scenario("today")
	evidence := func(s *scenarios.Scenario) int {
		n := 0
		for _, m := range s.Measures {
			if m.ID == "US-232-AUTOS" || m.ID == "CA-CM-3" || m.Program == "S232-AUTOS" {
				if s == sc {
					t.Errorf("derived keeps %s", m.ID)
				}
				continue
			}
			n += len(m.Evidence)
		}
		return n
	}
	if e, want := evidence(sc), evidence(base); e != want || e == 0 {
		t.Errorf("evidence %d, want %d", e, want)
	}
	if v.Choice()[0] != "today" || strings.Contains(v.Message(), "Not like with like") {
		t.Errorf("position %v %q", v.Choice(), v.Message())
	}
	if deal := v.Deal(); deal.Totals.Give <= 0 || !strings.Contains(numfmt.Verdict(deal.Totals.Verdict()), "gives ") {
		t.Errorf("gives %v: %q", deal.Totals.Give, numfmt.Verdict(deal.Totals.Verdict()))
	}
	u.Undo()
	if _, ok := u.sess.Info(id); ok {
		t.Errorf("undo kept the proposal")
	}
}

// objectsOf returns the objects of type T under o, laid out or not.
func objectsOf[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}
