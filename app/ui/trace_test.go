package ui

import (
	"strings"
	"testing"

	"parley/app/ui/present"
	"parley/scenarios"
)

// TestFlowExplanationListsMeasuresThatHit: "How this row is computed" lists
// only the measures that hit a line of the sector, with the duty each adds
// and, for a ban, the trade it bans; where lines use their own CUSMA claim
// shares it says so and gives the value-weighted share, not the sector's.
func TestFlowExplanationListsMeasuresThatHit(t *testing.T) {
	u, _ := newTestUI(t)
	productScenario(t, u)
	d := scenarios.MustDate
	u.sess.Draft().Measures = append(u.sess.Draft().Measures,
		scenarios.Measure{ID: "ban", Label: "Ban on planed pine", Imposer: "US", Program: "S338", Kind: scenarios.KindBan,
			From: d("2025-10-01"), Products: &scenarios.ProductScope{Include: []string{"4407110020"}}},
		scenarios.Measure{ID: "threat", Label: "Threatened lumber duty", Imposer: "US", Program: "T", Rate: 0.5,
			Status: scenarios.StatusThreatened, From: d("2025-01-01"), Products: &scenarios.ProductScope{Include: []string{"4407"}}})
	useProductModel(t, u, 50)
	res := u.sess.Result()
	f, ok := res.Flow(scenarios.CAtoUS, "LUMBER")
	if !ok || f.Banned != 5e8 {
		t.Fatalf("LUMBER flow %+v", f)
	}
	text := u.exposure.FlowExplanation(f)
	for _, want := range []string{
		"S232 softwood 10%: rate 10% on 3 lines, adds US$",
		"IEEPA 35% on non-CUSMA goods: rate 35% on 1 line, adds US$",
		"Ban on planed pine: import ban on 1 line, trade banned US$",
		"each line's own claim share (2 of 4 lines",
		"value-weighted 0.88.",
		"Trade banned VB = V × B",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
	if line := present.TotalsLine(scenarios.CAtoUS, u.sess.Result().Totals[0]); !strings.Contains(line, "trade banned US$ 500 M") {
		t.Errorf("totals line without trade banned: %s", line)
	}
	// The products view explains the banned line.
	v := listed(t, u.exposure.ShowProducts(scenarios.CAtoUS, "LUMBER", ""))
	i := u.sess.Model().FindLines(scenarios.CAtoUS, "4407110020", 0)
	if len(i) != 1 {
		t.Fatalf("FindLines = %v", i)
	}
	if e := v.ExplainLine(i[0]); !strings.Contains(e, "Ban on planed pine: import ban on 100% of the line, trade banned US$ 500 M") ||
		!strings.Contains(e, "Banned: US$ 500 M of its trade (100%)") {
		t.Errorf("line explanation:\n%s", e)
	}
	// The measure list tags the ban.
	if tag := present.StatusTag(&u.sess.Draft().Measures[3]); tag != "ban" {
		t.Errorf("ban tagged %q", tag)
	}
	if tag := present.StatusTag(&u.sess.Draft().Measures[4]); tag != "threatened" {
		t.Errorf("threatened measure tagged %q", tag)
	}
	// The furniture duty hits no lumber line; the threatened duty is not
	// active without include_threats.
	for _, not := range []string{"wood furniture", "Threatened", "× coverage"} {
		if strings.Contains(text, not) {
			t.Errorf("explanation names %q:\n%s", not, text)
		}
	}
}
