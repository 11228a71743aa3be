package cli_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// banScenario bans beer (2203) into the US and charges 10% on the rest of
// food and beverages; a threatened duty stays out without include_threats.
const banScenario = `{
  "format": "parley.scenario/2",
  "name": "Beer ban",
  "as_of": "2026-10-01",
  "measures": [
    {"id": "beer-ban", "label": "Beer import ban", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
     "products": {"include": ["2203"]}, "effective_from": "2026-09-29", "evidence": [{"citation": "Proclamation"}]},
    {"id": "duty", "label": "Ten percent on chapter 22", "imposer": "US", "program": "X", "rate": 0.1,
     "products": {"include": ["22"]}, "effective_from": "2026-01-01", "evidence": [{"citation": "Order"}]},
    {"id": "threat", "label": "Threatened", "imposer": "US", "program": "T", "status": "threatened", "rate": 0.5,
     "effective_from": "2026-01-01", "evidence": [{"citation": "Statement"}]}
  ]
}`

// TestComputeBans checks banned_usd in compute's JSON (flows, totals,
// lines), CSV and table.
func TestComputeBans(t *testing.T) {
	ws := newWorkspace(t)
	file := filepath.Join(t.TempDir(), "ban.json")
	if err := os.WriteFile(file, []byte(banScenario), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := run(t, ws, "import", file); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	out, errOut, code := run(t, ws, "compute", "Beer ban", "--format", "json", "--lines")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	var got struct {
		Flows []struct {
			Direction string  `json:"direction"`
			Sector    string  `json:"sector"`
			Baseline  float64 `json:"baseline_usd"`
			Duty      float64 `json:"duty_usd"`
			Trade     float64 `json:"trade_change_usd"`
			Banned    float64 `json:"banned_usd"`
		} `json:"flows"`
		Totals map[string]struct {
			Duty   float64 `json:"duty_usd"`
			Banned float64 `json:"banned_usd"`
			Rate   float64 `json:"effective_rate"`
			Base   float64 `json:"baseline_usd"`
		} `json:"totals"`
		Lines []struct {
			Code   string  `json:"code"`
			Duty   float64 `json:"duty_usd"`
			Banned float64 `json:"banned_usd"`
		} `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	banned, duty := 0.0, 0.0
	for _, f := range got.Flows {
		banned += f.Banned
		duty += f.Duty
		if f.Banned != 0 && (f.Direction != "ca_to_us" || f.Trade > -f.Banned) {
			t.Errorf("flow %s %s: banned %v, trade effect %v", f.Direction, f.Sector, f.Banned, f.Trade)
		}
	}
	tot := got.Totals["ca_to_us"]
	if banned <= 0 || math.Abs(tot.Banned-banned) > 0.01 || got.Totals["us_to_ca"].Banned != 0 {
		t.Errorf("banned: flows %v, total %v", banned, tot.Banned)
	}
	// The threatened 50% on everything is not active: duty is only the
	// 10% on chapter 22 outside beer, far below 50% of the baseline.
	if tot.Duty <= 0 || tot.Rate > 0.01 || math.Abs(tot.Duty/tot.Base-tot.Rate) > 1e-12 {
		t.Errorf("duty %v, effective rate %v", tot.Duty, tot.Rate)
	}
	for _, l := range got.Lines {
		if strings.HasPrefix(l.Code, "2203") {
			t.Errorf("banned line %s has duty %v: a fully banned line owes none", l.Code, l.Duty)
		}
		if l.Duty == 0 || l.Banned != 0 {
			t.Errorf("line %s: duty %v banned %v", l.Code, l.Duty, l.Banned)
		}
	}
	// The CSV has a banned_usd column; the table shows trade banned.
	csv, _, code := run(t, ws, "compute", "Beer ban", "--format", "csv")
	if code != 0 || !strings.Contains(strings.SplitN(csv, "\n", 2)[0], ",banned_usd") {
		t.Errorf("csv header: %q", strings.SplitN(csv, "\n", 2)[0])
	}
	table, _, code := run(t, ws, "compute", "Beer ban")
	if code != 0 || !strings.Contains(table, "Trade banned") || !strings.Contains(table, "Beer import ban") {
		t.Errorf("table without trade banned:\n%s", table)
	}
	// Without a ban the table has no such column.
	plain, _, _ := run(t, ws, "compute", "aug-2025")
	if strings.Contains(plain, "Trade banned") {
		t.Error("trade banned shown without bans")
	}
}
