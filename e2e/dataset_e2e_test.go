package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeDataWebCopy writes the built-in 2024 HTS10 lines (Census, the
// reference file in ../shared) as a USITC DataWeb-style export: dotted HTS
// numbers, quoted values with thousands separators, a country and a year
// column, and each line split in two rows (as DataWeb splits a line by
// special programme) that the import sums again. It returns the file and the
// lines' total.
func writeDataWebCopy(t *testing.T, path string) (int, float64) {
	t.Helper()
	recs := slReadCSV(t, "data/products/derived_census_us_imports_from_canada_hts10_2024.csv")
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	w.Write([]string{"Data Type", "HTS Number", "Description", "Country", "Year", "Special Import Program Claimed", "Customs Value"})
	total := 0.0
	for _, r := range recs[1:] {
		code := r[col["hs10"]]
		v, err := strconv.ParseInt(r[col["con_val_2024"]], 10, 64)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		total += float64(v)
		dotted := code[:4] + "." + code[4:6] + "." + code[6:8] + "." + code[8:]
		// Two rows of the line: a third and the rest, both whole dollars.
		a := v / 3
		for _, part := range []int64{a, v - a} {
			w.Write([]string{"Customs Value", dotted, r[col["sdesc"]], "Canada", "2024", "No program claimed", grouped(part)})
		}
		// A row of another data type, which the import leaves out.
		w.Write([]string{"First Unit of Quantity", dotted, r[col["sdesc"]], "Canada", "2024", "No program claimed", "7"})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return len(recs) - 1, total
}

// grouped writes n with comma thousands separators.
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// e2eTotals are compute's totals per direction: their numbers (the
// upper_bound flag left out).
type e2eTotals map[string]map[string]float64

func (t *e2eTotals) UnmarshalJSON(b []byte) error {
	var raw map[string]map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*t = e2eTotals{}
	for dir, fields := range raw {
		(*t)[dir] = map[string]float64{}
		for k, v := range fields {
			if f, ok := v.(float64); ok {
				(*t)[dir][k] = f
			}
		}
	}
	return nil
}

// e2eCompute is compute's output: its flows, and every number of its totals.
type e2eCompute struct {
	Flows  []slFlow  `json:"flows"`
	Totals e2eTotals `json:"totals"`
}

func computeOf(t *testing.T, ws, ref string) e2eCompute {
	t.Helper()
	r := run(t, nil, "-w", ws, "compute", ref, "--format", "json")
	if r.code != 0 {
		t.Fatalf("compute %s: %d %s", ref, r.code, r.stderr)
	}
	var c e2eCompute
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDatasetEndToEnd imports a DataWeb-style copy of the built-in 2024
// HTS10 lines as the user's dataset, runs built-in scenarios' exported
// files on it and checks every number against the built-in computation to
// the cent.
func TestDatasetEndToEnd(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	data := filepath.Join(dir, "dataweb_hts10_2024.csv")
	lines, total := writeDataWebCopy(t, data)

	r := run(t, nil, "-w", ws, "dataset", "import", data, "--direction", "ca_to_us", "--year", "2024", "--name", "Census 2024 copy",
		"--source", "US Census via a DataWeb-style copy (test)")
	if r.code != 0 {
		t.Fatalf("dataset import: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{fmt.Sprintf("%s lines", grouped(int64(lines))), "USITC DataWeb export",
		"the built-in baseline of 2024 (12,203 built-in HTS10 lines", "so the dataset holds 100.0% of it", "rows of other data types"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = run(t, nil, "-w", ws, "dataset", "list")
	if !strings.Contains(r.stdout, fmt.Sprintf("Census 2024 copy\tca_to_us\t2024\tUSD\t%d\t%.2f\t", lines, total)) {
		t.Errorf("dataset list:\n%s", r.stdout)
	}

	for _, id := range []string{"threat-25", "aug-2025", "sectoral-deal"} {
		for _, preset := range []string{"h2-2025-sector", "h2-2025"} {
			t.Run(id+"/"+preset, func(t *testing.T) {
				name := id + " on the dataset, " + preset
				builtin := id + " built-in, " + preset
				exported := filepath.Join(dir, id+".json")
				if r := run(t, nil, "-w", ws, "export-scenario", id, "--out", exported); r.code != 0 {
					t.Fatalf("export-scenario: %s", r.stderr)
				}
				for _, v := range []struct{ name, dataset string }{{builtin, ""}, {name, "Census 2024 copy"}} {
					raw, err := os.ReadFile(exported)
					if err != nil {
						t.Fatal(err)
					}
					var doc map[string]any
					if err := json.Unmarshal(raw, &doc); err != nil {
						t.Fatal(err)
					}
					doc["name"] = v.name
					a := doc["assumptions"].(map[string]any)
					a["cusma_shares"] = preset
					if v.dataset != "" {
						a["datasets"] = map[string]any{"ca_to_us": v.dataset}
					}
					b, _ := json.Marshal(doc)
					file := filepath.Join(dir, fileSlug(v.name)+".json")
					if err := os.WriteFile(file, b, 0o644); err != nil {
						t.Fatal(err)
					}
					if r := run(t, nil, "-w", ws, "import", file); r.code != 0 {
						t.Fatalf("import %s: %s", v.name, r.stderr)
					}
				}
				want, got := computeOf(t, ws, builtin), computeOf(t, ws, name)
				if len(want.Flows) != len(got.Flows) || len(got.Flows) != 52 {
					t.Fatalf("%d flows, want %d", len(got.Flows), len(want.Flows))
				}
				cent := func(what string, a, b float64) {
					if math.Abs(a-b) >= 0.005 {
						t.Errorf("%s: %.4f on the dataset, %.4f built in", what, a, b)
					}
				}
				duty := 0.0
				for i, w := range want.Flows {
					g := got.Flows[i]
					what := g.Direction + " " + g.Sector
					if g.Direction != w.Direction || g.Sector != w.Sector || g.UpperBound != w.UpperBound {
						t.Errorf("flow %d: %s %v, want %s %s %v", i, what, g.UpperBound, w.Direction, w.Sector, w.UpperBound)
					}
					cent(what+" baseline", g.Baseline, w.Baseline)
					cent(what+" duty", g.Duty, w.Duty)
					cent(what+" trade change", g.TradeChange, w.TradeChange)
					cent(what+" low", g.TradeChangeLow, w.TradeChangeLow)
					cent(what+" high", g.TradeChangeHigh, w.TradeChangeHigh)
					cent(what+" after", g.ValueAfter, w.ValueAfter)
					cent(what+" collected", g.DutyCollected, w.DutyCollected)
					duty += g.Duty
				}
				for dir, tot := range want.Totals {
					for k, v := range tot {
						cent(dir+" total "+k, got.Totals[dir][k], v)
					}
				}
				if duty == 0 {
					t.Error("no duty at all: the comparison proves little")
				}
				cent("ca_to_us baseline", got.Totals["ca_to_us"]["baseline_usd"], total)
			})
		}
	}
	// The copies do run on the dataset: it is in use, and cannot go.
	r = run(t, nil, "-w", ws, "dataset", "list")
	if !strings.Contains(r.stdout, "threat-25 on the dataset, h2-2025-sector; threat-25 on the dataset, h2-2025; aug-2025 on the dataset") {
		t.Errorf("dataset list does not name the scenarios using it:\n%s", r.stdout)
	}
	if r := run(t, nil, "-w", ws, "dataset", "delete", "Census 2024 copy"); r.code != 2 || !strings.Contains(r.stderr, "6 scenarios") {
		t.Errorf("delete of a dataset in use: %d %s", r.code, r.stderr)
	}
}

// fileSlug makes a file name of a scenario name.
func fileSlug(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			return r
		}
		return '-'
	}, strings.ToLower(s))
}
