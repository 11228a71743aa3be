package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"time"

	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/datasets"
	"parley/storage/tradefile"
)

// datasetFlags are the flags of each dataset subcommand.
var datasetFlags = map[string][]string{
	"import":  {"direction", "year", "name", "currency", "rate", "map", "months", "encoding", "sheet", "source", "delimiter", "decimal", "skip-bad-rows", "replace"},
	"preview": {"map", "encoding", "sheet", "delimiter", "decimal", "year", "rows"},
	"list":    nil,
	"show":    nil,
	"export":  {"out"},
	"delete":  nil,
	"rename":  nil,
}

func datasetCommand() *command {
	return &command{
		name:    "dataset",
		args:    "import FILE --direction D --year Y --name N | preview FILE | list | show NAME | export NAME --out F | rename OLD NEW | delete NAME",
		summary: "your own trade data (CSV or XLSX): import, preview, list, show, export, rename or delete",
		flags: flagSpec{
			values: []string{"direction", "year", "name", "currency", "rate", "map", "months", "encoding", "sheet", "source", "delimiter", "decimal", "out", "rows"},
			bools:  []string{"skip-bad-rows", "replace"},
			short:  map[string]string{"o": "out"},
		},
		workspace: true,
		run: func(c *call) error {
			args, err := c.positionals(1, -1, "dataset subcommand (import, preview, list, show, export, rename or delete)")
			if err != nil {
				return err
			}
			sub := args[0]
			allowed, ok := datasetFlags[sub]
			if !ok {
				return usagef("unknown dataset subcommand %q (import, preview, list, show, export, rename or delete)", sub)
			}
			for f := range c.args.flags {
				if f != "workspace" && f != "help" && !slices.Contains(allowed, f) {
					return usagef("dataset %s takes no --%s", sub, f)
				}
			}
			rest := args[1:]
			switch sub {
			case "import":
				return datasetImport(c, rest)
			case "preview":
				return datasetPreview(c, rest)
			case "list":
				return datasetList(c, rest)
			case "show":
				return datasetShow(c, rest)
			case "export":
				return datasetExport(c, rest)
			case "rename":
				return datasetRename(c, rest)
			}
			return datasetDelete(c, rest)
		},
	}
}

// readOptions reads the flags that say how to read a file.
func readOptions(c *call) (tradefile.Options, error) {
	var o tradefile.Options
	var err error
	if s := c.args.value("map"); c.args.has("map") {
		if o.Mapping, err = tradefile.ParseMapping(s); err != nil {
			return o, usagef("--map: %v", err)
		}
	}
	if c.args.has("encoding") {
		if o.Encoding, err = tradefile.ParseEncoding(c.args.value("encoding")); err != nil {
			return o, usagef("--encoding: %v", err)
		}
	}
	if c.args.has("delimiter") {
		d, ok := tradefile.ParseDelimiter(c.args.value("delimiter"))
		if !ok {
			return o, usagef("--delimiter %q: want , ; tab or |", c.args.value("delimiter"))
		}
		o.Delimiter = d
	}
	if c.args.has("decimal") {
		switch s := c.args.value("decimal"); s {
		case ".", "point":
			o.Decimal = '.'
		case ",", "comma":
			o.Decimal = ','
		default:
			return o, usagef("--decimal %q: want . or ,", s)
		}
	}
	o.Sheet = c.args.value("sheet")
	o.SkipBadRows = c.args.bool("skip-bad-rows")
	return o, nil
}

