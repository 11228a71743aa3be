package storage_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// benchPack returns a pack of 200 measures over 60 lists of the analyst's
// own of 5,000 codes each (HTS10 codes of chapters 25 to 96), seeded so that
// two seeds give packs that differ in every list and in the measures' rates.
func benchPack(seed uint64) *library.Pack {
	rng := rand.New(rand.NewPCG(seed, 7))
	p := &library.Pack{Info: library.Info{Format: library.Format, Title: fmt.Sprintf("bench %d", seed),
		Publisher: "bench", Vintage: "2026-12-01"}, Lists: scenarios.ProductLists{}}
	for i := range 60 {
		seen := map[string]bool{}
		var codes []string
		for len(codes) < 5000 {
			c := fmt.Sprintf("%02d%08d", 25+rng.IntN(72), rng.IntN(100000000))
			if !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
		slices.Sort(codes)
		name := fmt.Sprintf("bench-list-%02d", i)
		p.Lists[name] = &scenarios.ProductList{Name: name, Title: "bench list", Source: "bench", Codes: codes}
	}
	for i := range 200 {
		m := library.Measure{Measure: scenarios.Measure{ID: fmt.Sprintf("BENCH-%03d", i), Label: "bench measure",
			Imposer: scenarios.ImposerUS, Program: fmt.Sprintf("P%d", i%7), Rate: float64(1+rng.IntN(50)) / 100,
			Products: &scenarios.ProductScope{Include: []string{"list:" + fmt.Sprintf("bench-list-%02d", i%60)}},
			YieldsTo: []string{}, UpperBound: []string{}, From: scenarios.MustDate("2026-01-01"),
			Evidence: []scenarios.Evidence{{Citation: fmt.Sprintf("Bench order %d", i)}}}}
		p.Measures = append(p.Measures, m)
	}
	return p
}

// writeBenchZip writes p as a zip and returns its path.
func writeBenchZip(b *testing.B, p *library.Pack) string {
	b.Helper()
	var buf bytes.Buffer
	if err := p.WriteZip(&buf); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "pack.zip")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLibraryImport reads a pack zip of 200 measures and 60 lists of
// 5,000 codes and imports it, alternating two such packs so that every
// import replaces every list and measure.
func BenchmarkLibraryImport(b *testing.B) {
	w, err := storage.Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	paths := []string{writeBenchZip(b, benchPack(1)), writeBenchZip(b, benchPack(2))}
	start := cpuTime()
	for i := 0; b.Loop(); i++ {
		p, err := library.Read(paths[i%2])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.ImportLibrary(p); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// reportCPU reports the CPU time per operation since start (the wall time
// of a shared machine overstates it).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkPackCompare compares two packs of 200 measures and 60 lists of
// 5,000 codes that differ in every list and most rates.
func BenchmarkPackCompare(b *testing.B) {
	p1, p2 := benchPack(1), benchPack(2)
	start := cpuTime()
	for b.Loop() {
		d := library.Compare(p1, p2)
		if len(d.ListsChanged) != 60 {
			b.Fatal(len(d.ListsChanged))
		}
	}
	reportCPU(b, start)
}

// BenchmarkLibraryDiff is the diff the command line prints: the pack
// checked against the workspace, compared with its library (an imported
// pack of the same size), and the regime of today computed before and
// after.
func BenchmarkLibraryDiff(b *testing.B) {
	w, err := storage.Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	if _, err := w.ImportLibrary(benchPack(1)); err != nil {
		b.Fatal(err)
	}
	p2 := benchPack(2)
	today := scenarios.MustDate("2026-12-01")
	start := cpuTime()
	for b.Loop() {
		if _, err := w.DiffLibrary(p2, today); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
