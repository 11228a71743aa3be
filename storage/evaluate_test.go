package storage_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// Evaluate gives what reading the scenario and its model and evaluating
// it by hand gives, on the day its options say.
func TestEvaluate(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	id, err := w.ImportScenario(bytes.NewReader(validScenario("My scenario")))
	if err != nil {
		t.Fatal(err)
	}
	today := scenarios.NewDate(2026, 3, 1)
	day := scenarios.NewDate(2025, 10, 1)
	for _, tc := range []struct {
		name, ref string
		opt       storage.EvalOptions
		want      scenarios.Date
	}{
		{"own date", id, storage.EvalOptions{}, scenarios.NewDate(2025, 8, 15)},
		{"by name", "my scenario", storage.EvalOptions{Today: today}, scenarios.NewDate(2025, 8, 15)},
		{"as of", id, storage.EvalOptions{AsOf: day, Today: today}, day},
		{"follows the clock", "today", storage.EvalOptions{Today: today}, today},
		{"follows the clock, as of", "today", storage.EvalOptions{AsOf: day, Today: today}, day},
		{"with lines", id, storage.EvalOptions{Lines: true}, scenarios.NewDate(2025, 8, 15)},
		{"with sources", id, storage.EvalOptions{Sources: true}, scenarios.NewDate(2025, 8, 15)},
		{"follows the clock, with sources", "today", storage.EvalOptions{Today: today, Sources: true}, today},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := w.Evaluate(tc.ref, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if e.AsOf != tc.want || e.Result.AsOf != tc.want {
				t.Errorf("evaluated on %s (result %s), want %s", e.AsOf, e.Result.AsOf, tc.want)
			}
			sc, err := w.Scenario(e.Info.ID)
			if err != nil {
				t.Fatal(err)
			}
			m, err := w.Model(sc.Assumptions)
			if err != nil {
				t.Fatal(err)
			}
			want := m.EvaluateWith(sc, tc.want, scenarios.Options{Lines: tc.opt.Lines})
			if !reflect.DeepEqual(e.Result, want) {
				t.Errorf("result differs from the model's own evaluation: totals %+v, want %+v", e.Result.Totals, want.Totals)
			}
			if tc.opt.Lines != (len(e.Result.Lines) > 0) {
				t.Errorf("lines asked %v, got %d lines", tc.opt.Lines, len(e.Result.Lines))
			}
			// Sources are read only when asked, and are then the scenario's.
			if !tc.opt.Sources && e.Sources != nil {
				t.Errorf("sources not asked, got %q", e.Sources)
			}
			if tc.opt.Sources {
				want, err := w.ScenarioSources(sc)
				if err != nil {
					t.Fatal(err)
				}
				if len(e.Sources) == 0 || !reflect.DeepEqual(e.Sources, want) {
					t.Errorf("sources %q, want %q", e.Sources, want)
				}
			}
			if got := e.Compared("A"); got.Label != "A" || got.AsOf != tc.want || !reflect.DeepEqual(got.Assumptions, sc.Assumptions) {
				t.Errorf("compared side = %+v", got)
			}
			if e.Name() != sc.Name {
				t.Errorf("name %q, want %q", e.Name(), sc.Name)
			}
		})
	}
}

func TestEvaluateUnknown(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	if _, err := w.Evaluate("no-such-scenario", storage.EvalOptions{}); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

// Compute is Evaluate's result.
func TestComputeIsEvaluate(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	day := scenarios.NewDate(2025, 9, 1)
	got, err := w.Compute("aug-2025", day)
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Evaluate("aug-2025", storage.EvalOptions{AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e.Result) {
		t.Errorf("Compute = %+v, Evaluate = %+v", got.Totals, e.Result.Totals)
	}
}
