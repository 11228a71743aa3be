package compareview_test

import (
	"log/slog"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/compareview"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// markupDay is the clock of the goldens: "today" is always this day.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window, as the Compare view sees it.
type markupNav struct{ t testing.TB }

func (n *markupNav) ExportCompare([]string, scenarios.Direction) {}
func (n *markupNav) ShowError(what string, err error)            { n.t.Errorf("could not %s: %v", what, err) }
func (n *markupNav) ChartTheme() charts.Theme                    { return charts.Light }

// TestCompareMarkup checks the Compare view with two scenarios alike
// (same day, baseline and data: no warning) and two that are not (the
// likeness warning above the table), on a fixed day.
func TestCompareMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		ids    []string
	}{
		{"alike.xml", []string{"today", "sectoral-deal"}},
		{"not_alike.xml", []string{"today", "sectoral-deal-aug-2025"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			v := newMarkupView(t)
			v.Choose(tc.ids...)
			kittest.AssertMarkup(t, tc.golden, v.Content())
		})
	}
}

// newMarkupView shows the Compare view over a new workspace, on the
// goldens' day, in a window of a laptop's size.
func newMarkupView(t *testing.T) *compareview.View {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	// The chart's images are dropped: a raster's markup is its size.
	post := func(func()) {}
	sess := sessiontest.Open(t, &session.Session{Post: post, Now: now, Log: slog.Default()})
	v := compareview.New(w, sess, &markupNav{t: t}, slog.Default(), post)
	t.Cleanup(v.Stop)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1366, 740))
	v.RefreshChoices()
	return v
}
