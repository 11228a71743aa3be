package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

type compareWarnings struct {
	Warnings []string `json:"warnings"`
	Sectors  []struct {
		Sector         string  `json:"sector"`
		Get            float64 `json:"get_usd"`
		Give           float64 `json:"give_usd"`
		GetUpperBound  bool    `json:"get_upper_bound"`
		GiveUpperBound bool    `json:"give_upper_bound"`
		Verdict        string  `json:"verdict"`
		CAtoUS         struct {
			UpperBound bool `json:"upper_bound"`
		} `json:"ca_to_us"`
		UStoCA struct {
			UpperBound bool `json:"upper_bound"`
		} `json:"us_to_ca"`
	} `json:"sectors"`
	Totals struct {
		Give           float64 `json:"give_usd"`
		GetUpperBound  *bool   `json:"get_upper_bound"`
		GiveUpperBound *bool   `json:"give_upper_bound"`
		Verdict        string  `json:"verdict"`
	} `json:"totals"`
}

func compareJSON(t *testing.T, ws string, args ...string) (compareWarnings, string) {
	t.Helper()
	out, errOut, code := run(t, ws, append([]string{"compare", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: %d %s", args, code, errOut)
	}
	var c compareWarnings
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	return c, errOut
}

// TestCompareWarnsNotLikeWithLike: a comparison of two scenarios on
// different days says so in the table, on standard error and in the JSON
// warnings; the same two on one day (--as-of) warn of nothing.
func TestCompareWarnsNotLikeWithLike(t *testing.T) {
	ws := newWorkspace(t)
	const want = "A is on 2026-11-22, B on 2025-08-15"
	got, errOut := compareJSON(t, ws, "today", "sectoral-deal-aug-2025")
	if len(got.Warnings) != 1 || got.Warnings[0] != want {
		t.Errorf("warnings %q, want [%q]", got.Warnings, want)
	}
	if !strings.Contains(errOut, "warning: Not like with like: "+want) {
		t.Errorf("stderr %q", errOut)
	}
	out, errOut, code := run(t, ws, "compare", "today", "sectoral-deal-aug-2025")
	if code != 0 || !strings.Contains(out, "Warning: Not like with like: "+want+".") || !strings.Contains(errOut, want) {
		t.Errorf("table %d:\n%s\nstderr %q", code, out, errOut)
	}
	out, _, _ = run(t, ws, "compare", "today", "sectoral-deal-aug-2025", "--format", "csv")
	if !strings.Contains(out, "# Not like with like: "+want) {
		t.Errorf("csv:\n%s", out)
	}

	same, errOut := compareJSON(t, ws, "today", "sectoral-deal-aug-2025", "--as-of", "2026-11-22")
	if same.Warnings == nil || len(same.Warnings) != 0 || errOut != "" {
		t.Errorf("one day: warnings %q, stderr %q", same.Warnings, errOut)
	}
}

// TestCompareBoundsOnTheirSide: get_upper_bound follows the duty into the
// US and give_upper_bound the duty into Canada; the table puts the mark on
// the figure that is the bound, and a verdict whose larger side is at
// most what it says does not compare it as a point.
func TestCompareBoundsOnTheirSide(t *testing.T) {
	ws := newWorkspace(t)
	got, _ := compareJSON(t, ws, "today", "sectoral-deal")
	if got.Totals.GetUpperBound == nil || got.Totals.GiveUpperBound == nil {
		t.Fatalf("totals lack get_upper_bound or give_upper_bound")
	}
	for _, s := range got.Sectors {
		if s.GetUpperBound != s.CAtoUS.UpperBound || s.GiveUpperBound != s.UStoCA.UpperBound {
			t.Errorf("%s: get_upper_bound %v (ca_to_us %v), give_upper_bound %v (us_to_ca %v)",
				s.Sector, s.GetUpperBound, s.CAtoUS.UpperBound, s.GiveUpperBound, s.UStoCA.UpperBound)
		}
	}

	// The table: in DAIRY only the duty into Canada is a bound (Canada's
	// surtax), so Get carries no mark.
	out, _, _ := run(t, ws, "compare", "today", "sectoral-deal")
	checked := false
	for _, ln := range strings.Split(out, "\n") {
		if f := strings.Fields(ln); len(f) > 6 && f[0] == "DAIRY" {
			checked = true
			if f[5] != "0.0" {
				t.Errorf("DAIRY: Get %q carries a mark:\n%s", f[5], ln)
			}
		}
	}
	if !checked {
		t.Errorf("no DAIRY row:\n%s", out)
	}

	out, _, _ = run(t, ws, "compare", "today", "sectoral-deal", "--format", "csv")
	body, _, _ := strings.Cut(out, "\n#")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(recs[0], ",")
	if !strings.Contains(head, ",get_upper_bound,give_upper_bound,verdict") {
		t.Errorf("csv header %s", head)
	}
}

// onlyLikenessWarnings reports whether stderr holds nothing but warnings
// that scenarios compared are not like with like.
func onlyLikenessWarnings(stderr string) bool {
	for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "parley: warning: Not like with like: ") {
			return false
		}
	}
	return true
}
