package ui

import (
	"image"
	"testing"
	"time"

	"parley/scenarios"
)

// redrawSize is the exposure chart's size in a 1366×768 window, in pixels.
const redrawW, redrawH = 560, 300

// waitDrawn waits for the exposure chart to be redrawn after an edit.
func waitDrawn(tb testing.TB, u *UI) time.Duration {
	tb.Helper()
	return waitQueued(tb, u.exposure.Drawn(), "the chart redrawn")
}

// startDrawing makes the exposure chart render as it does on screen: the
// raster asks for its size in pixels and the worker renders.
func startDrawing(tb testing.TB, u *UI) {
	u.exposure.NotifyDrawn(make(chan time.Duration, 1))
	u.exposure.Chart().Generate(redrawW, redrawH)
	waitDrawn(tb, u)
}

func TestEditRedrawsChart(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("aug-2025")
	startDrawing(t, u)
	first, seq := u.exposure.Chart().Image()
	if first == nil || !inked(first) {
		t.Fatal("no chart drawn")
	}
	if b := first.Bounds(); b.Dx() < redrawW-2 || b.Dy() < redrawH-2 {
		t.Errorf("chart is %v, want about %dx%d", b, redrawW, redrawH)
	}
	if err := u.edit("", "test", func(sc *scenarios.Scenario) { sc.Measures[0].Rate = 0.05 }); err != nil {
		t.Fatal(err)
	}
	latency := waitDrawn(t, u)
	_, seq2 := u.exposure.Chart().Image()
	if seq2 <= seq {
		t.Errorf("image version %d after the edit, was %d", seq2, seq)
	}
	if latency <= 0 {
		t.Errorf("edit to redrawn chart reported %v", latency)
	}
	// A figure, not a check: timings depend on the machine and its load
	// (BenchmarkEditToRedraw measures it).
	t.Logf("edit → redrawn chart: %v", latency)
}

// inked reports whether img has pixels that are not white.
func inked(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if r, g, bl, _ := img.At(x, y).RGBA(); r != 0xffff || g != 0xffff || bl != 0xffff {
				return true
			}
		}
	}
	return false
}

// BenchmarkEditToRedraw measures the time from a rate edit (as a slider
// drag makes them) to the exposure chart redrawn with it.
func BenchmarkEditToRedraw(b *testing.B) {
	u, _ := newTestUI(b)
	u.sess.SaveDelay = time.Hour // slider edits are saved after a pause
	u.openScenario("aug-2025")
	startDrawing(b, u)
	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		rate := 0.10 + float64(i%50)/100
		if err := u.edit("rate", "bench", func(sc *scenarios.Scenario) { sc.Measures[0].Rate = rate }); err != nil {
			b.Fatal(err)
		}
		total += waitDrawn(b, u)
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/redraw")
}

// BenchmarkEditRecompute measures an edit up to the updated tables and
// totals (what runs on the UI goroutine), without the chart.
func BenchmarkEditRecompute(b *testing.B) {
	u, _ := newTestUI(b)
	u.sess.SaveDelay = time.Hour
	u.openScenario("aug-2025")
	b.ResetTimer()
	for i := range b.N {
		rate := 0.10 + float64(i%50)/100
		if err := u.edit("rate", "bench", func(sc *scenarios.Scenario) { sc.Measures[0].Rate = rate }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSwitchToPosition measures what showing the Position tab holds the
// UI goroutine for: the tab laid out with its progress row shown (the two
// scenarios are evaluated on a worker); ms/switch is that time, the
// evaluation and the ranges are left out.
func BenchmarkSwitchToPosition(b *testing.B) {
	u, _ := newTestUI(b)
	q := activeQueue
	var total time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		u.selectTab(tabPosition)
		total += time.Since(start)
		b.StopTimer()
		q.until(b, "the position computed", func() bool { return u.position.Busy() == "" })
		u.selectTab(tabScenarios)
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/switch")
}
