package scenarioview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// testNav is the rest of the window for a view tested alone: it edits,
// opens and undoes through the session as the shell does, evaluates the
// draft on its own date, and shows errors in plain dialogs.
type testNav struct {
	h       *host
	status  string
	errs    []string // the titles of the errors shown
	closed  bool
	evShown bool
	layouts int // how often the tab was asked to lay out again
}

func (n *testNav) evaluate() {
	if d := n.h.sess.Draft(); d != nil {
		n.h.sess.Evaluate(d.EvalDate())
	} else {
		n.h.sess.Evaluate(scenarios.Date{})
	}
}

func (n *testNav) Edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	changed, err := n.h.sess.Edit(key, label, fn)
	if err != nil || !changed {
		return err
	}
	n.evaluate()
	n.h.view.changed()
	if key == "" {
		n.h.sess.FlushSave()
	} else {
		n.h.sess.ScheduleSave()
	}
	return nil
}

func (n *testNav) OpenScenario(id string) {
	n.h.sess.FlushSave()
	if err := n.h.sess.Open(id); err != nil {
		n.ShowError("open the scenario", err, nil)
	}
	n.h.list.selectID(n.h.sess.Current())
	n.h.view.load()
	n.evaluate()
}

func (n *testNav) ReloadScenarios() {
	if err := n.h.sess.ReloadScenarios(); err != nil {
		n.ShowError("list the scenarios", err, nil)
	}
	n.h.list.refresh()
}

func (n *testNav) Created(id, label string) {
	if _, err := n.h.sess.Created(id, label); err != nil {
		n.ShowError("open the scenario", err, nil)
		return
	}
	n.ReloadScenarios()
	n.OpenScenario(id)
}

func (n *testNav) history(s session.Step, ok bool, err error, exists bool) {
	if !ok || err != nil {
		n.ShowError("undo", err, nil)
		return
	}
	n.ReloadScenarios()
	if exists {
		n.OpenScenario(s.ID)
	} else {
		n.OpenScenario(n.h.sess.Neighbour(s.At.Position))
	}
}

func (n *testNav) Undo() {
	n.h.sess.FlushSave()
	s, ok, err := n.h.sess.Undo()
	n.history(s, ok, err, s.Kind != session.StepCreate)
}

func (n *testNav) Redo() {
	n.h.sess.FlushSave()
	s, ok, err := n.h.sess.Redo()
	n.history(s, ok, err, s.Kind != session.StepDelete)
}

func (n *testNav) ShowEvidence()        { n.evShown = true }
func (n *testNav) LayoutChanged()       { n.layouts++ }
func (n *testNav) Closed() bool         { return n.closed }
func (n *testNav) SetStatus(msg string) { n.status = msg }

func (n *testNav) Track(d dialog.Dialog, onClosed func()) {
	if onClosed != nil {
		d.SetOnClosed(onClosed)
	}
	d.Show()
}

func (n *testNav) ShowForm(f Form) *dialog.FormDialog {
	var d *dialog.FormDialog
	d = dialog.NewForm(f.Title, f.Confirm, "Cancel", f.Items, func(ok bool) {
		if ok && f.Submit != nil {
			if err := f.Submit(); err != nil {
				n.ShowError(f.What, err, func() { d.Show() })
			}
		}
	}, n.h.win)
	for _, fl := range f.Fields {
		fl.OnEscape = d.Hide
		if !fl.MultiLine {
			fl.OnSubmitted = func(string) { d.Submit() }
		}
	}
	d.Show()
	if f.Focus != nil {
		n.h.win.Canvas().Focus(f.Focus)
	}
	return d
}

func (n *testNav) ShowError(what string, err error, then func()) {
	if err == nil {
		return
	}
	n.errs = append(n.errs, "Could not "+what)
	n.Track(dialog.NewInformation("Could not "+what, err.Error(), n.h.win), then)
}

func (n *testNav) ShowProblem(l *widget.Label, err error) {
	if err == nil {
		l.Hide()
		return
	}
	l.SetText("Not applied: " + err.Error())
	l.Show()
}

func (n *testNav) ShowWriteError(what, _, _ string, _ *scenarios.Scenario, err error) {
	n.ShowError(what, err, nil)
}

