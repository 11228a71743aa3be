package evidenceview_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/evidenceview"
	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
)

// markupDay is the clock of the goldens.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window, as the evidence view sees it: the
// goldens open no dialog and post nothing.
type markupNav struct{ t testing.TB }

func (n *markupNav) ShowError(what string, err error)                 { n.t.Errorf("could not %s: %v", what, err) }
func (n *markupNav) SetStatus(string)                                 {}
func (n *markupNav) Confirm(string, string, string, func())           {}
func (n *markupNav) ShowForm(evidenceview.Form)                       {}
func (n *markupNav) Track(d dialog.Dialog)                            { d.Show() }
func (n *markupNav) OpenDataFile(string, []string, func(path string)) {}
func (n *markupNav) ShowFileDialog(*dialog.FileDialog)                {}
func (n *markupNav) Post(func())                                      {}
func (n *markupNav) FlushSave()                                       {}
func (n *markupNav) SelectedMeasure() string                          { return "" }
func (n *markupNav) EditScenario(string, string, func(*scenarios.Scenario)) error {
	return nil
}

// TestEvidenceMarkup checks the evidence library as a new workspace shows
// it (the list of the seed documents) and a seed document opened from a search:
// the passage found highlighted in the reader and put in the quote field.
func TestEvidenceMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		// do brings the view to the state and returns the part to check.
		do func(t *testing.T, v *evidenceview.View) fyne.CanvasObject
	}{
		{"library.xml", func(t *testing.T, v *evidenceview.View) fyne.CanvasObject {
			tabs := kittest.Find[*container.AppTabs](v.Content())
			if len(tabs) == 0 {
				t.Fatal("no tabs in the view")
			}
			tabs[0].SelectIndex(1) // Documents
			return tabs[0]
		}},
		{"document_quoted.xml", func(t *testing.T, v *evidenceview.View) fyne.CanvasObject {
			f := v.SearchField().(*kit.Field)
			kittest.TypeInto(f, `"dependent on Canada for aluminum"`)
			kittest.Press(f, fyne.KeyReturn)
			hits := kittest.Find[*kit.Card](v.Content())
			if len(hits) != 1 {
				t.Fatalf("%d passages found, want 1", len(hits))
			}
			test.Tap(hits[0])
			return v.Content()
		}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			v := newMarkupView(t)
			kittest.AssertMarkup(t, tc.golden, tc.do(t, v))
		})
	}
}

// newMarkupView shows the evidence view over a new workspace, on the
// goldens' day, in a window of a laptop's size.
func newMarkupView(t *testing.T) *evidenceview.View {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	sess := sessiontest.Open(t, &session.Session{Now: now, Post: func(func()) {}})
	v := evidenceview.New(w, sess, &markupNav{t: t}, []string{"IEEPA", "S232", "DEAL"})
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1366, 740))
	return v
}
