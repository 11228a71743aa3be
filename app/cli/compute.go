package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"parley/app/numfmt"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/csvsafe"
)

func computeCommand() *command {
	return &command{
		name:      "compute",
		args:      "ID|NAME",
		summary:   "exposure by sector: --as-of DATE, --format table|json|csv, --lines, --draws N --seed S (P10/P50/P90 ranges)",
		flags:     flagSpec{values: []string{"as-of", "format", "draws", "seed"}, bools: []string{"lines"}, short: map[string]string{"f": "format"}},
		workspace: true,
		run:       runCompute,
	}
}

func runCompute(c *call) error {
	args, err := c.positionals(1, 1, "scenario (ID or NAME)")
	if err != nil {
		return err
	}
	format, err := formatFlag(c)
	if err != nil {
		return err
	}
	asOf, err := dateFlag(c, "as-of")
	if err != nil {
		return err
	}
	lines := c.args.bool("lines")
	e, err := c.ws.Evaluate(args[0], storage.EvalOptions{AsOf: asOf, Today: c.env.today(), Lines: lines, Sources: format != "json"})
	if err != nil {
		return err
	}
	sc, model, res := e.Scenario, e.Model, e.Result
	bands, rangeSource, err := c.monteCarlo(model, sc, e.AsOf)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(c.env.Stdout, &res, lines, bands)
	}
	sources := e.Sources
	if rangeSource != "" {
		sources = append(sources, rangeSource)
	}
	if format == "csv" {
		return writeCSV(c.env.Stdout, &res, model.Sectors, sources, lines, bands)
	}
	return writeTable(c.env.Stdout, sc, &res, model.Sectors, sources, lines, bands)
}

// formatFlag returns --format: table (the default), json or csv.
func formatFlag(c *call) (string, error) {
	format := c.args.value("format")
	if format == "" {
		format = "table"
	}
	if format != "table" && format != "json" && format != "csv" {
		return "", usagef("--format %q: want table, json or csv", format)
	}
	return format, nil
}

// flowJSON, lineJSON and totalsJSON are the shapes of docs/SPEC.md
// section 4, in its key order.
type flowJSON struct {
	Direction string `json:"direction"`
	Sector    string `json:"sector"`
	figuresJSON
	// Bands are P10/P50/P90 of duty at stake, with --draws.
	Bands *bandJSON `json:"bands,omitempty"`
}

// lineJSON is one trade line of docs/SPEC.md section 4's "lines".
type lineJSON struct {
	Direction   string `json:"direction"`
	Code        string `json:"code"`
	Sector      string `json:"sector"`
	Description string `json:"description,omitempty"`
	figuresJSON
}

// figuresJSON are the figures of a sector or a line, in the key order of
// both.
type figuresJSON struct {
	Baseline        float64 `json:"baseline_usd"`
	Tariff          float64 `json:"tariff"`
	Duty            float64 `json:"duty_usd"`
	TradeChange     float64 `json:"trade_change_usd"`
	TradeChangeLow  float64 `json:"trade_change_low_usd"`
	TradeChangeHigh float64 `json:"trade_change_high_usd"`
	ValueAfter      float64 `json:"value_after_usd"`
	DutyCollected   float64 `json:"duty_collected_usd"`
	UpperBound      bool    `json:"upper_bound"`
	Banned          float64 `json:"banned_usd"` // trade value import bans take away
}

type totalsJSON struct {
	Baseline        float64 `json:"baseline_usd"`
	Duty            float64 `json:"duty_usd"`
	TradeChange     float64 `json:"trade_change_usd"`
	TradeChangeLow  float64 `json:"trade_change_low_usd"`
	TradeChangeHigh float64 `json:"trade_change_high_usd"`
	ValueAfter      float64 `json:"value_after_usd"`
	DutyCollected   float64 `json:"duty_collected_usd"`
	EffectiveRate   float64 `json:"effective_rate"`
	UpperBound      bool    `json:"upper_bound"`
	Banned          float64 `json:"banned_usd"`
	// Bands are P10/P50/P90 of duty at stake, with --draws.
	Bands *bandJSON `json:"bands,omitempty"`
}

