package storage_test

import (
	"fmt"
	"os"
	"parley/storage"
	"parley/storage/storagetest"
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// TestExportNearLimitReimports: a scenario whose indented file would pass
// the 16 MiB a scenario file may hold (750,000 codes: about 18 MB indented,
// 10 MB compact) exports compact and imports back into the workspace with
// all its codes.
func TestExportNearLimitReimports(t *testing.T) {
	if testing.Short() {
		t.Skip("a scenario of a million codes")
	}
	w, _ := storagetest.Open(t, storage.Open)
	sc, err := w.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "Near the limit"
	inc := make([]string, 0, 750000)
	for i := 0; i < cap(inc); i++ {
		inc = append(inc, fmt.Sprintf("01%08d", i))
	}
	m := sc.Measures[0]
	m.ID, m.Products = "many-codes", &scenarios.ProductScope{Include: inc}
	sc.Measures = append(sc.Measures, m)
	id, err := w.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "near.json")
	if err := w.ExportScenarioFile(id, file); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(file)
	if err != nil || info.Size() > scenariofile.MaxSize || info.Size() < 8<<20 {
		t.Fatalf("exported %v bytes, %v", info.Size(), err)
	}
	if head, _ := os.ReadFile(file); len(head) > 0 && head[1] == '\n' {
		t.Fatal("the export is indented: the scenario does not test the compact form")
	}
	_, rev, err := w.ScenarioRev(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.DeleteScenario(id, rev); err != nil {
		t.Fatal(err)
	}
	again, err := w.ImportScenarioFile(file)
	if err != nil {
		t.Fatalf("re-import of Parley's own export: %v", err)
	}
	back, err := w.Scenario(again)
	if err != nil {
		t.Fatal(err)
	}
	last := back.Measures[len(back.Measures)-1]
	if last.Products == nil || len(last.Products.Include) != len(inc) {
		t.Errorf("re-imported measure %q has %v codes, want %d", last.ID, last.Products, len(inc))
	}
}
