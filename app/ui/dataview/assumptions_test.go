package dataview

import (
	"strings"
	"testing"

	"parley/app/ui/present"
)

func TestAssumptionsChangeTheResult(t *testing.T) {
	u, nav := newTestView(t)
	nav.OpenScenario("aug-2025")
	v := u.assumptions
	base := u.sess.Result().Totals[0]
	var autos, mach *overrideRow
	for _, r := range v.rows {
		switch r.code {
		case "AUTOS":
			autos = r
		case "MACHINERY":
			mach = r
		}
	}
	if autos.cusmaDef.Text == "" || autos.mark.Text != "" {
		t.Fatalf("default %q, mark %q", autos.cusmaDef.Text, autos.mark.Text)
	}
	if !strings.Contains(v.legend.Text, "Budget-Lab") || !strings.Contains(v.legend.Text, "imputed: median of the other sectors") {
		t.Errorf("legend does not give the sources: %q", v.legend.Text)
	}
	for _, tc := range []struct {
		name  string
		apply func()
		check func() bool
	}{
		{"elasticity high", func() { typeInto(v.high, "3") }, func() bool {
			return u.sess.Result().Totals[0].TradeChangeHigh < base.TradeChangeHigh && u.sess.Result().Totals[0].Duty == base.Duty
		}},
		{"CUSMA share of machinery", func() { typeInto(mach.cusma, "10") }, func() bool {
			return u.sess.Draft().Assumptions.Overrides.CUSMAShare["MACHINERY"] == 0.1 && strings.Contains(mach.mark.Text, yourAssumption)
		}},
		{"elasticity of autos", func() { typeInto(autos.elast, "4") }, func() bool {
			return u.sess.Draft().Assumptions.Overrides.Elasticity["AUTOS"] == 4
		}},
		{"baseline year", func() { v.year.SetSelected("2023") }, func() bool {
			return u.sess.Draft().Assumptions.BaselineYear == 2023 && u.sess.Result().Totals[0].Baseline != base.Baseline &&
				strings.Contains(strings.Join(u.sess.SourceLines(), " "), "2023")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := u.sess.Result().Totals
			tc.apply()
			if !tc.check() {
				t.Errorf("assumption not applied: %+v", u.sess.Draft().Assumptions)
			}
			if u.sess.Result().Totals == before {
				t.Errorf("the result did not change")
			}
			// An upper bound is marked as everywhere else.
			want := present.Money(u.sess.Result().Totals[0].Duty)
			if u.sess.Result().Totals[0].UpperBound {
				want = "≤ " + want
			}
			if got := v.totals[0].Text; !strings.Contains(got, "duty at stake "+want+" on") {
				t.Errorf("totals %q, result %v", got, u.sess.Result().Totals[0].Duty)
			}
		})
	}
	stored, err := u.sess.Workspace().Scenario("aug-2025")
	if err != nil || stored.Assumptions.BaselineYear != 2023 || stored.Assumptions.Overrides.Elasticity["AUTOS"] != 4 {
		t.Errorf("not saved: %+v %v", stored.Assumptions, err)
	}
	// Clearing an override returns to the default.
	typeInto(mach.cusma, "")
	if _, ok := u.sess.Draft().Assumptions.Overrides.CUSMAShare["MACHINERY"]; ok {
		t.Errorf("override kept after clearing it")
	}
	// Each change is undoable.
	for range 5 {
		u.sess.FlushSave()
		st, _, err := u.sess.Undo()
		if err != nil {
			t.Fatal(err)
		}
		nav.OpenScenario(st.ID) // as the window does after an undo
	}
	if u.sess.Draft().Assumptions.ElasticityHigh != 1.5 {
		t.Errorf("elasticity high %v after undo", u.sess.Draft().Assumptions.ElasticityHigh)
	}
}

func TestInvalidAssumptionIsNotApplied(t *testing.T) {
	u, nav := newTestView(t)
	nav.OpenScenario("threat-25")
	v := u.assumptions
	typeInto(v.high, "0.3") // below the low multiplier 0.5
	if u.sess.Draft().Assumptions.ElasticityHigh == 0.3 {
		t.Errorf("high multiplier below low applied")
	}
	if !v.problem.Visible() || !strings.Contains(v.problem.Text, "elasticity") {
		t.Errorf("problem %q", v.problem.Text)
	}
	if len(nav.errors) > 0 || len(nav.dialogs) > 0 {
		t.Errorf("a dialog interrupted typing: %q", nav.errors)
	}
	typeInto(v.high, "2")
	if u.sess.Draft().Assumptions.ElasticityHigh != 2 || v.problem.Visible() {
		t.Errorf("high %v, problem shown %v", u.sess.Draft().Assumptions.ElasticityHigh, v.problem.Visible())
	}
}
