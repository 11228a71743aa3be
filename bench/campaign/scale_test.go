package campaign_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"parley/storage"
)

// TestScale builds a workspace of PARLEY_SCALE_SCENARIOS scenarios (the
// built-in August 2025 scenario under new names, 10 measures each) and
// times, as whole processes of the real binary, opening it and listing the
// scenarios and computing one (median of 3 runs), then computing and
// drawing the tornado chart of scenarios of PARLEY_SCALE_TORNADO measures
// (default "100,200,400"; one run each: the tornado evaluates the whole
// scenario twice per measure, so its time grows with the square of the
// measures). It only runs when PARLEY_SCALE_SCENARIOS is set
// (bench/scale.sh).
func TestScale(t *testing.T) {
	n := envInt("PARLEY_SCALE_SCENARIOS", 0)
	if n == 0 {
		t.Skip("set PARLEY_SCALE_SCENARIOS (bench/scale.sh)")
	}
	dir := t.TempDir()
	ws := filepath.Join(dir, "scale.parley")
	w, err := storage.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	base, err := w.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	for len(base.Measures) < 10 {
		m := base.Measures[0]
		m.ID = fmt.Sprintf("%s-%d", m.ID, len(base.Measures))
		base.Measures = append(base.Measures, m)
	}
	base.Measures = base.Measures[:10]
	start := time.Now()
	for i := range n {
		sc := base.Clone()
		sc.Name = fmt.Sprintf("Scale %05d", i)
		if _, err := w.CreateScenario(&sc); err != nil {
			t.Fatal(err)
		}
	}
	build := time.Since(start)
	var tornado []string
	sizes := []int{}
	for _, f := range strings.Split(os.Getenv("PARLEY_SCALE_TORNADO"), ",") {
		var m int
		if _, err := fmt.Sscan(f, &m); err == nil && m > 0 {
			sizes = append(sizes, m)
		}
	}
	if len(sizes) == 0 {
		sizes = []int{100, 200, 400}
	}
	for _, m := range sizes {
		sc := base.Clone()
		sc.Name = fmt.Sprintf("Tornado %d", m)
		sc.Measures = nil
		for i := range m {
			me := base.Measures[i%len(base.Measures)]
			me.ID = fmt.Sprintf("M%05d", i)
			sc.Measures = append(sc.Measures, me)
		}
		id, err := w.CreateScenario(&sc)
		if err != nil {
			t.Fatal(err)
		}
		tornado = append(tornado, id)
	}
	w.Close()
	info, _ := os.Stat(ws)
	t.Logf("built %d scenarios x 10 measures in %v (%d MB)", n, build.Round(time.Millisecond), info.Size()>>20)

	timeRuns := func(n int, what string, args ...string) time.Duration {
		var runs []time.Duration
		for range n {
			cmd := parley(t, ws, args...)
			begin := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("parley %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			runs = append(runs, time.Since(begin))
		}
		slices.Sort(runs)
		t.Logf("%-48s %8.3f s (median of %d)", what, runs[n/2].Seconds(), n)
		return runs[n/2]
	}
	timeIt := func(what string, args ...string) time.Duration { return timeRuns(3, what, args...) }
	list := timeIt("parley scenarios (open + list)", "scenarios")
	compute := timeIt("parley compute one scenario", "compute", "scale-05000", "--format", "json")
	open := timeIt("parley evidence list (open only)", "evidence", "list")
	var figures []string
	for _, id := range tornado {
		c := timeRuns(1, "parley compute "+id, "compute", id, "--format", "json")
		d := timeRuns(1, "parley chart --kind tornado "+id, "chart", id, "--kind", "tornado", "--out", filepath.Join(dir, id+".png"))
		figures = append(figures, fmt.Sprintf("compute_%s=%.2fs tornado_%s=%.2fs", id, c.Seconds(), id, d.Seconds()))
	}
	report(fmt.Sprintf("scenarios=%d measures_each=10 scenarios_s=%.3f compute_s=%.3f open_s=%.3f %s",
		n, list.Seconds(), compute.Seconds(), open.Seconds(), strings.Join(figures, " ")))
}
