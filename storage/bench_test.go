package storage

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage/defaults"
)

// BenchmarkComputeShipped computes built-in scenarios on the shipped data:
// read the scenario, prepare the model, evaluate.
func BenchmarkComputeShipped(b *testing.B) {
	w, err := Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	for _, id := range []string{"aug-2025", "today"} {
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				if _, err := w.Compute(id, scenarios.Date{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkComputeSynthetic20k computes a 40-measure scenario on a workspace
// whose 2024 baseline is 20,000 synthetic tariff lines.
func BenchmarkComputeSynthetic20k(b *testing.B) {
	w, err := Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	sectors, err := w.Sectors()
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 1))
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec("DELETE FROM trade_lines WHERE year = 2024"); err != nil {
			return err
		}
		for i := 0; i < 20000; i++ {
			dir := scenarios.Directions[i%2]
			if _, err := tx.Exec(`INSERT INTO trade_lines (dataset, year, direction, code, sector, value_usd) VALUES (?, 2024, ?, ?, ?, ?)`,
				defaults.DatasetTrade, string(dir), fmt.Sprintf("%010d", i), sectors[r.IntN(len(sectors))].Code, float64(r.IntN(1e8))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	w.invalidate()
	sc := scenarios.Scenario{Name: "Synthetic 40", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()}
	programs := []string{"IEEPA", "S232", "S122", "S338"}
	for i := 0; i < 40; i++ {
		cov := map[string]float64{"*": r.Float64()}
		for k := 0; k < 4; k++ {
			cov[sectors[r.IntN(len(sectors))].Code] = r.Float64()
		}
		m := scenarios.Measure{ID: fmt.Sprintf("m%d", i), Imposer: []string{"US", "CA"}[i%2], Program: programs[i%4],
			Sectors: cov, Rate: r.Float64(), CUSMAExempt: i%3 == 0, From: scenarios.MustDate("2025-01-01"),
			Evidence: []scenarios.Evidence{{Citation: "synthetic"}}}
		if i%4 == 0 {
			m.YieldsTo = []string{"S232"}
		}
		sc.Measures = append(sc.Measures, m)
	}
	id, err := w.CreateScenario(&sc)
	if err != nil {
		b.Fatal(err)
	}
	if res, err := w.Compute(id, scenarios.Date{}); err != nil || res.Totals[0].Baseline == 0 {
		b.Fatalf("compute: %v", err)
	}
	b.Run("whole", func(b *testing.B) { // read scenario + model from 20,000 lines + evaluate
		for b.Loop() {
			if _, err := w.Compute(id, scenarios.Date{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	stored, _ := w.Scenario(id)
	m, _ := w.Model(stored.Assumptions)
	b.Run("evaluate", func(b *testing.B) { // the engine alone on the prepared model
		for b.Loop() {
			m.Evaluate(stored, stored.AsOf)
		}
	})
}

// BenchmarkOpenNew creates a workspace and loads the embedded defaults.
func BenchmarkOpenNew(b *testing.B) {
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		w, err := Open(filepath.Join(dir, fmt.Sprintf("w%d.parley", i)))
		if err != nil {
			b.Fatal(err)
		}
		w.Close()
	}
}
