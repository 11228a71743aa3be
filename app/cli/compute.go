package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"parley/app/numfmt"
	"parley/scenarios"
)

func computeCommand() *command {
	return &command{
		name:      "compute",
		args:      "ID|NAME",
		summary:   "exposure by sector: --as-of DATE, --format table|json|csv",
		flags:     flagSpec{values: []string{"as-of", "format"}, short: map[string]string{"f": "format"}},
		workspace: true,
		run:       runCompute,
	}
}

func runCompute(c *call) error {
	args, err := c.positionals(1, 1, "scenario (ID or NAME)")
	if err != nil {
		return err
	}
	format := c.args.value("format")
	if format == "" {
		format = "table"
	}
	if format != "table" && format != "json" && format != "csv" {
		return usagef("--format %q: want table, json or csv", format)
	}
	var asOf scenarios.Date
	if s := c.args.value("as-of"); s != "" {
		if asOf, err = scenarios.ParseDate(s); err != nil {
			return usagef("--as-of: %v", err)
		}
	}
	info, err := c.ws.Resolve(args[0])
	if err != nil {
		return err
	}
	sc, err := c.ws.Scenario(info.ID)
	if err != nil {
		return err
	}
	if asOf.IsZero() {
		asOf = info.EvalDate()
		if sc.AsOfToday {
			asOf = c.env.today()
		}
	}
	model, err := c.ws.Model(sc.Assumptions)
	if err != nil {
		return err
	}
	res := model.Evaluate(sc, asOf)
	switch format {
	case "json":
		return writeJSON(c.env.Stdout, &res)
	case "csv":
		sources, err := c.ws.SourceLines(sc.Assumptions)
		if err != nil {
			return err
		}
		return writeCSV(c.env.Stdout, &res, model.Sectors, sources)
	}
	sources, err := c.ws.SourceLines(sc.Assumptions)
	if err != nil {
		return err
	}
	return writeTable(c.env.Stdout, sc, &res, model.Sectors, sources)
}

// flowJSON and totalsJSON are the shapes of SPEC section 4, in its key order.
type flowJSON struct {
	Direction       string  `json:"direction"`
	Sector          string  `json:"sector"`
	Baseline        float64 `json:"baseline_usd"`
	Tariff          float64 `json:"tariff"`
	Duty            float64 `json:"duty_usd"`
	TradeChange     float64 `json:"trade_change_usd"`
	TradeChangeLow  float64 `json:"trade_change_low_usd"`
	TradeChangeHigh float64 `json:"trade_change_high_usd"`
	ValueAfter      float64 `json:"value_after_usd"`
	DutyCollected   float64 `json:"duty_collected_usd"`
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
}

type resultJSON struct {
	Scenario string     `json:"scenario"`
	AsOf     string     `json:"as_of"`
	Flows    []flowJSON `json:"flows"`
	Totals   struct {
		CAtoUS totalsJSON `json:"ca_to_us"`
		UStoCA totalsJSON `json:"us_to_ca"`
	} `json:"totals"`
}

func toTotalsJSON(t scenarios.Totals) totalsJSON {
	return totalsJSON{t.Baseline, t.Duty, t.TradeChange, t.TradeChangeLow, t.TradeChangeHigh, t.ValueAfter, t.DutyCollected, t.EffectiveRate}
}

