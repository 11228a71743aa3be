package present

import (
	"parley/app/numfmt"
	"parley/scenarios"
)

// BoundText writes v with the mark of its bound: "≤ 1,234.5" (at most),
// "≥" (at least), "≈" (either way); amounts that count as nothing carry
// none.
func BoundText(b scenarios.Bound, v float64, text string) string {
	if b == scenarios.Exact || v < scenarios.DealNegligible && v > -scenarios.DealNegligible {
		return text
	}
	return numfmt.Mark(b) + " " + text
}

// DealCells are the deal table's figures for one row, each marked by its
// own bound: Get by the duty into the US, Give by the duty into Canada,
// each trade effect by the duty it is computed from.
func DealCells(r scenarios.DealRow, format func(float64) string) (get, give, tradeUS, tradeCA string) {
	us, ca := r.Sides[scenarios.CAtoUS.Index()], r.Sides[scenarios.UStoCA.Index()]
	trade := func(s scenarios.DealSide) string {
		return BoundText(s.TradeBoundA(), s.TradeA, format(s.TradeA)) + " to " + BoundText(s.TradeBoundB(), s.TradeB, format(s.TradeB))
	}
	return BoundText(r.GetBound(), r.Get, format(r.Get)), BoundText(r.GiveBound(), r.Give, format(r.Give)), trade(us), trade(ca)
}

// UpperText puts "≤ " before a duty that is an upper bound.
func UpperText(upper bool, text string) string {
	if upper {
		return numfmt.UpperMark + text
	}
	return text
}
