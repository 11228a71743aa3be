package dataview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// testNav is the rest of the window for the data views under test: it
// shows dialogs, runs posted functions at once and records what the views
// asked of it.
type testNav struct {
	sess     *session.Session
	win      fyne.Window
	v        *View
	queue    chan func() // what workers post for the UI goroutine
	dialogs  []dialog.Dialog
	errors   []string
	statuses []string
	files    []FileRequest
	changes  int // ExternalChange, Recompute and LibraryChanged calls
}

// Post queues f until the test runs it (wait): Fyne's test driver would
// run it at once on the worker, racing with the test.
func (n *testNav) Post(f func()) { n.queue <- f }
func (n *testNav) Track(d dialog.Dialog, onClosed func()) {
	n.dialogs = append(n.dialogs, d)
	d.SetOnClosed(func() {
		for i, x := range n.dialogs {
			if x == d {
				n.dialogs = append(n.dialogs[:i], n.dialogs[i+1:]...)
				break
			}
		}
		if onClosed != nil {
			onClosed()
		}
	})
	d.Show()
}
func (n *testNav) ShowError(what string, err error) {
	n.errors = append(n.errors, what+": "+err.Error())
}
func (n *testNav) ShowProblem(label *widget.Label, err error) {
	if err == nil {
		label.Hide()
		return
	}
	label.SetText(err.Error())
	label.Show()
}
func (n *testNav) ShowForm(f Form) {
	d := dialog.NewForm(f.Title, f.Confirm, "Cancel", f.Items, func(ok bool) {
		if ok && f.Submit != nil {
			if err := f.Submit(); err != nil {
				n.ShowError(f.What, err)
			}
		}
	}, n.win)
	n.Track(d, nil)
}
func (n *testNav) ShowFile(r FileRequest) { n.files = append(n.files, r) }
func (n *testNav) SetStatus(msg string)   { n.statuses = append(n.statuses, msg) }

// Edit is the window's: the edit, the result, the view, then the save.
func (n *testNav) Edit(key, label string, fn func(*scenarios.Scenario)) error {
	changed, err := n.sess.Edit(key, label, fn)
	if err != nil || !changed {
		return err
	}
	n.Recompute()
	n.v.Changed()
	if key == "" {
		n.sess.FlushSave()
	} else {
		n.sess.ScheduleSave()
	}
	return nil
}

// Recompute evaluates the scenario shown on its date and shows the totals.
func (n *testNav) Recompute() {
	n.changes++
	on := scenarios.Date{}
	if d := n.sess.Draft(); d != nil {
		on = d.EvalDate()
	}
	if _, err := n.sess.Evaluate(on); err != nil {
		n.ShowError("compute the scenario", err)
	}
	n.v.ShowResult()
}

func (n *testNav) OpenScenario(id string) {
	n.sess.FlushSave()
	if err := n.sess.Open(id); err != nil {
		n.ShowError("open the scenario", err)
		return
	}
	n.v.Load()
	n.Recompute()
}
func (n *testNav) ExternalChange() { n.changes++; _ = n.sess.ReloadScenarios() }
func (n *testNav) LibraryChanged() { n.changes++ }

// newTestView opens a new workspace in a temporary folder and returns the
// data views over it in a test window of a laptop's size.
func newTestView(t testing.TB) (*View, *testNav) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 740))
	sess := sessiontest.Open(t, &session.Session{})
	nav := &testNav{sess: sess, win: w, queue: make(chan func(), 4096)}
	nav.v = New(w, sess, nav)
	// As the window does: the first scenario is shown.
	nav.OpenScenario(sess.StartScenario(""))
	return nav.v, nav
}

// waitFor waits for a value on ch, running meanwhile the functions workers
// post for the UI goroutine; it fails after a while.
func waitFor[T any](t testing.TB, nav *testNav, ch chan T, what string) T {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case v := <-ch:
			return v
		case f := <-nav.queue:
			f()
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
			var zero T
			return zero
		}
	}
}

// typeInto replaces the text of f as a user does: selects it all, then
// types over it.
func typeInto(f fyne.Focusable, s string) {
	f.FocusGained()
	if sc, ok := f.(fyne.Shortcutable); ok {
		sc.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	if s == "" {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		return
	}
	test.Type(f, s)
}
