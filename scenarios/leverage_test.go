package scenarios_test

import (
	"math"
	"reflect"
	"testing"

	"parley/scenarios"
)

// TestLeverageWeighting checks the weighting by hand: a sector's dependence
// is the ratio of its chapters' sums, not the mean of their ratios.
func TestLeverageWeighting(t *testing.T) {
	sectors := []scenarios.Sector{
		{Code: "X", Chapters: []string{"01", "02"}},
		{Code: "Y", Chapters: []string{"03"}},
		{Code: "Z", Chapters: []string{"98", "99"}},
		{Code: "W", Chapters: []string{"77"}},
	}
	chapters := []scenarios.ChapterTrade{
		{Chapter: "01", USImportsWorld: 1000, USImportsFromCanada: 500, CAExportsWorld: 200, CAExportsToUS: 150, HasUS: true, HasCA: true},
		{Chapter: "02", USImportsWorld: 3000, USImportsFromCanada: 500, CAExportsWorld: 600, CAExportsToUS: 300, HasUS: true, HasCA: true},
		{Chapter: "03", USImportsWorld: 400, USImportsFromCanada: 100, CAExportsWorld: 0, CAExportsToUS: 0, HasUS: true, HasCA: true},
		{Chapter: "98", USImportsWorld: 1000, USImportsFromCanada: 160, HasUS: true},
		{Chapter: "99", USImportsWorld: 500, USImportsFromCanada: 50, HasUS: true},
	}
	rows := scenarios.Leverage(sectors, chapters)
	for _, c := range []struct {
		code           string
		us, ca         float64
		hasUS, hasCA   bool
		missing        []string
		usWorld, caTot float64
	}{
		// X: (500+500)/(1000+3000) = 0.25, not (0.5+0.1667)/2; (150+300)/(200+600) = 0.5625.
		{"X", 0.25, 0.5625, true, true, nil, 4000, 800},
		// Y: 100/400; Canada's exports are 0: no dependence to give.
		{"Y", 0.25, 0, true, false, nil, 400, 0},
		// Z: (160+50)/(1000+500) = 0.14; no Canadian data for 98 and 99.
		{"Z", 0.14, 0, true, false, []string{"98", "99"}, 1500, 0},
		// W: chapter 77 is in neither source.
		{"W", 0, 0, false, false, []string{"77"}, 0, 0},
	} {
		var r scenarios.SectorLeverage
		for _, x := range rows {
			if x.Sector == c.code {
				r = x
			}
		}
		if r.HasUS != c.hasUS || r.HasCA != c.hasCA || math.Abs(r.USDependence-c.us) > 1e-12 || math.Abs(r.CADependence-c.ca) > 1e-12 {
			t.Errorf("%s: US %v (%v), CA %v (%v); want %v (%v), %v (%v)", c.code, r.USDependence, r.HasUS, r.CADependence, r.HasCA, c.us, c.hasUS, c.ca, c.hasCA)
		}
		if !reflect.DeepEqual(r.Missing, c.missing) || r.USImportsWorld != c.usWorld || r.CAExportsWorld != c.caTot {
			t.Errorf("%s: missing %v, sums %v %v", c.code, r.Missing, r.USImportsWorld, r.CAExportsWorld)
		}
	}
	// All goods: (500+500+100+160+50)/(4000+400+1500) = 1310/5900; Canada 450/800.
	tot := scenarios.LeverageTotal(rows)
	if math.Abs(tot.USDependence-1310.0/5900) > 1e-12 || math.Abs(tot.CADependence-0.5625) > 1e-12 {
		t.Errorf("total: %v, %v", tot.USDependence, tot.CADependence)
	}
	if got := scenarios.ByUSDependence(rows); got[0].Sector != "X" || got[1].Sector != "Y" || got[2].Sector != "Z" || got[3].Sector != "W" {
		t.Errorf("order by US dependence: %v %v %v %v", got[0].Sector, got[1].Sector, got[2].Sector, got[3].Sector)
	}
	if g := rows[0].Gap(); math.Abs(g-0.3125) > 1e-12 {
		t.Errorf("gap %v", g)
	}
}

func TestLeverageWithDuty(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	sc := &scenarios.Scenario{Name: "s", Measures: []scenarios.Measure{
		measure("us", "US", "IEEPA", 0.25, map[string]float64{"*": 1}),
		measure("ca", "CA", "SURTAX", 0.10, map[string]float64{m.Sectors[0].Code: 1}),
	}}
	res := m.Evaluate(sc, scenarios.MustDate("2025-06-01"))
	rows := scenarios.WithDuty(scenarios.Leverage(m.Sectors, nil), &res)
	for _, r := range rows {
		us, _ := res.Flow(scenarios.CAtoUS, r.Sector)
		ca, _ := res.Flow(scenarios.UStoCA, r.Sector)
		if r.DutyCAtoUS != us.Duty || r.DutyUStoCA != ca.Duty {
			t.Errorf("%s: duty %v / %v, want %v / %v", r.Sector, r.DutyCAtoUS, r.DutyUStoCA, us.Duty, ca.Duty)
		}
	}
	if rows[0].DutyUStoCA == 0 || rows[1].DutyUStoCA != 0 {
		t.Errorf("Canada's duty by sector: %v, %v", rows[0].DutyUStoCA, rows[1].DutyUStoCA)
	}
}