type resultJSON struct {
	Scenario string     `json:"scenario"`
	AsOf     string     `json:"as_of"`
	Flows    []flowJSON `json:"flows"`
	Totals   struct {
		CAtoUS totalsJSON `json:"ca_to_us"`
		UStoCA totalsJSON `json:"us_to_ca"`
	} `json:"totals"`
	Lines []lineJSON `json:"lines,omitempty"`
}

func toTotalsJSON(t scenarios.Totals) totalsJSON {
	return totalsJSON{t.Baseline, t.Duty, t.TradeChange, t.TradeChangeLow, t.TradeChangeHigh, t.ValueAfter, t.DutyCollected, t.EffectiveRate,
		t.UpperBound, t.Banned, nil}
}

func writeJSON(w io.Writer, res *scenarios.Result, lines bool, bands *scenarios.MonteCarloResult) error {
	out := resultJSON{Scenario: res.Scenario, AsOf: res.AsOf.String(), Flows: make([]flowJSON, 0, len(res.Flows))}
	for _, f := range res.Flows {
		fj := flowJSON{string(f.Direction), f.Sector, figuresJSON{f.Baseline, f.Tariff, f.Duty,
			f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh, f.ValueAfter, f.DutyCollected, f.UpperBound, f.Banned}, nil}
		if fb, ok := flowBands(bands, f); ok {
			fj.Bands = toBandJSON(fb.Duty)
		}
		out.Flows = append(out.Flows, fj)
	}
	if lines {
		out.Lines = make([]lineJSON, 0, len(res.Lines))
		for _, l := range res.Lines {
			if l.Duty == 0 { // docs/SPEC.md section 4: the lines with duty
				continue
			}
			out.Lines = append(out.Lines, lineJSON{string(l.Direction), l.Code, l.Sector, l.Description, figuresJSON{l.Baseline, l.Tariff,
				l.Duty, l.TradeChange, l.TradeChangeLow, l.TradeChangeHigh, l.ValueAfter, l.DutyCollected, l.UpperBound, l.Banned}})
		}
	}
	out.Totals.CAtoUS = toTotalsJSON(res.Totals[scenarios.CAtoUS.Index()])
	out.Totals.UStoCA = toTotalsJSON(res.Totals[scenarios.UStoCA.Index()])
	if bands != nil {
		out.Totals.CAtoUS.Bands = toBandJSON(bands.Totals[scenarios.CAtoUS.Index()].Duty)
		out.Totals.UStoCA.Bands = toBandJSON(bands.Totals[scenarios.UStoCA.Index()].Duty)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// writeCSV writes one row per flow with full-precision numbers, a TOTAL row
// per direction, then the source lines as '#' comments. With lines, every
// row starts with its level (sector, total or line) and line rows follow,
// largest duty first, with their code and description.
func writeCSV(w io.Writer, res *scenarios.Result, sectors []scenarios.Sector, sources []string, lines bool, bands *scenarios.MonteCarloResult) error {
	cw := csvsafe.NewWriter(w) // no cell starts a formula
	names := sectorNames(sectors)
	// cols gives a row's cells: with lines, the level first and the line's
	// code and description after the sector name.
	cols := func(level, direction, sector, name, code, desc string, rest ...string) []string {
		out := []string{direction, sector, name}
		if lines {
			out = append([]string{level}, append(out, code, desc)...)
		}
		return append(out, rest...)
	}
	// With --draws, the bands follow the columns of docs/SPEC.md's CSV.
	withBands := func(row []string, duty, trade scenarios.Percentiles) []string {
		if bands == nil {
			return row
		}
		return append(row, bandCells(duty, trade)...)
	}
	header := cols("level", "direction", "sector", "sector_name", "code", "description", "baseline_usd", "tariff", "duty_usd",
		"trade_change_usd", "trade_change_low_usd", "trade_change_high_usd", "value_after_usd", "duty_collected_usd",
		"cusma_share", "elasticity", "baseline_tariff", "upper_bound", "banned_usd")
	if bands != nil {
		header = append(header, bandColumns...)
	}
	cw.Write(header)
	for _, f := range res.Flows {
		fb, _ := flowBands(bands, f)
		cw.Write(withBands(cols("sector", string(f.Direction), f.Sector, names[f.Sector], "", "", num(f.Baseline), num(f.Tariff), num(f.Duty),
			num(f.TradeChange), num(f.TradeChangeLow), num(f.TradeChangeHigh), num(f.ValueAfter), num(f.DutyCollected),
			num(f.CUSMAShare), num(f.Elasticity), num(f.BaselineTariff), strconv.FormatBool(f.UpperBound), num(f.Banned)), fb.Duty, fb.TradeChange))
	}
	for _, d := range scenarios.Directions {
		t := res.Totals[d.Index()]
		var tb scenarios.MonteCarloTotals
		if bands != nil {
			tb = bands.Totals[d.Index()]
		}
		cw.Write(withBands(cols("total", string(d), "TOTAL", "All sectors", "", "", num(t.Baseline), num(t.EffectiveRate), num(t.Duty),
			num(t.TradeChange), num(t.TradeChangeLow), num(t.TradeChangeHigh), num(t.ValueAfter), num(t.DutyCollected),
			"", "", "", strconv.FormatBool(t.UpperBound), num(t.Banned)), tb.Duty, tb.TradeChange))
	}
	if lines {
		writeCSVLines(cw, res, names, cols, bands != nil)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	fmt.Fprintln(w, csvsafe.CommentLine(fmt.Sprintf("%s as of %s", res.Scenario, res.AsOf)))
	for _, s := range sources {
		fmt.Fprintln(w, csvsafe.CommentLine(s))
	}
	return nil
}

// writeCSVLines writes the rows of the trade lines with duty, as in the
// JSON, each made by cols; with bands, their cells are empty (bands are by
// sector).
func writeCSVLines(cw *csvsafe.Writer, res *scenarios.Result, names map[string]string, cols func(level, direction, sector, name, code, desc string, rest ...string) []string, bands bool) {
	for _, l := range res.Lines {
		if l.Duty == 0 {
			continue
		}
		row := cols("line", string(l.Direction), l.Sector, names[l.Sector], l.Code, l.Description, num(l.Baseline), num(l.Tariff),
			num(l.Duty), num(l.TradeChange), num(l.TradeChangeLow), num(l.TradeChangeHigh), num(l.ValueAfter),
			num(l.DutyCollected), num(l.CUSMAShare), "", "", strconv.FormatBool(l.UpperBound), num(l.Banned))
		if bands {
			row = append(row, make([]string, len(bandColumns))...)
		}
		cw.Write(row)
	}
}

// writeProgrammes prints the duty of direction d by programme, largest
// first, with its share of the baseline (the effective rate it adds).
func writeProgrammes(w io.Writer, res *scenarios.Result, d scenarios.Direction) {
	by := map[string]float64{}
	var order []string
	for _, md := range res.Measures {
		if md.Direction != d || md.Duty == 0 {
			continue
		}
		if _, ok := by[md.Program]; !ok {
			order = append(order, md.Program)
		}
		by[md.Program] += md.Duty
	}
	writeBans(w, res, d)
	if len(order) == 0 {
		return
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(by[b], by[a]) })
	base := res.Totals[d.Index()].Baseline
	parts := make([]string, len(order))
	for i, p := range order {
		parts[i] = fmt.Sprintf("%s %s (%s)", oneLine(p), millions(by[p]), percent(by[p]/base))
	}
	fmt.Fprintf(w, "Duty by programme (US$ millions, share of baseline): %s\n", strings.Join(parts, ", "))
}

// writeBans prints the trade value each import ban of direction d takes
// away, largest first.
func writeBans(w io.Writer, res *scenarios.Result, d scenarios.Direction) {
	var bans []scenarios.MeasureDuty
	for _, md := range res.Measures {
		if md.Direction == d && md.Banned != 0 {
			bans = append(bans, md)
		}
	}
	if len(bans) == 0 {
		return
	}
	slices.SortStableFunc(bans, func(a, b scenarios.MeasureDuty) int { return cmp.Compare(b.Banned, a.Banned) })
	parts := make([]string, len(bans))
	for i, b := range bans {
		name := b.Label
		if name == "" {
			name = b.ID
		}
		parts[i] = fmt.Sprintf("%s %s", oneLine(name), millions(b.Banned))
	}
	fmt.Fprintf(w, "Trade banned by import ban (US$ millions): %s\n", strings.Join(parts, ", "))
}

// writeLineTable prints the trade lines of direction d with duty, largest
// duty first, in US$ millions.
func writeLineTable(w io.Writer, res *scenarios.Result, d scenarios.Direction) error {
	fmt.Fprintf(w, "\n%s by trade line, largest duty first (US$ millions)\n", d.Label())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, fmt.Sprintf("%-10s %-9s %-40s", "Code", "Sector", "Description")+"\tBaseline\tCUSMA\tTariff\tDuty\tTrade effect\t")
	for _, l := range res.Lines {
		if l.Direction != d || l.Duty == 0 {
			continue
		}
		mark := ""
		if l.UpperBound {
			mark = numfmt.Mark(scenarios.AtMost)
		}
		desc := []rune(oneLine(l.Description))
		if len(desc) > 40 {
			desc = append(desc[:39], '…')
		}
		fmt.Fprintf(tw, "%-10s %-9s %-40s\t%s\t%s\t%s\t%s%s\t%s\t\n", l.Code, l.Sector, string(desc), millions(l.Baseline),
			percent(l.CUSMAShare), percent(l.Tariff), mark, millions(l.Duty), millions(l.TradeChange))
	}
	return tw.Flush()
}

func sectorNames(sectors []scenarios.Sector) map[string]string {
	m := make(map[string]string, len(sectors))
	for _, s := range sectors {
		m[s.Code] = s.Name
	}
	return m
}

// millions formats US$ as millions with thousands separators.
func millions(v float64) string {
	return numfmt.Grouped(v/1e6, 1)
}

// writeTable prints the result for people: one table per direction in US$
// millions, with totals and the sources.
func writeTable(w io.Writer, sc *scenarios.Scenario, res *scenarios.Result, sectors []scenarios.Sector, sources []string, lines bool, bands *scenarios.MonteCarloResult) error {
	a := sc.Assumptions
	fmt.Fprintf(w, "%s\nas of %s · baseline %d · CUSMA shares %s · elasticities %s (low ×%g, high ×%g)\n",
		res.Scenario, res.AsOf, a.BaselineYear, a.CUSMAShares, a.Elasticities, a.ElasticityLow, a.ElasticityHigh)
	// Which figure answers which question, before the tables.
	var tb *scenarios.MonteCarloTotals
	if bands != nil {
		tb = &bands.Totals[scenarios.CAtoUS.Index()]
	}
	cost, importers := report.CostToCanada(res.Totals[scenarios.CAtoUS.Index()], tb, a.BaselineYear)
	fmt.Fprintf(w, "\n%s\n%s\n", cost, importers)
	t := newSectorTable(sectors, bands)
	for _, d := range scenarios.Directions {
		if err := t.write(w, res, d); err != nil {
			return err
		}
		writeProgrammes(w, res, d)
		if lines {
			if err := writeLineTable(w, res, d); err != nil {
				return err
			}
		}
	}
	writeTableNotes(w, sc, res, bands, t.upper, sources)
	return nil
}

// sectorTable writes the table of one direction by sector.
type sectorTable struct {
	labels map[string]string
	width  int // of the sector labels
	bands  *scenarios.MonteCarloResult
	upper  bool // a figure written is an upper bound
}

func newSectorTable(sectors []scenarios.Sector, bands *scenarios.MonteCarloResult) *sectorTable {
	t := &sectorTable{labels: map[string]string{}, width: len("All sectors"), bands: bands}
	for _, s := range sectors {
		t.labels[s.Code] = s.Label()
		t.width = max(t.width, len([]rune(s.Label())))
	}
	return t
}

// first is a row's first column, padded here to a fixed width, so that it
// reads left-aligned in a table whose numbers are right-aligned.
func (t *sectorTable) first(code, label string) string {
	return fmt.Sprintf("%-12s %-*s", code, t.width, label)
}

// extra is the two more columns with --draws: the P10–P90 of duty and
// trade effect.
func (t *sectorTable) extra(duty, trade scenarios.Percentiles) string {
	if t.bands == nil {
		return ""
	}
	return bandText(duty) + "\t" + bandText(trade) + "\t"
}

// mark is the mark of a duty that is an upper bound.
func (t *sectorTable) mark(upper bool) string {
	if !upper {
		return ""
	}
	t.upper = true
	return numfmt.Mark(scenarios.AtMost)
}

// write prints direction d's table: its sectors and its total.
func (t *sectorTable) write(w io.Writer, res *scenarios.Result, d scenarios.Direction) error {
	fmt.Fprintf(w, "\n%s (US$ millions)\n", d.Label())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Trade banned is its own column beside the duty, in a direction
	// where an import ban takes trade away.
	banned := func(v float64) string { return "" }
	bannedHead := ""
	if res.Totals[d.Index()].Banned != 0 {
		banned = func(v float64) string { return millions(v) + "\t" }
		bannedHead = "Trade banned\t"
	}
	head := t.first("Sector", "") + "\tBaseline\tTariff\tDuty\t" + bannedHead + "Trade effect\tLow\tHigh\tValue after\tDuty collected\t"
	if t.bands != nil {
		head += "Duty P10 – P90\tTrade effect P10 – P90\t"
	}
	fmt.Fprintln(tw, head)
	for _, f := range res.DirectionFlows(d) {
		fb, _ := flowBands(t.bands, f)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s%s\t%s\t%s\t%s\t%s\t%s\n", t.first(f.Sector, t.labels[f.Sector]), millions(f.Baseline),
			percent(f.Tariff), t.mark(f.UpperBound), millions(f.Duty), banned(f.Banned), millions(f.TradeChange), millions(f.TradeChangeLow),
			millions(f.TradeChangeHigh), millions(f.ValueAfter), millions(f.DutyCollected), t.extra(fb.Duty, fb.TradeChange))
	}
	tot := res.Totals[d.Index()]
	var tb scenarios.MonteCarloTotals
	if t.bands != nil {
		tb = t.bands.Totals[d.Index()]
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s%s\t%s\t%s\t%s\t%s\t%s\n", t.first("TOTAL", "All sectors"), millions(tot.Baseline), percent(tot.EffectiveRate),
		numfmt.Mark(boundIf(tot.UpperBound)), millions(tot.Duty), banned(tot.Banned), millions(tot.TradeChange), millions(tot.TradeChangeLow), millions(tot.TradeChangeHigh),
		millions(tot.ValueAfter), millions(tot.DutyCollected), t.extra(tb.Duty, tb.TradeChange))
	return tw.Flush()
}

