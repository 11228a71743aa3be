package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"text/tabwriter"

	"parley/app/numfmt"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/csvsafe"
)

func compareCommand() *command {
	return &command{
		name:      "compare",
		args:      "A B",
		summary:   "score proposal B against baseline A: what Canada gets and gives by sector (--as-of DATE, --format table|json|csv)",
		flags:     flagSpec{values: []string{"as-of", "format"}, short: map[string]string{"f": "format"}},
		workspace: true,
		run:       runCompare,
	}
}

// evaluateRef resolves ref and evaluates it on asOf, or on its own date
// (today for a scenario that follows the clock), with the source lines of
// its figures when sources is set.
func (c *call) evaluateRef(ref string, asOf scenarios.Date, sources bool) (*storage.Evaluation, error) {
	return c.ws.Evaluate(ref, storage.EvalOptions{AsOf: asOf, Today: c.env.today(), Sources: sources})
}

func runCompare(c *call) error {
	args, err := c.positionals(2, 2, "scenarios A (the baseline) and B (the proposal)")
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
	a, err := c.evaluateRef(args[0], asOf, format != "json")
	if err != nil {
		return err
	}
	b, err := c.evaluateRef(args[1], asOf, format != "json")
	if err != nil {
		return err
	}
	deal, err := scenarios.ScoreDeal(&a.Result, &b.Result)
	if err != nil {
		return err
	}
	warnings := scenarios.LikenessWarnings(a.Compared("A"), b.Compared("B"))
	if note := scenarios.LikenessNote(warnings); note != "" {
		fmt.Fprintf(c.env.Stderr, "parley: warning: %s\n", note)
	}
	sources := slices.Clone(a.Sources)
	for _, s := range b.Sources {
		if !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	switch format {
	case "json":
		return writeDealJSON(c.env.Stdout, a, b, &deal, warnings)
	case "csv":
		return writeDealCSV(c.env.Stdout, a, b, &deal, sources, warnings)
	}
	return writeDealTable(c.env.Stdout, a, b, &deal, sources, warnings)
}

// dealSideJSON is one direction of a sector under A and B.
type dealSideJSON struct {
	DutyA      float64 `json:"duty_a_usd"`
	DutyB      float64 `json:"duty_b_usd"`
	TradeA     float64 `json:"trade_change_a_usd"`
	TradeALow  float64 `json:"trade_change_a_low_usd"`
	TradeAHigh float64 `json:"trade_change_a_high_usd"`
	TradeB     float64 `json:"trade_change_b_usd"`
	TradeBLow  float64 `json:"trade_change_b_low_usd"`
	TradeBHigh float64 `json:"trade_change_b_high_usd"`
	UpperBound bool    `json:"upper_bound"`
	BannedA    float64 `json:"banned_a_usd"` // trade stopped by import bans under A
	BannedB    float64 `json:"banned_b_usd"`
}

// dealRowJSON is one sector, or the totals.
type dealRowJSON struct {
	Sector         string       `json:"sector,omitempty"`
	Get            float64      `json:"get_usd"`
	Give           float64      `json:"give_usd"`
	GetUpperBound  bool         `json:"get_upper_bound"`
	GiveUpperBound bool         `json:"give_upper_bound"`
	Verdict        string       `json:"verdict"`
	CAtoUS         dealSideJSON `json:"ca_to_us"`
	UStoCA         dealSideJSON `json:"us_to_ca"`
}

type dealScenarioJSON struct {
	ID       string `json:"id"`
	Scenario string `json:"scenario"`
	AsOf     string `json:"as_of"`
}

type dealJSON struct {
	Baseline dealScenarioJSON `json:"baseline"`
	Proposal dealScenarioJSON `json:"proposal"`
	Warnings []string         `json:"warnings"`
	Sectors  []dealRowJSON    `json:"sectors"`
	Totals   dealRowJSON      `json:"totals"`
}

func toDealSideJSON(s scenarios.DealSide) dealSideJSON {
	return dealSideJSON{s.DutyA, s.DutyB, s.TradeA, s.TradeALow, s.TradeAHigh, s.TradeB, s.TradeBLow, s.TradeBHigh, s.UpperBound,
		s.BannedA, s.BannedB}
}

func toDealRowJSON(r scenarios.DealRow, sector string) dealRowJSON {
	return dealRowJSON{Sector: sector, Get: r.Get, Give: r.Give, GetUpperBound: r.GetUpperBound(), GiveUpperBound: r.GiveUpperBound(), Verdict: numfmt.Verdict(r.Verdict()),
		CAtoUS: toDealSideJSON(r.Sides[scenarios.CAtoUS.Index()]), UStoCA: toDealSideJSON(r.Sides[scenarios.UStoCA.Index()])}
}

func writeDealJSON(w io.Writer, a, b *storage.Evaluation, d *scenarios.Deal, warnings []string) error {
	out := dealJSON{
		Baseline: dealScenarioJSON{a.Info.ID, d.Baseline, d.AsOfA.String()},
		Proposal: dealScenarioJSON{b.Info.ID, d.Proposal, d.AsOfB.String()},
		Warnings: append([]string{}, warnings...), // [] rather than null when like with like
		Sectors:  make([]dealRowJSON, 0, len(d.Rows)),
		Totals:   toDealRowJSON(d.Totals, ""),
	}
	for _, r := range d.Rows {
		out.Sectors = append(out.Sectors, toDealRowJSON(r, r.Sector))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeDealCSV writes one row per sector and a TOTAL row with
// full-precision numbers, then the scenarios and sources as '#' lines.
func writeDealCSV(w io.Writer, a, b *storage.Evaluation, d *scenarios.Deal, sources, warnings []string) error {
	cw := csvsafe.NewWriter(w) // no cell starts a formula
	names := sectorNames(a.Model.Sectors)
	head := []string{"sector", "sector_name", "get_usd", "give_usd"}
	for _, dir := range scenarios.Directions {
		for _, col := range []string{"duty_a_usd", "duty_b_usd", "trade_change_a_usd", "trade_change_a_low_usd", "trade_change_a_high_usd",
			"trade_change_b_usd", "trade_change_b_low_usd", "trade_change_b_high_usd"} {
			head = append(head, string(dir)+"_"+col)
		}
	}
	head = append(head, "upper_bound", "get_upper_bound", "give_upper_bound", "verdict")
	cw.Write(head)
	row := func(code, name string, r scenarios.DealRow) []string {
		out := []string{code, name, num(r.Get), num(r.Give)}
		for _, dir := range scenarios.Directions {
			s := r.Sides[dir.Index()]
			out = append(out, num(s.DutyA), num(s.DutyB), num(s.TradeA), num(s.TradeALow), num(s.TradeAHigh),
				num(s.TradeB), num(s.TradeBLow), num(s.TradeBHigh))
		}
		return append(out, strconv.FormatBool(r.UpperBound()), strconv.FormatBool(r.GetUpperBound()),
			strconv.FormatBool(r.GiveUpperBound()), numfmt.Verdict(r.Verdict()))
	}
	for _, r := range d.Rows {
		cw.Write(row(r.Sector, names[r.Sector], r))
	}
	cw.Write(row("TOTAL", "All sectors", d.Totals))
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	fmt.Fprintln(w, csvsafe.CommentLine(fmt.Sprintf("A (baseline): %s (%s) as of %s", d.Baseline, a.Info.ID, d.AsOfA)))
	fmt.Fprintln(w, csvsafe.CommentLine(fmt.Sprintf("B (proposal): %s (%s) as of %s", d.Proposal, b.Info.ID, d.AsOfB)))
	if note := scenarios.LikenessNote(warnings); note != "" {
		fmt.Fprintln(w, csvsafe.CommentLine(note))
	}
	fmt.Fprintln(w, csvsafe.CommentLine(dealDefinition))
	for _, s := range sources {
		fmt.Fprintln(w, csvsafe.CommentLine(s))
	}
	return nil
}

// dealDefinition says what get and give are.
const dealDefinition = "Get: the US duty relief on Canadian goods (duty at stake into the US under A minus under B). " +
	"Give: the fall in Canada's duties on US goods (duty at stake into Canada under A minus under B). " +
	"Amounts below US$50,000 count as nothing in the verdicts."

// writeDealTable prints the score for people, in US$ millions. A figure
// that comes from an upper bound carries its mark (≤, ≥ or ≈): Get from
// the duty into the US, Give from the duty into Canada, each trade effect
// from the duty it is computed from.
func writeDealTable(w io.Writer, a, b *storage.Evaluation, d *scenarios.Deal, sources, warnings []string) error {
	fmt.Fprintf(w, "A (baseline): %s, as of %s\nB (proposal): %s, as of %s\n", d.Baseline, d.AsOfA, d.Proposal, d.AsOfB)
	if note := scenarios.LikenessNote(warnings); note != "" {
		fmt.Fprintf(w, "Warning: %s.\n", note)
	}
	fmt.Fprintln(w)
	labels := map[string]string{}
	width := len("All sectors")
	for _, s := range a.Model.Sectors {
		labels[s.Code] = s.Label()
		width = max(width, len([]rune(s.Label())))
	}
	first := func(code, label string) string { return fmt.Sprintf("%-12s %-*s", code, width, label) }
	fmt.Fprintln(w, "US$ millions; trade effect = change in imports under A → under B")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, first("Sector", "")+"\tGet\tGive\tTrade effect, Canada → US\tTrade effect, US → Canada\tVerdict")
	upper := false
	marked := func(b scenarios.Bound, v float64) string {
		if b == scenarios.Exact || math.Abs(v) < scenarios.DealNegligible {
			return millions(v) // an unchanged bound is no change
		}
		upper = true
		return numfmt.Mark(b) + millions(v)
	}
	line := func(code, label string, r scenarios.DealRow) {
		us, ca := r.Sides[scenarios.CAtoUS.Index()], r.Sides[scenarios.UStoCA.Index()]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s → %s\t%s → %s\t%s\n", first(code, label), marked(r.GetBound(), r.Get), marked(r.GiveBound(), r.Give),
			marked(us.TradeBoundA(), us.TradeA), marked(us.TradeBoundB(), us.TradeB),
			marked(ca.TradeBoundA(), ca.TradeA), marked(ca.TradeBoundB(), ca.TradeB), numfmt.Verdict(r.Verdict()))
	}
	for _, r := range d.Rows {
		line(r.Sector, labels[r.Sector], r)
	}
	line("TOTAL", "All sectors", d.Totals)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, dealDefinition)
	if upper {
		fmt.Fprintln(w, numfmt.BoundsNote)
	}
	for _, s := range sources {
		fmt.Fprintf(w, "Source: %s\n", s)
	}
	return nil
}
