package scenarioview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"

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
	kittest.TypeInto(f.from, "2026-01-01")
	if u.sess.Result().Totals[0].Duty != 0 {
		t.Errorf("a measure starting after the as-of date has duty %v", u.sess.Result().Totals[0].Duty)
	}
	kittest.TypeInto(f.from, "2025-01-01")
	if u.sess.Result().Totals[0].Duty != before {
		t.Errorf("duty %v, want %v", u.sess.Result().Totals[0].Duty, before)
	}
	// An end before the start is refused with a message.
	kittest.TypeInto(f.to, "2024-01-01")
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
	kittest.TypeInto(steel.coverage, "40")
	if got := u.sess.Draft().Measures[0].Sectors["STEEL"]; got != 0.4 {
		t.Errorf("coverage %v", got)
	}
}

// TestListToggle: the button beside the scenario's name hides the list of
// scenarios (its room goes to the measures) and shows it again, and the
// tab is laid out again each time.
func TestListToggle(t *testing.T) {
	u, _ := newTestUI(t)
	if !u.list.content.Visible() {
		t.Fatal("the list is hidden at start")
	}
	test.Tap(u.view.listButton)
	if u.list.content.Visible() || u.nav.layouts != 1 {
		t.Errorf("after a tap: list shown %v, layouts %d", u.list.content.Visible(), u.nav.layouts)
	}
	test.Tap(u.view.listButton)
	if !u.list.content.Visible() || u.nav.layouts != 2 {
		t.Errorf("after a second tap: list shown %v, layouts %d", u.list.content.Visible(), u.nav.layouts)
	}
}

// TestTodayIsTheSessionsClock: the new-scenario dialog proposes today and
// a scenario that follows today is dated today, both on the session's
// clock.
func TestTodayIsTheSessionsClock(t *testing.T) {
	u, w := newTestUI(t)
	u.sess.Now = func() time.Time { return time.Date(2031, 5, 6, 12, 0, 0, 0, time.UTC) }
	u.list.newDialog()
	var asOf string
	for _, f := range kittest.Find[*kit.Field](kittest.TopOverlay(t, w)) {
		if f.PlaceHolder == "YYYY-MM-DD" {
			asOf = f.Text
		}
	}
	if asOf != "2031-05-06" {
		t.Errorf("the new scenario's date is %q, want the clock's 2031-05-06", asOf)
	}
	w.Canvas().Overlays().Top().Hide()
	u.openScenario("threat-25")
	u.view.followDay.SetChecked(true)
	if d := u.sess.Draft(); !d.AsOfToday || d.AsOf.String() != "2031-05-06" || u.view.asOf.Text != "2031-05-06" {
		t.Errorf("following today: %v on %s, field %q", d.AsOfToday, d.AsOf, u.view.asOf.Text)
	}
}

// TestNewMeasureMarkup: a new measure opens on its Sectors tab, every
// sector unchecked (it duties nothing yet), under the measure's title.
func TestNewMeasureMarkup(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Golden")
	u.view.addMeasure()
	w.Resize(fyne.NewSize(1000, 700))
	kittest.AssertMarkup(t, "new_measure_form.xml", u.view.form.content)
}
