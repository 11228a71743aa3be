package evidenceview

import (
	"strings"
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

// programmes are the measure names the tests offer (the shell offers the
// measure form's).
var programmes = []string{"IEEPA", "S232", "S122", "S338", "S301", "ADCVD", "CA-COUNTER", "DEAL"}

// fakeNav is the window around the view in tests: it shows forms and
// confirmations as real dialogs, records the status and errors, and
// queues what workers post until the test runs it.
type fakeNav struct {
	win      fyne.Window
	sess     *session.Session
	status   string
	errs     []string
	selected string
	queue    chan func()
	// opened is the extensions of the last data file asked for.
	opened []string
}

func (n *fakeNav) ShowError(what string, err error) { n.errs = append(n.errs, what+": "+err.Error()) }
func (n *fakeNav) SetStatus(msg string)             { n.status = msg }
func (n *fakeNav) Confirm(title, message, ok string, then func()) {
	dialog.NewCustomConfirm(title, ok, "Cancel", widget.NewLabel(message), func(yes bool) {
		if yes {
			then()
		}
	}, n.win).Show()
}
func (n *fakeNav) ShowForm(f Form) {
	d := dialog.NewForm(f.Title, f.Confirm, "Cancel", f.Items, func(ok bool) {
		if ok && f.Submit != nil {
			if err := f.Submit(); err != nil {
				n.ShowError(f.What, err)
			}
		}
	}, n.win)
	d.Show()
}
func (n *fakeNav) Track(d dialog.Dialog) { d.Show() }
func (n *fakeNav) OpenDataFile(what string, exts []string, use func(path string)) {
	n.opened = exts
}
func (n *fakeNav) ShowFileDialog(d *dialog.FileDialog) { d.Show() }
func (n *fakeNav) Post(f func())                       { n.queue <- f }
func (n *fakeNav) FlushSave()                          { n.sess.FlushSave() }
func (n *fakeNav) SelectedMeasure() string             { return n.selected }
func (n *fakeNav) EditScenario(id, label string, fn func(sc *scenarios.Scenario)) error {
	if id == n.sess.Current() {
		// The shell saves an edit of the scenario shown at once.
		if _, err := n.sess.Edit("", label, fn); err != nil {
			return err
		}
		n.sess.FlushSave()
		return nil
	}
	return n.sess.EditOther(id, label, fn)
}

// errors is what the view reported as errors, for failure messages.
func (n *fakeNav) errors() string { return strings.Join(n.errs, "; ") }

// newTestView builds the evidence view alone in a test window over a new
// workspace.
func newTestView(t *testing.T) (*View, *fakeNav, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	sess := sessiontest.Open(t, &session.Session{})
	nav := &fakeNav{win: w, sess: sess, queue: make(chan func(), 4096)}
	v := New(w, sess, nav, programmes)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1366, 740))
	return v, nav, w
}

// wait waits for a value on ch, running what workers posted meanwhile.
func wait[T any](t *testing.T, nav *fakeNav, ch chan T, what string) T {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case f := <-nav.queue:
			f()
		case v := <-ch:
			return v
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
