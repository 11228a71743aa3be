package scenarioview

import (
	"testing"

	"parley/scenarios"
)

// TestMeasureKindAndStatus: the measure form's Kind turns a duty into an
// import ban (rate 0, no CUSMA exemption, stored), its Status makes it
// threatened (out of force until the assumptions include threats), and
// the exposure follows.
func TestMeasureKindAndStatus(t *testing.T) {
	u, _ := newTestUI(t)
	productScenario(t, u)
	useProductModel(t, u, 50)
	u.view.selectMeasure("ieepa")
	f := u.view.form
	if f.kind.Selected != "Duty" || f.status.Selected != "in force" || f.rate.Disabled() {
		t.Fatalf("form kind %q status %q", f.kind.Selected, f.status.Selected)
	}
	before := u.sess.Result().Totals[0]
	if before.Banned != 0 {
		t.Fatalf("banned %v before any ban", before.Banned)
	}

	f.kind.SetSelected("Import ban")
	m := u.sess.Draft().Measure("ieepa")
	if !m.IsBan() || m.Rate != 0 || m.CUSMAExempt || !f.rate.Disabled() || !f.cusma.Disabled() {
		t.Fatalf("after Import ban: %+v, rate disabled %v", m, f.rate.Disabled())
	}
	if s := storedMeasure(t, u, "ieepa"); s.Kind != scenarios.KindBan || s.Rate != 0 {
		t.Errorf("stored %+v", s)
	}
	if u.sess.Result().Totals[0].Banned == 0 || u.sess.Result().Totals[0].Duty >= before.Duty {
		t.Errorf("with the ban: banned %v, duty %v (before %v)", u.sess.Result().Totals[0].Banned, u.sess.Result().Totals[0].Duty, before.Duty)
	}

	f.status.SetSelected("threatened")
	if s := storedMeasure(t, u, "ieepa"); s.Status != scenarios.StatusThreatened {
		t.Errorf("stored status %q", s.Status)
	}
	if u.sess.Result().Totals[0].Banned != 0 {
		t.Errorf("a threatened ban is in force: banned %v", u.sess.Result().Totals[0].Banned)
	}
	// The assumptions' threats check (another view, an edit of the
	// scenario) brings it into force.
	if err := u.edit("", "threats change", func(sc *scenarios.Scenario) { sc.Assumptions.IncludeThreats = true }); err != nil {
		t.Fatal(err)
	}
	if !u.sess.Draft().Assumptions.IncludeThreats || u.sess.Result().Totals[0].Banned == 0 {
		t.Errorf("include threats %v, banned %v", u.sess.Draft().Assumptions.IncludeThreats, u.sess.Result().Totals[0].Banned)
	}

	// Back to a duty: the rate can be set again.
	f.kind.SetSelected("Duty")
	if m := u.sess.Draft().Measure("ieepa"); m.IsBan() || f.rate.Disabled() {
		t.Errorf("after Duty: %+v", m)
	}
}
