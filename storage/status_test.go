package storage_test

import (
	"bytes"
	"database/sql"
	"parley/storage"
	"parley/storage/storagetest"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
)

// statusScenario is a /2 file with include_threats, a threatened duty, an
// expired duty and a ban.
const statusScenario = `{
  "format": "parley.scenario/2",
  "name": "Threats and bans",
  "as_of": "2026-10-01",
  "assumptions": {"include_threats": true},
  "measures": [
    {"id": "threat", "imposer": "US", "program": "S232", "status": "threatened", "rate": 0.5,
     "sectors": {"AUTOS": 1}, "effective_from": "2026-01-01", "evidence": [{"citation": "statement"}]},
    {"id": "old", "imposer": "US", "program": "S122", "status": "expired", "kind": "duty", "rate": 0.1,
     "effective_from": "2026-02-24", "effective_to": "2026-07-23", "evidence": [{"citation": "Proclamation"}]},
    {"id": "beer", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
     "products": {"include": ["2203"]}, "effective_from": "2026-09-29", "evidence": [{"citation": "Proclamation 11056"}]}
  ]
}`

// TestStatusRoundTrip stores status, kind and include_threats in a real
// workspace file, reads them back (from the file, after reopening), saves
// them again and exports them.
func TestStatusRoundTrip(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	id, err := w.ImportScenario(strings.NewReader(statusScenario))
	if err != nil {
		t.Fatal(err)
	}
	check := func(sc *scenarios.Scenario) {
		t.Helper()
		if !sc.Assumptions.IncludeThreats {
			t.Error("include_threats lost")
		}
		got := [][2]string{}
		for _, m := range sc.Measures {
			got = append(got, [2]string{m.Status, m.Kind})
		}
		if want := [][2]string{{"threatened", ""}, {"expired", "duty"}, {"", "ban"}}; !reflect.DeepEqual(got, want) {
			t.Errorf("status and kind = %v, want %v", got, want)
		}
	}
	sc, err := w.Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	check(sc)

	// The columns hold what the file said.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var threats int
	var kinds string
	if err := db.QueryRow("SELECT include_threats FROM scenarios WHERE id = ?", id).Scan(&threats); err != nil || threats != 1 {
		t.Errorf("include_threats column = %d, %v", threats, err)
	}
	if err := db.QueryRow("SELECT group_concat(status || '/' || kind, ',') FROM (SELECT status, kind FROM measures WHERE scenario = ? ORDER BY position)", id).Scan(&kinds); err != nil || kinds != "threatened/,expired/duty,/ban" {
		t.Errorf("status/kind columns = %q, %v", kinds, err)
	}
	db.Close()

	// Saving keeps them; turning include_threats off is stored too.
	sc, rev, err := w.ScenarioRev(id)
	if err != nil {
		t.Fatal(err)
	}
	sc.Assumptions.IncludeThreats = false
	if _, err := w.SaveScenario(id, sc, rev); err != nil {
		t.Fatal(err)
	}
	again, _ := w.Scenario(id)
	if again.Assumptions.IncludeThreats {
		t.Error("include_threats = false not saved")
	}
	again.Assumptions.IncludeThreats = true
	check(again)

	var buf bytes.Buffer
	if err := w.ExportScenario(id, &buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"status": "threatened"`, `"status": "expired"`, `"kind": "ban"`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("export lacks %s", s)
		}
	}
	if strings.Contains(buf.String(), "include_threats") {
		t.Error("export says include_threats after it was turned off")
	}
}

// TestStatusColumnsChecked: the schema's CHECK constraints refuse an
// unknown status or kind and an include_threats other than 0 or 1.
func TestStatusColumnsChecked(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	if _, err := w.ImportScenario(strings.NewReader(statusScenario)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"UPDATE measures SET status = 'rumoured'",
		"UPDATE measures SET kind = 'quota'",
		"UPDATE scenarios SET include_threats = 2",
	} {
		if _, err := db.Exec(q); err == nil || !strings.Contains(err.Error(), "CHECK") {
			t.Errorf("%s: %v, want a CHECK constraint failure", q, err)
		}
	}
}
