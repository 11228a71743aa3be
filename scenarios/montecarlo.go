package scenarios

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
)

// Range is an interval [Lo, Hi] a value is drawn from, uniformly.
type Range struct{ Lo, Hi float64 }

// IsZero reports whether r is the zero Range (nothing given).
func (r Range) IsZero() bool { return r.Lo == 0 && r.Hi == 0 }

// drawn reports whether a value is drawn from r (a proper interval).
func (r Range) drawn() bool { return r.Hi > r.Lo }

// at returns the value of r at u in [0, 1).
func (r Range) at(u float64) float64 { return r.Lo + float64((r.Hi-r.Lo)*u) }

// Uncertainty says what a Monte Carlo run draws. Everything it does not
// name keeps the scenario's value.
type Uncertainty struct {
	// CUSMA is the range of the CUSMA claim share into the US by sector
	// code. A draw replaces the share of every line of the sector, as an
	// override does. Sectors without a range, and sectors whose share the
	// scenario overrides (the user fixed it), keep their shares; flows
	// into Canada have no share data and are not drawn.
	CUSMA map[string]Range
	// Elasticity is the range of the elasticity multiplier: one draw for
	// all sectors (the low and high multipliers are scenario-wide). The
	// zero Range means the multiplier 1.
	Elasticity Range
	// Rates draws the rate of each active measure the user marked
	// uncertain (Measure.Uncertain) in [RateLow, RateHigh].
	Rates bool
}

// Uncertainty returns what a scenario's Monte Carlo draws by default: the
// CUSMA shares of the given ranges, the elasticity between the model's low
// and high multipliers, and every rate the user marked uncertain.
func (m *Model) Uncertainty(cusma map[string]Range) Uncertainty {
	return Uncertainty{CUSMA: cusma, Elasticity: Range{m.ElasticityLow, m.ElasticityHigh}, Rates: true}
}

// Band is the 10th, 50th and 90th percentiles of a value over the draws.
type Band struct{ P10, P50, P90 float64 }

// FlowBands are the bands of one sector in one direction.
type FlowBands struct {
	Direction   Direction
	Sector      string
	Duty        Band // duty at stake, US$
	TradeChange Band // trade effect, US$ (negative: fewer imports)
}

// TotalBands are the bands of one direction's totals.
type TotalBands struct {
	Duty        Band
	TradeChange Band
}

// Bands are the result of a Monte Carlo run: P10/P50/P90 of duty at stake
// and of the trade effect per sector and direction (in the order of
// Result.Flows) and of each direction's totals (by direction index).
type Bands struct {
	Draws  int
	Seed   uint64
	Flows  []FlowBands
	Totals [2]TotalBands
	// What was drawn: the sectors whose CUSMA share came from a range, the
	// elasticity multiplier's range (zero: not drawn) and the ids of the
	// measures whose rate was drawn.
	CUSMASectors []string
	Elasticity   Range
	Rates        []string
}

// Flow returns the bands of sector code in direction d.
func (b *Bands) Flow(d Direction, code string) (FlowBands, bool) {
	for _, f := range b.Flows {
		if f.Direction == d && f.Sector == code {
			return f, true
		}
	}
	return FlowBands{}, false
}

// MaxDraws bounds a Monte Carlo run.
const MaxDraws = 1_000_000

// monteCarloStream is the PCG stream of every run (the ASCII of
// "Parley"): with the seed it fixes the sequence of draws.
const monteCarloStream = 0x5061726c6579

