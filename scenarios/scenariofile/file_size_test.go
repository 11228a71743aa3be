package scenariofile_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// bigScenario returns the spec example with measures scoped to codes codes
// in all: a scenario whose indented file is far larger than its compact one.
func bigScenario(t *testing.T, codes int) *scenarios.Scenario {
	t.Helper()
	f, err := scenariofile.Decode(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Scenario
	proto := sc.Measures[0]
	const perMeasure = 50000
	for n := 0; n < codes; n += perMeasure {
		m := proto
		m.ID = fmt.Sprintf("big-%d", n)
		inc := make([]string, 0, perMeasure)
		for i := n; i < n+perMeasure && i < codes; i++ {
			inc = append(inc, fmt.Sprintf("%010d", 100000000+i))
		}
		m.Products = &scenarios.ProductScope{Include: inc}
		sc.Measures = append(sc.Measures, m)
	}
	return &sc
}

// TestEncodeFileReimportsNearLimit: whatever Parley writes as a scenario
// file, Parley reads back. A scenario whose indented file would pass the
// size limit is written compact; the file re-imports with the same measures.
func TestEncodeFileReimportsNearLimit(t *testing.T) {
	// 1.1 M codes: about 14 MiB compact, over 25 MiB indented.
	sc := bigScenario(t, 1100000)
	var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, sc, sc.AsOf); err != nil {
		t.Fatalf("encode: %v", err)
	}
	if buf.Len() > scenariofile.MaxSize {
		t.Fatalf("wrote %d bytes, over the %d the reader accepts", buf.Len(), scenariofile.MaxSize)
	}
	f, err := scenariofile.Read(&buf)
	if err != nil {
		t.Fatalf("re-import of an export: %v", err)
	}
	if got, want := len(f.Scenario.Measures), len(sc.Measures); got != want {
		t.Fatalf("%d measures read back, want %d", got, want)
	}
	last := f.Scenario.Measures[len(f.Scenario.Measures)-1]
	if got, want := last.Products.Include, sc.Measures[len(sc.Measures)-1].Products.Include; len(got) != len(want) || got[len(got)-1] != want[len(want)-1] {
		t.Errorf("last measure's codes differ: %d read, %d written", len(got), len(want))
	}
}

// TestEncodeFileSmallIsIndented: a scenario of ordinary size stays indented
// for people to read and compare.
func TestEncodeFileSmallIsIndented(t *testing.T) {
	f, err := scenariofile.Decode(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, &f.Scenario, f.Scenario.AsOf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n  \"format\"") {
		t.Errorf("not indented:\n%.200s", buf.String())
	}
}

// TestEncodeFileRefusesTooLarge: a scenario too large for the reader even
// when written compact is refused with a plain error and nothing written,
// rather than exported as a file Parley would refuse.
func TestEncodeFileRefusesTooLarge(t *testing.T) {
	sc := bigScenario(t, 1400000)
	var buf bytes.Buffer
	err := scenariofile.Encode(&buf, sc, sc.AsOf)
	if err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Fatalf("encode of a too large scenario: %v (%d bytes)", err, buf.Len())
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written for a refused export", buf.Len())
	}
}
