package dataview_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/dataview"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/session"
	"parley/app/ui/session/sessiontest"
	"parley/scenarios"
	"parley/storage/datasets"
)

// markupDay is the clock of the goldens: datasets are imported on it.
var markupDay = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// markupNav is the rest of the window, as the data views see it: it shows
// the dialogs they open.
type markupNav struct{ t testing.TB }

func (n *markupNav) Post(func())                      {}
func (n *markupNav) Track(d dialog.Dialog, _ func())  { d.Show() }
func (n *markupNav) ShowError(what string, err error) { n.t.Errorf("could not %s: %v", what, err) }
func (n *markupNav) ShowProblem(*widget.Label, error) {}
func (n *markupNav) ShowForm(dataview.Form)           {}
func (n *markupNav) ShowFile(dataview.FileRequest)    {}
func (n *markupNav) SetStatus(string)                 {}
func (n *markupNav) Recompute()                       {}
func (n *markupNav) OpenScenario(string)              {}
func (n *markupNav) ExternalChange()                  {}
func (n *markupNav) LibraryChanged()                  {}
func (n *markupNav) Edit(string, string, func(*scenarios.Scenario)) error {
	return nil
}

// TestDatasetsMarkup checks the trade datasets dialog of a new workspace
// (none yet) and of one with two datasets, one of them in Canadian
// dollars, none chosen yet.
func TestDatasetsMarkup(t *testing.T) {
	for _, tc := range []struct {
		golden string
		specs  []datasets.DatasetSpec
	}{
		{"datasets_none.xml", nil},
		{"datasets.xml", []datasets.DatasetSpec{
			{Name: "Ontario steel 2025", Direction: scenarios.CAtoUS, Year: 2025, Source: "Statistics Canada, by hand"},
			{Name: "Imports Q1 2026", Direction: scenarios.UStoCA, MonthFrom: "2026-01", MonthTo: "2026-03",
				Currency: datasets.CurrencyCAD, CADPerUSD: 1.3650, Source: "CIMT extract"},
		}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			v, sess, w := newMarkupView(t)
			for _, s := range tc.specs {
				importDataset(t, sess, s)
			}
			v.ShowDatasets()
			kittest.AssertMarkup(t, tc.golden, kittest.TopOverlay(t, w))
		})
	}
}

// importDataset imports a small file of trade data as s.
func importDataset(t *testing.T, sess *session.Session, s datasets.DatasetSpec) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "trade.csv")
	csv := "HS8,Commodity,Province,Value ($)\n72081000,Iron,Ontario,1000000\n76011000,Aluminium,Quebec,2000000\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Workspace().TradeData().Import(context.Background(), path, s, datasets.DatasetImportOptions{}); err != nil {
		t.Fatalf("import %s: %v", s.Name, err)
	}
}

// newMarkupView builds the data views over a new workspace, on the
// goldens' day, in a window of a laptop's size.
func newMarkupView(t *testing.T) (*dataview.View, *session.Session, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	now := func() time.Time { return markupDay }
	sess := sessiontest.Open(t, &session.Session{Now: now, Post: func(func()) {}})
	v := dataview.New(w, sess, &markupNav{t: t})
	w.SetContent(widget.NewLabel("The window"))
	w.Resize(fyne.NewSize(1366, 740))
	return v, sess, w
}
