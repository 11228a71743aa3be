package report_test

import (
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// TestChartsShowStatusAndBans: a chart's footnote names the threatened
// measures a scenario counts (include_threats), never those it leaves out
// or that are struck down; the exposure summary shows trade banned.
func TestChartsShowStatusAndBans(t *testing.T) {
	ws := newWorkspace(t)
	cite := []scenarios.Evidence{{Citation: "Statement"}}
	from := scenarios.MustDate("2025-01-01")
	sc := &scenarios.Scenario{
		Name: "Threats", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions(),
		Measures: []scenarios.Measure{
			{ID: "threat", Label: "Threatened 50% on autos", Imposer: scenarios.ImposerUS, Program: "T", Status: scenarios.StatusThreatened,
				Sectors: map[string]float64{"AUTOS": 1}, Rate: 0.5, From: from, Evidence: cite},
			{ID: "gone", Label: "Struck-down 35%", Imposer: scenarios.ImposerUS, Program: "S", Status: scenarios.StatusStruckDown,
				Sectors: map[string]float64{"*": 1}, Rate: 0.35, From: from, Evidence: cite},
			{ID: "beer", Label: "Beer ban", Imposer: scenarios.ImposerUS, Program: "B", Kind: scenarios.KindBan,
				Products: &scenarios.ProductScope{Include: []string{"2203"}}, From: from, Evidence: cite},
		},
	}
	sc.Assumptions.IncludeThreats = true
	id, err := ws.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := report.Chart(ws, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	foot := strings.Join(ch.Meta.Footnote, "\n")
	if !strings.Contains(foot, "Threatened, no legal instrument (counted as if in force): Threatened 50% on autos (threat).") ||
		strings.Contains(foot, "Struck-down") {
		t.Errorf("footnote:\n%s", foot)
	}
	if s := ch.Summary(); !strings.Contains(s, "Trade banned US$") {
		t.Errorf("summary without trade banned: %s", s)
	}
	rows, _ := chartCSV(t, ch)
	col := column(t, rows[0], "banned_usd")
	banned := false
	for _, r := range rows[1:] {
		banned = banned || (r[0] == "FOOD" && r[col] != "0")
	}
	if !banned {
		t.Errorf("no banned value for FOOD in the chart's CSV: %v", rows)
	}

	// Without threats the threat is neither counted nor named.
	sc.Name = "No threats"
	sc.Assumptions.IncludeThreats = false
	id, err = ws.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	ch, err = report.Chart(ws, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if foot := strings.Join(ch.Meta.Footnote, "\n"); strings.Contains(foot, "Threatened") {
		t.Errorf("footnote names a threat the scenario leaves out:\n%s", foot)
	}
}
