package compareview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestCompareTwoScenarios(t *testing.T) {
	v, sess, _ := newTestView(t)
	v.Choose("threat-25", "aug-2025")
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
	// A's figures say where they come from: its data and the measure library.
	if !strings.Contains(v.sources.Text, "US Census") || !strings.Contains(v.sources.Text, "Measure library") {
		t.Errorf("sources %q", v.sources.Text)
	}
	// Per sector: the difference is B − A.
	for r := 1; r <= len(sess.Sectors()); r++ {
		da, db := v.table.Cols[1].Key(v.table.Row(r)), v.table.Cols[2].Key(v.table.Row(r))
		if d := v.table.Cols[3].Key(v.table.Row(r)); d != db-da {
			t.Fatalf("row %d: difference %v, want %v", r, d, db-da)
		}
	}
	// Direction switch, and a fifth choice is refused.
	v.dir = scenarios.UStoCA
	v.Refresh()
	if v.table.Cell(0, 1) != present.Millions(v.results[0].Totals[1].Duty) {
		t.Errorf("US to Canada totals %q", v.table.Cell(0, 1))
	}
	var names []string
	for _, s := range sess.Infos()[:5] {
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

// TestCompareWarnsNotLikeWithLike: the Compare view says when a scenario
// is on another date than A, and stops saying it when they are alike.
func TestCompareWarnsNotLikeWithLike(t *testing.T) {
	v, _, _ := newTestView(t)
	v.Choose("today", "sectoral-deal", "sectoral-deal-aug-2025")
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", C on 2025-08-15") ||
		strings.Contains(v.message.Text, "B on") {
		t.Errorf("message %q", v.message.Text)
	}
	v.Choose("today", "sectoral-deal")
	if v.message.Text != "" {
		t.Errorf("like with like: %q", v.message.Text)
	}
}

// TestCompareExport: the Export button asks the window for the export
// dialog on the scenarios compared, in their order, and the direction shown.
func TestCompareExport(t *testing.T) {
	v, _, nav := newTestView(t)
	v.Choose("threat-25", "aug-2025", "sectoral-pact")
	export := findButton(v.Content(), "Export…")
	if export == nil {
		t.Fatal("no Export… button")
	}
	test.Tap(export)
	if len(nav.exports) != 1 || !slices.Equal(nav.exports[0], []string{"threat-25", "aug-2025", "sectoral-pact"}) || nav.dirs[0] != scenarios.CAtoUS {
		t.Errorf("export asked for %v %v", nav.exports, nav.dirs)
	}
}

// findButton returns the button labelled text in o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}
