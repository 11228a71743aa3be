package scenarios

import (
	"fmt"
	"math"
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
	// UpperBound marks a duty that is an upper bound under A or B;
	// BoundA and BoundB say which (a zero duty is never a bound).
	UpperBound     bool
	BoundA, BoundB bool
}

// Bound says how far a figure computed from upper bounds can be trusted,
// in size: at most, at least, or either way.
type Bound int

// The bounds of a figure, in size (a rise in duty of US$5 bn "at most"
// is a rise of no more than US$5 bn).
const (
	Exact     Bound = iota // no upper bound went into it
	AtMost                 // its size is at most the figure
	AtLeast                // its size is at least the figure
	EitherWay              // bounds pull both ways: no side can be told
)

// ChangeBound is the bound of the fall in duty A - B (get or give): an
// upper bound under A alone caps a fall and floors a rise; under B alone
// the other way round; under both it can go either way.
func (s DealSide) ChangeBound() Bound {
	fall := s.DutyA-s.DutyB >= 0
	switch {
	case s.BoundA && s.BoundB:
		return EitherWay
	case s.BoundA && fall, s.BoundB && !fall:
		return AtMost
	case s.BoundA, s.BoundB:
		return AtLeast
	}
	return Exact
}

// TradeBoundA and TradeBoundB are the bounds of the trade effects under A
// and B: a trade effect computed from an upper bound on duty is at most
// its size.
func (s DealSide) TradeBoundA() Bound { return boundIf(s.BoundA) }

// TradeBoundB: see TradeBoundA.
func (s DealSide) TradeBoundB() Bound { return boundIf(s.BoundB) }

func boundIf(b bool) Bound {
	if b {
		return AtMost
	}
	return Exact
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
}

// Verdict returns what the row says Canada gets and gives (NewVerdict).
func (r DealRow) Verdict() Verdict { return NewVerdict(r.Get, r.Give, r.GetBound(), r.GiveBound()) }

// UpperBound reports whether a duty of the row is an upper bound.
func (r DealRow) UpperBound() bool { return r.Sides[0].UpperBound || r.Sides[1].UpperBound }

// GetUpperBound reports whether Get comes from an upper bound: the duty
// into the US under A or B is one.
func (r DealRow) GetUpperBound() bool { return r.Sides[CAtoUS.Index()].UpperBound }

// GiveUpperBound reports whether Give comes from an upper bound: the duty
// into Canada under A or B is one.
func (r DealRow) GiveUpperBound() bool { return r.Sides[UStoCA.Index()].UpperBound }

// GetBound and GiveBound are the bounds of Get and Give.
func (r DealRow) GetBound() Bound { return r.Sides[CAtoUS.Index()].ChangeBound() }

// GiveBound: see GetBound.
func (r DealRow) GiveBound() Bound { return r.Sides[UStoCA.Index()].ChangeBound() }

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
			row.Sides[dir.Index()] = dealSide(x.Duty, y.Duty, x.UpperBound, y.UpperBound,
				[3]float64{x.TradeChange, x.TradeChangeLow, x.TradeChangeHigh},
				[3]float64{y.TradeChange, y.TradeChangeLow, y.TradeChangeHigh})
			row.Sides[dir.Index()].BannedA, row.Sides[dir.Index()].BannedB = x.Banned, y.Banned
		}
		row.finish()
		d.Rows[i] = row
	}
	d.Totals = DealRow{Sector: "TOTAL"}
	for _, dir := range Directions {
		x, y := a.Totals[dir.Index()], b.Totals[dir.Index()]
		d.Totals.Sides[dir.Index()] = dealSide(x.Duty, y.Duty, x.UpperBound, y.UpperBound,
			[3]float64{x.TradeChange, x.TradeChangeLow, x.TradeChangeHigh},
			[3]float64{y.TradeChange, y.TradeChangeLow, y.TradeChangeHigh})
		d.Totals.Sides[dir.Index()].BannedA, d.Totals.Sides[dir.Index()].BannedB = x.Banned, y.Banned
	}
	d.Totals.finish()
	return d, nil
}

