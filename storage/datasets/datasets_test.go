package datasets_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/datasets"
	"parley/storage/storagetest"
	"parley/storage/tradefile"
)

// dataweb is a small USITC DataWeb export: two codes, one in two rows
// (claimed and not claimed under CUSMA), values with thousands separators.
const dataweb = "HTS Number,Description,Country,Special Import Program Claimed,Customs Value\n" +
	`7601.10.60.30,Unwrought aluminum,Canada,S,"1,000,000"` + "\n" +
	`7601.10.60.30,Unwrought aluminum,Canada,No program claimed,"250,000"` + "\n" +
	`2709.00.20.90,Crude oil,Canada,No program claimed,"5,000,000"` + "\n"

func writeData(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func spec(name string) datasets.DatasetSpec {
	return datasets.DatasetSpec{Name: name, Direction: scenarios.CAtoUS, Year: 2024, Source: "USITC DataWeb, test"}
}

func importData(t *testing.T, w *storage.Workspace, path string, s datasets.DatasetSpec, ro tradefile.Options) *datasets.DatasetImport {
	t.Helper()
	imp, err := w.TradeData().Import(context.Background(), path, s, datasets.DatasetImportOptions{Read: ro})
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return imp
}

func TestImportTradeDataset(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	var stages []string
	imp, err := w.TradeData().Import(context.Background(), writeData(t, "dataweb.csv", dataweb), spec("DataWeb 2024"),
		datasets.DatasetImportOptions{Progress: func(done float64, stage string) {
			if done < 0 || done > 1 {
				t.Errorf("progress %v outside [0, 1]", done)
			}
			stages = append(stages, stage)
		}})
	if err != nil {
		t.Fatal(err)
	}
	d := imp.Dataset
	if d.Lines != 2 || d.CUSMALines != 2 || d.Total != 6_250_000 || d.TotalUSD != 6_250_000 || d.CUSMATotal != 1_000_000 {
		t.Errorf("dataset %+v", d)
	}
	if d.RowsRead != 3 || d.RowsSkipped != 0 || imp.File.Merged != 1 || len(d.SHA256) != 64 || d.FileName != "dataweb.csv" {
		t.Errorf("rows read %d skipped %d merged %d sha %q file %q", d.RowsRead, d.RowsSkipped, imp.File.Merged, d.SHA256, d.FileName)
	}
	if imp.Baseline < 400e9 || !strings.Contains(imp.BaselineLabel, "HTS10") {
		t.Errorf("built-in baseline %v %q, want the 2024 HTS10 lines", imp.Baseline, imp.BaselineLabel)
	}
	if len(stages) == 0 || stages[len(stages)-1] != "Done" {
		t.Errorf("progress stages %q", stages)
	}
	all, err := w.TradeData().List()
	if err != nil || len(all) != 1 || all[0].Name != "DataWeb 2024" {
		t.Fatalf("datasets %+v, %v", all, err)
	}

	// A scenario on the dataset computes on its lines, each with its own
	// claim share under the preset "dataset".
	a := scenarios.DefaultAssumptions()
	a.Datasets.CAtoUS = "dataweb 2024" // case ignored
	a.CUSMAShares = scenarios.CUSMADatasetPreset
	m, err := w.Model(a)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.LineCount(scenarios.CAtoUS); n != 2 {
		t.Fatalf("%d lines, want 2", n)
	}
	sc := &scenarios.Scenario{Name: "t", AsOf: scenarios.NewDate(2025, 3, 10), Assumptions: a, Measures: []scenarios.Measure{{
		ID: "m", Label: "35% non-CUSMA", Imposer: "US", Rate: 0.35, CUSMAExempt: true, From: scenarios.NewDate(2025, 1, 1)}}}
	res := m.Evaluate(sc, sc.AsOf)
	// aluminum: 1.25M, 80% claimed: duty 0.35 * 1.25M * 0.2; oil: 0.35 * 5M.
	if want := 0.35*1_250_000*0.2 + 0.35*5_000_000; math.Abs(res.Totals[0].Duty-want) > 1e-6 {
		t.Errorf("duty %v, want %v", res.Totals[0].Duty, want)
	}
}

func TestImportTradeDatasetCAD(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	text := "HS8;Commodity;Province;Value ($)\n" +
		"72081000;Flat-rolled iron;Ontario;1.350.000,00\n" +
		"72081000;Flat-rolled iron;Quebec;270.000,00\n" +
		"76011000;Aluminium;Quebec;2.700.000,00\n"
	s := spec("CIMT 2024")
	s.Currency, s.CADPerUSD = "CAD", 1.35
	imp := importData(t, w, writeData(t, "cimt.csv", text), s, tradefile.Options{})
	d := imp.Dataset
	if d.Currency != datasets.CurrencyCAD || d.Total != 4_320_000 || math.Abs(d.TotalUSD-3_200_000) > 1e-6 || d.Regions != 2 || d.Lines != 3 {
		t.Errorf("dataset %+v", d)
	}
	a := scenarios.DefaultAssumptions()
	a.Datasets.CAtoUS = "CIMT 2024"
	m, err := w.Model(a)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Line(scenarios.CAtoUS, 0); got.Province != "Ontario" || math.Abs(got.Value-1_000_000) > 1e-6 || got.Sector != "STEEL" {
		t.Errorf("first line %+v, want Ontario steel US$1,000,000", got)
	}
	if imp.File.Currency != "CAD" {
		t.Errorf("file currency %q, want CAD for a Statistics Canada layout", imp.File.Currency)
	}
}

// TestImportTradeDatasetRefused checks that each bad file or input is
// refused as bad input, naming the row and column, with nothing written.
func TestImportTradeDatasetRefused(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	importData(t, w, writeData(t, "first.csv", dataweb), spec("taken"), tradefile.Options{})
	before := storagetest.Dump(t, path)
	cad := spec("c")
	cad.Currency = "CAD"
	inverted := spec("c")
	inverted.Currency, inverted.CADPerUSD = "CAD", 0.74
	badDir := spec("d")
	badDir.Direction = "north"
	months := spec("m")
	months.MonthFrom, months.MonthTo = "2026-01", "2026-03"
	pdf := "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
	for _, tc := range []struct {
		name, file, text string
		spec             datasets.DatasetSpec
		opt              tradefile.Options
		want             []string
	}{
		{"bad code", "a.csv", "HTS Number,Customs Value\n7601106030,1\nsteel,2\n", spec("x"), tradefile.Options{}, []string{"row 3", `"HTS Number" (1)`, `"steel" is not an HS code`}},
		{"code too long", "a.csv", "HTS Number,Customs Value\n760110603012,1\n", spec("x"), tradefile.Options{}, []string{"row 2", "12 digits"}},
		{"unknown chapter", "a.csv", "HTS Number,Customs Value\n7700000000,1\n", spec("x"), tradefile.Options{}, []string{"row 2", "chapter 77"}},
		{"negative", "a.csv", "HTS Number,Customs Value\n7601106030,-1\n", spec("x"), tradefile.Options{}, []string{"row 2", `"Customs Value" (2)`, "negative"}},
		{"not numeric", "a.csv", "HTS Number,Customs Value\n7601106030,n/a\n", spec("x"), tradefile.Options{}, []string{"row 2", `"n/a" is not a number`}},
		{"empty file", "a.csv", "", spec("x"), tradefile.Options{}, []string{"empty"}},
		{"pdf renamed csv", "report.csv", pdf, spec("x"), tradefile.Options{}, []string{"report.csv", "PDF"}},
		{"missing column", "a.csv", "HTS Number,Description\n7601106030,Aluminum\n", spec("x"), tradefile.Options{}, []string{"no value column"}},
		{"mapping column missing", "a.csv", "a,b\n7601,1\n", spec("x"), tradefile.Options{Mapping: tradefile.Mapping{"code": "a", "value": "c"}}, []string{`no column named "c"`}},
		{"too large", "a.csv", dataweb, spec("x"), tradefile.Options{MaxSize: 100}, []string{"up to 100 bytes"}},
		{"name taken", "a.csv", dataweb, spec("TAKEN"), tradefile.Options{}, []string{"already"}},
		{"C$ without rate", "a.csv", dataweb, cad, tradefile.Options{}, []string{"exchange rate", "never assumes"}},
		{"rate upside down", "a.csv", dataweb, inverted, tradefile.Options{}, []string{"C$ per US$"}},
		{"bad direction", "a.csv", dataweb, badDir, tradefile.Options{}, []string{"direction"}},
		{"months and year disagree", "a.csv", dataweb, months, tradefile.Options{}, []string{"2026"}},
		{"census exports as ca_to_us", "a.csv", "E_COMMODITY,CTY_CODE,ALL_VAL_YR\n7601106030,1220,5\n", spec("x"), tradefile.Options{}, []string{"E_COMMODITY", "us_to_ca"}},
		{"latin1 as utf-8", "a.csv", "HTS Number,Description,Customs Value\n7601106030,Alumin\xe9,5\n", spec("x"), tradefile.Options{}, []string{"row 2", "Latin-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.TradeData().Import(context.Background(), writeData(t, tc.file, tc.text), tc.spec, datasets.DatasetImportOptions{Read: tc.opt})
			if err == nil {
				t.Fatal("imported, want an error")
			}
			if !storage.IsBadInput(err) {
				t.Errorf("%v is not bad input", err)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			if after := storagetest.Dump(t, path); after != before {
				t.Error("the workspace changed")
			}
		})
	}
	t.Run("2 GB file refused without reading it", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "huge.csv")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("HTS Number,Customs Value\n")
		if err := f.Truncate(2 << 30); err != nil {
			t.Skip("cannot make a sparse file here:", err)
		}
		f.Close()
		start := time.Now()
		_, err = w.TradeData().Import(context.Background(), p, spec("huge"), datasets.DatasetImportOptions{})
		if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), "2.0 GB") {
			t.Errorf("err %v, want the size refused", err)
		}
		t.Logf("refused in %v (from its size, before reading it)", time.Since(start))
		if after := storagetest.Dump(t, path); after != before {
			t.Error("the workspace changed")
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := w.TradeData().Import(ctx, writeData(t, "a.csv", dataweb), spec("y"), datasets.DatasetImportOptions{})
		if err == nil || !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want cancelled", err)
		}
		if after := storagetest.Dump(t, path); after != before {
			t.Error("the workspace changed")
		}
	})
}