func datasetImport(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("dataset import takes one FILE (CSV or XLSX)")
	}
	spec := datasets.DatasetSpec{Name: c.args.value("name"), Source: c.args.value("source"), Replace: c.args.bool("replace")}
	if strings.TrimSpace(spec.Name) == "" {
		return usagef("missing --name: the dataset's name, which scenarios' assumptions use")
	}
	if !c.args.has("direction") {
		return usagef("missing --direction (ca_to_us for flows into the US, us_to_ca for flows into Canada)")
	}
	d, err := scenarios.ParseDirection(c.args.value("direction"))
	if err != nil {
		return usagef("--direction: %v", err)
	}
	spec.Direction = d
	if c.args.has("year") {
		y, err := strconv.Atoi(c.args.value("year"))
		if err != nil {
			return usagef("--year %q: want a year such as 2024", c.args.value("year"))
		}
		spec.Year = y
	}
	if c.args.has("months") {
		if spec.MonthFrom, spec.MonthTo, err = datasets.ParseMonths(c.args.value("months")); err != nil {
			return usagef("--months: %v", strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": "))
		}
	}
	if !c.args.has("year") && !c.args.has("months") {
		return usagef("missing --year (or --months 2026-01..2026-03)")
	}
	if err := currencyFlags(c, &spec); err != nil {
		return err
	}
	ro, err := readOptions(c)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	imp, err := c.ws.TradeData().Import(ctx, args[0], spec, datasets.DatasetImportOptions{Read: ro})
	if err != nil {
		return err
	}
	for _, l := range report.DatasetSummary(imp) {
		c.out("%s\n", l)
	}
	return nil
}

// currencyFlags reads --currency and --rate into spec: C$ data needs the
// rate the user converts at, and US$ data takes none.
func currencyFlags(c *call, spec *datasets.DatasetSpec) error {
	var err error
	if spec.Currency, err = datasets.ParseCurrency(c.args.value("currency")); err != nil {
		return usagef("--currency %q: want USD or CAD", c.args.value("currency"))
	}
	if c.args.has("rate") {
		r, err := strconv.ParseFloat(strings.TrimSpace(c.args.value("rate")), 64)
		if err != nil || r <= 0 {
			return usagef("--rate %q: want the C$ per US$ you use, e.g. 1.3698", c.args.value("rate"))
		}
		spec.CADPerUSD = r
	}
	if spec.Currency == datasets.CurrencyCAD && !c.args.has("rate") {
		return usagef("--currency CAD needs --rate R, the C$ per US$ you convert at (Parley never assumes one)")
	}
	if spec.Currency == datasets.CurrencyUSD && c.args.has("rate") {
		return usagef("--rate is for C$ data: add --currency CAD")
	}
	return nil
}

func datasetPreview(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("dataset preview takes one FILE (CSV or XLSX)")
	}
	ro, err := readOptions(c)
	if err != nil {
		return err
	}
	if c.args.has("year") {
		if ro.Year, err = strconv.Atoi(c.args.value("year")); err != nil {
			return usagef("--year %q: want a year such as 2024", c.args.value("year"))
		}
	}
	n := 10
	if c.args.has("rows") {
		if n, err = strconv.Atoi(c.args.value("rows")); err != nil || n < 1 || n > 1000 {
			return usagef("--rows %q: want 1 to 1000", c.args.value("rows"))
		}
	}
	p, err := tradefile.PreviewFile(args[0], ro, n)
	if err != nil {
		if errors.Is(err, tradefile.ErrBadFile) {
			return badFile{err}
		}
		return err
	}
	what := string(p.Format)
	switch p.Format {
	case tradefile.FormatCSV:
		what += fmt.Sprintf(", %s, %s-separated", p.Encoding.Label(), tradefile.DelimiterName(p.Delimiter))
	case tradefile.FormatXLSX:
		what += fmt.Sprintf(", sheet %q of %s", p.Sheet, strings.Join(p.Sheets, ", "))
	}
	c.out("file: %s (%s)\n", p.File, what)
	if p.EncodingProblem != "" {
		c.out("encoding: %s: import with --encoding latin1\n", p.EncodingProblem)
	}
	if p.Recognised {
		c.out("layout: %s\n", p.Layout.Label())
		var cols []string
		for _, f := range tradefile.Fields {
			if i := p.Columns.Field(f); i >= 0 {
				cols = append(cols, f+"="+p.ColumnRef(i))
			}
		}
		c.out("columns: %s\n", strings.Join(cols, ","))
	} else {
		c.out("columns: not recognised: %s\n", p.Problem)
	}
	for _, n := range p.Notes {
		c.out("note: %s\n", n)
	}
	if len(p.Header) > 0 {
		c.out("row %d (header):\t%s\n", p.HeaderRow, strings.Join(p.Header, "\t"))
	}
	for i, r := range p.Rows {
		c.out("row %d:\t%s\n", p.RowNumbers[i], strings.Join(r, "\t"))
	}
	return nil
}

