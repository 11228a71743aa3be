package scenarios_test

import (
	"slices"
	"testing"

	"parley/scenarios"
)

// TestFindLinesAbbreviations checks that a search in plain words finds the
// Census short descriptions that abbreviate them ("UNWR AL" for unwrought
// aluminum), and that an abbreviation matches whole words only.
func TestFindLinesAbbreviations(t *testing.T) {
	sectors := []scenarios.Sector{{Code: "ALUM"}, {Code: "STEEL"}, {Code: "OTHER"}}
	us := scenarios.CAtoUS
	lines := []scenarios.Line{
		{Direction: us, Code: "7601106090", Sector: "ALUM", Value: 1, Description: "UNWROUGHT ALUMINUM NOT ALLOYED, NESOI"},
		{Direction: us, Code: "7601209045", Sector: "ALUM", Value: 1, Description: "UNWR AL ALLOY OF UNIFM C-S BILLETS NOT COIL, OTHER"},
		{Direction: us, Code: "7601209075", Sector: "ALUM", Value: 1, Description: "ALUM AL REMLT SCRP INGT"},
		{Direction: us, Code: "7601103000", Sector: "ALUM", Value: 1, Description: "UNW AL NAL LST C-S DIM NT GR TH 9.5MM IN COILS"},
		{Direction: us, Code: "7208100000", Sector: "STEEL", Value: 1, Description: "FLT-RLD IRN/NONALY STL, IN COILS"},
		{Direction: us, Code: "9503000000", Sector: "OTHER", Value: 1, Description: "TOTAL METAL TOYS, ALL KINDS"},
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{
		CUSMAShare: map[string]float64{"ALUM": 0.5, "STEEL": 0.5, "OTHER": 0.5},
		Elasticity: map[string]float64{"ALUM": 1, "STEEL": 1, "OTHER": 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	codes := func(q string) []string {
		var out []string
		for _, i := range m.FindLines(us, q, 0) {
			out = append(out, m.Line(us, i).Code)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"aluminum", []string{"7601103000", "7601106090", "7601209045", "7601209075"}},
		{"Aluminium", []string{"7601103000", "7601106090", "7601209045", "7601209075"}},
		{"unwrought aluminum", []string{"7601103000", "7601106090", "7601209045"}},
		{"steel", []string{"7208100000"}},
		{"iron steel", []string{"7208100000"}},
		{"al", []string{"7208100000", "7601103000", "7601106090", "7601209045", "7601209075", "9503000000"}}, // typed text still matches inside words
		{"metal", []string{"9503000000"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			if got := codes(tc.query); !slices.Equal(got, tc.want) {
				t.Errorf("FindLines(%q) = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}