func TestImportTradeDatasetSkipBadRows(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	text := "HTS Number,Customs Value\n7601106030,10\nsteel,2\n7700000000,3\n2709002090,-4\n2709002090,5\n"
	imp := importData(t, w, writeData(t, "a.csv", text), spec("skip"), tradefile.Options{SkipBadRows: true})
	d, err := w.TradeData().Get("skip")
	if err != nil {
		t.Fatal(err)
	}
	if d.Lines != 2 || d.RowsRead != 5 || d.RowsSkipped != 3 || len(d.Skipped) != 3 || d.Skipped[0].Row != 3 || d.Skipped[1].Row != 4 || d.Skipped[2].Row != 5 {
		t.Fatalf("dataset %+v", d)
	}
	if !strings.Contains(d.Skipped[1].Reason, "chapter 77") || !strings.Contains(d.Skipped[0].Column, "HTS Number") {
		t.Errorf("skipped %+v", d.Skipped)
	}
	if imp.Dataset.RowsSkipped != 3 {
		t.Errorf("import reports %d skipped", imp.Dataset.RowsSkipped)
	}
}

func TestTradeDatasetManage(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	importData(t, w, writeData(t, "dataweb.csv", dataweb), spec("mine"), tradefile.Options{})
	infos, err := w.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := w.Scenario(infos[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "On my data"
	sc.Assumptions.Datasets.CAtoUS = "mine"
	id, err := w.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}

	// Delete is refused while a scenario uses the dataset, naming it.
	before := storagetest.Dump(t, path)
	err = w.TradeData().Delete("mine")
	if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), `"On my data"`) {
		t.Fatalf("delete: %v, want refused naming the scenario", err)
	}
	if storagetest.Dump(t, path) != before {
		t.Error("a refused delete changed the workspace")
	}
	if d, _ := w.TradeData().Get("mine"); len(d.UsedBy) != 1 || d.UsedBy[0] != "On my data" {
		t.Errorf("used by %q", d.UsedBy)
	}

	// Rename: the scenario follows.
	changed, err := w.TradeData().Rename("mine", "Mine, renamed")
	if err != nil || len(changed) != 1 {
		t.Fatalf("rename: %v %v", changed, err)
	}
	got, err := w.Scenario(id)
	if err != nil || got.Assumptions.Datasets.CAtoUS != "Mine, renamed" {
		t.Fatalf("scenario datasets %+v, %v", got.Assumptions.Datasets, err)
	}
	if _, err := w.TradeData().Rename("nope", "x"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("rename of a missing dataset: %v", err)
	}
	importData(t, w, writeData(t, "b.csv", dataweb), spec("other"), tradefile.Options{})
	if _, err := w.TradeData().Rename("other", "MINE, RENAMED"); !errors.Is(err, storage.ErrExists) {
		t.Errorf("rename onto a taken name: %v", err)
	}

	// Export, then import the export: the same lines.
	var buf bytes.Buffer
	if err := w.TradeData().Export("Mine, renamed", &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "# Parley trade dataset") || !strings.Contains(buf.String(), "code,region,sector,description,value,cusma_value\n") {
		t.Errorf("export:\n%s", buf.String())
	}
	out := filepath.Join(t.TempDir(), "export.csv")
	if err := w.TradeData().ExportFile("Mine, renamed", out); err != nil {
		t.Fatal(err)
	}
	imp := importData(t, w, out, spec("round trip"), tradefile.Options{})
	if imp.File.Layout != tradefile.LayoutParley {
		t.Errorf("layout %q", imp.File.Layout)
	}
	a, b := datasetLines(t, w, "Mine, renamed"), datasetLines(t, w, "round trip")
	if len(a) != len(b) || len(a) != 2 {
		t.Fatalf("%d lines, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("line %d: %+v, then %+v", i, a[i], b[i])
		}
	}

	// Replace keeps the name the scenarios use.
	r := spec("Mine, renamed")
	r.Replace = true
	imp = importData(t, w, writeData(t, "c.csv", "HTS Number,Customs Value\n7601106030,7\n"), r, tradefile.Options{})
	if !imp.Replaced || imp.Dataset.Lines != 1 {
		t.Errorf("replace: %+v", imp)
	}
	r.Direction = scenarios.UStoCA
	if _, err := w.TradeData().Import(context.Background(), writeData(t, "c.csv", "HTS Number,Customs Value\n7601106030,7\n"), r, datasets.DatasetImportOptions{}); err == nil {
		t.Error("a used dataset was replaced by one of the other direction")
	}

	// Delete once no scenario uses it.
	if err := w.TradeData().Delete("round trip"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.TradeData().Get("round trip"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted dataset: %v", err)
	}
	if n := storagetest.Count(t, path, "dataset_lines"); n != 3 {
		t.Errorf("%d dataset lines left, want 3 (1 + 2)", n)
	}
}

