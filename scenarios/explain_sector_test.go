package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

// TestExplainSector: only the measures that hit a line of the sector are
// listed, each with the duty (or banned value) it adds there; the CUSMA
// share is the value-weighted mean of the lines' own shares, which differs
// from the sector's.
func TestExplainSector(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	fans := prodMeasure("fans", "US", "S232", 0.5, []string{"8414"}, nil) // MACH only
	fans.CUSMAExempt = true
	wine := prodMeasure("wine", "US", "S338", 0.2, []string{"2204"}, nil) // FOOD only
	parts := ban("parts-ban", "US", nil, []string{"8414.90"})             // MACH, one line
	other := ban("steel-ban", "US", nil, []string{"72"})                  // STEEL only
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{fans, wine, parts, other}}
	ex := m.ExplainSector(sc, scenarios.CAtoUS, "MACH", day)
	if len(ex.Measures) != 2 || ex.Measures[0].Measure.ID != "fans" || ex.Measures[1].Measure.ID != "parts-ban" {
		t.Fatalf("MACH measures %+v, want fans and parts-ban only", ex.Measures)
	}
	// fans: 8414510000 200 × .5 × (1 − .9) = 10; 8414900000 is banned: 0.
	if f := ex.Measures[0]; f.Lines != 2 || !near(f.Duty, 10) || f.Banned != 0 {
		t.Errorf("fans %+v", f)
	}
	if b := ex.Measures[1]; b.Lines != 1 || b.Duty != 0 || !near(b.Banned, 40) {
		t.Errorf("parts-ban %+v", b)
	}
	res := m.Evaluate(sc, day)
	f, _ := res.Flow(scenarios.CAtoUS, "MACH")
	if !near(ex.Measures[0].Duty, f.Duty) || !near(ex.Measures[1].Banned, f.Banned) {
		t.Errorf("explained duty %v banned %v, evaluated %v %v", ex.Measures[0].Duty, ex.Measures[1].Banned, f.Duty, f.Banned)
	}
	// Both MACH lines have their own share: (200 × .9 + 40 × 0) / 240 = .75,
	// not the sector's .6.
	if ex.Lines != 2 || ex.OwnShares != 2 || !near(ex.CUSMAShare, 0.75) {
		t.Errorf("MACH lines %d, own shares %d, share %v", ex.Lines, ex.OwnShares, ex.CUSMAShare)
	}
	// STEEL: one own share (.2 on 100), one sector share (.5 on 50): 45/150.
	st := m.ExplainSector(sc, scenarios.CAtoUS, "STEEL", day)
	if st.OwnShares != 1 || !near(st.CUSMAShare, 0.3) || len(st.Measures) != 1 || st.Measures[0].Measure.ID != "steel-ban" ||
		!near(st.Measures[0].Banned, 100) {
		t.Errorf("STEEL %+v", st)
	}
	// An override fixes the sector's share for every line.
	o := productModel(t, scenarios.Overrides{CUSMAShare: map[string]float64{"MACH": 0.1}})
	if ex := o.ExplainSector(sc, scenarios.CAtoUS, "MACH", day); ex.OwnShares != 0 || !near(ex.CUSMAShare, 0.1) {
		t.Errorf("override: own shares %d, share %v", ex.OwnShares, ex.CUSMAShare)
	}
	// A sector no measure hits lists none.
	if ex := m.ExplainSector(sc, scenarios.UStoCA, "MACH", day); len(ex.Measures) != 0 {
		t.Errorf("us_to_ca MACH %+v", ex.Measures)
	}
}
