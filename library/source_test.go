package library_test

import (
	"testing"

	"parley/library"
	"parley/scenarios"
)

func TestSourceLine(t *testing.T) {
	info := library.Info{Title: "Ministry steel watch", Publisher: "Ministry", Vintage: "2026-12-06"}
	m := func(lib, vintage string) scenarios.Measure {
		return scenarios.Measure{ID: "M", Library: lib, LibraryVintage: vintage}
	}
	sc := func(ms ...scenarios.Measure) *scenarios.Scenario { return &scenarios.Scenario{Measures: ms} }
	for _, tc := range []struct {
		name string
		info library.Info
		sc   *scenarios.Scenario
		want string
	}{
		{"no scenario", info, nil, `Measure library: as of 2026-12-06, pack "Ministry steel watch" by Ministry.`},
		{"measures of the user's own", info, sc(m("", "")), `Measure library: as of 2026-12-06, pack "Ministry steel watch" by Ministry.`},
		{"current", info, sc(m("A", "2026-12-06"), m("", "")), `Measure library: as of 2026-12-06, pack "Ministry steel watch" by Ministry.`},
		{"not re-based", info, sc(m("A", "2026-10-10"), m("B", "2026-12-06"), m("C", "2026-10-10")),
			`Measure library: this scenario's measures as of 2026-10-10, not re-based on the library as of 2026-12-06, pack "Ministry steel watch" by Ministry.`},
		{"two vintages and one unrecorded", info, sc(m("A", "2026-11-01"), m("B", ""), m("C", "2026-10-10")),
			`Measure library: this scenario's measures as of 2026-10-10 and 2026-11-01 and from an earlier library (vintage not recorded), not re-based on the library as of 2026-12-06, pack "Ministry steel watch" by Ministry.`},
		{"no title", library.Info{Vintage: "2026-12-06"}, nil, `Measure library: as of 2026-12-06.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := library.SourceLine(tc.info, tc.sc); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
