package scenarios_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"parley/scenarios"
)

// TestDutyByProgramme takes duty apart by programme on testModel, figures
// by hand (ca_to_us: A = 150 with c = 0.5, B = 200 with c = 0.2).
func TestDutyByProgramme(t *testing.T) {
	ieepa := func(rate float64) scenarios.Measure {
		m := measure("ieepa", "US", "IEEPA", rate, map[string]float64{"*": 1})
		m.CUSMAExempt, m.YieldsTo = true, []string{"S232"}
		return m
	}
	ban := measure("ban", "US", "S338-BAN", 0, map[string]float64{"B": 0.5})
	ban.Kind = scenarios.KindBan
	tests := []struct {
		name     string
		measures []scenarios.Measure
		want     map[string][]scenarios.ProgrammeDuty // by sector, largest first
	}{
		{
			name: "a programme that yields to another, one exempt for CUSMA claims",
			measures: []scenarios.Measure{ieepa(0.25),
				measure("s232a", "US", "S232", 0.5, map[string]float64{"A": 0.4}),
				measure("s232b", "US", "S232", 0.5, map[string]float64{"A": 0.3})},
			want: map[string][]scenarios.ProgrammeDuty{
				// A: S232 150 (.5*.4 + .5*.3) = 52.5; IEEPA on the 60% S232
				// leaves, less the claimed half: 150*.25*.6*.5 = 11.25.
				"A": {{Program: "S232", Duty: 52.5}, {Program: "IEEPA", Duty: 11.25}},
				// B: IEEPA only, 200*.25*(1-.2) = 40.
				"B": {{Program: "IEEPA", Duty: 40}},
			},
		},
		{
			name: "two measures of one programme add up; a ban is no part and halves the rest",
			measures: []scenarios.Measure{
				measure("s122", "US", "S122", 0.1, map[string]float64{"*": 1}),
				measure("s122b", "US", "S122", 0.05, map[string]float64{"B": 1}),
				measure("s301", "US", "S301", 0.2, map[string]float64{"B": 0.5}),
				measure("ca", "CA", "CA-SURTAX", 0.25, map[string]float64{"*": 1}), // the other direction
				ban,
			},
			want: map[string][]scenarios.ProgrammeDuty{
				"A": {{Program: "S122", Duty: 15}},
				// B: 200 less the banned half = 100; S122 100*(.1+.05) = 15,
				// S301 100*.2*.5 = 10.
				"B": {{Program: "S122", Duty: 15}, {Program: "S301", Duty: 10}},
			},
		},
		{
			name:     "no measure in force: no sector",
			measures: []scenarios.Measure{measure("ca", "CA", "CA-SURTAX", 0.25, map[string]float64{"*": 1})},
			want:     map[string][]scenarios.ProgrammeDuty{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testModel(t, scenarios.Overrides{})
			sc := &scenarios.Scenario{Name: "t", Measures: tt.measures}
			got := m.DutyByProgramme(sc, scenarios.CAtoUS, day)
			if len(got) != len(tt.want) {
				t.Fatalf("%d sectors, want %d: %+v", len(got), len(tt.want), got)
			}
			for _, sp := range got {
				want := tt.want[sp.Sector]
				if len(sp.Parts) != len(want) {
					t.Fatalf("%s: parts %+v, want %+v", sp.Sector, sp.Parts, want)
				}
				sum := 0.0
				for i, p := range sp.Parts {
					if p.Program != want[i].Program || !near(p.Duty, want[i].Duty) {
						t.Errorf("%s part %d: %+v, want %+v", sp.Sector, i, p, want[i])
					}
					sum += want[i].Duty
				}
				if !near(sp.Duty, sum) {
					t.Errorf("%s: duty %v, want %v", sp.Sector, sp.Duty, sum)
				}
				if f, _ := evalFlow(m, sc, sp.Sector); !near(f, sp.Duty) {
					t.Errorf("%s: duty %v, the engine's %v", sp.Sector, sp.Duty, f)
				}
			}
		})
	}
}