func datasetLines(t *testing.T, w *storage.Workspace, name string) []scenarios.Line {
	t.Helper()
	a := scenarios.DefaultAssumptions()
	a.Datasets.CAtoUS = name
	a.CUSMAShares = scenarios.CUSMADatasetPreset
	m, err := w.Model(a)
	if err != nil {
		t.Fatal(err)
	}
	var out []scenarios.Line
	for i := range m.LineCount(scenarios.CAtoUS) {
		out = append(out, m.Line(scenarios.CAtoUS, i))
	}
	return out
}

// TestScenarioFileUnknownDataset checks that a scenario file naming a
// dataset the workspace lacks is refused with the dataset's name.
func TestScenarioFileUnknownDataset(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	raw, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "scenariofile", "testdata", "exported", "threat-25.json"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), `"granularity": "product",`, `"granularity": "product", "datasets": {"ca_to_us": "Ontario 2026"},`, 1)
	text = strings.Replace(text, `"name": "Threat: 25% on all Canadian goods"`, `"name": "Threat on my data"`, 1)
	before := storagetest.Dump(t, path)
	_, err = w.ImportScenario(strings.NewReader(text))
	if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), `"Ontario 2026"`) || !strings.Contains(err.Error(), "datasets.ca_to_us") {
		t.Fatalf("import: %v, want refused naming the dataset", err)
	}
	if storagetest.Dump(t, path) != before {
		t.Error("a refused scenario changed the workspace")
	}
	importData(t, w, writeData(t, "on.csv", dataweb), spec("Ontario 2026"), tradefile.Options{})
	if _, err := w.ImportScenario(strings.NewReader(text)); err != nil {
		t.Fatalf("import once the dataset exists: %v", err)
	}
	// A dataset of the other direction does not do.
	other := strings.Replace(text, `"ca_to_us": "Ontario 2026"`, `"us_to_ca": "Ontario 2026"`, 1)
	other = strings.Replace(other, "Threat on my data", "Other direction", 1)
	if _, err := w.ImportScenario(strings.NewReader(other)); err == nil || !strings.Contains(err.Error(), "us_to_ca") {
		t.Errorf("a ca_to_us dataset named for us_to_ca: %v", err)
	}
}
