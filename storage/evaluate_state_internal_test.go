package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"parley/scenarios"
	"parley/storage/datasets"
)

// evaluated is what an evaluation says of the workspace's state.
type evaluated struct {
	Info     ScenarioInfo
	Scenario *scenarios.Scenario
	Rev      int64
	Result   scenarios.Result
	Sources  []string
}

func stateOf(e *Evaluation) evaluated {
	return evaluated{e.Info, e.Scenario, e.Rev, e.Result, e.Sources}
}

// stateWorkspace opens a workspace file with a user's dataset "mine" and a
// user list "metals", and a scenario that takes its trade into the US from
// the dataset and has a measure on the list; it returns the workspace, the
// scenario's id and the dataset's file.
func stateWorkspace(t *testing.T) (*Workspace, string, string) {
	t.Helper()
	dir := t.TempDir()
	w, err := Open(filepath.Join(dir, "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	csv := filepath.Join(dir, "mine.csv")
	const data = "HTS Number,Description,Customs Value\n7601106030,Unwrought aluminum,1000000\n2709002090,Crude oil,5000000\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	spec := datasets.DatasetSpec{Name: "mine", Direction: scenarios.CAtoUS, Year: 2024, Source: "USITC DataWeb, first pull"}
	if _, err := w.TradeData().Import(context.Background(), csv, spec, datasets.DatasetImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := w.CreateList(scenarios.ProductList{Name: "metals", Title: "Metals", Codes: []string{"7601106030"}}); err != nil {
		t.Fatal(err)
	}
	a := scenarios.DefaultAssumptions()
	a.BaselineYear, a.Datasets.CAtoUS = 2024, "mine"
	from := scenarios.MustDate("2025-01-01")
	sc := &scenarios.Scenario{Name: "State", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: a, Measures: []scenarios.Measure{
		{ID: "metals", Label: "Metals", Imposer: "US", Program: "S232", From: from, Rate: 0.5,
			Products: &scenarios.ProductScope{Include: []string{"list:metals"}}},
		{ID: "blanket", Label: "Blanket", Imposer: "US", Program: "IEEPA", From: from, Rate: 0.1,
			Sectors: map[string]float64{"*": 1}, YieldsTo: []string{"S232"}},
	}}
	id, err := w.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	return w, id, csv
}

// TestEvaluateOneState: Evaluate reads the scenario, its model (the
// user's dataset and lists) and its sources as one state of the workspace.
// Another connection commits a change between the reading of the scenario
// and the rest; the evaluation is wholly the state before the change or
// wholly the state after it, never the scenario of one with the data of
// the other.
func TestEvaluateOneState(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, other *Workspace, id, csv string) error
	}{
		{"dataset renamed", func(t *testing.T, other *Workspace, _, _ string) error {
			// renames the dataset and the scenario's choice of it together
			_, err := other.TradeData().Rename("mine", "theirs")
			return err
		}},
		{"dataset imported again", func(t *testing.T, other *Workspace, _, csv string) error {
			const data = "HTS Number,Description,Customs Value\n7601106030,Unwrought aluminum,3000000\n2709002090,Crude oil,1000000\n"
			if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
				return err
			}
			spec := datasets.DatasetSpec{Name: "mine", Direction: scenarios.CAtoUS, Year: 2024, Source: "USITC DataWeb, second pull", Replace: true}
			_, err := other.TradeData().Import(ctx, csv, spec, datasets.DatasetImportOptions{})
			return err
		}},
		{"list renamed", func(t *testing.T, other *Workspace, _, _ string) error {
			// renames the list and the measures that name it together
			return other.RenameList("metals", "alloys")
		}},
		{"measure edited", func(t *testing.T, other *Workspace, id, _ string) error {
			sc, rev, err := other.ScenarioRev(id)
			if err != nil {
				return err
			}
			sc.Measures[0].Rate = 0.25
			_, err = other.SaveScenario(id, sc, rev)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, id, csv := stateWorkspace(t)
			opt := EvalOptions{Sources: true}
			before, err := w.Evaluate(id, opt)
			if err != nil {
				t.Fatal(err)
			}
			// The other connection: another workspace on the same file, as
			// another window or process has it.
			other, err := Open(w.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			changed := 0
			opt.afterScenario = func() {
				changed++
				if err := tc.change(t, other, id, csv); err != nil {
					t.Errorf("change: %v", err)
				}
			}
			got, err := w.Evaluate(id, opt)
			if err != nil {
				t.Fatalf("evaluate while another connection commits: %v", err)
			}
			if changed != 1 {
				t.Fatalf("the change ran %d times, want once", changed)
			}
			after, err := w.Evaluate(id, EvalOptions{Sources: true})
			if err != nil {
				t.Fatal(err)
			}
			old, fresh, mid := stateOf(before), stateOf(after), stateOf(got)
			if reflect.DeepEqual(old, fresh) {
				t.Fatal("the change changed nothing an evaluation reads: the test proves nothing")
			}
			if !reflect.DeepEqual(mid, old) && !reflect.DeepEqual(mid, fresh) {
				t.Errorf("evaluation mixes two states:\n got rev %d, datasets %+v, totals %+v, sources %q\n"+
					"before: rev %d, datasets %+v, totals %+v, sources %q\n after: rev %d, datasets %+v, totals %+v, sources %q",
					mid.Rev, mid.Scenario.Assumptions.Datasets, mid.Result.Totals, mid.Sources,
					old.Rev, old.Scenario.Assumptions.Datasets, old.Result.Totals, old.Sources,
					fresh.Rev, fresh.Scenario.Assumptions.Datasets, fresh.Result.Totals, fresh.Sources)
			}
		})
	}
}

// TestEvaluateWithoutSources: without Sources, Evaluate reads no source:
// a workspace whose provenance cannot be read still evaluates, and the
// same evaluation with Sources fails.
func TestEvaluateWithoutSources(t *testing.T) {
	w, id, _ := stateWorkspace(t)
	if _, err := w.db.Exec("DROP TABLE library_pack"); err != nil {
		t.Fatal(err)
	}
	e, err := w.Evaluate(id, EvalOptions{})
	if err != nil {
		t.Fatalf("evaluate without sources: %v", err)
	}
	if e.Sources != nil {
		t.Errorf("sources %q, not asked", e.Sources)
	}
	if _, err := w.Evaluate(id, EvalOptions{Sources: true}); err == nil {
		t.Error("evaluate with sources read no source: the library's pack is gone and no error")
	}
}