// MonteCarlo draws the uncertain inputs u draws times and returns the
// P10/P50/P90 bands of duty at stake and of the trade effect, per sector
// and direction and for each direction's totals, of the scenario on asOf.
//
// The run is reproducible: the same model, scenario, date, uncertainty,
// draws and seed give the same bands on every platform. The generator is
// math/rand/v2's PCG seeded with (seed, a fixed stream); each draw takes
// its numbers in a fixed order (the elasticity multiplier, then the CUSMA
// shares in sector order, then the uncertain rates in scenario order, each
// only when its range is a proper interval); the arithmetic rounds every
// product (no fused multiply-add) and sums in a fixed order; percentiles
// interpolate linearly between order statistics (the sample quantile of
// type 7: h = (n-1)p).
//
// It does not evaluate the engine per draw. For a fixed date and scopes,
// each line's tariff is linear in its CUSMA share and in each rate, and
// cov'(m,l) does not depend on the draws (Contributions): per sector and
// measure it sums A = V cov' and B = V cov' x over the lines (V the value
// that bears duties, V (1 - B(l)) where import bans take the rest), and a
// draw's duty is the sum of rate (A - c B); the banned value is the same in
// every draw. The trade effect is linear in
// the duty too, except on lines where max(-V, ...) clips: lines that clip
// for every draw contribute -V, and only the lines that may clip somewhere
// in the ranges are evaluated one by one.
func (m *Model) MonteCarlo(sc *Scenario, asOf Date, u Uncertainty, draws int, seed uint64) (Bands, error) {
	if draws < 1 || draws > MaxDraws {
		return Bands{}, fmt.Errorf("monte carlo: %d draws: want 1 to %d", draws, MaxDraws)
	}
	if err := u.check(); err != nil {
		return Bands{}, err
	}
	p := m.plan(sc, asOf, u)
	nSec := len(m.Sectors)
	// Series: duty and trade by direction and sector, then the totals.
	nSeries := 2*2*nSec + 2*2
	vals := make([]float64, nSeries*draws)
	series := func(i int) []float64 { return vals[i*draws : (i+1)*draws] }
	st := p.newState()
	r := rand.New(rand.NewPCG(seed, monteCarloStream))
	var out [2][2][]float64 // [dir][duty, trade][sector]
	for di := range 2 {
		out[di] = [2][]float64{make([]float64, nSec), make([]float64, nSec)}
	}
	for k := range draws {
		p.draw(r, st)
		p.eval(st, &out)
		for di := range 2 {
			var dutyT, tradeT float64
			for s := range nSec {
				vals[((di*nSec+s)*2)*draws+k] = out[di][0][s]
				vals[((di*nSec+s)*2+1)*draws+k] = out[di][1][s]
				dutyT += out[di][0][s]
				tradeT += out[di][1][s]
			}
			vals[((2*nSec+di)*2)*draws+k] = dutyT
			vals[((2*nSec+di)*2+1)*draws+k] = tradeT
		}
	}
	b := Bands{Draws: draws, Seed: seed, Flows: make([]FlowBands, 0, 2*nSec)}
	for di, d := range Directions {
		for s, sec := range m.Sectors {
			b.Flows = append(b.Flows, FlowBands{Direction: d, Sector: sec.Code,
				Duty: band(series((di*nSec + s) * 2)), TradeChange: band(series((di*nSec+s)*2 + 1))})
		}
		b.Totals[di] = TotalBands{Duty: band(series((2*nSec + di) * 2)), TradeChange: band(series((2*nSec+di)*2 + 1))}
	}
	for _, s := range p.shareSec {
		b.CUSMASectors = append(b.CUSMASectors, m.Sectors[s].Code)
	}
	if p.k.drawn() {
		b.Elasticity = p.k
	}
	for _, c := range p.rateCol {
		b.Rates = append(b.Rates, sc.Measures[c].ID)
	}
	return b, nil
}

func (u Uncertainty) check() error {
	for _, code := range slices.Sorted(maps.Keys(u.CUSMA)) {
		r := u.CUSMA[code]
		if !inRange(r.Lo, 0, 1) || !inRange(r.Hi, 0, 1) || r.Lo > r.Hi {
			return fmt.Errorf("monte carlo: CUSMA share range %v to %v of %s is not within [0, 1]", r.Lo, r.Hi, code)
		}
	}
	if e := u.Elasticity; !e.IsZero() && (!inRange(e.Lo, 0, maxElasticityMultiplier) || !inRange(e.Hi, 0, maxElasticityMultiplier) || e.Lo > e.Hi) {
		return fmt.Errorf("monte carlo: elasticity multiplier range %v to %v is not within [0, %g]", e.Lo, e.Hi, maxElasticityMultiplier)
	}
	return nil
}

// band returns the percentiles of vs, which it sorts.
func band(vs []float64) Band {
	first, same := vs[0], true
	for _, v := range vs[1:] {
		if v != first {
			same = false
			break
		}
	}
	if !same {
		slices.Sort(vs)
	}
	return Band{P10: quantile(vs, 0.10), P50: quantile(vs, 0.50), P90: quantile(vs, 0.90)}
}

