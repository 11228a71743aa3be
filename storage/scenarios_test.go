package storage_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

func validScenario(name string) []byte {
	return []byte(fmt.Sprintf(`{
  "format": "parley.scenario/1",
  "name": %q,
  "as_of": "2025-08-15",
  "measures": [
    {"id": "blanket", "imposer": "US", "program": "IEEPA", "sectors": {"*": 1, "SPECIAL": 0}, "rate": 0.35,
     "cusma_exempt": true, "yields_to": ["S232"], "effective_from": "2025-08-01",
     "evidence": [{"document": "004_00f7d1e281d38557", "quote": "the recent announcement of a 35 percent tariff on Canadian goods"}]},
    {"id": "steel", "imposer": "US", "program": "S232", "sectors": {"STEEL": 1}, "rate": 0.5, "effective_from": "2025-06-04"}
  ]
}`, name))
}

func TestImportExportRoundTrip(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	id, err := w.ImportScenario(bytes.NewReader(validScenario("My scenario")))
	if err != nil {
		t.Fatal(err)
	}
	if id != "my-scenario" {
		t.Errorf("id = %q", id)
	}
	info, err := w.Resolve("MY SCENARIO")
	if err != nil || info.ID != id || info.Measures != 2 || info.Unevidenced != 1 {
		t.Fatalf("resolve by name: %+v %v", info, err)
	}
	for _, builtin := range []string{"aug-2025", "today", id} {
		t.Run(builtin, func(t *testing.T) {
			var buf bytes.Buffer
			if err := w.ExportScenario(builtin, &buf); err != nil {
				t.Fatal(err)
			}
			orig, _ := w.Scenario(builtin)
			data := strings.Replace(buf.String(), `"name": "`+orig.Name+`"`, `"name": "`+orig.Name+` (copy)"`, 1)
			copyID, err := w.ImportScenario(strings.NewReader(data))
			if err != nil {
				t.Fatalf("re-import: %v", err)
			}
			day := orig.EvalDate()
			a, _ := w.Compute(builtin, day)
			b, _ := w.Compute(copyID, day)
			a.Scenario, b.Scenario = "", ""
			// Upper-bound notes of built-in measures are kept in the
			// workspace, not in scenario files: compare the numbers.
			for d := range a.Totals {
				a.Totals[d].UpperBound, b.Totals[d].UpperBound = false, false
			}
			if !reflect.DeepEqual(a.Totals, b.Totals) {
				t.Errorf("re-imported totals differ:\n%+v\n%+v", a.Totals, b.Totals)
			}
			for i := range a.Flows {
				if a.Flows[i].Duty != b.Flows[i].Duty || a.Flows[i].TradeChange != b.Flows[i].TradeChange {
					t.Errorf("flow %d differs", i)
				}
			}
		})
	}
	path := filepath.Join(t.TempDir(), "out.json")
	if err := w.ExportScenarioFile(id, path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte(`"format": "parley.scenario/2"`)) {
		t.Errorf("exported file:\n%s", b)
	}
	if err := w.ExportScenarioFile(id, filepath.Join(t.TempDir(), "missing", "out.json")); err == nil {
		t.Error("export into a missing folder succeeded")
	}
}

