package report

import (
	"fmt"

	"parley/app/charts"
	"parley/scenarios"
)

// CostToCanada says plainly which figure of flows into the US answers which
// question: "what does it cost Canada" is the exports Canada loses (the
// trade effect into the US, with its range), "what do US importers pay" is
// the duty at stake. t are the totals into the US; band, when not nil, are
// their Monte Carlo ranges (P10–P90, else the low–high elasticity range is
// given); year is the baseline year of the trade.
func CostToCanada(t scenarios.Totals, band *scenarios.MonteCarloTotals, year int) (cost, importers string) {
	if t.Duty == 0 && t.Banned == 0 && t.TradeChange == 0 {
		return "What it costs Canada: no lost exports (no US duty or import ban applies to Canadian goods).",
			"What US importers pay: no duty at stake."
	}
	m := mark(t.UpperBound)
	// Lost exports are the fall in trade: the trade effect with its sign
	// turned; the larger loss is the more negative effect.
	rng := fmt.Sprintf("%s%s to %s%s at the low and high elasticity", m, charts.Money(-t.TradeChangeLow), m, charts.Money(-t.TradeChangeHigh))
	if band != nil && band.TradeChange.P10 != band.TradeChange.P90 {
		rng = fmt.Sprintf("%s%s to %s%s, P10–P90", m, charts.Money(-band.TradeChange.P90), m, charts.Money(-band.TradeChange.P10))
	}
	cost = fmt.Sprintf("What it costs Canada: %s%s a year of lost exports to the US (the trade effect; range %s)",
		m, charts.Money(-t.TradeChange), rng)
	if t.Banned != 0 {
		cost += fmt.Sprintf(", of which %s%s stopped by import bans", m, charts.Money(t.Banned))
	}
	cost += "."
	importers = fmt.Sprintf("What US importers pay: %s%s a year of duty at stake on %d volumes", m, charts.Money(t.Duty), year)
	if band != nil && band.Duty.P10 != band.Duty.P90 {
		importers += fmt.Sprintf(" (%s%s to %s%s, P10–P90)", m, charts.Money(band.Duty.P10), m, charts.Money(band.Duty.P90))
	}
	importers += ", charged at the US border: it is not itself a cost to Canada, whose cost is the lost exports."
	return cost, importers
}
