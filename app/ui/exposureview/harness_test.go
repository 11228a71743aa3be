package exposureview

import (
	"log/slog"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// testNav is the rest of the window, as the exposure's tests need it: it
// evaluates the draft as the shell does and records what it is asked.
type testNav struct {
	t       testing.TB
	p       *Panel
	sess    *session.Session
	dialogs []dialog.Dialog
	status  string
	// queue holds what workers post for the UI goroutine until wait runs it.
	queue chan func()
}

func (n *testNav) ShowError(what string, err error) { n.t.Errorf("%s: %v", what, err) }
func (n *testNav) SetStatus(msg string)             { n.status = msg }
func (n *testNav) ChartTheme() charts.Theme         { return charts.Light }
func (n *testNav) SourceLines() []string            { return []string{"Sources: test"} }
func (n *testNav) ExportChart(charts.Kind, scenarios.Direction, string) {
}
func (n *testNav) ExportProvinces(report.ChartRequest) {}

func (n *testNav) Recompute() {
	draft := n.sess.Draft()
	if draft == nil {
		n.sess.Evaluate(scenarios.Date{})
		n.p.Clear()
		return
	}
	res, err := n.sess.Evaluate(n.p.EvalDate(draft))
	if err != nil {
		n.t.Fatalf("compute the scenario: %v", err)
	}
	n.p.Show(res, n.sess.Time())
}

func (n *testNav) Track(d dialog.Dialog, onClosed func()) {
	n.dialogs = append(n.dialogs, d)
	d.SetOnClosed(func() {
		n.dialogs = slices.DeleteFunc(n.dialogs, func(o dialog.Dialog) bool { return o == d })
		if onClosed != nil {
			onClosed()
		}
	})
	d.Show()
}

func (n *testNav) TopDialog() dialog.Dialog {
	if len(n.dialogs) == 0 {
		return nil
	}
	return n.dialogs[len(n.dialogs)-1]
}

// open opens scenario id and shows its exposure, as the shell does.
func (n *testNav) open(id string) {
	n.t.Helper()
	if err := n.sess.Open(id); err != nil {
		n.t.Fatal(err)
	}
	n.Recompute()
}

// newTestPanel shows the exposure panel over a new workspace in a test
// window of a laptop's size.
func newTestPanel(t testing.TB) (*Panel, *testNav) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	nav := &testNav{t: t, queue: make(chan func(), 4096)}
	post := func(f func()) { nav.queue <- f }
	log := slog.Default().With("component", "ui")
	nav.sess = sessiontest.Open(t, &session.Session{Post: post, Log: log})
	p := New(w, nav.sess, nav, log, post)
	nav.p = p
	// Registered after the session's close, so the panel stops first.
	t.Cleanup(p.Stop)
	w.SetContent(p.Content())
	w.Resize(fyne.NewSize(900, 740))
	return p, nav
}

// waitFor waits for a value on ch, running the functions workers post for
// the UI goroutine meanwhile.
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
			t.Fatalf("%s: not within 30 s", what)
		}
	}
}
