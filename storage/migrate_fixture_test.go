package storage_test

import (
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage"
)

// TestOpenSchema1Workspace opens a workspace written by the Parley of
// schema 1 (testdata/schema1.parley.gz, see testdata/README.md) with
// today's Open: it migrates to the current schema, in place, and keeps the
// user's scenario, with its measures, overrides and evidence, computing to
// the numbers the old Parley computed, and the user's document.
func TestOpenSchema1Workspace(t *testing.T) {
	path := openFixture(t, "schema1", 1)

	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	sc, err := w.Scenario("user-scenario-from-schema-1")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "User scenario from schema 1" || sc.Description != "made by the schema-1 binary" || sc.AsOf.String() != "2025-09-01" {
		t.Errorf("scenario %q %q %s", sc.Name, sc.Description, sc.AsOf)
	}
	a := sc.Assumptions
	if a.BaselineYear != 2023 || a.CUSMAShares != "2025-02" || a.ElasticityLow != 0.25 || a.ElasticityHigh != 2 ||
		a.Overrides.CUSMAShare["AUTOS"] != 0.5 || a.Overrides.Elasticity["FERT"] != 3 || a.Overrides.BaselineTariff["DAIRY"] != 2.5 {
		t.Errorf("assumptions %+v", a)
	}
	if len(sc.Measures) != 5 {
		t.Fatalf("%d measures, want 5", len(sc.Measures))
	}
	m := sc.Measures[0]
	if m.ID != "a" || m.Label != "Blanket" || m.Rate != 0.35 || !m.CUSMAExempt || m.Sectors["ENERGY"] != 0.5 ||
		len(m.YieldsTo) != 2 || len(m.Evidence) != 1 || m.Evidence[0].Citation != "Executive order, August 2025" {
		t.Errorf("measure a = %+v", m)
	}

	res, err := w.Compute("user-scenario-from-schema-1", scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	checkFixtureCompute(t, res, "schema1", func(f scenarios.Flow, wf fixtureFlow) {
		if math.Abs(f.Baseline-wf.Baseline) >= 0.005 {
			t.Errorf("%s %s baseline = %.4f, want %.4f (computed by schema 1)", wf.Direction, wf.Sector, f.Baseline, wf.Baseline)
		}
		if math.Abs(f.Tariff-wf.Tariff) > 1e-12 {
			t.Errorf("%s %s tariff = %v, want %v", wf.Direction, wf.Sector, f.Tariff, wf.Tariff)
		}
	})

	docs, err := w.Evidence().Documents()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		if d.Title == "Schema one memo" {
			found = true
			if hits, err := w.Evidence().Search("zyxquota", 5); err != nil || len(hits) == 0 || hits[0].Document != d.ID {
				t.Errorf("search for the user's document: %v %v", hits, err)
			}
		}
	}
	if !found {
		t.Error("the user's document is gone")
	}
	w.Close()
	if v := pragma(t, path, "user_version"); v < 2 {
		t.Errorf("schema %d after opening, want the current one (2 or more)", v)
	}
}

// openFixture decompresses the workspace fixture testdata/NAME.parley.gz
// (see testdata/README.md) into a new file, checks that it has the given
// schema, and returns its path.
func openFixture(t *testing.T, name string, schema int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.parley")
	gunzipFile(t, "testdata/"+name+".parley.gz", path)
	if v := pragma(t, path, "user_version"); v != schema {
		t.Fatalf("fixture has schema %d, want %d", v, schema)
	}
	return path
}

// fixtureFlow is a flow as an old Parley computed it
// (testdata/NAME-user-compute.json).
type fixtureFlow struct {
	Direction       string  `json:"direction"`
	Sector          string  `json:"sector"`
	Baseline        float64 `json:"baseline_usd"`
	Tariff          float64 `json:"tariff"`
	Duty            float64 `json:"duty_usd"`
	TradeChange     float64 `json:"trade_change_usd"`
	TradeChangeLow  float64 `json:"trade_change_low_usd"`
	TradeChangeHigh float64 `json:"trade_change_high_usd"`
	ValueAfter      float64 `json:"value_after_usd"`
	DutyCollected   float64 `json:"duty_collected_usd"`
}

// checkFixtureCompute checks that res has the flows of
// testdata/NAME-user-compute.json, which the Parley of the fixture NAME
// computed, to the half cent in duty, trade change and its range, value
// after and duty collected; extra checks more of each flow. It returns the
// wanted flows.
func checkFixtureCompute(t *testing.T, res scenarios.Result, name string, extra func(scenarios.Flow, fixtureFlow)) []fixtureFlow {
	t.Helper()
	var want struct {
		AsOf  string        `json:"as_of"`
		Flows []fixtureFlow `json:"flows"`
	}
	b, err := os.ReadFile("testdata/" + name + "-user-compute.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if res.AsOf.String() != want.AsOf || len(res.Flows) != len(want.Flows) || len(want.Flows) == 0 {
		t.Fatalf("as of %s, %d flows; want %s, %d", res.AsOf, len(res.Flows), want.AsOf, len(want.Flows))
	}
	for _, wf := range want.Flows {
		f, ok := res.Flow(scenarios.Direction(wf.Direction), wf.Sector)
		if !ok {
			t.Errorf("no flow %s %s", wf.Direction, wf.Sector)
			continue
		}
		for _, p := range []struct {
			what      string
			got, want float64
		}{
			{"duty", f.Duty, wf.Duty}, {"trade change", f.TradeChange, wf.TradeChange},
			{"low", f.TradeChangeLow, wf.TradeChangeLow}, {"high", f.TradeChangeHigh, wf.TradeChangeHigh},
			{"value after", f.ValueAfter, wf.ValueAfter}, {"duty collected", f.DutyCollected, wf.DutyCollected},
		} {
			if math.Abs(p.got-p.want) >= 0.005 {
				t.Errorf("%s %s %s = %.4f, want %.4f (computed by %s)", wf.Direction, wf.Sector, p.what, p.got, p.want, name)
			}
		}
		extra(f, wf)
	}
	return want.Flows
}

// gunzipFile writes the decompressed gzip file src to dst.
func gunzipFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// pragma reads an integer PRAGMA of the database at path.
func pragma(t *testing.T, path, name string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
