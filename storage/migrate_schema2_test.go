package storage_test

import (
	"database/sql"
	"testing"

	"parley/scenarios"
	"parley/storage"
)

// TestOpenSchema2Workspace opens a workspace written by the Parley of schema
// 2 and defaults version 2 (testdata/schema2.parley.gz, see
// testdata/README.md): Open migrates it to the current schema and defaults
// in place, in one transaction. The user's scenario keeps its meaning (its
// measures are in force and duties, include_threats is off) and computes to
// the numbers the old Parley computed; the built-in scenarios and the measure
// library are refreshed.
func TestOpenSchema2Workspace(t *testing.T) {
	path := openFixture(t, "schema2", 2)
	if v := metaDefaults(t, path); v != "2" {
		t.Fatalf("fixture has defaults %s, want 2", v)
	}

	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	const id = "user-scenario-from-schema-2"
	sc, err := w.Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "User scenario from schema 2" || sc.AsOf.String() != "2025-09-01" || sc.Assumptions.IncludeThreats {
		t.Errorf("scenario %q %s include_threats=%v", sc.Name, sc.AsOf, sc.Assumptions.IncludeThreats)
	}
	if len(sc.Measures) != 3 {
		t.Fatalf("%d measures, want 3", len(sc.Measures))
	}
	for _, m := range sc.Measures {
		if m.Status != "" || m.Kind != "" {
			t.Errorf("measure %s: status %q kind %q, want the defaults (in force, duty)", m.ID, m.Status, m.Kind)
		}
	}

	res, err := w.Compute(id, scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	duty := 0.0
	for _, wf := range checkFixtureCompute(t, res, "schema2", func(f scenarios.Flow, wf fixtureFlow) {
		if f.Banned != 0 {
			t.Errorf("%s %s banned %v in a scenario without bans", wf.Direction, wf.Sector, f.Banned)
		}
	}) {
		duty += wf.Duty
	}
	if duty == 0 {
		t.Error("the fixture's scenario has no duty: the comparison proves nothing")
	}
	// A built-in the user changed keeps the change; one never changed is
	// written anew from the refreshed defaults.
	if th, err := w.Scenario("threat-25"); err != nil || th.Description != "edited by the user" {
		t.Errorf("the user's edit of a built-in is lost: %v", err)
	}
	w.Close()
	if got := createdAt(t, path, "aug-2025"); got == "2026-12-07T00:09:59Z" {
		t.Error("the unchanged built-in aug-2025 was not refreshed")
	}
	if got := createdAt(t, path, "threat-25"); got != "2026-12-07T00:09:59Z" {
		t.Errorf("the changed built-in threat-25 was rewritten (created %s)", got)
	}
	if v := pragma(t, path, "user_version"); v != storage.SchemaVersion() {
		t.Errorf("schema %d after opening, want %d", v, storage.SchemaVersion())
	}
	if v := metaDefaults(t, path); v == "2" {
		t.Error("defaults still version 2 after opening: the library was not refreshed")
	}
}

func metaDefaults(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT value FROM meta WHERE key = 'defaults'").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func createdAt(t *testing.T, path, id string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT created_at FROM scenarios WHERE id = ?", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