func writeJSON(w io.Writer, res *scenarios.Result) error {
	out := resultJSON{Scenario: res.Scenario, AsOf: res.AsOf.String(), Flows: make([]flowJSON, 0, len(res.Flows))}
	for _, f := range res.Flows {
		out.Flows = append(out.Flows, flowJSON{string(f.Direction), f.Sector, f.Baseline, f.Tariff, f.Duty,
			f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh, f.ValueAfter, f.DutyCollected})
	}
	out.Totals.CAtoUS = toTotalsJSON(res.Totals[scenarios.CAtoUS.Index()])
	out.Totals.UStoCA = toTotalsJSON(res.Totals[scenarios.UStoCA.Index()])
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// writeCSV writes one row per flow with full-precision numbers, a TOTAL row
// per direction, then the source lines as '#' comments.
func writeCSV(w io.Writer, res *scenarios.Result, sectors []scenarios.Sector, sources []string) error {
	cw := csv.NewWriter(w)
	names := sectorNames(sectors)
	cw.Write([]string{"direction", "sector", "sector_name", "baseline_usd", "tariff", "duty_usd", "trade_change_usd",
		"trade_change_low_usd", "trade_change_high_usd", "value_after_usd", "duty_collected_usd",
		"cusma_share", "elasticity", "baseline_tariff", "upper_bound"})
	for _, f := range res.Flows {
		cw.Write([]string{string(f.Direction), f.Sector, names[f.Sector], num(f.Baseline), num(f.Tariff), num(f.Duty),
			num(f.TradeChange), num(f.TradeChangeLow), num(f.TradeChangeHigh), num(f.ValueAfter), num(f.DutyCollected),
			num(f.CUSMAShare), num(f.Elasticity), num(f.BaselineTariff), strconv.FormatBool(f.UpperBound)})
	}
	for _, d := range scenarios.Directions {
		t := res.Totals[d.Index()]
		cw.Write([]string{string(d), "TOTAL", "All sectors", num(t.Baseline), num(t.EffectiveRate), num(t.Duty),
			num(t.TradeChange), num(t.TradeChangeLow), num(t.TradeChangeHigh), num(t.ValueAfter), num(t.DutyCollected),
			"", "", "", ""})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	fmt.Fprintf(w, "# %s as of %s\n", oneLine(res.Scenario), res.AsOf)
	for _, s := range sources {
		fmt.Fprintf(w, "# %s\n", oneLine(s))
	}
	return nil
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
func writeTable(w io.Writer, sc *scenarios.Scenario, res *scenarios.Result, sectors []scenarios.Sector, sources []string) error {
	a := sc.Assumptions
	fmt.Fprintf(w, "%s\nas of %s · baseline %d · CUSMA shares %s · elasticities %s (low ×%g, high ×%g)\n",
		res.Scenario, res.AsOf, a.BaselineYear, a.CUSMAShares, a.Elasticities, a.ElasticityLow, a.ElasticityHigh)
	labels := map[string]string{}
	width := len("All sectors")
	for _, s := range sectors {
		labels[s.Code] = s.Label()
		width = max(width, len([]rune(s.Label())))
	}
	// The first column is padded here to a fixed width, so that it reads
	// left-aligned in a table whose numbers are right-aligned.
	first := func(code, label string) string { return fmt.Sprintf("%-12s %-*s", code, width, label) }
	upper := false
	for _, d := range scenarios.Directions {
		fmt.Fprintf(w, "\n%s (US$ millions)\n", d.Label())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, first("Sector", "")+"\tBaseline\tTariff\tDuty\tTrade effect\tLow\tHigh\tValue after\tDuty collected\t")
		for _, f := range res.DirectionFlows(d) {
			mark := ""
			if f.UpperBound {
				mark, upper = "≤", true
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\t%s\t\n", first(f.Sector, labels[f.Sector]), millions(f.Baseline),
				percent(f.Tariff), mark, millions(f.Duty), millions(f.TradeChange), millions(f.TradeChangeLow),
				millions(f.TradeChangeHigh), millions(f.ValueAfter), millions(f.DutyCollected))
		}
		t := res.Totals[d.Index()]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", first("TOTAL", "All sectors"), millions(t.Baseline), percent(t.EffectiveRate),
			millions(t.Duty), millions(t.TradeChange), millions(t.TradeChangeLow), millions(t.TradeChangeHigh),
			millions(t.ValueAfter), millions(t.DutyCollected))
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Tariff: additional tariff; effective rate on the TOTAL line. Trade effect: change in imports (low and high elasticity).")
	if upper {
		fmt.Fprintln(w, "≤ upper bound: a measure covers only part of the sector and no source gives the share; coverage 1 is assumed.")
	}
	if ids := sc.Unevidenced(); len(ids) > 0 {
		fmt.Fprintf(w, "Measures without evidence: %s.\n", strings.Join(ids, ", "))
	}
	for _, s := range sources {
		fmt.Fprintf(w, "Source: %s\n", s)
	}
	return nil
}
