package scenarios_test

import (
	"slices"
	"testing"

	"parley/scenarios"
)

func TestClaimMonths(t *testing.T) {
	months := []string{"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"}
	duty := func(id string, exempt bool, from, to string) scenarios.Measure {
		me := scenarios.Measure{ID: id, Imposer: scenarios.ImposerUS, Rate: 0.25, CUSMAExempt: exempt, From: scenarios.MustDate(from)}
		if to != "" {
			me.To = scenarios.MustDate(to)
		}
		return me
	}
	struck := duty("struck", true, "2025-01-15", "")
	struck.Status = scenarios.StatusStruckDown
	ban := duty("ban", true, "2025-01-01", "")
	ban.Kind = scenarios.KindBan
	ca := duty("ca", true, "2025-01-01", "")
	ca.Imposer = scenarios.ImposerCA
	for _, c := range []struct {
		name     string
		measures []scenarios.Measure
		want     []string
	}{
		{"from the month of the first day in force, to the end", []scenarios.Measure{duty("a", true, "2025-03-07", "")}, months[2:]},
		{"a measure that ended", []scenarios.Measure{duty("a", true, "2025-03-07", "2025-05-01")}, months[2:5]},
		{"a gap between two measures", []scenarios.Measure{duty("a", true, "2025-02-01", "2025-02-28"), duty("b", true, "2025-06-30", "")},
			[]string{"2025-02", "2025-06", "2025-07", "2025-08"}},
		{"no exemption, a ban, Canada's, struck down: none", []scenarios.Measure{duty("a", false, "2025-01-01", ""), ban, ca, struck}, nil},
		{"after the data", []scenarios.Measure{duty("a", true, "2026-07-24", "")}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := &scenarios.Scenario{Name: "s", Measures: c.measures}
			if got := sc.ClaimMonths(months); !slices.Equal(got, c.want) {
				t.Errorf("months %v, want %v", got, c.want)
			}
			if got, want := sc.DependsOnClaims(), c.want != nil || c.name == "after the data"; got != want {
				t.Errorf("depends on claims %v, want %v", got, want)
			}
		})
	}
}
