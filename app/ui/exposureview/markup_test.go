package exposureview_test

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
	"parley/app/ui/exposureview"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// markupDay is the clock of the goldens: "today" is always this day.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window: it evaluates the draft as the shell
// does and keeps the dialogs the panel opens.
type markupNav struct {
	t       testing.TB
	p       *exposureview.Panel
	sess    *session.Session
	dialogs []dialog.Dialog
}

func (n *markupNav) ShowError(what string, err error)                     { n.t.Errorf("%s: %v", what, err) }
func (n *markupNav) SetStatus(string)                                     {}
func (n *markupNav) ChartTheme() charts.Theme                             { return charts.Light }
func (n *markupNav) SourceLines() []string                                { return []string{"Sources: the built-in data"} }
func (n *markupNav) ExportChart(charts.Kind, scenarios.Direction, string) {}
func (n *markupNav) ExportProvinces(report.ChartRequest)                  {}

func (n *markupNav) Recompute() {
	res, err := n.sess.Evaluate(n.p.EvalDate(n.sess.Draft()))
	if err != nil {
		n.t.Fatalf("compute the scenario: %v", err)
	}
	n.p.Show(res, n.sess.Time())
}

func (n *markupNav) Track(d dialog.Dialog, onClosed func()) {
	n.dialogs = append(n.dialogs, d)
	d.Show()
}

func (n *markupNav) TopDialog() dialog.Dialog {
	if len(n.dialogs) == 0 {
		return nil
	}
	return n.dialogs[len(n.dialogs)-1]
}

// TestExposureMarkup checks the exposure panel of the built-in Today
// scenario (totals of both directions, the sector table largest duty
// first) and how a sector's row is computed, on a fixed day.
func TestExposureMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		show   func(t *testing.T, p *exposureview.Panel, sess *session.Session, w fyne.Window) fyne.CanvasObject
	}{
		{"today.xml", func(_ *testing.T, p *exposureview.Panel, _ *session.Session, _ fyne.Window) fyne.CanvasObject {
			return p.Content()
		}},
		{"today_steel_explained.xml", func(t *testing.T, p *exposureview.Panel, sess *session.Session, w fyne.Window) fyne.CanvasObject {
			res := sess.Result()
			flows := res.DirectionFlows(scenarios.CAtoUS)
			i := slices.IndexFunc(flows, func(f scenarios.Flow) bool { return f.Sector == "STEEL" })
			if i < 0 {
				t.Fatalf("no STEEL flow in %d flows", len(flows))
			}
			p.ShowFlow(flows[i])
			return kittest.TopOverlay(t, w)
		}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			p, sess, w := newMarkupPanel(t)
			kittest.AssertMarkup(t, tc.golden, tc.show(t, p, sess, w))
		})
	}
}

// newMarkupPanel shows the exposure of the built-in Today scenario over a
// new workspace, on the goldens' day, in a window of a laptop's size.
func newMarkupPanel(t *testing.T) (*exposureview.Panel, *session.Session, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	// The chart's images are dropped: a raster's markup is its size.
	post := func(func()) {}
	nav := &markupNav{t: t, sess: sessiontest.Open(t, &session.Session{Post: post, Now: now, Log: slog.Default()})}
	nav.p = exposureview.New(w, nav.sess, nav, slog.Default(), post)
	// Registered after the session's close, so the panel stops first.
	t.Cleanup(nav.p.Stop)
	w.SetContent(nav.p.Content())
	w.Resize(fyne.NewSize(900, 740))
	if err := nav.sess.Open("today"); err != nil {
		t.Fatal(err)
	}
	nav.Recompute()
	return nav.p, nav.sess, w
}
