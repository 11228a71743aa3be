package report

import (
	"fmt"
	"strings"

	"parley/app/numfmt"
	"parley/storage/datasets"
)

// DatasetSummary describes an import in a few lines for people, the same
// on the command line and in the window: what was read (layout, columns,
// rows summed, bad rows skipped), the dataset's total next to the built-in
// baseline of the same year and direction, and the share of its lines that
// carry a CUSMA-claimed value.
func DatasetSummary(imp *datasets.DatasetImport) []string {
	d, f := imp.Dataset, imp.File
	verb := "Imported"
	if imp.Replaced {
		verb = "Replaced"
	}
	from := d.FileName
	if f.Sheet != "" {
		from += ", sheet " + fmt.Sprintf("%q", f.Sheet)
	}
	out := []string{fmt.Sprintf("%s %q: %s lines of %s, %s, from %s (%s; %s rows read; %s).", verb, d.Name, dsCount(d.Lines),
		d.Direction.Label(), d.Period(), from, f.Layout.Label(), dsCount(f.RowsRead), f.ColumnNames())}
	if d.RowsSkipped > 0 {
		first := ""
		if len(d.Skipped) > 0 {
			first = " The first: " + d.Skipped[0].Error() + "."
		}
		out = append(out, fmt.Sprintf("%s bad rows were skipped, as you asked; the dataset records which and why.%s", dsCount(d.RowsSkipped), first))
	}
	out = append(out, DatasetTotal(d, imp.Baseline, imp.BaselineLabel))
	out = append(out, DatasetCUSMA(d))
	if d.Regions > 0 {
		out = append(out, fmt.Sprintf("%s: scenarios on this dataset show the exposure by province (chart kind provinces).", dsRegions(d.Regions)))
	}
	for _, n := range f.Notes {
		out = append(out, "Note: "+n+".")
	}
	if f.Currency == datasets.CurrencyCAD && d.Currency != datasets.CurrencyCAD {
		out = append(out, "Note: the file's values are in Canadian dollars, but this dataset was imported as US$: import it again as C$ "+
			"with your exchange rate (in the import dialog: Currency “C$”, Exchange rate, and Replace a dataset of the same name; "+
			"on the command line: --currency CAD --rate R --replace).")
	}
	return out
}

// DatasetTotal says a dataset's total next to the built-in baseline of the
// same year and direction (baseline 0: Parley has none).
func DatasetTotal(d datasets.TradeDataset, baseline float64, label string) string {
	total := "Total " + numfmt.Money(d.TotalUSD)
	if d.Currency == datasets.CurrencyCAD {
		total = fmt.Sprintf("Total %s, %s at your rate of %s C$ per US$", numfmt.MoneyIn("C$", d.Total), numfmt.Money(d.TotalUSD), numfmt.Grouped(d.CADPerUSD, 4))
	}
	if baseline > 0 {
		return total + fmt.Sprintf("; the built-in baseline of %d (%s) is %s, so the dataset holds %s of it.", d.Year, label, numfmt.Money(baseline),
			numfmt.Rate(d.TotalUSD/baseline))
	}
	return total + fmt.Sprintf("; Parley has no built-in baseline of %d for %s.", d.Year, d.Direction.Label())
}

// DatasetCUSMA says how many of a dataset's lines carry a CUSMA-claimed value.
func DatasetCUSMA(d datasets.TradeDataset) string {
	s := fmt.Sprintf("%s of the lines (%s of %s) carry a CUSMA-claimed value", numfmt.Rate(d.CUSMALineShare()), dsCount(d.CUSMALines), dsCount(d.Lines))
	if d.CUSMALines > 0 && d.Total > 0 {
		s += fmt.Sprintf(", %s of the value; the CUSMA preset “dataset” uses them", numfmt.Rate(d.CUSMATotal/d.Total))
	}
	return s + "."
}

// DatasetDescription describes a dataset in one line for a list.
func DatasetDescription(d datasets.TradeDataset) string {
	parts := []string{d.Direction.Label(), d.Period(), dsCount(d.Lines) + " lines", numfmt.Money(d.TotalUSD)}
	if d.Currency == datasets.CurrencyCAD {
		parts[3] += fmt.Sprintf(" (%s at %s)", numfmt.MoneyIn("C$", d.Total), numfmt.Grouped(d.CADPerUSD, 4))
	}
	if d.CUSMALines > 0 {
		parts = append(parts, numfmt.Rate(d.CUSMALineShare())+" with CUSMA values")
	}
	if d.Regions > 0 {
		parts = append(parts, dsRegions(d.Regions))
	}
	if d.RowsSkipped > 0 {
		parts = append(parts, dsCount(d.RowsSkipped)+" bad rows skipped")
	}
	if len(d.UsedBy) > 0 {
		parts = append(parts, "used by "+strings.Join(dsQuoted(d.UsedBy), ", "))
	}
	return strings.Join(parts, " · ")
}

func dsQuoted(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

func dsCount(n int) string { return numfmt.Grouped(float64(n), 0) }

func dsRegions(n int) string {
	if n == 1 {
		return "1 province or state"
	}
	return dsCount(n) + " provinces or states"
}