func datasetList(c *call, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	list, err := c.ws.TradeData().List()
	if err != nil {
		return err
	}
	c.out("NAME\tDIRECTION\tPERIOD\tCURRENCY\tLINES\tTOTAL_USD\tCUSMA_LINES\tREGIONS\tSKIPPED\tUSED_BY\n")
	for _, d := range list {
		c.out("%s\t%s\t%s\t%s\t%d\t%.2f\t%d\t%d\t%d\t%s\n", oneLine(d.Name), d.Direction, d.Period(), d.Currency, d.Lines, d.TotalUSD,
			d.CUSMALines, d.Regions, d.RowsSkipped, strings.Join(d.UsedBy, "; "))
	}
	return nil
}

func datasetShow(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("dataset show needs one dataset NAME")
	}
	d, err := c.ws.TradeData().Get(args[0])
	if err != nil {
		return err
	}
	c.out("%s\n%s\n", d.Name, strings.Repeat("=", min(len([]rune(d.Name)), 80)))
	c.out("direction: %s (%s)\nperiod: %s\nvalues: %s\n", d.Direction, d.Direction.Label(), d.Period(), d.CurrencyLabel())
	c.out("source: %s\nfile: %s\nsha256: %s\nimported: %s\n", dash(d.Source), d.FileName, d.SHA256, d.ImportedAt.Format(time.RFC3339))
	c.out("lines: %d (%d data rows read, %d bad rows skipped)\n", d.Lines, d.RowsRead, d.RowsSkipped)
	c.out("%s\n", report.DatasetCUSMA(d))
	baseline, label, err := c.ws.BuiltinBaseline(d.Year, d.Direction)
	if err != nil {
		return c.explain(err)
	}
	c.out("%s\n", report.DatasetTotal(d, baseline, label))
	if d.Regions > 0 {
		c.out("provinces or states: %d\n", d.Regions)
	}
	if len(d.UsedBy) > 0 {
		c.out("used by: %s\n", strings.Join(d.UsedBy, "; "))
	}
	for _, p := range d.Skipped {
		c.out("skipped: %s\n", p.Error())
	}
	if n := d.RowsSkipped - len(d.Skipped); n > 0 {
		c.out("skipped: and %d more\n", n)
	}
	return nil
}

func datasetExport(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("dataset export needs one dataset NAME")
	}
	out := c.args.value("out")
	if out == "" {
		return usagef("missing --out FILE.csv")
	}
	if err := c.ws.TradeData().ExportFile(args[0], out); err != nil {
		return err
	}
	c.out("%s\n", out)
	return nil
}

func datasetRename(c *call, args []string) error {
	if len(args) != 2 {
		return usagef("dataset rename needs OLD and NEW names")
	}
	changed, err := c.ws.TradeData().Rename(args[0], args[1])
	if err != nil {
		return err
	}
	c.out("renamed %q to %q\n", args[0], strings.TrimSpace(args[1]))
	for _, s := range changed {
		c.out("scenario %q now uses %q\n", s, strings.TrimSpace(args[1]))
	}
	return nil
}

func datasetDelete(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("dataset delete needs one dataset NAME")
	}
	if err := c.ws.TradeData().Delete(args[0]); err != nil {
		return err
	}
	c.out("deleted %q\n", args[0])
	return nil
}

// badFile is a file that cannot be read: bad input (exit status 2).
type badFile struct{ err error }

func (e badFile) Error() string   { return e.err.Error() }
func (e badFile) Unwrap() []error { return []error{e.err, storage.ErrInvalid} }
