package positionview_test

import (
	"log/slog"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/positionview"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// markupDay is the clock of the goldens: "today" is always this day.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window, as the Position view sees it.
type markupNav struct{ t testing.TB }

func (n *markupNav) ExportLeverage(string)                {}
func (n *markupNav) ExportDeal([2]string, scenarios.Date) {}
func (n *markupNav) ExportDeck([2]string, scenarios.Date) {}
func (n *markupNav) Derive(string, func(string))          {}
func (n *markupNav) ShowError(what string, err error)     { n.t.Errorf("could not %s: %v", what, err) }
func (n *markupNav) ChartTheme() charts.Theme             { return charts.Light }

// TestPositionMarkup checks the Position view of today's regime against
// the sectoral deal while its ranges are computed (the deal and its
// verdicts shown, the ranges said to be drawing) and once they are (the
// P10–P90 of a fixed seed), on a fixed day.
func TestPositionMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		done   bool
	}{
		{"computing.xml", false},
		{"done.xml", true},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			v, queue, shown := newMarkupView(t)
			v.Choose("today", "sectoral-deal")
			if tc.done {
				runUntil(t, queue, shown)
			}
			kittest.AssertMarkup(t, tc.golden, v.Content())
		})
	}
}

// runUntil runs what the view's workers posted for the UI goroutine until
// the ranges are shown.
func runUntil(t *testing.T, queue chan func(), shown chan struct{}) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case <-shown:
			return
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatal("ranges: not shown within 60 s")
		}
	}
}

// newMarkupView shows the Position view over a new workspace, on the
// goldens' day, in a window of a laptop's size; what its workers post
// waits in the queue until the test runs it.
func newMarkupView(t *testing.T) (*positionview.View, chan func(), chan struct{}) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	queue, shown := make(chan func(), 4096), make(chan struct{}, 8)
	post := func(f func()) { queue <- f }
	sess := sessiontest.Open(t, &session.Session{Post: post, Now: now, Log: slog.Default()})
	v := positionview.New(w, sess, &markupNav{t: t}, a.Preferences(), slog.Default(), post)
	v.OnRangesShown(func() { shown <- struct{}{} })
	t.Cleanup(v.Stop)
	v.RefreshChoices()
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1366, 740))
	return v, queue, shown
}
