package scenarios

import (
	"fmt"
	"math"
	"strconv"
)

// DealSide is one direction of one sector (or of all sectors) under the
// baseline scenario A and the proposal B.
type DealSide struct {
	DutyA, DutyB float64 // duty at stake, US$
	// TradeA and TradeB are the trade effects (change in imports), with
	// their low and high elasticity values.
	TradeA, TradeALow, TradeAHigh float64
	TradeB, TradeBLow, TradeBHigh float64
	// BannedA and BannedB are the trade values import bans stop under A
	// and B (in the trade effects already; a ban lifted shows here, not as
	// duty relief).
	BannedA, BannedB float64
	// UpperBound marks a duty that is an upper bound under A or B.
	UpperBound bool
}

// DutyChange returns the duty under B minus under A.
func (s DealSide) DutyChange() float64 { return s.DutyB - s.DutyA }

// TradeChange returns the trade effect under B minus under A: positive
// where B leaves more trade than A.
func (s DealSide) TradeChange() float64 { return s.TradeB - s.TradeA }

// DealRow is the score of one sector, or of all sectors.
type DealRow struct {
	Sector string // sector code; "TOTAL" for the totals
	// Get is the US duty relief on Canadian goods: the duty at stake into
	// the US under A minus under B (negative: B adds US duty).
	Get float64
	// Give is the fall in Canada's duties on US goods: the duty at stake
	// into Canada under A minus under B (negative: B adds Canadian duty).
	Give float64
	// Sides are the two directions, by direction index.
	Sides [2]DealSide
	// Verdict says in one line what Canada gets and gives (DealVerdict).
	Verdict string
}

// UpperBound reports whether a duty of the row is an upper bound.
func (r DealRow) UpperBound() bool { return r.Sides[0].UpperBound || r.Sides[1].UpperBound }

// Deal is the score of a proposal B against a baseline A, each evaluated on
// its own date, from Canada's side of the table.
type Deal struct {
	Baseline, Proposal string // scenario names
	AsOfA, AsOfB       Date
	Rows               []DealRow // one per sector, in sector order
	Totals             DealRow
}

// DealNegligible is the smallest amount a verdict counts: less than
// US$50,000 a year, which the tables print as 0.0 (US$ millions), is
// "nothing". It is a rounding rule, not a judgement of what matters.
const DealNegligible = 50e3

// ScoreDeal scores proposal b against baseline a. Both results must carry
// the same sectors (results of models over the same sectors). Get, give and
// the trade effects come straight from the results; no figure is added.
func ScoreDeal(a, b *Result) (Deal, error) {
	d := Deal{Baseline: a.Scenario, Proposal: b.Scenario, AsOfA: a.AsOf, AsOfB: b.AsOf}
	fa, fb := a.DirectionFlows(CAtoUS), b.DirectionFlows(CAtoUS)
	if len(fa) != len(fb) {
		return Deal{}, fmt.Errorf("score a deal: %d sectors under %q, %d under %q", len(fa), a.Scenario, len(fb), b.Scenario)
	}
	for i, f := range fa {
		if fb[i].Sector != f.Sector {
			return Deal{}, fmt.Errorf("score a deal: sector %d is %s under %q, %s under %q", i+1, f.Sector, a.Scenario, fb[i].Sector, b.Scenario)
		}
	}
	d.Rows = make([]DealRow, len(fa))
	for i, f := range fa {
		row := DealRow{Sector: f.Sector}
		for _, dir := range Directions {
			x, _ := a.Flow(dir, f.Sector)
			y, _ := b.Flow(dir, f.Sector)
			row.Sides[dir.Index()] = DealSide{
				DutyA: x.Duty, DutyB: y.Duty,
				TradeA: x.TradeChange, TradeALow: x.TradeChangeLow, TradeAHigh: x.TradeChangeHigh,
				TradeB: y.TradeChange, TradeBLow: y.TradeChangeLow, TradeBHigh: y.TradeChangeHigh,
				BannedA: x.Banned, BannedB: y.Banned,
				UpperBound: (x.UpperBound && x.Duty != 0) || (y.UpperBound && y.Duty != 0),
			}
		}
		row.finish()
		d.Rows[i] = row
	}
	d.Totals = DealRow{Sector: "TOTAL"}
	for _, dir := range Directions {
		x, y := a.Totals[dir.Index()], b.Totals[dir.Index()]
		d.Totals.Sides[dir.Index()] = DealSide{
			DutyA: x.Duty, DutyB: y.Duty,
			TradeA: x.TradeChange, TradeALow: x.TradeChangeLow, TradeAHigh: x.TradeChangeHigh,
			TradeB: y.TradeChange, TradeBLow: y.TradeChangeLow, TradeBHigh: y.TradeChangeHigh,
			BannedA: x.Banned, BannedB: y.Banned,
			UpperBound: x.UpperBound || y.UpperBound,
		}
	}
	d.Totals.finish()
	return d, nil
}

// finish sets get, give and the verdict from the sides.
func (r *DealRow) finish() {
	us, ca := r.Sides[CAtoUS.Index()], r.Sides[UStoCA.Index()]
	r.Get = noNegZero(us.DutyA - us.DutyB)
	r.Give = noNegZero(ca.DutyA - ca.DutyB)
	r.Verdict = DealVerdict(r.Get, r.Give)
}

// DealVerdict says in one line what Canada gets (US duty relief on its
// goods, get) and gives (the fall of its own duties on US goods, give), in
// plain words. Amounts below DealNegligible count as nothing; the only
// comparison is which of the two is larger. For example: "gets US$1.2 bn
// relief, gives nothing"; "gets US$1.2 bn relief, gives US$0.3 bn: gets more
// than it gives"; "gives US$0.3 bn, gets nothing"; "no change".
func DealVerdict(get, give float64) string {
	g, v := sign(get), sign(give)
	if g == 0 && v == 0 {
		return "no change"
	}
	var getPart string
	switch g {
	case 1:
		getPart = "gets " + dealMoney(get) + " relief"
	case -1:
		getPart = "faces " + dealMoney(-get) + " more US duty"
	default:
		getPart = "gets nothing"
	}
	var givePart string
	switch v {
	case 1:
		givePart = "gives " + dealMoney(give)
	case -1:
		givePart = "raises its own duties by " + dealMoney(-give)
	default:
		givePart = "gives nothing"
	}
	if g == 0 && v != 0 {
		// Lead with what moves.
		return givePart + ", " + getPart
	}
	s := getPart + ", " + givePart
	if g == 1 && v == 1 {
		switch {
		case math.Abs(get-give) < DealNegligible:
			s += ": gets as much as it gives"
		case get > give:
			s += ": gets more than it gives"
		default:
			s += ": gives more than it gets"
		}
	}
	return s
}

// sign returns 1, -1 or 0 for an amount, 0 below DealNegligible.
func sign(v float64) int {
	switch {
	case v >= DealNegligible:
		return 1
	case v <= -DealNegligible:
		return -1
	}
	return 0
}

// dealMoney writes a positive US$ amount for a verdict: "US$1.2 bn" from a
// billion, else "US$350.4 M" (one decimal).
func dealMoney(v float64) string {
	if v >= 999.95e6 {
		return "US$" + strconv.FormatFloat(v/1e9, 'f', 1, 64) + " bn"
	}
	return "US$" + strconv.FormatFloat(v/1e6, 'f', 1, 64) + " M"
}
