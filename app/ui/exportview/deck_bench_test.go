package exportview

import (
	"path/filepath"
	"testing"
	"time"

	"parley/app/charts"
	"parley/app/report"
)

// BenchmarkSaveDeck builds and writes the default deck of two scenarios
// from the app, as Export deck does: returned is how long SaveDeck keeps
// the UI goroutine (ui-ms/op), the whole run is ns/op.
func BenchmarkSaveDeck(b *testing.B) {
	env, q := testEnv(b, "today")
	path := filepath.Join(b.TempDir(), "deck.pptx")
	var ui time.Duration
	for b.Loop() {
		done := make(chan error, 1)
		start := time.Now()
		SaveDeck(env, path, []string{"today", "sectoral-deal"}, report.DeckOptions{Widescreen: true, Top: charts.DefaultTop},
			func(_ string, err error) { done <- err })
		ui += time.Since(start)
		q.until(b, "deck", func() bool { return len(done) > 0 })
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ui.Microseconds())/1000/float64(b.N), "ui-ms/op")
}
