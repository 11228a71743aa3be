package scenarioview

import (
	"testing"

	"parley/scenarios"
)

func TestDeriveOffer(t *testing.T) {
	base := &scenarios.Scenario{Name: "B", Measures: []scenarios.Measure{
		{ID: "US-232-AUTOS", Imposer: "US", Program: "S232-AUTOS"}, {ID: "CA-CM-3", Imposer: "CA", Program: "CA-SURTAX-AUTOS"},
		{ID: "US-S338", Imposer: "US", Program: "S338"}}}
	for _, c := range []struct {
		progs []string
		want  string
	}{
		{nil, "Tick the programmes the proposal lifts."},
		{[]string{"S232-AUTOS"}, "Lifts 1 measure(s): US-232-AUTOS. Canada's measures that answer them: CA-CM-3."},
		{[]string{"S338"}, "Lifts 1 measure(s): US-S338. No measure of Canada answers them."},
	} {
		if got := deriveOffer(base, c.progs); got != c.want {
			t.Errorf("%v: %q, want %q", c.progs, got, c.want)
		}
	}
}
