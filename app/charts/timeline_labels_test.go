package charts_test

import (
	"testing"
	"time"

	"parley/app/charts"
	"parley/scenarios"
)

// TestTimelineTableLabels checks the month labels of the timeline's native
// chart for every starting month and length: one a quarter at least, and
// each with the room of two columns or more, up to the next label or the
// chart's end, so that it reads at 12 pt on a 4:3 slide.
func TestTimelineTableLabels(t *testing.T) {
	for start := 1; start <= 12; start++ {
		for n := 4; n <= 40; n++ {
			pts := make([]scenarios.TimelinePoint, n)
			for i := range pts {
				m := time.Date(2025, time.Month(start+i), 1, 0, 0, 0, 0, time.UTC)
				d := scenarios.MustDate(m.Format("2006-01-02"))
				pts[i] = scenarios.TimelinePoint{Month: d, AsOf: d, Result: scenarios.Result{}}
			}
			tl, err := charts.NewTimeline(pts, scenarios.CAtoUS, charts.Meta{})
			if err != nil {
				t.Fatal(err)
			}
			tt, ok := tl.Table()
			if !ok {
				t.Fatalf("start %d, %d months: no table", start, n)
			}
			var at []int
			for i, c := range tt.Categories {
				if c != "" {
					at = append(at, i)
				}
			}
			if len(at) < n/3 {
				t.Errorf("start %d, %d months: labels %q, want one a quarter", start, n, tt.Categories)
			}
			for k, i := range at {
				next := n
				if k+1 < len(at) {
					next = at[k+1]
				}
				if next-i < 2 {
					t.Errorf("start %d, %d months: label %q at %d has %d column(s)", start, n, tt.Categories[i], i, next-i)
				}
			}
		}
	}
}