// quantile returns the p-quantile of sorted vs: linear interpolation
// between the order statistics around h = (n-1)p.
func quantile(vs []float64, p float64) float64 {
	h := float64(float64(len(vs)-1) * p)
	lo := int(math.Floor(h))
	if lo >= len(vs)-1 {
		return noNegZero(vs[len(vs)-1])
	}
	frac := h - float64(lo)
	return noNegZero(vs[lo] + float64(frac*(vs[lo+1]-vs[lo])))
}

// mcPlan is a scenario prepared for fast draws on one date.
type mcPlan struct {
	nSec int
	k    Range // elasticity multiplier; Lo == Hi when fixed
	// shareSec are the sectors (flows into the US) whose share comes from
	// a range (drawn when the range is a proper interval, else its value),
	// with their ranges; shift is the model's CUSMA shift.
	shareSec   []int
	shareRange []Range
	shift      float64
	// rates: one column per measure of the scenario; rateCol are the
	// columns drawn, with their ranges.
	baseRate  []float64
	rateCol   []int
	rateRange []Range
	dirs      [2]mcDir
}

// mcDir is one direction of a plan.
type mcDir struct {
	drawn   []bool    // by sector: the CUSMA share is drawn
	q       []float64 // by sector: e(s) / (1 + t0(s))
	never   []linear  // by sector: the duty of the lines that never clip
	always  []linear  // by sector: the duty of the lines that always clip
	alwaysV []float64 // by sector: the value of the lines that always clip
	// banned is by sector the value V(l) B(l) that import bans take away:
	// the same in every draw (a ban has no rate, and its banned part is
	// the same at every elasticity).
	banned []float64
	exact  []exactLine
	// exactTerms holds the drawn terms of all exact lines, one after the
	// other (memory read in order, draw after draw).
	exactTerms []aggTerm
}

// linear is a duty (or a tariff) as a function of a draw: f0 - c f1 +
// the sum over the drawn rates of rate (a - c b), with c the sector's
// drawn CUSMA share (0 where it is not drawn: then the line shares are in
// f0 and a). The measures whose rate is not drawn are folded into f0 and
// f1, so that a draw costs one term per uncertain rate.
type linear struct {
	f0, f1 float64
	drawn  []aggTerm
}

// at returns the value of l for the share c and the rates.
func (l *linear) at(c float64, rate []float64) float64 {
	v := l.f0 - float64(c*l.f1)
	for _, t := range l.drawn {
		v += float64(rate[t.col] * float64(t.a-float64(c*t.b)))
	}
	return v
}

// aggTerm is one measure's part of a linear form: a = the sum of V cov'
// (times 1 - c(l) x where the share is not drawn), b = the sum of V cov' x
// where it is.
type aggTerm struct {
	col  int
	a, b float64
}

// exactLine is a line whose trade effect may clip within the ranges: its
// value and its tariff as a linear form, whose drawn terms are
// mcDir.exactTerms[from:to].
type exactLine struct {
	sector   int
	v        float64
	f0, f1   float64
	from, to int
	// key is the largest e(s) tau / (1 + t0(s)) the line can reach: it
	// clips in a draw only when the draw's multiplier times key is above 1.
	key float64
}

// mcState is one draw: the elasticity multiplier, the sectors' shares
// and the rates by column.
type mcState struct {
	k     float64
	share []float64 // by sector; 0 where not drawn
	rate  []float64 // by measure of the scenario
	exact [2][2][]float64
}

