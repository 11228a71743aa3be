package cli

import (
	"strconv"

	"parley/app/charts"
	"parley/scenarios"
)

// bandJSON is the P10/P50/P90 of duty at stake that --draws adds to each
// flow and each direction's totals.
type bandJSON struct {
	P10 float64 `json:"p10"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

func toBandJSON(b scenarios.Percentiles) *bandJSON { return &bandJSON{b.P10, b.P50, b.P90} }

// defaultSeed is the seed of a Monte Carlo run without --seed.
const defaultSeed = 1

// monteCarlo runs the Monte Carlo that --draws N [--seed S] ask for, or
// returns nil without --draws; with it, the source line of the ranges.
func (c *call) monteCarlo(model *scenarios.Model, sc *scenarios.Scenario, asOf scenarios.Date) (*scenarios.MonteCarloResult, string, error) {
	if !c.args.has("draws") {
		if c.args.has("seed") {
			return nil, "", usagef("--seed needs --draws N")
		}
		return nil, "", nil
	}
	draws, err := strconv.Atoi(c.args.value("draws"))
	if err != nil || draws < 1 || draws > scenarios.MaxDraws {
		return nil, "", usagef("--draws %q: want a whole number from 1 to %d", c.args.value("draws"), scenarios.MaxDraws)
	}
	seed := uint64(defaultSeed)
	if c.args.has("seed") {
		if seed, err = strconv.ParseUint(c.args.value("seed"), 10, 64); err != nil {
			return nil, "", usagef("--seed %q: want a whole number from 0 to 18446744073709551615", c.args.value("seed"))
		}
	}
	b, rg, err := c.ws.MonteCarlo(model, sc, asOf, draws, seed)
	if err != nil {
		return nil, "", err
	}
	return &b, rg.SourceLine + " " + drawsLine(&b), nil
}

// drawsLine says how many draws with which seed, and what was drawn.
func drawsLine(b *scenarios.MonteCarloResult) string {
	s := "Monte Carlo: " + strconv.Itoa(b.Draws) + " draws, seed " + strconv.FormatUint(b.Seed, 10) + "; P10/P50/P90 of duty at stake and trade effect"
	if len(b.Rates) > 0 {
		s += "; uncertain rates drawn:"
		for i, id := range b.Rates {
			if i > 0 {
				s += ","
			}
			s += " " + id
		}
	}
	return s + "."
}

// flowBands returns the bands of a flow, or nil.
func flowBands(b *scenarios.MonteCarloResult, f scenarios.Flow) (scenarios.MonteCarloFlow, bool) {
	if b == nil {
		return scenarios.MonteCarloFlow{}, false
	}
	return b.Flow(f.Direction, f.Sector)
}

// bandCells returns the CSV cells of a flow's or total's bands: duty
// P10/P50/P90, then trade effect P10/P50/P90.
func bandCells(duty, trade scenarios.Percentiles) []string {
	return []string{num(duty.P10), num(duty.P50), num(duty.P90), num(trade.P10), num(trade.P50), num(trade.P90)}
}

// bandColumns are the CSV columns bandCells fills.
var bandColumns = []string{"duty_p10_usd", "duty_p50_usd", "duty_p90_usd", "trade_change_p10_usd", "trade_change_p50_usd", "trade_change_p90_usd"}

// bandText writes a band in US$ millions: "1,234.5 – 1,456.7".
func bandText(b scenarios.Percentiles) string { return millions(b.P10) + " – " + millions(b.P90) }

// bandsNote explains the P10–P90 columns of the table: which percentiles,
// over how many draws, and what the ranges cover (which uncertainties,
// which months of CUSMA claims).
func bandsNote(b *scenarios.MonteCarloResult) string {
	return "P10 – P90: the 10th to 90th percentile over " + strconv.Itoa(b.Draws) + " Monte Carlo draws. " + charts.RangesCover(b)
}
