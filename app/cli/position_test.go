package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

type computeOut struct {
	Flows []struct {
		Direction string  `json:"direction"`
		Sector    string  `json:"sector"`
		Duty      float64 `json:"duty_usd"`
		Trade     float64 `json:"trade_change_usd"`
		Bands     *struct {
			P10, P50, P90 float64
		} `json:"bands"`
	} `json:"flows"`
	Totals map[string]struct {
		Duty  float64 `json:"duty_usd"`
		Bands *struct {
			P10, P50, P90 float64
		} `json:"bands"`
	} `json:"totals"`
}

func computeJSON(t *testing.T, ws string, args ...string) computeOut {
	t.Helper()
	out, errOut, code := run(t, ws, append([]string{"compute", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("compute %v: %d %s", args, code, errOut)
	}
	var c computeOut
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCompareGetGive: get and give per sector and in total are the
// differences of the two scenarios' duties that compute prints.
func TestCompareGetGive(t *testing.T) {
	ws := newWorkspace(t)
	out, errOut, code := run(t, ws, "compare", "today", "sectoral-deal", "--format", "json")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	type side struct {
		DutyA  float64 `json:"duty_a_usd"`
		DutyB  float64 `json:"duty_b_usd"`
		TradeA float64 `json:"trade_change_a_usd"`
		TradeB float64 `json:"trade_change_b_usd"`
	}
	var got struct {
		Baseline struct{ ID, Scenario, AsOf string } `json:"baseline"`
		Proposal struct {
			ID   string `json:"id"`
			AsOf string `json:"as_of"`
		} `json:"proposal"`
		Sectors []struct {
			Sector  string  `json:"sector"`
			Get     float64 `json:"get_usd"`
			Give    float64 `json:"give_usd"`
			Verdict string  `json:"verdict"`
			CAtoUS  side    `json:"ca_to_us"`
			UStoCA  side    `json:"us_to_ca"`
		} `json:"sectors"`
		Totals struct {
			Get     float64 `json:"get_usd"`
			Give    float64 `json:"give_usd"`
			Verdict string  `json:"verdict"`
			CAtoUS  side    `json:"ca_to_us"`
			UStoCA  side    `json:"us_to_ca"`
		} `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Baseline.ID != "today" || got.Proposal.ID != "sectoral-deal" || got.Proposal.AsOf != "2026-11-22" || len(got.Sectors) != 26 {
		t.Fatalf("header %+v %+v, %d sectors", got.Baseline, got.Proposal, len(got.Sectors))
	}
	a, b := computeJSON(t, ws, "today"), computeJSON(t, ws, "sectoral-deal")
	duty := func(c computeOut, dir, sector string) (float64, float64) {
		for _, f := range c.Flows {
			if f.Direction == dir && f.Sector == sector {
				return f.Duty, f.Trade
			}
		}
		t.Fatalf("no flow %s %s", dir, sector)
		return 0, 0
	}
	for _, s := range got.Sectors {
		usA, tA := duty(a, "ca_to_us", s.Sector)
		usB, tB := duty(b, "ca_to_us", s.Sector)
		caA, _ := duty(a, "us_to_ca", s.Sector)
		caB, _ := duty(b, "us_to_ca", s.Sector)
		if s.Get != usA-usB || s.Give != caA-caB || s.CAtoUS.DutyA != usA || s.UStoCA.DutyB != caB || s.CAtoUS.TradeA != tA || s.CAtoUS.TradeB != tB {
			t.Errorf("%s: get %v give %v, want %v %v", s.Sector, s.Get, s.Give, usA-usB, caA-caB)
		}
		if s.Verdict == "" {
			t.Errorf("%s: no verdict", s.Sector)
		}
	}
	if math.Abs(got.Totals.Get-(a.Totals["ca_to_us"].Duty-b.Totals["ca_to_us"].Duty)) > 1e-3 ||
		math.Abs(got.Totals.Give-(a.Totals["us_to_ca"].Duty-b.Totals["us_to_ca"].Duty)) > 1e-3 {
		t.Errorf("totals get %v give %v", got.Totals.Get, got.Totals.Give)
	}
	// The sectoral deal on today's regime lifts the US's steel and
	// aluminum duties, and Canada its steel and aluminum surtaxes in return.
	for _, s := range got.Sectors {
		if (s.Sector == "STEEL" || s.Sector == "ALUMINUM") && (s.Get <= 0 || s.Give <= 0 || !strings.Contains(s.Verdict, "gets US$")) {
			t.Errorf("%s: %+v", s.Sector, s)
		}
	}

	t.Run("csv", func(t *testing.T) {
		out, _, code := run(t, ws, "compare", "today", "sectoral-deal", "--format", "csv", "--as-of", "2026-01-15")
		if code != 0 {
			t.Fatal(code)
		}
		body, comments, _ := strings.Cut(out, "\n#")
		recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 28 || recs[0][2] != "get_usd" || recs[0][3] != "give_usd" || recs[27][0] != "TOTAL" || recs[0][len(recs[0])-1] != "verdict" {
			t.Errorf("%d rows, header %v", len(recs), recs[0])
		}
		if !strings.Contains(comments, "as of 2026-01-15") || !strings.Contains(comments, "Bureau of Transportation Statistics") {
			t.Errorf("comments:\n#%s", comments)
		}
	})
	t.Run("table", func(t *testing.T) {
		out, _, code := run(t, ws, "compare", "today", "Sectoral deal: steel, aluminum and auto duties lifted")
		if code != 0 || !strings.Contains(out, "Verdict") || !strings.Contains(out, "TOTAL") || !strings.Contains(out, "Get: the US duty relief") {
			t.Errorf("%d\n%s", code, out)
		}
	})
	t.Run("bad usage", func(t *testing.T) {
		for _, args := range [][]string{{"compare", "today"}, {"compare", "today", "nope"}, {"compare", "today", "aug-2025", "--format", "xml"}} {
			if _, errOut, code := run(t, ws, args...); code != 2 || errOut == "" {
				t.Errorf("%v: exit %d %q", args, code, errOut)
			}
		}
	})
}

// TestComputeDraws: --draws adds bands of duty to each flow and total, the
// same for the same seed, ordered, and the table and CSV show them.
func TestComputeDraws(t *testing.T) {
	ws := newWorkspace(t)
	a := computeJSON(t, ws, "today", "--draws", "2000", "--seed", "42")
	b := computeJSON(t, ws, "today", "--draws", "2000", "--seed", "42")
	c := computeJSON(t, ws, "today", "--draws", "2000", "--seed", "43")
	if len(a.Flows) != 52 {
		t.Fatalf("%d flows", len(a.Flows))
	}
	for i, f := range a.Flows {
		if f.Bands == nil || *f.Bands != *b.Flows[i].Bands {
			t.Fatalf("%s %s: bands %v and %v", f.Direction, f.Sector, f.Bands, b.Flows[i].Bands)
		}
		if !(f.Bands.P10 <= f.Bands.P50 && f.Bands.P50 <= f.Bands.P90) {
			t.Errorf("%s %s: %+v", f.Direction, f.Sector, *f.Bands)
		}
	}
	for _, d := range []string{"ca_to_us", "us_to_ca"} {
		if a.Totals[d].Bands == nil {
			t.Fatalf("%s: no total bands", d)
		}
	}
	if *a.Totals["ca_to_us"].Bands == *c.Totals["ca_to_us"].Bands {
		t.Errorf("another seed gave the same bands")
	}
	if plain := computeJSON(t, ws, "today"); plain.Flows[0].Bands != nil || plain.Totals["ca_to_us"].Bands != nil {
		t.Errorf("bands without --draws")
	}
	out, _, code := run(t, ws, "compute", "today", "--draws", "500", "--format", "csv")
	if code != 0 || !strings.Contains(strings.SplitN(out, "\n", 2)[0], "duty_p10_usd,duty_p50_usd,duty_p90_usd") || !strings.Contains(out, "Monte Carlo: 500 draws, seed 1;") {
		t.Errorf("csv: %d\n%s", code, out[:min(len(out), 400)])
	}
	out, _, code = run(t, ws, "compute", "today", "--draws", "500")
	if code != 0 || !strings.Contains(out, "Duty P10 – P90") || !strings.Contains(out, "CUSMA claim share into the US (each HTS10 line's own share") {
		t.Errorf("table: %d", code)
	}
}

// TestChartPositionKinds: the leverage and deal charts on the command
// line, and exposure ranges.
func TestChartPositionKinds(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string // in the CSV
	}{
		{[]string{"chart", "today", "--kind", "leverage", "--out", dir + "/lev.csv", "--all-sectors"}, "us_dependence_on_canada"},
		{[]string{"chart", "today", "sectoral-deal", "--kind", "deal", "--out", dir + "/deal.csv", "--top", "5"}, "get_usd,give_usd"},
		{[]string{"chart", "today", "--kind", "exposure", "--draws", "300", "--seed", "5", "--out", dir + "/bands.csv"}, "duty_p10_usd"},
	} {
		out, errOut, code := run(t, ws, tc.args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", tc.args, code, errOut)
		}
		data, err := os.ReadFile(strings.TrimSpace(out))
		if err != nil || !strings.Contains(string(data), tc.want) {
			t.Errorf("%v: %v, CSV lacks %q", tc.args, err, tc.want)
		}
	}
	if _, _, code := run(t, ws, "chart", "today", "--kind", "leverage", "--out", dir+"/lev.png"); code != 0 {
		t.Errorf("leverage PNG: exit %d", code)
	}
	for _, args := range [][]string{
		{"chart", "today", "--kind", "deal", "--out", dir + "/d.png"},
		{"chart", "today", "--kind", "timeline", "--draws", "10", "--out", dir + "/t.png"},
		{"chart", "today", "--kind", "exposure", "--seed", "1", "--out", dir + "/e.png"},
	} {
		if _, errOut, code := run(t, ws, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}