func (m *Model) plan(sc *Scenario, asOf Date, u Uncertainty) *mcPlan {
	n := len(m.Sectors)
	p := &mcPlan{nSec: n, k: Range{1, 1}, shift: m.CUSMAShift, baseRate: make([]float64, len(sc.Measures))}
	if !u.Elasticity.IsZero() {
		p.k = u.Elasticity
	}
	drawnUS := make([]bool, n)
	shareLo, shareHi := make([]float64, n), make([]float64, n)
	for s, sec := range m.Sectors {
		r, ok := u.CUSMA[sec.Code]
		if !ok || m.CUSMAFixed[CAtoUS.Index()][s] {
			continue
		}
		drawnUS[s] = true
		shareLo[s], shareHi[s] = p.shiftShare(r.Lo), p.shiftShare(r.Hi)
		p.shareSec = append(p.shareSec, s)
		p.shareRange = append(p.shareRange, r)
	}
	rateLo, rateHi := make([]float64, len(sc.Measures)), make([]float64, len(sc.Measures))
	for i := range sc.Measures {
		me := &sc.Measures[i]
		p.baseRate[i], rateLo[i], rateHi[i] = me.Rate, me.Rate, me.Rate
		if u.Rates && me.Uncertain() && sc.Active(me, asOf) && me.RateHigh > me.RateLow {
			p.rateCol = append(p.rateCol, i)
			p.rateRange = append(p.rateRange, Range{me.RateLow, me.RateHigh})
			rateLo[i], rateHi[i] = me.RateLow, me.RateHigh
		}
	}
	for di, d := range Directions {
		dir := &p.dirs[di]
		dir.drawn = make([]bool, n)
		if d == CAtoUS {
			copy(dir.drawn, drawnUS)
		}
		dir.q = make([]float64, n)
		for s := range n {
			dir.q[s] = m.Elasticity[s] / (1 + m.BaselineTariff[s])
		}
		dir.never, dir.always = make([]linear, n), make([]linear, n)
		dir.alwaysV = make([]float64, n)
		dir.banned = make([]float64, n)
		// Sums by sector and measure column, then folded (fold).
		type pendingExact struct {
			line  exactLine
			terms []aggTerm
		}
		var exact []pendingExact
		never := make([]map[int]*acc, n)
		always := make([]map[int]*acc, n)
		// v is the line's value that bears duties: V(l) (1 - B(l)).
		add := func(sums []map[int]*acc, s int, lt LineTerms, v float64, drawn bool) {
			if sums[s] == nil {
				sums[s] = map[int]*acc{}
			}
			for _, t := range lt.Terms {
				a := sums[s][t.Measure]
				if a == nil {
					a = &acc{}
					sums[s][t.Measure] = a
				}
				vc := float64(v * t.Cov)
				if drawn {
					a.a += vc
					a.b += float64(vc * t.Exempt)
				} else {
					a.a += float64(vc * float64(1-float64(lt.Share*t.Exempt)))
				}
			}
		}
		for _, lt := range m.Contributions(sc, d, asOf) {
			if lt.Value == 0 {
				continue
			}
			s := lt.Sector
			v := lt.Value
			if lt.Ban != 0 {
				dir.banned[s] += float64(lt.Value * lt.Ban)
				v = float64(lt.Value * float64(1-lt.Ban))
				if v == 0 || len(lt.Terms) == 0 {
					continue
				}
			}
			cLo, cHi := lt.Share, lt.Share
			if dir.drawn[s] {
				cLo, cHi = shareLo[s], shareHi[s]
			}
			var tauMax, tauMin float64
			for _, t := range lt.Terms {
				tauMax += float64(float64(rateHi[t.Measure]*t.Cov) * float64(1-float64(cLo*t.Exempt)))
				tauMin += float64(float64(rateLo[t.Measure]*t.Cov) * float64(1-float64(cHi*t.Exempt)))
			}
			switch {
			case float64(float64(p.k.Hi*dir.q[s])*tauMax) <= 1:
				add(never, s, lt, v, dir.drawn[s])
			case float64(float64(p.k.Lo*dir.q[s])*tauMin) >= 1:
				add(always, s, lt, v, dir.drawn[s])
				dir.alwaysV[s] += v
			default:
				// Its duty is linear like any line's; its trade effect
				// is linear too until it clips, which eval corrects.
				add(never, s, lt, v, dir.drawn[s])
				one := map[int]*acc{}
				for _, t := range lt.Terms {
					a := one[t.Measure]
					if a == nil {
						a = &acc{}
						one[t.Measure] = a
					}
					if dir.drawn[s] {
						a.a += t.Cov
						a.b += float64(t.Cov * t.Exempt)
					} else {
						a.a += float64(t.Cov * float64(1-float64(lt.Share*t.Exempt)))
					}
				}
				tau := p.fold(one)
				exact = append(exact, pendingExact{exactLine{sector: s, v: v, f0: tau.f0, f1: tau.f1,
					key: float64(dir.q[s] * tauMax)}, tau.drawn})
			}
		}
		// Largest possible e tau first: a draw stops at the first line
		// that cannot clip with its multiplier.
		slices.SortStableFunc(exact, func(a, b pendingExact) int { return cmp.Compare(b.line.key, a.line.key) })
		for _, e := range exact {
			e.line.from = len(dir.exactTerms)
			dir.exactTerms = append(dir.exactTerms, e.terms...)
			e.line.to = len(dir.exactTerms)
			dir.exact = append(dir.exact, e.line)
		}
		for s := range n {
			dir.never[s] = p.fold(never[s])
			dir.always[s] = p.fold(always[s])
		}
	}
	return p
}

