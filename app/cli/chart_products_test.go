package cli_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readChartCSV reads a chart's CSV file: its records and its '#' lines.
func readChartCSV(t *testing.T, path string) (recs [][]string, comments string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows, notes []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(l, "# ") {
			notes = append(notes, l)
		} else {
			rows = append(rows, l)
		}
	}
	recs, err = csv.NewReader(strings.NewReader(strings.Join(rows, "\n"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	return recs, strings.Join(notes, "\n")
}

func TestChartProducts(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "lumber.csv")
	if _, e, code := run(t, ws, "chart", "today", "--kind", "products", "--sector", "lumber", "--top", "10", "--direction", "ca_to_us", "--out", data); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	recs, notes := readChartCSV(t, data)
	if len(recs) < 2 || len(recs) > 11 || strings.Join(recs[0][:4], ",") != "code,description,sector_code,baseline_usd" {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	prev := -1.0
	for _, r := range recs[1:] {
		duty, err := strconv.ParseFloat(r[6], 64)
		if err != nil || r[2] != "LUMBER" || len(r[0]) != 10 || duty <= 0 || (prev >= 0 && duty > prev) {
			t.Errorf("row %v (duty %v after %v, %v)", r, duty, prev, err)
		}
		prev = duty
	}
	if !strings.Contains(notes, "Top products by duty at stake: ") || !strings.Contains(notes, "Baseline trade") {
		t.Errorf("CSV comments lack the title or the sources:\n%s", notes)
	}

	// Every sector, flows into Canada: chapters, said so.
	data = filepath.Join(dir, "usca.csv")
	if _, e, code := run(t, ws, "chart", "ca-counter-2025", "--kind", "products", "--direction", "us_to_ca", "--out", data); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	recs, notes = readChartCSV(t, data)
	if len(recs) < 2 || len(recs[1][0]) != 2 || !strings.Contains(notes, "Flows into Canada are by HS chapter") {
		t.Errorf("us_to_ca products: %v\n%s", recs, notes)
	}

	for _, ext := range []string{".png", ".svg"} {
		out := filepath.Join(dir, "products"+ext)
		if _, e, code := run(t, ws, "chart", "today", "--kind", "products", "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, e)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if ext == ".png" {
			if w, h := pngSize(t, out); w != 1920 || h != 1080 {
				t.Errorf("PNG %dx%d", w, h)
			}
		} else if root := parseXML(t, b); root.Name.Local != "svg" {
			t.Errorf("SVG root %s", root.Name.Local)
		}
	}
	assertNoTemporaryFiles(t, dir)
}

func TestChartProductsBadInput(t *testing.T) {
	ws := newWorkspace(t)
	out := filepath.Join(t.TempDir(), "x.png")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"sector on exposure", []string{"chart", "today", "--kind", "exposure", "--sector", "LUMBER", "--out", out}, "--sector applies to products charts only"},
		{"unknown sector", []string{"chart", "today", "--kind", "products", "--sector", "WOODY", "--out", out}, `unknown sector "WOODY"`},
		{"empty sector", []string{"chart", "today", "--kind", "products", "--sector", " ", "--out", out}, "--sector: want a sector code"},
		{"bad top", []string{"chart", "today", "--kind", "products", "--top", "-3", "--out", out}, "--top"},
		{"two scenarios", []string{"chart", "today", "aug-2025", "--kind", "products", "--out", out}, "exactly one scenario"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, ws, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want 2 and %q", code, stderr, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written", out)
			}
		})
	}
}
