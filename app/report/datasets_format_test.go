package report_test

import (
	"strings"
	"testing"

	"parley/app/report"
	"parley/scenarios"
	"parley/storage/datasets"
)

// Dataset texts write money and shares as the window and charts do:
// "US$ 12.5 M", "C$ 17.1 M", "7.0%".
func TestDatasetTextsUseTheOneFormat(t *testing.T) {
	d := datasets.TradeDataset{Name: "x", Direction: scenarios.CAtoUS, Year: 2024, TotalUSD: 12.5e6}
	got := report.DatasetTotal(d, 12.5e6/0.0696, "US imports from Canada")
	for _, want := range []string{"Total US$ 12.5 M", "is US$ 180 M", "holds 7.0% of it"} {
		if !strings.Contains(got, want) {
			t.Errorf("DatasetTotal = %q, lacks %q", got, want)
		}
	}
	d.Currency, d.Total, d.CADPerUSD = datasets.CurrencyCAD, 17.125e6, 1.37
	if got := report.DatasetTotal(d, 0, ""); !strings.HasPrefix(got, "Total C$ 17.1 M, US$ 12.5 M at your rate") {
		t.Errorf("DatasetTotal in C$ = %q", got)
	}
	d.Lines, d.CUSMALines = 1000, 1000
	if got := report.DatasetCUSMA(d); !strings.HasPrefix(got, "100.0% of the lines") {
		t.Errorf("DatasetCUSMA = %q", got)
	}
}