// shiftShare applies the model's CUSMA shift to a share into the US.
func (p *mcPlan) shiftShare(c float64) float64 {
	if p.shift == 0 {
		return c
	}
	return math.Min(1, math.Max(0, c+p.shift))
}

func (p *mcPlan) newState() *mcState {
	st := &mcState{k: p.k.Lo, share: make([]float64, p.nSec), rate: slices.Clone(p.baseRate)}
	for i, s := range p.shareSec {
		st.share[s] = p.shiftShare(p.shareRange[i].Lo)
	}
	for di := range 2 {
		st.exact[di] = [2][]float64{make([]float64, p.nSec), make([]float64, p.nSec)}
	}
	return st
}

// draw fills st with the next draw of r, in the fixed order.
func (p *mcPlan) draw(r *rand.Rand, st *mcState) {
	if p.k.drawn() {
		st.k = p.k.at(r.Float64())
	}
	for i, s := range p.shareSec {
		if p.shareRange[i].drawn() {
			st.share[s] = p.shiftShare(p.shareRange[i].at(r.Float64()))
		}
	}
	for i, c := range p.rateCol {
		st.rate[c] = p.rateRange[i].at(r.Float64())
	}
}

// eval computes duty and trade effect by direction and sector for draw st
// into out[dir][0] (duty) and out[dir][1] (trade).
func (p *mcPlan) eval(st *mcState, out *[2][2][]float64) {
	for di := range 2 {
		dir := &p.dirs[di]
		// The lines that clip in this draw: their trade effect is -V, not
		// the linear -e V tau the sector's sum counts for them.
		exTrade := st.exact[di][1]
		clear(exTrade)
		terms, rate := dir.exactTerms, st.rate
		for i := range dir.exact {
			l := &dir.exact[i]
			if float64(st.k*l.key) <= 1 {
				break // nor can any line after it
			}
			c := 0.0
			if dir.drawn[l.sector] {
				c = st.share[l.sector]
			}
			tau := l.f0 - float64(c*l.f1)
			for _, t := range terms[l.from:l.to] {
				tau += float64(rate[t.col] * float64(t.a-float64(c*t.b)))
			}
			x := float64(float64(float64(st.k*dir.q[l.sector])*l.v) * tau)
			if x > l.v { // max(-V, -x) = -V: add back x - V
				exTrade[l.sector] += x - l.v
			}
		}
		for s := range p.nSec {
			c := 0.0
			if dir.drawn[s] {
				c = st.share[s]
			}
			dn := dir.never[s].at(c, st.rate)
			da := dir.always[s].at(c, st.rate)
			out[di][0][s] = dn + da
			out[di][1][s] = -float64(float64(st.k*dir.q[s])*dn) - dir.alwaysV[s] + exTrade[s] - dir.banned[s]
		}
	}
}

// fold turns sums by measure column into a linear form: the columns whose
// rate is not drawn into f0 and f1 (in column order: a fixed order of
// summation), the others kept as terms.
func (p *mcPlan) fold(sums map[int]*acc) linear {
	cols := make([]int, 0, len(sums))
	for c := range sums {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	var l linear
	for _, c := range cols {
		a := sums[c]
		if slices.Contains(p.rateCol, c) {
			l.drawn = append(l.drawn, aggTerm{col: c, a: a.a, b: a.b})
			continue
		}
		r := p.baseRate[c]
		l.f0 += float64(r * a.a)
		l.f1 += float64(r * a.b)
	}
	return l
}

// acc is a pair of sums of one measure column.
type acc struct{ a, b float64 }
