package scenarioview_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/scenarioview"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// markupDay is the clock of the goldens: "today" is always this day.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window, as the Scenarios view sees it: it
// opens and edits scenarios through the session as the shell does.
type markupNav struct {
	t    testing.TB
	sess *session.Session
	v    *scenarioview.View
}

func (n *markupNav) Edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	if _, err := n.sess.Edit(key, label, fn); err != nil {
		return err
	}
	n.v.Changed()
	return nil
}

func (n *markupNav) OpenScenario(id string) {
	if err := n.sess.Open(id); err != nil {
		n.t.Fatalf("open %s: %v", id, err)
	}
	n.v.Load()
}

func (n *markupNav) ReloadScenarios()                              {}
func (n *markupNav) Created(string, string)                        {}
func (n *markupNav) Undo()                                         {}
func (n *markupNav) Redo()                                         {}
func (n *markupNav) ShowEvidence()                                 {}
func (n *markupNav) LayoutChanged()                                {}
func (n *markupNav) Closed() bool                                  { return false }
func (n *markupNav) SetStatus(string)                              {}
func (n *markupNav) Track(d dialog.Dialog, _ func())               { d.Show() }
func (n *markupNav) ShowForm(scenarioview.Form) *dialog.FormDialog { return nil }
func (n *markupNav) ShowError(what string, err error, _ func()) {
	n.t.Errorf("could not %s: %v", what, err)
}
func (n *markupNav) ShowProblem(l *widget.Label, err error) {
	if err != nil {
		n.t.Errorf("problem: %v", err)
	}
}
func (n *markupNav) ShowWriteError(what, _, _ string, _ *scenarios.Scenario, err error) {
	n.t.Errorf("could not %s: %v", what, err)
}
func (n *markupNav) Confirm(string, string, string, func()) {}

// TestScenarioMarkup checks the editor of the built-in Today scenario: its
// measures with the first one's form, and the same form when its start
// date is not a date (the parser's message beside the dates).
func TestScenarioMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		// date, when set, is typed as the measure's start.
		date string
	}{
		{"today_measure.xml", ""},
		{"today_measure_bad_date.xml", "2026-02-30"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			v, sess := newMarkupView(t)
			v.SelectMeasure(sess.Draft().Measures[0].ID)
			if tc.date != "" {
				from := dateField(t, v.Editor())
				test.Type(from, "") // focus
				from.SetText(tc.date)
			}
			kittest.AssertMarkup(t, tc.golden, v.Editor())
		})
	}
}

// dateField returns the first date field in o: the measure's start.
func dateField(t *testing.T, o fyne.CanvasObject) *kit.Field {
	t.Helper()
	for _, f := range kittest.Find[*kit.Field](o) {
		if f.PlaceHolder == "YYYY-MM-DD" && f.Visible() {
			return f
		}
	}
	t.Fatal("no date field")
	return nil
}

// newMarkupView shows the built-in Today scenario in the Scenarios view
// over a new workspace, on the goldens' day, in a window of a laptop's size.
func newMarkupView(t *testing.T) (*scenarioview.View, *session.Session) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	sess := sessiontest.Open(t, &session.Session{Now: now, Post: func(func()) {}})
	nav := &markupNav{t: t, sess: sess}
	nav.v = scenarioview.New(w, sess, nav)
	w.SetContent(nav.v.Editor())
	w.Resize(fyne.NewSize(1000, 700))
	nav.OpenScenario("today")
	return nav.v, sess
}
