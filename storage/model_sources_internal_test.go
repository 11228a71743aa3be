package storage

import (
	"context"
	"os"
	"reflect"
	"testing"

	"parley/scenarios"
	"parley/storage/datasets"
)

// modelState is what a model read with its sources says of the
// workspace's state: the result the model gives the scenario, and the
// sources.
type modelState struct {
	Result  scenarios.Result
	Sources []string
}

// TestModelWithSourcesOneState: ModelWithSources reads the model and the
// sources of its figures as one state of the workspace. Another connection
// commits a change between the reading of the model and of the sources;
// what is read is wholly the state before the change or wholly the state
// after it, never the model of one with the sources of the other.
func TestModelWithSourcesOneState(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(other *Workspace, csv string) error
	}{
		{"dataset imported again", func(other *Workspace, csv string) error {
			const data = "HTS Number,Description,Customs Value\n7601106030,Unwrought aluminum,3000000\n2709002090,Crude oil,1000000\n"
			if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
				return err
			}
			spec := datasets.DatasetSpec{Name: "mine", Direction: scenarios.CAtoUS, Year: 2024, Source: "USITC DataWeb, second pull", Replace: true}
			_, err := other.TradeData().Import(ctx, csv, spec, datasets.DatasetImportOptions{})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, id, csv := stateWorkspace(t)
			sc, err := w.Scenario(id)
			if err != nil {
				t.Fatal(err)
			}
			state := func(ms *ModelSources) modelState {
				if ms.SourcesErr != nil {
					t.Fatalf("sources: %v", ms.SourcesErr)
				}
				return modelState{ms.Model.EvaluateWith(sc, sc.AsOf, scenarios.Options{}), ms.Sources}
			}
			before, err := w.ModelWithSources(sc.Assumptions)
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
			got, err := w.modelWithSources(sc.Assumptions, func() {
				changed++
				if err := tc.change(other, csv); err != nil {
					t.Errorf("change: %v", err)
				}
			})
			if err != nil {
				t.Fatalf("read while another connection commits: %v", err)
			}
			if changed != 1 {
				t.Fatalf("the change ran %d times, want once", changed)
			}
			after, err := w.ModelWithSources(sc.Assumptions)
			if err != nil {
				t.Fatal(err)
			}
			old, fresh, mid := state(before), state(after), state(got)
			if reflect.DeepEqual(old, fresh) {
				t.Fatal("the change changed nothing the model or its sources say: the test proves nothing")
			}
			if !reflect.DeepEqual(mid, old) && !reflect.DeepEqual(mid, fresh) {
				t.Errorf("model and sources of two states:\n got totals %+v, sources %q\n"+
					"before: totals %+v, sources %q\n after: totals %+v, sources %q",
					mid.Result.Totals, mid.Sources, old.Result.Totals, old.Sources, fresh.Result.Totals, fresh.Sources)
			}
			if len(got.Defaults) == 0 {
				t.Error("no sector defaults with the model")
			}
		})
	}
}
