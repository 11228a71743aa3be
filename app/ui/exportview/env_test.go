package exportview

import (
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/present"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
)

// fakeNav is the shell as the exports' tests see it: what the exports run
// on the UI goroutine waits in a queue for the test's goroutine (Fyne's
// test driver would run it at once on the worker, racing with the test);
// errors and status messages are recorded as the shell shows them.
type fakeNav struct {
	q      chan func()
	errors []string
	status string
	// save, when set, answers SaveAs as the user would, with a path.
	save  func(name string) string
	asked []string // the file names SaveAs proposed

	shown []previewResult // every preview shown
	done  []error         // the end of every save and copy
}

func (n *fakeNav) Post(f func())        { n.q <- f }
func (n *fakeNav) SetStatus(msg string) { n.status = msg }

// ShowError records what the shell's error dialog says.
func (n *fakeNav) ShowError(what string, err error) {
	n.errors = append(n.errors, "Could not "+what+" "+present.Capitalize(err.Error()))
}

func (n *fakeNav) SaveAs(what, ext, name, title string, use func(path string)) {
	n.asked = append(n.asked, name)
	if n.save != nil {
		if p := n.save(name); p != "" {
			use(p)
		}
	}
}

// shownText is what the user was told in error dialogs.
func (n *fakeNav) shownText() string { return strings.Join(n.errors, " ") }

// testEnv opens a new workspace in a temporary folder with its scenario
// id shown, in a test window of a laptop's size.
func testEnv(t testing.TB, id string) (Env, *fakeNav) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 740))
	nav := &fakeNav{q: make(chan func(), 4096)}
	sess := sessiontest.Open(t, &session.Session{Post: nav.Post})
	if err := sess.Open(id); err != nil {
		t.Fatal(err)
	}
	return Env{Win: w, Sess: sess, Nav: nav, Prefs: a.Preferences(), Clipboard: a.Clipboard()}, nav
}

// until runs the queued functions until cond is true.
func (n *fakeNav) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-n.q:
			f()
		case <-deadline:
			t.Fatalf("%s: not within 30 s", what)
		}
	}
}

// watch records d's previews and the ends of its saves and copies.
func (n *fakeNav) watch(d *ChartDialog) {
	d.preview.onShown = func(r previewResult) { n.shown = append(n.shown, r) }
	d.OnDone = func(_ string, err error) { n.done = append(n.done, err) }
}

// openExport opens the export dialog on the scenario shown, as File ▸
// Export chart does, and returns it with the fake shell.
func openExport(t *testing.T, env Env) (*ChartDialog, *fakeNav) {
	t.Helper()
	nav := env.Nav.(*fakeNav)
	d := NewChartDialog(env, Preset{Kind: charts.Exposure, IDs: []string{env.Sess.Current()}})
	nav.watch(d)
	d.Show()
	d.Shown()
	t.Cleanup(func() { d.Hide(); d.Stop() })
	return d, nav
}

// open reports whether a dialog is on the window.
func open(env Env) bool { return env.Win.Canvas().Overlays().Top() != nil }

// inked reports whether img has pixels that are not white.
func inked(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if r, g, bl, _ := img.At(x, y).RGBA(); r != 0xffff || g != 0xffff || bl != 0xffff {
				return true
			}
		}
	}
	return false
}
