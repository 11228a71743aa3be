package exposureview

import (
	"strings"
	"testing"

	"parley/app/ui/present"
	"parley/scenarios"
)

// TestExposureCostToCanada: under the totals, the exposure panel says which
// figure answers "what does it cost Canada" (lost exports into the US, with
// their range) and which "what US importers pay" (duty at stake); with
// ranges on, the range is the P10–P90.
func TestExposureCostToCanada(t *testing.T) {
	p, nav := newTestPanel(t)
	nav.open("today")
	tot := nav.sess.Result().Totals[scenarios.CAtoUS.Index()]
	text := p.cost.label.Text
	m := ""
	if tot.UpperBound {
		m = "≤ "
	}
	for _, want := range []string{"What it costs Canada: " + m, "a year of lost exports to the US (the trade effect; range ",
		"at the low and high elasticity", "What US importers pay: " + m, "a year of duty at stake on 2024 volumes"} {
		if !strings.Contains(text, want) {
			t.Errorf("cost %q lacks %q", text, want)
		}
	}
	if text != present.CostText(tot, nil, 2024) {
		t.Errorf("cost %q is not the totals' %q", text, present.CostText(tot, nil, 2024))
	}
	p.when.computed = make(chan string, 2)
	p.when.ranges.SetChecked(true)
	waitFor(t, nav, p.when.computed, "ranges")
	if text := p.cost.label.Text; !strings.Contains(text, ", P10–P90)") {
		t.Errorf("with ranges: %q", text)
	}
}
