package ui

import (
	"testing"

	"parley/scenarios"
)

// BenchmarkSectorProducts lists a sector of 2,000 HTS10 lines: the
// scenario evaluated at line level, the rows built and sorted by duty, the
// first line's measures explained.
func BenchmarkSectorProducts(b *testing.B) {
	u, _ := newTestUI(b)
	productScenario(b, u)
	useProductModel(b, u, 2000)
	v := u.exposure.ShowProducts(scenarios.CAtoUS, "OTHERMFG", "")
	b.ResetTimer()
	for b.Loop() {
		v.Reload() // evaluate again, as on opening
	}
}

// BenchmarkProductSearch answers a code search over every line.
func BenchmarkProductSearch(b *testing.B) {
	u, _ := newTestUI(b)
	productScenario(b, u)
	useProductModel(b, u, 2000)
	v := u.exposure.ShowProducts(scenarios.CAtoUS, "", "")
	b.ResetTimer()
	for b.Loop() {
		v.Query().SetText("4407.11")
		v.Query().SetText("furniture kind 12")
	}
}
