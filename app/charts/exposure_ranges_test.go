package charts_test

import (
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// TestExposureRangesSayWhatTheyCover: an exposure chart with ranges says in
// its summary which months of CUSMA claims the ranges come from, and in its
// notes which uncertainties they cover and that they are drawn around the
// point estimate; without a claim share drawn, it says so.
func TestExposureRangesSayWhatTheyCover(t *testing.T) {
	b := &scenarios.MonteCarloResult{Draws: 500, Seed: 1, CUSMAMonths: []string{"2025-03", "2025-04", "2026-02"}}
	cover := charts.RangesCover(b)
	for _, want := range []string{"around its point value", "2025-03 to 2026-02, the months a measure of the scenario that depends on claims was in force",
		"each HTS10 line's own share", "the elasticity", "rates marked uncertain", "not the trade data"} {
		if !strings.Contains(cover, want) {
			t.Errorf("%q lacks %q", cover, want)
		}
	}
	b.CUSMAMonths = nil
	if cover := charts.RangesCover(b); !strings.Contains(cover, "claim shares are not drawn") || strings.Contains(cover, "each HTS10 line's own share") {
		t.Errorf("no months: %q", cover)
	}
}
