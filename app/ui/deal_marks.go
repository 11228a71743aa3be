package ui

import (
	"parley/app/numfmt"
	"parley/scenarios"
)

// boundText writes v with the mark of its bound: "≤ 1,234.5" (at most),
// "≥" (at least), "≈" (either way); amounts that count as nothing carry
// none.
func boundText(b scenarios.Bound, v float64, text string) string {
	if b == scenarios.Exact || v < scenarios.DealNegligible && v > -scenarios.DealNegligible {
		return text
	}
	return numfmt.Mark(b) + " " + text
}

// dealCells are the deal table's figures for one row, each marked by its
// own bound: Get by the duty into the US, Give by the duty into Canada,
// each trade effect by the duty it is computed from.
func dealCells(r scenarios.DealRow, money func(float64) string) (get, give, tradeUS, tradeCA string) {
	us, ca := r.Sides[scenarios.CAtoUS.Index()], r.Sides[scenarios.UStoCA.Index()]
	trade := func(s scenarios.DealSide) string {
		return boundText(s.TradeBoundA(), s.TradeA, money(s.TradeA)) + " to " + boundText(s.TradeBoundB(), s.TradeB, money(s.TradeB))
	}
	return boundText(r.GetBound(), r.Get, money(r.Get)), boundText(r.GiveBound(), r.Give, money(r.Give)), trade(us), trade(ca)
}

// upperText puts "≤ " before a duty that is an upper bound.
func upperText(upper bool, text string) string {
	if upper {
		return "≤ " + text
	}
	return text
}
