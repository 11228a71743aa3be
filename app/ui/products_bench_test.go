package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/exposureview"
	"parley/scenarios"
)

// BenchmarkSectorProducts lists a sector of 2,000 HTS10 lines: the
// scenario evaluated at line level, the rows built and sorted by duty, the
// first line's measures explained.
func BenchmarkSectorProducts(b *testing.B) {
	u, _ := newTestUI(b)
	productScenario(b, u)
	useProductModel(b, u, 2000)
	v := listed(b, u.exposure.ShowProducts(scenarios.CAtoUS, "OTHERMFG", ""))
	b.ResetTimer()
	for b.Loop() {
		listed(b, v.Reload()) // evaluate again, as on opening
	}
}

// BenchmarkProductSearch answers a code search over every line.
func BenchmarkProductSearch(b *testing.B) {
	u, _ := newTestUI(b)
	productScenario(b, u)
	useProductModel(b, u, 2000)
	v := listed(b, u.exposure.ShowProducts(scenarios.CAtoUS, "", ""))
	b.ResetTimer()
	for b.Loop() {
		v.Query().SetText("4407.11")
		v.Query().SetText("furniture kind 12")
	}
}

// BenchmarkFindProductsFirstKey opens Find products on today's regime and
// types a first key while its lines are indexed: key-ms/op is how long the
// key holds the UI goroutine, ns/op the whole run until the lines are
// listed.
func BenchmarkFindProductsFirstKey(b *testing.B) {
	u, _ := newTestUI(b)
	u.openScenario("today")
	u.findProducts()
	v := listed(b, u.dialogs.top().(*exposureview.ProductsDialog).Products())
	var key time.Duration
	for b.Loop() {
		v.Query().SetText("")
		v.Reload() // a new index, as on opening
		start := time.Now()
		test.Type(v.Query(), "a")
		key += time.Since(start)
		listed(b, v)
	}
	b.ReportMetric(float64(key.Microseconds())/1000/float64(b.N), "key-ms/op")
}

// BenchmarkFindProductsTyping types "aluminum" key by key into Find
// products on today's regime once its lines are indexed: key-ms is how long
// one key holds the UI goroutine (the search and the listing it shows).
func BenchmarkFindProductsTyping(b *testing.B) {
	u, _ := newTestUI(b)
	u.openScenario("today")
	u.findProducts()
	v := listed(b, u.dialogs.top().(*exposureview.ProductsDialog).Products())
	const word = "aluminum"
	var key time.Duration
	for b.Loop() {
		v.Query().SetText("")
		start := time.Now()
		test.Type(v.Query(), word)
		key += time.Since(start)
	}
	b.ReportMetric(float64(key.Microseconds())/1000/float64(b.N*len(word)), "key-ms")
}