func (n *testNav) Confirm(title, message, ok string, then func()) {
	n.Track(dialog.NewConfirm(title, message, func(yes bool) {
		if yes {
			then()
		}
	}, n.h.win), nil)
}

// tview is the view under test with its parts, as the tests reach them.
type tview struct {
	*host
	nav *testNav
}

func (u *tview) Undo()                         { u.nav.Undo() }
func (u *tview) recompute(any)                 { u.nav.evaluate() }
func (u *tview) status() string                { return u.nav.status }
func (u *tview) showError(w string, err error) { u.nav.ShowError(w, err, nil) }

// newTestUI opens a new workspace in a temporary folder and shows the view
// alone, beside its list, in a test window of a laptop's size, on the
// scenario a new workspace opens on.
func newTestUI(t testing.TB) (*tview, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	sess := sessiontest.Open(t, &session.Session{})
	nav := &testNav{}
	h := &host{win: w, sess: sess, nav: nav}
	nav.h = h
	// As the shell: a save shows in the list (its counts), a failed one
	// is shown.
	sess.Saved = func(r session.SaveResult) {
		if r.Err != nil {
			nav.ShowError("save the scenario", r.Err, nil)
			return
		}
		nav.ReloadScenarios()
	}
	h.list = newScenarioList(h)
	h.view = newScenarioView(h)
	w.SetContent(container.NewHSplit(h.list.content, h.view.content))
	w.Resize(fyne.NewSize(1366, 740))
	nav.ReloadScenarios()
	nav.OpenScenario(sess.StartScenario(""))
	return &tview{host: h, nav: nav}, w
}

// shownText returns the text of the dialogs open in the window, oldest
// first ("" when none is): what the user is told.
func shownText(u *tview) string {
	var texts []string
	for _, o := range u.win.Canvas().Overlays().List() {
		var ls []string
		for _, l := range kittest.Find[*widget.Label](o) {
			ls = append(ls, l.Text)
		}
		if t := strings.Join(ls, " "); t != "" {
			texts = append(texts, t)
		}
	}
	return strings.Join(texts, " ")
}

// newEmpty creates and opens an empty scenario.
func newEmpty(t *testing.T, u *tview, name string) {
	t.Helper()
	sc := &scenarios.Scenario{Name: name, AsOf: scenarios.MustDate("2025-09-01"), Assumptions: scenarios.DefaultAssumptions()}
	if err := u.createScenario(sc, "test"); err != nil {
		t.Fatal(err)
	}
}

// storedMeasure returns measure id of the scenario as the workspace holds it.
func storedMeasure(t *testing.T, u *tview, id string) scenarios.Measure {
	t.Helper()
	sc, err := u.sess.Workspace().Scenario(u.sess.Current())
	if err != nil {
		t.Fatal(err)
	}
	m := sc.Measure(id)
	if m == nil {
		t.Fatalf("no measure %s stored", id)
	}
	return *m
}

// useProductModel makes the scenario shown compute on a hand-made model
// (see sessiontest.UseProductModel) and computes it again.
func useProductModel(t testing.TB, u *tview, n int) *scenarios.Model {
	t.Helper()
	m := sessiontest.UseProductModel(t, u.sess, n)
	u.recompute(nil)
	return m
}

// productScenario is a scenario of the softwood duty and a 35% duty on
// non-CUSMA goods that yields to Section 232.
func productScenario(t testing.TB, u *tview) {
	t.Helper()
	u.openScenario("threat-25")
	d := scenarios.MustDate
	u.sess.Draft().AsOfToday = false
	u.sess.Draft().AsOf = d("2025-11-01")
	u.sess.Draft().Measures = []scenarios.Measure{
		{ID: "softwood", Label: "S232 softwood 10%", Imposer: "US", Program: "S232", Rate: 0.10, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"list:us-s232-softwood"}}},
		{ID: "ieepa", Label: "IEEPA 35% on non-CUSMA goods", Imposer: "US", Program: "IEEPA", Rate: 0.35, CUSMAExempt: true,
			YieldsTo: []string{"S232"}, From: d("2025-08-01"), Sectors: map[string]float64{"*": 1, "ENERGY": 0}},
		{ID: "furniture", Label: "S232 wood furniture 25%", Imposer: "US", Program: "S232", Rate: 0.25, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"list:us-s232-wood-furniture"}, Exclude: []string{"9401"}}},
	}
}
