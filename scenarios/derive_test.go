package scenarios_test

import (
	"strings"
	"testing"

	"parley/scenarios"
)

func deriveBase() *scenarios.Scenario {
	m := func(id, imposer, program string) scenarios.Measure {
		me := measure(id, imposer, program, 0.25, map[string]float64{"*": 1})
		me.Evidence = []scenarios.Evidence{{Citation: "cite " + id}}
		return me
	}
	return &scenarios.Scenario{Name: "Today", AsOfToday: true, AsOf: scenarios.MustDate("2026-12-01"),
		Assumptions: scenarios.DefaultAssumptions(),
		Measures: []scenarios.Measure{
			m("US-232-METALS-ANNEX", "US", "S232"), m("US-232-LUMBER", "US", "S232"), m("US-232-AUTOS", "US", "S232-AUTOS"),
			m("US-S338", "US", "S338"), m("CA-SA-2026-50", "CA", "CA-SURTAX-METALS"), m("CA-CM-3", "CA", "CA-SURTAX-AUTOS"),
			m("CA-SURTAX-2026-25", "CA", "CA-SURTAX-2026"),
		}}
}

func ids(ms []scenarios.Measure) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.ID)
	}
	return strings.Join(s, ",")
}

func TestDerive(t *testing.T) {
	for _, c := range []struct {
		name                 string
		lift                 scenarios.Lift
		lifted, answers, out string
	}{
		{"autos programme, Canada offered", scenarios.Lift{Name: "P", Programs: []string{"S232-AUTOS"}},
			"US-232-AUTOS", "CA-CM-3", "US-232-METALS-ANNEX,US-232-LUMBER,US-S338,CA-SA-2026-50,CA-CM-3,CA-SURTAX-2026-25"},
		{"autos programme with Canada", scenarios.Lift{Name: "P", Programs: []string{"S232-AUTOS"}, WithCanada: true},
			"US-232-AUTOS", "CA-CM-3", "US-232-METALS-ANNEX,US-232-LUMBER,US-S338,CA-SA-2026-50,CA-SURTAX-2026-25"},
		// S232 holds lumber too: Canada's metals surtax answers the metals annex only.
		{"lumber alone is not answered", scenarios.Lift{Name: "P", Measures: []string{"US-232-LUMBER"}, WithCanada: true},
			"US-232-LUMBER", "", "US-232-METALS-ANNEX,US-232-AUTOS,US-S338,CA-SA-2026-50,CA-CM-3,CA-SURTAX-2026-25"},
		{"metals measure with Canada", scenarios.Lift{Name: "P", Measures: []string{"US-232-METALS-ANNEX"}, WithCanada: true},
			"US-232-METALS-ANNEX", "CA-SA-2026-50", "US-232-LUMBER,US-232-AUTOS,US-S338,CA-CM-3,CA-SURTAX-2026-25"},
		{"S338 has no answer", scenarios.Lift{Name: "P", Programs: []string{"S338"}, WithCanada: true},
			"US-S338", "", "US-232-METALS-ANNEX,US-232-LUMBER,US-232-AUTOS,CA-SA-2026-50,CA-CM-3,CA-SURTAX-2026-25"},
		{"a Canadian measure by id", scenarios.Lift{Name: "P", Measures: []string{"CA-SURTAX-2026-25"}},
			"CA-SURTAX-2026-25", "", "US-232-METALS-ANNEX,US-232-LUMBER,US-232-AUTOS,US-S338,CA-SA-2026-50,CA-CM-3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := deriveBase()
			d, err := scenarios.Derive(base, c.lift)
			if err != nil {
				t.Fatal(err)
			}
			if ids(d.Lifted) != c.lifted || ids(d.Answers) != c.answers || ids(d.Scenario.Measures) != c.out {
				t.Errorf("lifted %s, answers %s, kept %s", ids(d.Lifted), ids(d.Answers), ids(d.Scenario.Measures))
			}
			sc := d.Scenario
			if sc.Name != "P" || !sc.AsOfToday || sc.AsOf != base.AsOf || sc.Assumptions.BaselineYear != base.Assumptions.BaselineYear {
				t.Errorf("derived %+v", sc)
			}
			for _, m := range sc.Measures {
				if len(m.Evidence) != 1 || m.Evidence[0].Citation != "cite "+m.ID {
					t.Errorf("%s: evidence %+v", m.ID, m.Evidence)
				}
			}
			if !strings.Contains(sc.Description, "following today") || !strings.Contains(sc.Description, c.lifted) {
				t.Errorf("description %q", sc.Description)
			}
			if len(base.Measures) != 7 {
				t.Errorf("base changed: %s", ids(base.Measures))
			}
			// Like with like: a proposal follows its base.
			if w := scenarios.LikenessWarnings(scenarios.Compared{"A", base.AsOf, base.Assumptions}, scenarios.Compared{"B", sc.AsOf, sc.Assumptions}); w != nil {
				t.Errorf("not like its base: %q", w)
			}
		})
	}
}

func TestDeriveErrors(t *testing.T) {
	for _, c := range []struct {
		lift scenarios.Lift
		want string
	}{
		{scenarios.Lift{Programs: []string{"S232"}}, "needs a name"},
		{scenarios.Lift{Name: "P"}, "name the programmes or measures"},
		{scenarios.Lift{Name: "P", Programs: []string{"S999"}}, `no measure of programme "S999" (its programmes: S232, S232-AUTOS, S338`},
		{scenarios.Lift{Name: "P", Measures: []string{"NOPE"}}, `no measure "NOPE"`},
	} {
		if _, err := scenarios.Derive(deriveBase(), c.lift); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.lift, err, c.want)
		}
	}
}
