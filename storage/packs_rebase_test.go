package storage_test

import (
	"bytes"
	"encoding/json"
	"parley/storage"
	"parley/storage/storagetest"
	"slices"
	"testing"

	"parley/scenarios"
)

// TestImportNeverChangesScenarios: an import leaves every scenario as it
// was (its measures keep the vintage they came from); the diff says which
// scenarios use a changed measure and how their duty would move; a re-base
// then moves the scenario exactly so, keeping what the user changed in the
// measure where the library did not change it.
func TestImportNeverChangesScenarios(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	const id, lib = "today", "US-232-AUTOS"
	sc, rev, err := w.ScenarioRev(id)
	if err != nil {
		t.Fatal(err)
	}
	ix := slices.IndexFunc(sc.Measures, func(m scenarios.Measure) bool { return m.Library == lib })
	if ix < 0 {
		t.Fatalf("%s has no measure %s", id, lib)
	}
	if v := sc.Measures[ix].LibraryVintage; v != "2026-10-10" {
		t.Errorf("a built-in scenario's library measure has vintage %q", v)
	}
	sc.Measures[ix].Label = "My autos" // the user's own change
	if rev, err = w.SaveScenario(id, sc, rev); err != nil {
		t.Fatal(err)
	}
	date := scenarios.MustDate("2026-11-22")
	before, err := w.Compute(id, date)
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Vintage = "2026-12-06"
	p.Measure(lib).Rate = 0.15
	d, err := w.DiffLibrary(p, date)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Changed) != 1 || d.Changed[0].ID != lib || len(d.Changed[0].Fields) != 1 || d.Changed[0].Fields[0].Field != "rate" {
		t.Fatalf("diff: %+v", d.Changed)
	}
	var impact *struct{ before, after float64 }
	for _, s := range d.Scenarios {
		if s.ID == id {
			impact = &struct{ before, after float64 }{s.Before[0], s.After[0]}
		}
	}
	if impact == nil || impact.before != before.Totals[0].Duty || !(impact.after < impact.before) {
		t.Fatalf("the diff's impact on %s: %+v (duty before %v)", id, impact, before.Totals[0].Duty)
	}
	if !(d.TodayAfter[0].Duty < d.TodayBefore[0].Duty) {
		t.Errorf("today's duty does not fall: %v -> %v", d.TodayBefore[0].Duty, d.TodayAfter[0].Duty)
	}
	prev, err := w.ImportLibrary(p)
	if err != nil {
		t.Fatal(err)
	}
	after, err := w.Compute(id, date)
	if err != nil {
		t.Fatal(err)
	}
	jb, _ := json.Marshal(before)
	ja, _ := json.Marshal(after)
	if !bytes.Equal(jb, ja) {
		t.Fatal("the import changed a scenario's figures")
	}
	_, touched, err := w.RebaseScenario(id, rev, prev, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(touched, []string{sc.Measures[ix].ID}) {
		t.Errorf("re-base touched %v", touched)
	}
	rebased, err := w.Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	m := rebased.Measures[ix]
	if m.Rate != 0.15 || m.Label != "My autos" || m.LibraryVintage != "2026-12-06" || m.Library != lib {
		t.Errorf("re-based measure: rate %v label %q vintage %q library %q", m.Rate, m.Label, m.LibraryVintage, m.Library)
	}
	r, err := w.Compute(id, date)
	if err != nil {
		t.Fatal(err)
	}
	if r.Totals[0].Duty != impact.after {
		t.Errorf("re-based duty %v, the diff said %v", r.Totals[0].Duty, impact.after)
	}
}
