package report_test

import (
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// TestSummarySlideCostToCanada: the summary slide says which figure answers
// "what does it cost Canada" (lost exports: the trade effect into the US,
// with its range) and which "what US importers pay" (duty at stake), with
// the figures of the scenario.
func TestSummarySlideCostToCanada(t *testing.T) {
	d, err := report.Deck(shared, []string{"today"}, report.DeckOptions{Slides: []string{report.SlideSummary}, Today: today, Created: created, Widescreen: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := shared.Compute("today", today)
	if err != nil {
		t.Fatal(err)
	}
	tot := res.Totals[scenarios.CAtoUS.Index()]
	lines := d.Slides[0].Panels[0].Lines
	if len(lines) < 2 {
		t.Fatalf("panel into the US: %q", lines)
	}
	m := ""
	if tot.UpperBound {
		m = "≤ "
	}
	for _, c := range []struct{ line, want string }{
		{lines[0], "What it costs Canada: " + m + charts.Money(-tot.TradeChange) + " a year of lost exports to the US (the trade effect; range " +
			m + charts.Money(-tot.TradeChangeLow) + " to " + m + charts.Money(-tot.TradeChangeHigh)},
		{lines[1], "What US importers pay: " + m + charts.Money(tot.Duty) + " a year of duty at stake on 2024 volumes"},
	} {
		if !strings.HasPrefix(c.line, c.want) {
			t.Errorf("line %q, want it to begin %q", c.line, c.want)
		}
	}
	if !strings.Contains(d.Slides[0].Notes, "What it costs Canada: ") {
		t.Errorf("notes lack the cost to Canada: %q", d.Slides[0].Notes)
	}
}
