package positionview

import (
	"log/slog"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// fakeNav is the rest of the window, as the Position view sees it: it
// records what the view asked of it.
type fakeNav struct {
	t       testing.TB
	deals   [][2]string
	decks   [][2]string
	asOf    []scenarios.Date
	levs    []string
	derives []string
	done    func(id string)
}

func (n *fakeNav) ExportLeverage(id string) { n.levs = append(n.levs, id) }

func (n *fakeNav) ExportDeal(ids [2]string, asOf scenarios.Date) {
	n.deals, n.asOf = append(n.deals, ids), append(n.asOf, asOf)
}

func (n *fakeNav) ExportDeck(ids [2]string, asOf scenarios.Date) {
	n.decks, n.asOf = append(n.decks, ids), append(n.asOf, asOf)
}

func (n *fakeNav) Derive(baseline string, done func(id string)) {
	n.derives, n.done = append(n.derives, baseline), done
}

func (n *fakeNav) ShowError(what string, err error) {
	n.t.Errorf("could not %s: %v", what, err)
}

func (n *fakeNav) ChartTheme() charts.Theme { return charts.Light }

// testView is the Position view alone in a test window, over a session on
// a new workspace, with the functions its workers post for the UI
// goroutine queued until the test runs them (waitRanges).
type testView struct {
	*View
	sess  *session.Session
	nav   *fakeNav
	prefs fyne.Preferences
	win   fyne.Window
	queue chan func()
	shown chan struct{}
}

// newTestView shows the Position view alone, over a session on a new
// workspace in a temporary folder, in a test window of a laptop's size.
func newTestView(t testing.TB) *testView {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	sess := sessiontest.Open(t, &session.Session{})
	tv := &testView{sess: sess, nav: &fakeNav{t: t}, prefs: a.Preferences(), win: w,
		queue: make(chan func(), 4096)}
	tv.View = tv.newView(t)
	w.SetContent(tv.Content())
	w.Resize(fyne.NewSize(1366, 740))
	return tv
}

// newView makes another Position view over tv's session and preferences
// (the view of the next run), its choices listed.
func (tv *testView) newView(t testing.TB) *View {
	v := New(tv.win, tv.sess, tv.nav, tv.prefs, slog.Default(), func(f func()) { tv.queue <- f })
	tv.shown = make(chan struct{}, 8)
	v.OnRangesShown(func() { tv.shown <- struct{}{} })
	t.Cleanup(v.Stop)
	v.RefreshChoices()
	return v
}

// waitRanges runs what the workers queued for the UI goroutine until the
// ranges of a refresh are shown.
func (tv *testView) waitRanges(t testing.TB) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case <-tv.shown:
			return
		case f := <-tv.queue:
			f()
		case <-deadline:
			t.Fatal("ranges: not within 30 s")
		}
	}
}
