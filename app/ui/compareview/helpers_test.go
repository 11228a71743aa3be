package compareview

import (
	"log/slog"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// fakeNav is the rest of the window, as the Compare view sees it: it
// records what the view asked of it.
type fakeNav struct {
	t       testing.TB
	exports [][]string
	dirs    []scenarios.Direction
}

func (n *fakeNav) ExportCompare(ids []string, dir scenarios.Direction) {
	n.exports, n.dirs = append(n.exports, ids), append(n.dirs, dir)
}

func (n *fakeNav) ShowError(what string, err error) {
	n.t.Errorf("could not %s: %v", what, err)
}

func (n *fakeNav) ChartTheme() charts.Theme { return charts.Light }

// newTestView shows the Compare view alone, over a session on a new
// workspace in a temporary folder, in a test window of a laptop's size.
func newTestView(t testing.TB) (*View, *session.Session, *fakeNav) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	sess := sessiontest.Open(t, &session.Session{})
	nav := &fakeNav{t: t}
	// The chart's images are dropped: these tests read the tables.
	v := New(w, sess, nav, slog.Default(), func(func()) {})
	t.Cleanup(v.Stop)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1366, 740))
	v.RefreshChoices()
	return v, sess, nav
}
