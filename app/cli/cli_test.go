package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"parley/app/cli"
)

// testNow is the clock of the commands the tests run.
var testNow = time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)

// run runs the command line in-process on the workspace ws.
func run(t *testing.T, ws string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Build: cli.BuildInfo{Version: "1.2.3", Commit: "abc1234", Date: "2026-11-22T00:00:00Z"},
		Now: func() time.Time { return testNow }}
	if ws != "" {
		args = append([]string{"--workspace", ws}, args...)
	}
	code = cli.Run(args, env)
	return out.String(), errb.String(), code
}

func newWorkspace(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "w.parley")
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, "", "version")
	if code != 0 || out != "parley 1.2.3\ncommit: abc1234\nbuilt: 2026-11-22T00:00:00Z\n" {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestScenariosList(t *testing.T) {
	out, _, code := run(t, newWorkspace(t), "scenarios")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "ID\tAS_OF\tNAME" || len(lines) != 12 {
		t.Fatalf("scenarios: %d\n%s", code, out)
	}
	if lines[2] != "aug-2025\t2025-08-15\tAugust 2025: 35% on non-CUSMA goods" {
		t.Errorf("line 2 = %q", lines[2])
	}
	if lines[7] != "today\t2026-11-22\tToday: the regime in force" && !strings.HasPrefix(lines[7], "today\t") {
		t.Errorf("line 7 = %q", lines[7])
	}
}

func TestComputeFormats(t *testing.T) {
	ws := newWorkspace(t)
	t.Run("json", func(t *testing.T) {
		out, errOut, code := run(t, ws, "compute", "aug-2025", "--format", "json")
		if code != 0 {
			t.Fatalf("%d %s", code, errOut)
		}
		var got struct {
			Scenario string                    `json:"scenario"`
			AsOf     string                    `json:"as_of"`
			Flows    []map[string]any          `json:"flows"`
			Totals   map[string]map[string]any `json:"totals"`
		}
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatal(err)
		}
		if got.Scenario != "August 2025: 35% on non-CUSMA goods" || got.AsOf != "2025-08-15" || len(got.Flows) != 52 {
			t.Errorf("header %q %q, %d flows", got.Scenario, got.AsOf, len(got.Flows))
		}
		keys := []string{"direction", "sector", "baseline_usd", "tariff", "duty_usd", "trade_change_usd",
			"trade_change_low_usd", "trade_change_high_usd", "value_after_usd", "duty_collected_usd", "upper_bound", "banned_usd"}
		for _, f := range got.Flows {
			if len(f) != len(keys) {
				t.Fatalf("flow keys: %v", f)
			}
			for _, k := range keys {
				if _, ok := f[k]; !ok {
					t.Fatalf("flow lacks %s", k)
				}
			}
		}
		for _, d := range []string{"ca_to_us", "us_to_ca"} {
			// docs/SPEC.md section 4: the eight numbers, upper_bound and banned_usd.
			if len(got.Totals[d]) != 10 || got.Totals[d]["banned_usd"] != 0.0 || got.Totals[d]["upper_bound"] == nil {
				t.Errorf("totals %s = %v", d, got.Totals[d])
			}
		}
		if r, _ := got.Totals["ca_to_us"]["effective_rate"].(float64); r <= 0 || r >= 1 {
			t.Errorf("effective rate %v", r)
		}
	})
	t.Run("csv", func(t *testing.T) {
		out, _, code := run(t, ws, "compute", "August 2025: 35% on non-CUSMA goods", "-f", "csv")
		if code != 0 {
			t.Fatal(code)
		}
		var data []string
		var comments []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if strings.HasPrefix(l, "#") {
				comments = append(comments, l)
			} else {
				data = append(data, l)
			}
		}
		recs, err := csv.NewReader(strings.NewReader(strings.Join(data, "\n"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1+52+2 || recs[0][0] != "direction" || recs[53][1] != "TOTAL" {
			t.Errorf("%d records", len(recs))
		}
		if len(comments) < 3 || !strings.Contains(strings.Join(comments, "\n"), "Bureau of Transportation Statistics") {
			t.Errorf("source comments: %v", comments)
		}
	})
	t.Run("table", func(t *testing.T) {
		out, _, code := run(t, ws, "compute", "today", "--as-of", "2025-08-15")
		if code != 0 || !strings.Contains(out, "as of 2025-08-15") || !strings.Contains(out, "Canada → US (US$ millions)") ||
			!strings.Contains(out, "Source: Baseline trade 2024") || !strings.Contains(out, "≤ upper bound") {
			t.Errorf("table:\n%s", out)
		}
	})
}

func TestImportExport(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "aug.json")
	if _, e, code := run(t, ws, "export-scenario", "aug-2025", "--out", out); code != 0 {
		t.Fatal(e)
	}
	b, _ := os.ReadFile(out)
	renamed := strings.Replace(string(b), `"name": "August 2025: 35% on non-CUSMA goods"`, `"name": "Copy"`, 1)
	in := filepath.Join(dir, "copy.json")
	os.WriteFile(in, []byte(renamed), 0o644)
	id, e, code := run(t, ws, "import", in)
	if code != 0 || id != "copy\n" {
		t.Fatalf("import: %d %q %s", code, id, e)
	}
	// Both computations must succeed: two failures print the same nothing.
	a, ea, codeA := run(t, ws, "compute", "aug-2025", "--format", "json")
	c, ec, codeC := run(t, ws, "compute", "copy", "--format", "json")
	if codeA != 0 || codeC != 0 || !strings.Contains(a, `"flows"`) {
		t.Fatalf("compute: exit %d %q and %d %q; output %.80q", codeA, ea, codeC, ec, a)
	}
	if strings.Replace(a, "August 2025: 35% on non-CUSMA goods", "Copy", 1) != c {
		t.Error("the re-imported scenario computes different numbers")
	}
}

func TestErrors(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.parley")
	os.WriteFile(notDB, []byte("hello"), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format": "parley.scenario/1", "name": "x", "as_of": "2025-01-01", "measures": [{"id": "a", "imposer": "US", "sectors": {"STEAL": 1}, "rate": 11, "effective_from": "2025-01-01"}]}`), 0o644)
	tests := []struct {
		name string
		ws   string
		args []string
		code int
		msg  string
	}{
		{"unknown command", ws, []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", ws, []string{"scenarios", "--verbose"}, 2, "unknown flag --verbose"},
		{"missing argument", ws, []string{"compute"}, 2, "missing scenario"},
		{"unknown scenario", ws, []string{"compute", "nope"}, 2, `no scenario with id or name "nope"`},
		{"bad format", ws, []string{"compute", "today", "--format", "xml"}, 2, `--format "xml"`},
		{"bad date", ws, []string{"compute", "today", "--as-of", "2025-02-30"}, 2, "2025-02-30: February 2025 has 28 days"},
		{"missing --out", ws, []string{"export-scenario", "today"}, 2, "missing --out"},
		{"missing file", ws, []string{"import", filepath.Join(dir, "none.json")}, 2, "no such file"},
		{"bad scenario file lists every problem", ws, []string{"import", bad}, 2, "2 problem(s):\n  line 1, column 132: measures[0].sectors.STEAL: unknown sector"},
		{"not a workspace", notDB, []string{"scenarios"}, 2, "not a Parley workspace"},
		{"flag needs a value", ws, []string{"compute", "today", "--as-of"}, 2, "--as-of needs a value"},
		{"no search words", ws, []string{"evidence", "search", "!!!"}, 2, "no words"},
		{"unknown evidence subcommand", ws, []string{"evidence", "delete"}, 2, "unknown evidence subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, tt.ws, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d with %q", code, errOut, tt.code, tt.msg)
			}
			if out != "" {
				t.Errorf("stdout on error: %q", out)
			}
		})
	}
	if b, _ := os.ReadFile(notDB); string(b) != "hello" {
		t.Error("the non-workspace file was changed")
	}
}

