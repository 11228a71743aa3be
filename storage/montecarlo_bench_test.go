package storage_test

import (
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage"
)

// BenchmarkMonteCarloToday is 10,000 draws over the product lines of the
// built-in "today" scenario, as compute --draws 10000 and the app's Ranges
// run them (the plan and the draws; the model and scopes are warm).
func BenchmarkMonteCarloToday(b *testing.B) {
	w, err := storage.Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	sc, err := w.Scenario("today")
	if err != nil {
		b.Fatal(err)
	}
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		b.Fatal(err)
	}
	asOf := scenarios.MustDate("2026-12-01")
	if _, _, err := w.MonteCarlo(m, sc, asOf, 10, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := w.MonteCarlo(m, sc, asOf, 10000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