// boundIf is AtMost for an upper bound, else Exact.
func boundIf(upper bool) scenarios.Bound {
	if upper {
		return scenarios.AtMost
	}
	return scenarios.Exact
}

// writeTableNotes prints what the table's words and marks mean, the
// measures without evidence and the sources.
func writeTableNotes(w io.Writer, sc *scenarios.Scenario, res *scenarios.Result, bands *scenarios.MonteCarloResult, upper bool, sources []string) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Tariff: additional tariff; effective rate on the TOTAL line. Trade effect: change in imports (low and high elasticity).")
	if res.Totals[0].Banned != 0 || res.Totals[1].Banned != 0 {
		fmt.Fprintln(w, "Trade banned: the baseline trade that import bans stop; it owes no duty and counts in the trade effect at every elasticity.")
	}
	if bands != nil {
		fmt.Fprintln(w, bandsNote(bands))
	}
	if upper {
		fmt.Fprintln(w, numfmt.UpperMark+"upper bound: a measure covers only part of the sector and no source gives the share; coverage 1 is assumed.")
	}
	if ids := sc.Unevidenced(); len(ids) > 0 {
		fmt.Fprintf(w, "Measures without evidence: %s.\n", strings.Join(ids, ", "))
	}
	for _, s := range sources {
		fmt.Fprintf(w, "Source: %s\n", s)
	}
}