// TestBadImportsChangeNothing checks each bad input of the core issue: a clear
// message naming the problem, a bad-input error, and an unchanged workspace.
func TestBadImportsChangeNothing(t *testing.T) {
	good := string(validScenario("Fresh"))
	tests := []struct {
		name string
		data string
		want []string
	}{
		{"malformed JSON", strings.Replace(good, `"as_of": "2025-08-15",`, `"as_of": "2025-08-15"`, 1), []string{"line 5, column 3", "malformed JSON"}},
		{"unknown key", strings.Replace(good, `"as_of"`, `"as-of"`, 1), []string{`unknown key "as-of"`, "line 4"}},
		{"bad date", strings.Replace(good, `"2025-08-01"`, `"2025-08-32"`, 1), []string{"measures[0].effective_from", "August 2025 has 31 days"}},
		{"rate out of range", strings.Replace(good, `"rate": 0.35`, `"rate": 35`, 1), []string{"measures[0].rate: 35 is out of range [0, 10]", "line 6"}},
		{"share out of range", strings.Replace(good, `"as_of": "2025-08-15",`, `"as_of": "2025-08-15", "assumptions": {"overrides": {"cusma_share": {"AUTOS": 1.5}}},`, 1), []string{"assumptions.overrides.cusma_share.AUTOS: share 1.5 is out of range [0, 1]"}},
		{"coverage out of range", strings.Replace(good, `{"STEEL": 1}`, `{"STEEL": -0.5}`, 1), []string{"measures[1].sectors.STEEL: coverage -0.5 is out of range"}},
		{"unknown sector", strings.Replace(good, `{"STEEL": 1}`, `{"STEAL": 1}`, 1), []string{`measures[1].sectors.STEAL: unknown sector "STEAL"`, "line 9"}},
		{"unknown document", strings.Replace(good, "004_00f7d1e281d38557", "004_nope", 1), []string{`unknown document "004_nope"`}},
		{"quote not found", strings.Replace(good, "35 percent tariff", "45 percent tariff", 1), []string{`quote "the recent announcement of a 45 percent tariff on Canadian goods" not found in document 004_00f7d1e281d38557`}},
		{"duplicate scenario name", strings.Replace(good, `"Fresh"`, `"august 2025: 35% ON non-CUSMA goods"`, 1), []string{`a scenario named "august 2025: 35% ON non-CUSMA goods" already exists (id aug-2025)`}},
		{"not UTF-8", strings.Replace(good, "Fresh", "Fr\xe9sh", 1), []string{"not UTF-8"}},
		{"empty", "", []string{"empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, path := storagetest.Open(t, storage.Open)
			before := storagetest.Dump(t, path)
			_, err := w.ImportScenario(strings.NewReader(tt.data))
			if err == nil {
				t.Fatal("import succeeded")
			}
			if !storage.IsBadInput(err) {
				t.Errorf("%v is not reported as bad input", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
			if storagetest.Dump(t, path) != before {
				t.Error("the workspace changed")
			}
		})
	}
}

func TestScenarioEdits(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	sc, err := w.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	branch := sc.Clone()
	branch.Name = "Branch of August"
	id, err := w.CreateScenario(&branch)
	if err != nil {
		t.Fatal(err)
	}
	got, rev, _ := w.ScenarioRev(id)
	if !reflect.DeepEqual(got.Measures, sc.Measures) {
		t.Error("the branch's measures differ from the original's")
	}
	got.Measures[0].Rate = 0.5
	got.Measures = got.Measures[:3]
	got.Assumptions.Overrides.Elasticity = map[string]float64{"STEEL": 2}
	if rev, err = w.SaveScenario(id, got, rev); err != nil {
		t.Fatal(err)
	}
	again, _ := w.Scenario(id)
	if len(again.Measures) != 3 || again.Measures[0].Rate != 0.5 || again.Assumptions.Overrides.Elasticity["STEEL"] != 2 {
		t.Errorf("saved scenario = %+v", again)
	}
	bad := again.Clone()
	bad.Measures[0].Rate = 11
	if _, err := w.SaveScenario(id, &bad, rev); err == nil || !storage.IsBadInput(err) {
		t.Errorf("saving rate 11: err = %v", err)
	}
	if kept, _ := w.Scenario(id); kept.Measures[0].Rate != 0.5 {
		t.Error("a rejected save changed the scenario")
	}
	dup := again.Clone()
	dup.Name = "Today: the regime in force"
	if _, err := w.SaveScenario(id, &dup, rev); !errors.Is(err, storage.ErrExists) {
		t.Errorf("renaming onto another scenario: err = %v", err)
	}
	pos, _ := w.Placement(id)
	if err := w.DeleteScenario(id, rev); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Scenario(id); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted scenario still readable: %v", err)
	}
	if rev, err = w.RestoreScenario(id, again, pos, rev); err != nil {
		t.Fatal(err)
	}
	if p, _ := w.Placement(id); p != pos {
		t.Errorf("restored at %+v, want %+v", p, pos)
	}
	if _, stored, _ := w.ScenarioRev(id); stored != rev {
		t.Errorf("restored at revision %d, RestoreScenario said %d", stored, rev)
	}
	// A built-in scenario comes back built in.
	builtin, _ := w.Placement("threat-25")
	threat, threatRev, _ := w.ScenarioRev("threat-25")
	if err := w.DeleteScenario("threat-25", threatRev); err != nil {
		t.Fatal(err)
	}
	if _, err := w.RestoreScenario("threat-25", threat, builtin, threatRev); err != nil {
		t.Fatal(err)
	}
	if info, _ := w.Resolve("threat-25"); !info.Builtin || !builtin.Builtin || builtin.Position != 0 {
		t.Errorf("restored built-in = %+v (placement %+v)", info, builtin)
	}
	if err := w.DeleteScenario("no-such", 1); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("delete unknown: %v", err)
	}
}

func TestComputeAsOf(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	for _, tt := range []struct {
		day  string
		duty bool
	}{{"2025-01-01", false}, {"2025-03-10", true}, {"2026-11-22", true}} {
		res, err := w.Compute("today", scenarios.MustDate(tt.day))
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Totals[0].Duty > 0; got != tt.duty {
			t.Errorf("today on %s: duty %v", tt.day, res.Totals[0].Duty)
		}
	}
}
