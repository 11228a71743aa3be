package ui

import (
	"strings"
	"testing"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestCompareTwoScenarios(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(2)
	v := u.compare
	v.choose("threat-25", "aug-2025")
	if len(v.results) != 2 || v.table == nil {
		t.Fatalf("%d results", len(v.results))
	}
	a, b := v.results[0].Totals[0].Duty, v.results[1].Totals[0].Duty
	if got := v.table.Cell(0, 1); got != present.Millions(a) {
		t.Errorf("A total %q, want %s", got, present.Millions(a))
	}
	if got := strings.TrimPrefix(v.table.Cell(0, 2), "≤ "); got != present.Millions(b) {
		t.Errorf("B total %q, want %s", got, present.Millions(b))
	}
	if got, want := strings.TrimLeft(v.table.Cell(0, 3), "≤≥≈ "), present.Signed(present.Millions(b-a)); got != want && got != "+"+want {
		t.Errorf("B − A %q, want %q", got, want)
	}
	if !strings.Contains(v.key.Text, "A: Threat") || !strings.Contains(v.key.Text, "B: August 2025") {
		t.Errorf("key %q", v.key.Text)
	}
	// Per sector: the difference is B − A.
	for r := 1; r <= len(u.sess.Sectors()); r++ {
		da, db := v.table.Cols[1].Key(v.table.Row(r)), v.table.Cols[2].Key(v.table.Row(r))
		if d := v.table.Cols[3].Key(v.table.Row(r)); d != db-da {
			t.Fatalf("row %d: difference %v, want %v", r, d, db-da)
		}
	}
	// Direction switch, and a fifth choice is refused.
	v.dir = scenarios.UStoCA
	v.refresh()
	if v.table.Cell(0, 1) != present.Millions(v.results[0].Totals[1].Duty) {
		t.Errorf("US to Canada totals %q", v.table.Cell(0, 1))
	}
	var names []string
	for _, s := range u.sess.Infos()[:5] {
		names = append(names, s.Name)
	}
	v.chosen(names)
	if len(v.ids) != 4 || !strings.Contains(v.message.Text, "At most 4") {
		t.Errorf("five chosen: %v, %q", v.ids, v.message.Text)
	}
	v.chosen(names[:1])
	if v.table != nil || v.summary != nil || len(v.results) != 0 || v.chart.Shown() {
		t.Errorf("one scenario compared: table %v, chart shown %v", v.table != nil, v.chart.Shown())
	}
}