// dealSide is one direction under A and B; a zero duty is never a bound.
func dealSide(dutyA, dutyB float64, ubA, ubB bool, tradeA, tradeB [3]float64) DealSide {
	s := DealSide{
		DutyA: dutyA, DutyB: dutyB,
		TradeA: tradeA[0], TradeALow: tradeA[1], TradeAHigh: tradeA[2],
		TradeB: tradeB[0], TradeBLow: tradeB[1], TradeBHigh: tradeB[2],
		BoundA: ubA && dutyA != 0, BoundB: ubB && dutyB != 0,
	}
	s.UpperBound = s.BoundA || s.BoundB
	return s
}

// finish sets get and give from the sides.
func (r *DealRow) finish() {
	us, ca := r.Sides[CAtoUS.Index()], r.Sides[UStoCA.Index()]
	r.Get = noNegZero(us.DutyA - us.DutyB)
	r.Give = noNegZero(ca.DutyA - ca.DutyB)
}

// Verdict is what a deal gives and gets, as numbers for the app to write
// in one line ("gets US$ 1.2 bn relief, gives US$ 300 M: gets more than it
// gives"): the amounts, the bound of each, what moves and what the
// comparison of the two can say.
type Verdict struct {
	// Get and Give are as in DealRow: negative Get is more US duty,
	// negative Give a rise in Canada's own duties.
	Get, Give float64
	// GetBound and GiveBound say whether each amount is at most, at least
	// or about what it says (Exact: none).
	GetBound, GiveBound Bound
	// GetSign and GiveSign are 1, -1 or 0: 0 for an amount below
	// DealNegligible, which counts as nothing.
	GetSign, GiveSign int
	// Outcome is what comparing the two can say.
	Outcome Outcome
}

// Outcome is what a verdict can say of get against give.
type Outcome int

// The outcomes of a verdict. Only two positive amounts are compared.
const (
	NoChange    Outcome = iota // neither moves
	NotCompared                // one moves, or one is not relief
	GetsMore                   // gets more than it gives
	GivesMore                  // gives more than it gets
	AsMuch                     // gets as much as it gives (within DealNegligible)
	CannotTell                 // a bound can make the larger side the smaller
)

// NewVerdict says what Canada gets (US duty relief on its goods, get) and
// gives (the fall of its own duties on US goods, give). Amounts below
// DealNegligible count as nothing; the only comparison is which of the
// two is larger, and where the larger could be smaller than the other
// (it is at most or about what it says, or the smaller at least or about)
// the outcome is CannotTell rather than a comparison.
func NewVerdict(get, give float64, getBound, giveBound Bound) Verdict {
	v := Verdict{Get: get, Give: give, GetBound: getBound, GiveBound: giveBound, GetSign: sign(get), GiveSign: sign(give)}
	switch {
	case v.GetSign == 0 && v.GiveSign == 0:
		v.Outcome = NoChange
	case v.GetSign != 1 || v.GiveSign != 1:
		v.Outcome = NotCompared
	case !canTell(get, give, getBound, giveBound):
		v.Outcome = CannotTell
	case math.Abs(get-give) < DealNegligible:
		v.Outcome = AsMuch
	case get > give:
		v.Outcome = GetsMore
	default:
		v.Outcome = GivesMore
	}
	return v
}

// canTell reports whether the larger of two positive amounts is surely
// the larger: it is not below what it says (exact or at least) and the
// smaller not above (exact or at most), and they differ.
func canTell(get, give float64, getBound, giveBound Bound) bool {
	if getBound == Exact && giveBound == Exact {
		return true
	}
	if math.Abs(get-give) < DealNegligible {
		return false
	}
	large, small := getBound, giveBound
	if give > get {
		large, small = giveBound, getBound
	}
	return (large == Exact || large == AtLeast) && (small == Exact || small == AtMost)
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
