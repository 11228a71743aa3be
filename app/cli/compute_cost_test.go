package cli_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"parley/app/charts"
)

// TestComputeTableCostToCanada: the table says first which figure answers
// "what does it cost Canada" (lost exports: the trade effect into the US,
// with its range) and which "what US importers pay" (duty at stake), with
// compute's own figures; with --draws the range is the P10–P90 and the
// note says what it covers and which months.
func TestComputeTableCostToCanada(t *testing.T) {
	ws := newWorkspace(t)
	out, _, code := run(t, ws, "compute", "today", "--format", "json")
	if code != 0 {
		t.Fatalf("json: %d", code)
	}
	var js struct {
		Totals map[string]struct {
			Duty  float64 `json:"duty_usd"`
			Trade float64 `json:"trade_change_usd"`
			Low   float64 `json:"trade_change_low_usd"`
			High  float64 `json:"trade_change_high_usd"`
			Upper bool    `json:"upper_bound"`
		} `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	tot := js.Totals["ca_to_us"]
	m := ""
	if tot.Upper {
		m = "≤ "
	}
	table, _, code := run(t, ws, "compute", "today")
	if code != 0 {
		t.Fatalf("table: %d", code)
	}
	head := strings.SplitN(table, "(US$ millions)", 2)[0] // before the first table
	for _, want := range []string{
		"What it costs Canada: " + m + charts.Money(-tot.Trade) + " a year of lost exports to the US (the trade effect; range " +
			m + charts.Money(-tot.Low) + " to " + m + charts.Money(-tot.High) + " at the low and high elasticity",
		"What US importers pay: " + m + charts.Money(tot.Duty) + " a year of duty at stake on 2024 volumes, charged at the US border",
	} {
		if !strings.Contains(head, want) {
			t.Errorf("the table's head lacks %q:\n%s", want, head)
		}
	}

	table, _, code = run(t, ws, "compute", "today", "--draws", "2000")
	if code != 0 {
		t.Fatalf("table with draws: %d", code)
	}
	cost := regexp.MustCompile(`What it costs Canada: (≤ )?(US\$ [0-9.]+ bn) a year of lost exports to the US \(the trade effect; range (≤ )?(US\$ [0-9.]+ bn) to (≤ )?(US\$ [0-9.]+ bn), P10–P90\)`).FindStringSubmatch(table)
	if cost == nil {
		t.Fatalf("no cost to Canada with its P10–P90:\n%s", table[:min(len(table), 800)])
	}
	for _, want := range []string{"What US importers pay: ", ", P10–P90), charged at the US border",
		"2000 Monte Carlo draws. Each input is drawn around its point value", "monthly share of 2025-03 to 2026-02, the months a measure of the scenario that depends on claims was in force"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}