// evalFlow returns the engine's duty of a ca_to_us sector on day.
func evalFlow(m *scenarios.Model, sc *scenarios.Scenario, sector string) (float64, bool) {
	res := m.Evaluate(sc, day)
	f, ok := res.Flow(scenarios.CAtoUS, sector)
	return f.Duty, ok
}

// TestDutyByProgrammeAddsUp is the decomposition's property on random
// scenarios (product scopes, lists, content, CUSMA exemptions, precedence,
// bans, CUSMA shifts): in both directions, the parts of every sector add up
// to the engine's duty to the cent, every part is positive, and a sector
// has parts exactly when it has duty.
func TestDutyByProgrammeAddsUp(t *testing.T) {
	asOf := scenarios.MustDate("2025-06-01")
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 23))
		m, sc, _ := pointCase(r)
		if r.IntN(2) == 0 {
			sc.Measures[r.IntN(len(sc.Measures))].YieldsTo = []string{"S232"}
		}
		checkProgrammesAddUp(t, fmt.Sprintf("case %d", seed), m, sc, asOf)
	}
}

// checkProgrammesAddUp checks that DutyByProgramme takes every sector's
// duty of sc on asOf apart: the parts add up to the engine's duty to the
// cent, each is positive, and the sectors with parts are those with duty.
func checkProgrammesAddUp(t *testing.T, what string, m *scenarios.Model, sc *scenarios.Scenario, asOf scenarios.Date) {
	t.Helper()
	res := m.Evaluate(sc, asOf)
	for _, d := range scenarios.Directions {
		got := map[string]scenarios.SectorProgrammes{}
		for _, sp := range m.DutyByProgramme(sc, d, asOf) {
			got[sp.Sector] = sp
		}
		for _, f := range res.DirectionFlows(d) {
			sp, ok := got[f.Sector]
			if ok != (f.Duty != 0) {
				t.Errorf("%s %s %s: parts %v, duty %v", what, d, f.Sector, ok, f.Duty)
				continue
			}
			sum := 0.0
			for _, p := range sp.Parts {
				if p.Duty <= 0 {
					t.Errorf("%s %s %s: part %+v", what, d, f.Sector, p)
				}
				sum += p.Duty
			}
			if math.Abs(sum-f.Duty) >= 0.005 || math.Abs(sp.Duty-f.Duty) >= 0.005 {
				t.Errorf("%s %s %s: parts add up to %.4f (duty %.4f), the engine's duty is %.4f", what, d, f.Sector, sum, sp.Duty, f.Duty)
			}
		}
	}
}

func TestProgrammeLabel(t *testing.T) {
	tests := []struct{ code, label, family string }{
		{"S232", "Section 232", "Section 232"},
		{"S232-AUTOS", "Section 232 autos", "Section 232"},
		{"S232-1B", "Section 232 annex I-B", "Section 232"},
		{"S232-MHD", "Section 232 trucks & buses", "Section 232"},
		{"S338", "Section 338", "Section 338"},
		{"S301", "Section 301", "Section 301"},
		{"IEEPA", "IEEPA", "IEEPA"},
		{"IEEPA-10", "IEEPA-10", "IEEPA-10"},
		{"CA-SURTAX", "Canada's surtax", "Canada's surtax"},
		{"CA-SURTAX-METALS", "Canada's surtax metals", "Canada's surtax"},
		{"CA-SURTAX-P2", "Canada's surtax P2", "Canada's surtax"},
		{"SAFEGUARD", "SAFEGUARD", "SAFEGUARD"},
		{"ADCVD", "AD/CVD", "AD/CVD"},
		{"", "No programme named", "No programme named"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := scenarios.ProgrammeLabel(tt.code); got != tt.label {
				t.Errorf("label %q, want %q", got, tt.label)
			}
			if got := scenarios.ProgrammeFamily(tt.code); got != tt.family {
				t.Errorf("family %q, want %q", got, tt.family)
			}
		})
	}
}
