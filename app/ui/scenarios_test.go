package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit/kittest"
	"parley/app/ui/present"
	"parley/scenarios"
)

func TestCreateScenarioThroughDialog(t *testing.T) {
	u, w := newTestUI(t)
	u.scen.NewDialog()
	name := kittest.FocusedField(t, w)
	kittest.TypeInto(name, "US 25% on autos only")
	kittest.Press(name, fyne.KeyReturn) // Enter submits the form
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog is still open: %s", shownText(u))
	}
	if len(u.sess.Infos()) != 12 {
		t.Fatalf("%d scenarios, want 12", len(u.sess.Infos()))
	}
	if u.sess.Draft() == nil || u.sess.Draft().Name != "US 25% on autos only" {
		t.Fatalf("the new scenario is not shown: %+v", u.sess.Draft())
	}
	if got := u.exposure.Table().Cell(0, 3); got != "0.0" {
		t.Errorf("an empty scenario has duty %q, want 0.0", got)
	}
	// Its name is taken now: a second one with the same name is refused and
	// the dialog comes back with what was typed.
	u.scen.NewDialog()
	name = kittest.FocusedField(t, w)
	kittest.TypeInto(name, "US 25% on autos only")
	kittest.Press(name, fyne.KeyReturn)
	if !strings.Contains(shownText(u), "already exists") {
		t.Fatalf("duplicate name: last error %q", shownText(u))
	}
	u.escape() // closes the error, which shows the form again
	if f := kittest.FocusedField(t, w); f.Text != "US 25% on autos only" {
		t.Errorf("the form lost its input: %q", f.Text)
	}
	kittest.Press(kittest.FocusedField(t, w), fyne.KeyEscape) // Escape cancels
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left a dialog open")
	}
}

// newEmpty creates and opens an empty scenario.
func newEmpty(t *testing.T, u *UI, name string) {
	t.Helper()
	sc := &scenarios.Scenario{Name: name, AsOf: scenarios.MustDate("2025-09-01"), Assumptions: scenarios.DefaultAssumptions()}
	if err := u.createScenario(sc, "test"); err != nil {
		t.Fatal(err)
	}
}

// addEmpty adds a measure as a user does: Add…, then "Start from an empty
// measure" in the dialog; then it checks the sectors given in the Sectors
// tab ("*" for all sectors).
func addEmpty(t *testing.T, u *UI, w fyne.Window, sectors ...string) {
	t.Helper()
	n := len(u.sess.Draft().Measures)
	test.Tap(kittest.Button(t, u.scen.Editor(), "Add…"))
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Start from an empty measure"))
	if len(u.sess.Draft().Measures) != n+1 {
		t.Fatalf("%d measures after Add, want %d", len(u.sess.Draft().Measures), n+1)
	}
	for _, code := range sectors {
		test.Tap(sectorCheck(t, u, code))
	}
}

func TestAddMeasureChangesTotals(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Autos")
	if got := u.exposure.Table().Cell(0, 3); got != "0.0" {
		t.Fatalf("duty before any measure: %q", got)
	}
	// A new measure duties nothing until its sectors are picked.
	addEmpty(t, u, w)
	if d := u.sess.Result().Totals[0].Duty; d != 0 || !strings.Contains(u.scen.ScopeSummary(&u.sess.Draft().Measures[0]), "no sector yet") {
		t.Fatalf("a new measure gives duty %v on %q", d, u.scen.ScopeSummary(&u.sess.Draft().Measures[0]))
	}
	test.Tap(sectorCheck(t, u, scenarios.Wildcard))
	kittest.TypeInto(editorField(t, u, "25"), "10")
	tenPct := u.sess.Result().Totals[0].Duty
	if tenPct <= 0 {
		t.Fatalf("a 10%% measure on all sectors gives duty %v", tenPct)
	}
	if got, want := u.exposure.Table().Cell(0, 3), present.Millions(tenPct); got != want {
		t.Errorf("totals row shows %q, want %q", got, want)
	}
	// The new measure has no evidence: it is flagged.
	if warn := editorLabel(t, u, "⚠ "); !warn.Visible() || !strings.Contains(warn.Text, "without evidence") {
		t.Errorf("no warning for a measure without evidence: %q", warn.Text)
	}
	for _, tc := range []struct {
		typed string
		rate  float64
	}{{"25", 0.25}, {"35%", 0.35}, {"0", 0}, {"12.5", 0.125}} {
		t.Run(tc.typed, func(t *testing.T) {
			kittest.TypeInto(editorField(t, u, "25"), tc.typed)
			if got := u.sess.Draft().Measures[0].Rate; got != tc.rate {
				t.Fatalf("rate %v, want %v", got, tc.rate)
			}
			want := tenPct * tc.rate / 0.10
			if d := u.sess.Result().Totals[0].Duty - want; d > 1 || d < -1 {
				t.Errorf("duty %v, want %v", u.sess.Result().Totals[0].Duty, want)
			}
			if got := u.exposure.Table().Cell(0, 3); got != present.Millions(u.sess.Result().Totals[0].Duty) {
				t.Errorf("totals row %q, result %v", got, u.sess.Result().Totals[0].Duty)
			}
			stored, err := u.sess.Workspace().Scenario(u.sess.Current())
			if err != nil || stored.Measures[0].Rate != tc.rate {
				t.Errorf("not saved: %v %+v", err, stored)
			}
		})
	}
	// An invalid rate is not applied.
	kittest.TypeInto(editorField(t, u, "25"), "abc")
	if got := u.sess.Draft().Measures[0].Rate; got != 0.125 {
		t.Errorf("invalid text changed the rate to %v", got)
	}
}

func TestDirectionSwitch(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("ca-counter-2025")
	ca := u.exposure.Table().Cell(0, 3)
	u.exposure.SetDirection(scenarios.UStoCA)
	us := u.exposure.Table().Cell(0, 3)
	if ca != "0.0" || us == "0.0" {
		t.Errorf("Canada's counter-tariffs: duty %s into the US, %s into Canada", ca, us)
	}
	if got, want := strings.TrimPrefix(us, "≤ "), present.Millions(u.sess.Result().Totals[1].Duty); got != want {
		t.Errorf("US to Canada totals %q, want %q", got, want)
	}
}

func TestSortSectorTable(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("aug-2025")
	tab := u.exposure.Table()
	duty := func(row int) float64 { return tab.Cols[3].Key(tab.Row(row)) }
	for r := 2; r < len(u.exposure.Flows())+1; r++ {
		if duty(r) > duty(r-1) {
			t.Fatalf("not sorted by duty, largest first: row %d", r)
		}
	}
	tab.SortBy(0) // by sector name
	if a, b := tab.Cell(1, 0), tab.Cell(2, 0); a > b {
		t.Errorf("sorted by name: %q before %q", a, b)
	}
	if tab.Cell(0, 0) != "All sectors" {
		t.Errorf("the totals row moved: %q", tab.Cell(0, 0))
	}
}
