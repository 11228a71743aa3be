package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage/datasets"
)

// wait waits for a value on ch, running the functions workers queue for
// the UI goroutine meanwhile; it fails after a while.
func wait[T any](t *testing.T, ch chan T, what string) T {
	t.Helper()
	return waitQueued(t, ch, what)
}

// assumptionsCheck returns the check of the Assumptions tab labelled text.
func assumptionsCheck(t *testing.T, u *UI, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	kittest.Walk(u.data.Assumptions(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no check %q in the Assumptions tab", text)
	}
	return found
}

// assumptionsShown says whether the Assumptions tab shows a scenario's
// assumptions, not "No scenario is open." (the tab stacks the two).
func assumptionsShown(u *UI) bool {
	return u.data.Assumptions().(*fyne.Container).Objects[0].Visible()
}

func TestListsMadeElsewhereReachTheModel(t *testing.T) {
	u, _ := newTestUI(t)
	a := scenarios.DefaultAssumptions()
	if _, err := u.sess.ModelFor(a); err != nil {
		t.Fatal(err)
	}
	// As the command line would, behind the window's back.
	if err := u.sess.Workspace().CreateList(scenarios.ProductList{Name: "elsewhere", Codes: []string{"0401"}}); err != nil {
		t.Fatal(err)
	}
	u.externalChange()
	m, err := u.sess.ModelFor(a)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lists()["elsewhere"] == nil {
		t.Error("a list made elsewhere is not in the model after the change is noticed")
	}
}

// An edit of the assumptions (through the window's Navigator, as the
// Assumptions tab makes it) shows in the exposure panel's totals, an upper
// bound marked as everywhere else.
func TestAssumptionEditShowsInExposure(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("aug-2025")
	base := u.sess.Result().Totals
	if err := (dataNav{u}).Edit("", "baseline year change", func(sc *scenarios.Scenario) { sc.Assumptions.BaselineYear = 2023 }); err != nil {
		t.Fatal(err)
	}
	if u.sess.Result().Totals == base {
		t.Fatal("the result did not change")
	}
	want := present.Money(u.sess.Result().Totals[0].Duty)
	if u.sess.Result().Totals[0].UpperBound {
		want = "≤ " + want
	}
	if got := u.exposure.TotalText(scenarios.CAtoUS, 1); got != want {
		t.Errorf("exposure totals %q, result %v", got, u.sess.Result().Totals[0].Duty)
	}
}

// A scenario on a dataset with provinces shows them (View > Exposure by
// province) and exports them.
func TestProvincesOfADataset(t *testing.T) {
	u, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "provinces 2024.csv")
	if err := os.WriteFile(path, []byte("HS8,Commodity,Province,Value ($)\n72081000,Iron,Ontario,1000000\n76011000,Aluminium,Quebec,2000000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	spec := datasets.DatasetSpec{Name: "provinces 2024", Direction: scenarios.CAtoUS, Year: 2024, Currency: datasets.CurrencyUSD}
	if _, err := u.sess.Workspace().TradeData().Import(context.Background(), path, spec, datasets.DatasetImportOptions{}); err != nil {
		t.Fatal(err)
	}
	u.data.DatasetsChanged()
	u.openScenario("aug-2025")
	if err := (dataNav{u}).Edit("", "trade data change", func(sc *scenarios.Scenario) {
		sc.Assumptions.Datasets.Set(scenarios.CAtoUS, "provinces 2024")
	}); err != nil {
		t.Fatal(err)
	}
	if b := u.sess.Result().Totals[scenarios.CAtoUS.Index()].Baseline; b != 3_000_000 {
		t.Errorf("baseline %v, want the dataset's 3,000,000", b)
	}
	v := u.exposure.ShowProvinces()
	if rows := v.Rows(); len(rows) != 2 || rows[0][0] != "Quebec" || rows[1][0] != "Ontario" || v.Chart() == nil {
		t.Fatalf("rows %q", v.Rows())
	}
	if _, err := v.Chart()(charts.Size{W: 800, H: 400}).ScreenImage(charts.Size{W: 800, H: 400}, 1); err != nil {
		t.Errorf("provinces chart: %v", err)
	}
	if !strings.Contains(v.Note(), "2 provinces or states") {
		t.Errorf("note %q", v.Note())
	}
	checkProvincesExport(t, u, v)
	v.Hide()
}

// libraryUpdateShown is what a test reads and taps of the library update
// dialog on top of the window.
type libraryUpdateShown struct {
	changes string                        // the diff
	choice  map[string]*widget.RadioGroup // by scenario id
	apply   *widget.Button
}

// rebaseChoice and keepChoice are the choices of scenario id.
func (d libraryUpdateShown) rebaseChoice(id string) string { return d.choice[id].Options[0] }
func (d libraryUpdateShown) keepChoice(id string) string   { return d.choice[id].Options[1] }

// shownLibraryUpdate reads the library update dialog on top of w: the
// monospace label of the changes, each scenario's row (its name and id in
// bold, the details, the choice) and the Apply button.
func shownLibraryUpdate(t *testing.T, w fyne.Window) libraryUpdateShown {
	t.Helper()
	d := libraryUpdateShown{choice: map[string]*widget.RadioGroup{}}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	kittest.Walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.TextStyle.Monospace {
				d.changes = x.Text
			}
		case *widget.Button:
			if x.Text == "Apply" {
				d.apply = x
			}
		case *fyne.Container:
			if len(x.Objects) != 4 {
				return
			}
			name, ok1 := x.Objects[0].(*widget.Label)
			radio, ok2 := x.Objects[2].(*widget.RadioGroup)
			if !ok1 || !ok2 || !strings.HasSuffix(name.Text, ")") {
				return
			}
			id := name.Text[strings.LastIndex(name.Text, "(")+1 : len(name.Text)-1]
			d.choice[id] = radio
		}
	})
	if d.apply == nil {
		t.Fatal("the dialog has no Apply button")
	}
	return d
}

// The File menu's data items open the data views' dialogs.
func TestFileMenuOpensTheDataDialogs(t *testing.T) {
	u, w := newTestUI(t)
	items := map[string]*fyne.MenuItem{}
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			items[it.Label] = it
		}
	}
	for _, tc := range []struct{ item, shows string }{
		{"Product lists…", "A measure includes or excludes a list as list:NAME"},
		{"Trade datasets…", "Your own trade data"},
		{"Import trade data…", ""},
		{"Update measure library…", ""},
	} {
		it := items[tc.item]
		if it == nil || it.Action == nil {
			t.Errorf("no File menu item %q", tc.item)
			continue
		}
		it.Action()
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no dialog shown", tc.item)
			continue
		}
		if !strings.Contains(shownText(u), tc.shows) {
			t.Errorf("%s: the dialog shows %q, want %q", tc.item, shownText(u), tc.shows)
		}
		ov := w.Canvas().Overlays()
		for top := ov.Top(); top != nil; top = ov.Top() {
			ov.Remove(top)
		}
	}
}
