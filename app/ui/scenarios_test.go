package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestOpensOnToday(t *testing.T) {
	u, _ := newTestUI(t)
	if len(u.sess.Infos()) != 11 {
		t.Fatalf("%d scenarios listed, want the 11 built-in ones", len(u.sess.Infos()))
	}
	if u.sess.Current() != "today" {
		t.Errorf("opened %q, want the Today scenario", u.sess.Current())
	}
	if got := u.view.name.Text; !strings.HasPrefix(got, "Today") {
		t.Errorf("scenario view shows %q", got)
	}
}

func TestCreateScenarioThroughDialog(t *testing.T) {
	u, w := newTestUI(t)
	u.list.newDialog()
	name := focusedField(t, w)
	typeInto(name, "US 25% on autos only")
	press(name, fyne.KeyReturn) // Enter submits the form
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
	u.list.newDialog()
	name = focusedField(t, w)
	typeInto(name, "US 25% on autos only")
	press(name, fyne.KeyReturn)
	if !strings.Contains(shownText(u), "already exists") {
		t.Fatalf("duplicate name: last error %q", shownText(u))
	}
	u.escape() // closes the error, which shows the form again
	if f := focusedField(t, w); f.Text != "US 25% on autos only" {
		t.Errorf("the form lost its input: %q", f.Text)
	}
	press(focusedField(t, w), fyne.KeyEscape) // Escape cancels
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
	test.Tap(u.view.addButton)
	test.Tap(button(t, topOverlay(t, w), "Start from an empty measure"))
	if len(u.sess.Draft().Measures) != n+1 {
		t.Fatalf("%d measures after Add, want %d", len(u.sess.Draft().Measures), n+1)
	}
	for _, code := range sectors {
		for _, r := range u.view.form.sectorRows {
			if r.code == code {
				test.Tap(r.included)
			}
		}
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
	if d := u.sess.Result().Totals[0].Duty; d != 0 || !strings.Contains(u.sectorsSummary(&u.sess.Draft().Measures[0]), "no sector yet") {
		t.Fatalf("a new measure gives duty %v on %q", d, u.sectorsSummary(&u.sess.Draft().Measures[0]))
	}
	for _, r := range u.view.form.sectorRows {
		if r.code == scenarios.Wildcard {
			test.Tap(r.included)
		}
	}
	typeInto(u.view.form.rate, "10")
	tenPct := u.sess.Result().Totals[0].Duty
	if tenPct <= 0 {
		t.Fatalf("a 10%% measure on all sectors gives duty %v", tenPct)
	}
	if got, want := u.exposure.Table().Cell(0, 3), present.Millions(tenPct); got != want {
		t.Errorf("totals row shows %q, want %q", got, want)
	}
	// The new measure has no evidence: it is flagged.
	if !u.view.warn.Visible() || !strings.Contains(u.view.warn.Text, "without evidence") {
		t.Errorf("no warning for a measure without evidence: %q", u.view.warn.Text)
	}
	for _, tc := range []struct {
		typed string
		rate  float64
	}{{"25", 0.25}, {"35%", 0.35}, {"0", 0}, {"12.5", 0.125}} {
		t.Run(tc.typed, func(t *testing.T) {
			typeInto(u.view.form.rate, tc.typed)
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
	typeInto(u.view.form.rate, "abc")
	if got := u.sess.Draft().Measures[0].Rate; got != 0.125 {
		t.Errorf("invalid text changed the rate to %v", got)
	}
}

func TestSliderAndDatesRecompute(t *testing.T) {
	u, _ := newTestUI(t)
	newEmpty(t, u, "Slider")
	u.view.addMeasure()
	f := u.view.form
	// A new measure covers no sector yet: give it all of them.
	for _, r := range f.sectorRows {
		if r.code == scenarios.Wildcard {
			test.Tap(r.included)
		}
	}
	f.slider.SetValue(50)
	if got := u.sess.Draft().Measures[0].Rate; got != 0.5 {
		t.Fatalf("slider set rate %v", got)
	}
	if f.rate.Text != "50" {
		t.Errorf("rate field shows %q", f.rate.Text)
	}
	before := u.sess.Result().Totals[0].Duty
	// Not in force on the scenario's date: no duty.
	typeInto(f.from, "2026-01-01")
	if u.sess.Result().Totals[0].Duty != 0 {
		t.Errorf("a measure starting after the as-of date has duty %v", u.sess.Result().Totals[0].Duty)
	}
	typeInto(f.from, "2025-01-01")
	if u.sess.Result().Totals[0].Duty != before {
		t.Errorf("duty %v, want %v", u.sess.Result().Totals[0].Duty, before)
	}
	// An end before the start is refused with a message.
	typeInto(f.to, "2024-01-01")
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "before") {
		t.Errorf("no problem shown for an end before the start: %q", f.problem.Text)
	}
	if !u.sess.Draft().Measures[0].To.IsZero() {
		t.Errorf("an invalid end date was applied")
	}
	// The sectors tab: dropping the wildcard and naming one sector.
	var steel, all *sectorRow
	for _, r := range f.sectorRows {
		switch r.code {
		case "STEEL":
			steel = r
		case scenarios.Wildcard:
			all = r
		}
	}
	test.Tap(steel.included)
	test.Tap(all.included)
	m := u.sess.Draft().Measures[0]
	if _, ok := m.Sectors[scenarios.Wildcard]; ok || m.Sectors["STEEL"] != 1 {
		t.Fatalf("sectors %v", m.Sectors)
	}
	res := u.sess.Result()
	steelFlow, _ := res.Flow(scenarios.CAtoUS, "STEEL")
	if u.sess.Result().Totals[0].Duty != steelFlow.Duty || steelFlow.Duty == 0 {
		t.Errorf("duty %v, steel %v", u.sess.Result().Totals[0].Duty, steelFlow.Duty)
	}
	typeInto(steel.coverage, "40")
	if got := u.sess.Draft().Measures[0].Sectors["STEEL"]; got != 0.4 {
		t.Errorf("coverage %v", got)
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
