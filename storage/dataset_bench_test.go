package storage_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/datasets"
	"parley/storage/tradefile"
)

// benchLines is the size of the benchmark datasets.
const benchLines = 100_000

// benchChapters are HS chapters that every workspace knows.
var benchChapters = []string{"02", "04", "08", "10", "22", "27", "28", "29", "30", "31", "39", "40", "44", "47", "48",
	"61", "71", "72", "73", "74", "76", "84", "85", "87", "88", "90", "94"}

// benchRow returns line i of a benchmark dataset: an HTS10 code, a
// description, a province and a value.
func benchRow(i int) (code, desc, region string, value int) {
	ch := benchChapters[i%len(benchChapters)]
	code = fmt.Sprintf("%s%08d", ch, i)
	return code, fmt.Sprintf("Benchmark product %d of chapter %s", i, ch), []string{"Ontario", "Quebec", "Alberta", "British Columbia"}[i%4], 1000 + (i*7919)%5_000_000
}

// writeBenchCSV writes a DataWeb-style CSV of benchLines lines.
func writeBenchCSV(b testing.TB, dir string) string {
	p := filepath.Join(dir, "bench.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"HTS Number", "Description", "Province", "Customs Value", "USMCA Value"})
	for i := range benchLines {
		code, desc, region, v := benchRow(i)
		w.Write([]string{code[:4] + "." + code[4:6] + "." + code[6:], desc, region, groupThousands(v), fmt.Sprint(v / 2)})
	}
	w.Flush()
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// writeBenchXLSX writes the same lines as a workbook (excelize's stream
// writer).
func writeBenchXLSX(b testing.TB, dir string) string {
	p := filepath.Join(dir, "bench.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"HTS Number", "Description", "Province", "Customs Value", "USMCA Value"})
	for i := range benchLines {
		code, desc, region, v := benchRow(i)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{code, desc, region, v, v / 2}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

func benchImport(b *testing.B, write func(testing.TB, string) string) {
	dir := b.TempDir()
	path := write(b, dir)
	w, err := storage.Open(filepath.Join(dir, "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		name := fmt.Sprintf("bench %d", i)
		imp, err := w.TradeData().Import(context.Background(), path, datasets.DatasetSpec{Name: name, Direction: scenarios.CAtoUS, Year: 2025},
			datasets.DatasetImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if imp.Dataset.Lines != benchLines {
			b.Fatalf("%d lines", imp.Dataset.Lines)
		}
		b.StopTimer()
		if err := w.TradeData().Delete(name); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkImportCSV100k imports 100,000 lines from CSV into a workspace:
// reading, checking, summing and one transaction.
func BenchmarkImportCSV100k(b *testing.B) { benchImport(b, writeBenchCSV) }

// BenchmarkImportXLSX100k imports the same lines from an XLSX workbook.
func BenchmarkImportXLSX100k(b *testing.B) { benchImport(b, writeBenchXLSX) }

// BenchmarkReadCSV100k reads the CSV file alone (no workspace).
func BenchmarkReadCSV100k(b *testing.B) {
	path := writeBenchCSV(b, b.TempDir())
	for b.Loop() {
		if _, err := tradefile.ReadFile(context.Background(), path, tradefile.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchMeasures are 40 measures of every kind over the benchmark dataset:
// sector-wide, product lists and codes, exclusions, content shares,
// precedence and CUSMA exemptions.
func benchMeasures() []scenarios.Measure {
	from := scenarios.MustDate("2025-01-01")
	var ms []scenarios.Measure
	for i := range 40 {
		m := scenarios.Measure{ID: fmt.Sprintf("m%d", i), Label: fmt.Sprintf("measure %d", i), Imposer: "US", From: from,
			Rate: 0.05 + 0.01*float64(i%10)}
		switch i % 5 {
		case 0:
			m.Program, m.Sectors = "S232", map[string]float64{"STEEL": 1, "ALUMINUM": 1}
			m.Products = &scenarios.ProductScope{Include: []string{"list:us-s232-steel-derivatives", "list:us-s232-aluminum-derivatives"}}
			m.Content = "metal"
		case 1:
			m.Program, m.CUSMAExempt, m.YieldsTo = "IEEPA", true, []string{"S232"}
			m.Sectors = map[string]float64{"*": 1, "ENERGY": 0}
		case 2:
			m.Program = "S122"
			m.Products = &scenarios.ProductScope{Include: []string{benchChapters[i%len(benchChapters)], "8703", "list:us-s232-copper"},
				Exclude: []string{"list:us-s122-exempt"}}
		case 3:
			m.Program, m.CUSMAExempt = "S301", true
			m.Sectors = map[string]float64{"*": 0.5}
		default:
			m.Program, m.YieldsTo = "S338", []string{"S232", "IEEPA"}
			m.Products = &scenarios.ProductScope{Include: []string{"list:us-s338-alcohol", "list:us-s338-dairy", "list:us-s338-list-3"},
				Exclude: []string{"list:us-s338-aircraft-exempt"}}
		}
		ms = append(ms, m)
	}
	return ms
}

// BenchmarkComputeDataset100k evaluates a scenario of 40 measures over a
// dataset of 100,000 lines, the model prepared (as the window does for
// each edit); BenchmarkModelDataset100k prepares the model (reading the
// dataset from the workspace).
func BenchmarkComputeDataset100k(b *testing.B) {
	w, sc := benchDataset(b)
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		b.Fatal(err)
	}
	asOf := scenarios.MustDate("2025-08-15")
	res := m.Evaluate(sc, asOf)
	if res.Totals[0].Duty == 0 {
		b.Fatal("no duty")
	}
	b.ResetTimer()
	for b.Loop() {
		m.Evaluate(sc, asOf)
	}
}

func BenchmarkModelDataset100k(b *testing.B) {
	w, sc := benchDataset(b)
	for b.Loop() {
		if _, err := w.Model(sc.Assumptions); err != nil {
			b.Fatal(err)
		}
	}
}

func benchDataset(b *testing.B) (*storage.Workspace, *scenarios.Scenario) {
	dir := b.TempDir()
	w, err := storage.Open(filepath.Join(dir, "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	if _, err := w.TradeData().Import(context.Background(), writeBenchCSV(b, dir), datasets.DatasetSpec{Name: "bench", Direction: scenarios.CAtoUS, Year: 2025},
		datasets.DatasetImportOptions{}); err != nil {
		b.Fatal(err)
	}
	a := scenarios.DefaultAssumptions()
	a.Datasets.CAtoUS = "bench"
	a.CUSMAShares = scenarios.CUSMADatasetPreset
	sc := &scenarios.Scenario{Name: "bench", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: a, Measures: benchMeasures()}
	return w, sc
}

// groupThousands writes n with comma thousands separators: "1,234,567".
func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