func TestEvidence(t *testing.T) {
	ws := newWorkspace(t)
	out, _, code := run(t, ws, "evidence", "search", "haggle", "aluminum", "tariffs")
	if code != 0 || !strings.HasPrefix(out, "1. 004_00f7d1e281d38557") || !strings.Contains(out, "**aluminum**") {
		t.Errorf("search:\n%s", out)
	}
	doc := filepath.Join(t.TempDir(), "memo.md")
	os.WriteFile(doc, []byte("# Dairy memo\n\nSupply management stays off the table.\n"), 0o644)
	out, errOut, code := run(t, ws, "evidence", "import", doc, "--publisher", "Ministry", "--date", "2026-01-05")
	if code != 0 || !regexp.MustCompile(`^\d{3}_[0-9a-f]{16}\t`).MatchString(out) || !strings.Contains(out, "Dairy memo") {
		t.Fatalf("import: %d %q %s", code, out, errOut)
	}
	out, _, _ = run(t, ws, "evidence", "list")
	if !strings.Contains(out, "2026-01-05\tMinistry\tDairy memo") {
		t.Errorf("list:\n%s", out)
	}
	id := strings.Fields(strings.Split(out, "\n")[6])[0]
	out, _, code = run(t, ws, "evidence", "show", id)
	if code != 0 || !strings.Contains(out, "Supply management stays off the table.") {
		t.Errorf("show:\n%s", out)
	}
	if _, errOut, code := run(t, ws, "evidence", "import", doc); code != 2 || !strings.Contains(errOut, "already in the library") {
		t.Errorf("re-import: %d %s", code, errOut)
	}
	out, _, _ = run(t, ws, "library")
	if !strings.Contains(out, "US-IEEPA-4\t2025-08-01\t2026-02-23\t35.0%\tUS\t") {
		t.Errorf("library:\n%s", out)
	}
}
