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

// around returns the value at u in [0, 1) of the distribution on r whose
// median is c (clipped into r): uniform in [Lo, c] for u below one half,
// uniform in [c, Hi] above. Half the draws fall on each side of the point
// value c, so the point is the median whatever its place in the range; on a
// range centred on c this is the uniform distribution on r.
func (r Range) around(c, u float64) float64 {
	c = math.Min(r.Hi, math.Max(r.Lo, c))
	if u < 0.5 {
		return c + float64((r.Lo-c)*float64(1-float64(2*u)))
	}
	return c + float64((r.Hi-c)*float64(float64(2*u)-1))
}

// MonteCarloInputs says what a Monte Carlo run draws. Everything it does not
// name keeps the scenario's value.
type MonteCarloInputs struct {
	// CUSMA is the range of the CUSMA claim share into the US by sector
	// code (e.g. its lowest and highest monthly share while the measures
	// that depend on claims were in force), widened to hold the sector's
	// own share c(s) when it lies outside. A draw gives the sector a share
	// c* in the range and moves every line of the sector from its own
	// share c(l) the same way: towards 1 by (c* - c(s)) / (1 - c(s)) of
	// the way when c* is above c(s), towards 0 in proportion c* / c(s)
	// when below. A line keeps its place among the sector's lines, the
	// sector's share (weighted as c(s) is) becomes c*, and c* = c(s)
	// gives every line its own share: the point estimate.
	//
	// One draw places every sector at the same quantile of its range (the
	// sectors' monthly shares rise and fall together), half the draws
	// below c(s) and half above. Sectors without a range, and sectors
	// whose share the scenario overrides (the user fixed it), keep their
	// shares; flows into Canada have no share data and are not drawn.
	CUSMA map[string]Range
	// Elasticity is the range of the elasticity multiplier: one draw for
	// all sectors (the low and high multipliers are scenario-wide), half
	// the draws below the point estimate's multiplier 1 and half above.
	// The zero Range means the multiplier 1.
	Elasticity Range
	// Rates draws the rate of each active measure the user marked
	// uncertain (Measure.Uncertain) in [RateLow, RateHigh], each on its
	// own, half the draws below its rate and half above.
	Rates bool
	// CUSMAMonths are the months ("2006-01") the CUSMA ranges were taken
	// from, kept in the MonteCarloResult for the record (labels and footnotes).
	CUSMAMonths []string
}

// MonteCarloInputs returns what a scenario's Monte Carlo draws by default: the
// CUSMA shares of the given ranges, the elasticity between the model's low
// and high multipliers, and every rate the user marked uncertain.
func (m *Model) MonteCarloInputs(cusma map[string]Range) MonteCarloInputs {
	return MonteCarloInputs{CUSMA: cusma, Elasticity: Range{m.ElasticityLow, m.ElasticityHigh}, Rates: true}
}

// Percentiles is the 10th, 50th and 90th percentiles of a value over the draws.
type Percentiles struct{ P10, P50, P90 float64 }

// MonteCarloFlow is the percentiles of one sector in one direction.
type MonteCarloFlow struct {
	Direction   Direction
	Sector      string
	Duty        Percentiles // duty at stake, US$
	TradeChange Percentiles // trade effect, US$ (negative: fewer imports)
}

// MonteCarloTotals is the percentiles of one direction's totals.
type MonteCarloTotals struct {
	Duty        Percentiles
	TradeChange Percentiles
}

// MonteCarloResult are the result of a Monte Carlo run: P10/P50/P90 of duty at stake
// and of the trade effect per sector and direction (in the order of
// Result.Flows) and of each direction's totals (by direction index).
type MonteCarloResult struct {
	Draws  int
	Seed   uint64
	Flows  []MonteCarloFlow
	Totals [2]MonteCarloTotals
	// What was drawn: the sectors whose CUSMA share came from a range, the
	// elasticity multiplier's range (zero: not drawn) and the ids of the
	// measures whose rate was drawn.
	CUSMASectors []string
	Elasticity   Range
	Rates        []string
	// CUSMAMonths are MonteCarloInputs.CUSMAMonths: the months the CUSMA ranges
	// span (nil when not given).
	CUSMAMonths []string
}

// MonthSpan writes the months the CUSMA ranges span: "2025-03 to 2026-02",
// one month alone, or "" when none was given.
func (b *MonteCarloResult) MonthSpan() string {
	switch n := len(b.CUSMAMonths); n {
	case 0:
		return ""
	case 1:
		return b.CUSMAMonths[0]
	default:
		return b.CUSMAMonths[0] + " to " + b.CUSMAMonths[n-1]
	}
}

// Flow returns the percentiles of sector code in direction d.
func (b *MonteCarloResult) Flow(d Direction, code string) (MonteCarloFlow, bool) {
	for _, f := range b.Flows {
		if f.Direction == d && f.Sector == code {
			return f, true
		}
	}
	return MonteCarloFlow{}, false
}

// MaxDraws bounds a Monte Carlo run.
const MaxDraws = 1_000_000

// monteCarloStream is the PCG stream of every run (the ASCII of
// "Parley"): with the seed it fixes the sequence of draws.
const monteCarloStream = 0x5061726c6579

// MonteCarlo draws the uncertain inputs u draws times and returns the
// P10/P50/P90 of duty at stake and of the trade effect, per sector
// and direction and for each direction's totals, of the scenario on asOf.
//
// Every input is drawn with its point value as its median (Range.around),
// and the duty and trade effect move one way with each input, so the point
// estimate of each sector and total lies within its P10–P90 unless more
// than three inputs are drawn independently of one another (the shares of
// all sectors count as one, the multiplier as one for the trade effect,
// each uncertain rate as one): then at least one draw in eight falls on
// each side of the point (the multiplier's range must hold 1, the point
// estimate's).
//
// The run is reproducible: the same model, scenario, date, inputs,
// draws and seed give the same percentiles on every platform. The generator is
// math/rand/v2's PCG seeded with (seed, a fixed stream); each draw takes
// its numbers in a fixed order (the elasticity multiplier, then one number
// for the CUSMA shares of all sectors, then the uncertain rates in
// scenario order, each only when its range is a proper interval); the arithmetic rounds every
// product (no fused multiply-add) and sums in a fixed order; percentiles
// interpolate linearly between order statistics (the sample quantile of
// type 7: h = (n-1)p).
//
// It does not evaluate the engine per draw. For a fixed date and scopes,
// each line's tariff is linear in its CUSMA share and in each rate, and
// cov'(m,l) does not depend on the draws (Contributions); a line's share is
// c(l) + t (1 - c(l)) for a sector's move t >= 0 and c(l) + t c(l) for
// t < 0. Per sector and measure it sums A = V cov' (1 - c(l) x), B+ = V cov'
// x (1 - c(l)) and B- = V cov' x c(l) over the lines (V the value that bears
// duties, V (1 - B(l)) where import bans take the rest), and a draw's duty
// is the sum of rate (A - t B±); the banned value is the same in every
// draw, as in the point estimate. The trade effect is linear in
// the duty too, except on lines where max(-V, ...) clips: lines that clip
// for every draw contribute -V, and only the lines that may clip somewhere
// in the ranges are evaluated one by one.
func (m *Model) MonteCarlo(sc *Scenario, asOf Date, u MonteCarloInputs, draws int, seed uint64) (MonteCarloResult, error) {
	if draws < 1 || draws > MaxDraws {
		return MonteCarloResult{}, fmt.Errorf("monte carlo: %d draws: want 1 to %d", draws, MaxDraws)
	}
	if err := u.check(); err != nil {
		return MonteCarloResult{}, err
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
	b := MonteCarloResult{Draws: draws, Seed: seed, Flows: make([]MonteCarloFlow, 0, 2*nSec)}
	if len(p.shareSec) > 0 {
		b.CUSMAMonths = slices.Clone(u.CUSMAMonths)
	}
	for di, d := range Directions {
		for s, sec := range m.Sectors {
			b.Flows = append(b.Flows, MonteCarloFlow{Direction: d, Sector: sec.Code,
				Duty: percentilesOf(series((di*nSec + s) * 2)), TradeChange: percentilesOf(series((di*nSec+s)*2 + 1))})
		}
		b.Totals[di] = MonteCarloTotals{Duty: percentilesOf(series((2*nSec + di) * 2)), TradeChange: percentilesOf(series((2*nSec+di)*2 + 1))}
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

func (u MonteCarloInputs) check() error {
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

// percentilesOf returns the percentiles of vs, which it sorts.
func percentilesOf(vs []float64) Percentiles {
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
	return Percentiles{P10: quantile(vs, 0.10), P50: quantile(vs, 0.50), P90: quantile(vs, 0.90)}
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
	// shareSec are the sectors (flows into the US) whose share is drawn,
	// with the range of their move t (Lo <= 0 <= Hi): t = 0 is every
	// line's own share, t = -1 share 0, t = 1 share 1.
	shareSec  []int
	shareMove []Range
	// shareRef and shareRange are by shareSec the sector's own share c(s)
	// and the range its share is drawn in (widened to hold c(s)), after
	// the model's CUSMA shift.
	shareRef   []float64
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

// linear is a duty (or a tariff) as a function of a draw: f0 - t f1[±] +
// the sum over the drawn rates of rate (a - t b[±]), with t the sector's
// move (0 where its share is not drawn) and ± its sign (index 0 for t >= 0,
// 1 for t < 0). The measures whose rate is not drawn are folded into f0
// and f1, so that a draw costs one term per uncertain rate.
type linear struct {
	f0    float64
	f1    [2]float64
	drawn []aggTerm
}

// at returns the value of l for the move t and the rates.
func (l *linear) at(t float64, rate []float64) float64 {
	side := moveSide(t)
	v := l.f0 - float64(t*l.f1[side])
	for _, d := range l.drawn {
		v += float64(rate[d.col] * float64(d.a-float64(t*d.b[side])))
	}
	return v
}

// moveSide is the index of the coefficients of a move t: 0 up, 1 down.
func moveSide(t float64) int {
	if t < 0 {
		return 1
	}
	return 0
}

// aggTerm is one measure's part of a linear form: a = the sum of V cov'
// (1 - c(l) x), b[0] = the sum of V cov' x (1 - c(l)) and b[1] = the sum
// of V cov' x c(l).
type aggTerm struct {
	col int
	a   float64
	b   [2]float64
}

// exactLine is a line whose trade effect may clip within the ranges: its
// value and its tariff as a linear form, whose drawn terms are
// mcDir.exactTerms[from:to].
type exactLine struct {
	sector   int
	v        float64
	f0       float64
	f1       [2]float64
	from, to int
	// key is the largest e(s) tau / (1 + t0(s)) the line can reach: it
	// clips in a draw only when the draw's multiplier times key is above 1.
	key float64
}

// mcState is one draw: the elasticity multiplier, the sectors' moves
// (and the shares they give the sectors) and the rates by column.
type mcState struct {
	k     float64
	move  []float64 // by sector; 0 where not drawn
	share []float64 // by sector: the drawn sector share c*; where drawn
	rate  []float64 // by measure of the scenario
	exact [2][2][]float64
}

// moveRange returns the range of the move t of a sector whose own share is
// ref and whose share is drawn in r (which holds ref).
func moveRange(ref float64, r Range) Range {
	var m Range
	if ref > 0 {
		m.Lo = (r.Lo - ref) / ref
	}
	if ref < 1 {
		m.Hi = (r.Hi - ref) / (1 - ref)
	}
	return Range{Lo: math.Max(-1, math.Min(0, m.Lo)), Hi: math.Min(1, math.Max(0, m.Hi))}
}

// moveOf returns the move t that gives a sector of own share ref the share c.
func moveOf(ref, c float64) float64 {
	switch {
	case c > ref && ref < 1:
		return (c - ref) / (1 - ref)
	case c < ref && ref > 0:
		return (c - ref) / ref
	}
	return 0
}

// movedShare returns the share of a line of own share c under the move t.
func movedShare(c, t float64) float64 {
	if t < 0 {
		return c + float64(t*c)
	}
	return c + float64(t*(1-c))
}

// plan prepares sc for fast draws on asOf under u.
func (m *Model) plan(sc *Scenario, asOf Date, u MonteCarloInputs) *mcPlan {
	p := &mcPlan{nSec: len(m.Sectors), k: Range{1, 1}, shift: m.CUSMAShift, baseRate: make([]float64, len(sc.Measures))}
	if !u.Elasticity.IsZero() {
		p.k = u.Elasticity
	}
	moves := p.planShares(m, u)
	rates := p.planRates(sc, asOf, u)
	for di, d := range Directions {
		p.planDir(&p.dirs[di], m, m.Contributions(sc, d, asOf), d, moves, rates)
	}
	return p
}

// planShares picks the sectors whose share is drawn and returns by sector
// the range of its move (zero where its share is not drawn).
func (p *mcPlan) planShares(m *Model, u MonteCarloInputs) []Range {
	moves := make([]Range, p.nSec)
	for s, sec := range m.Sectors {
		r, ok := u.CUSMA[sec.Code]
		if !ok || m.CUSMAFixed[CAtoUS.Index()][s] {
			continue
		}
		ref := p.shiftShare(m.CUSMAShare[CAtoUS.Index()][s])
		r = Range{Lo: math.Min(ref, p.shiftShare(r.Lo)), Hi: math.Max(ref, p.shiftShare(r.Hi))}
		mv := moveRange(ref, r)
		if !mv.drawn() {
			continue
		}
		moves[s] = mv
		p.shareSec = append(p.shareSec, s)
		p.shareMove = append(p.shareMove, mv)
		p.shareRef = append(p.shareRef, ref)
		p.shareRange = append(p.shareRange, r)
	}
	return moves
}

// planRates picks the measures whose rate is drawn and returns by measure
// the range of its rate (Lo == Hi where it is not drawn).
func (p *mcPlan) planRates(sc *Scenario, asOf Date, u MonteCarloInputs) []Range {
	rates := make([]Range, len(sc.Measures))
	for i := range sc.Measures {
		me := &sc.Measures[i]
		p.baseRate[i], rates[i] = me.Rate, Range{me.Rate, me.Rate}
		if u.Rates && me.Uncertain() && sc.Active(me, asOf) && me.RateHigh > me.RateLow {
			p.rateCol = append(p.rateCol, i)
			p.rateRange = append(p.rateRange, Range{me.RateLow, me.RateHigh})
			rates[i] = Range{me.RateLow, me.RateHigh}
		}
	}
	return rates
}

// pendingExact is an exact line and its drawn terms, before the exact lines
// of a direction are put in order.
type pendingExact struct {
	line  exactLine
	terms []aggTerm
}

// dirSums are a direction's sums by sector and measure column while a plan
// is made, folded at the end (fold).
type dirSums struct {
	never, always []map[int]*acc
	exact         []pendingExact
}

// addTerms adds the terms of line lt times v to sums.
func addTerms(sums map[int]*acc, lt LineTerms, v float64) {
	for _, t := range lt.Terms {
		a := sums[t.Measure]
		if a == nil {
			a = &acc{}
			sums[t.Measure] = a
		}
		vc := float64(v * t.Cov)
		vcx := float64(vc * t.Exempt)
		a.a += float64(vc * float64(1-float64(lt.Share*t.Exempt)))
		a.b[0] += float64(vcx * float64(1-lt.Share))
		a.b[1] += float64(vcx * lt.Share)
	}
}

// addSector adds the terms of line lt times v (the line's value that bears
// duties: V(l) (1 - B(l))) to the sums of sector s.
func addSector(sums []map[int]*acc, s int, lt LineTerms, v float64) {
	if sums[s] == nil {
		sums[s] = map[int]*acc{}
	}
	addTerms(sums[s], lt, v)
}

// planDir prepares direction d of the plan from the terms of its lines,
// with by sector the range of its move and by measure the range of its rate.
func (p *mcPlan) planDir(dir *mcDir, m *Model, lines []LineTerms, d Direction, moves, rates []Range) {
	n := p.nSec
	dir.q = make([]float64, n)
	for s := range n {
		dir.q[s] = m.Elasticity[s] / (1 + m.BaselineTariff[s])
	}
	dir.never, dir.always = make([]linear, n), make([]linear, n)
	dir.alwaysV = make([]float64, n)
	dir.banned = make([]float64, n)
	sums := &dirSums{never: make([]map[int]*acc, n), always: make([]map[int]*acc, n)}
	for _, lt := range lines {
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
		if d == CAtoUS {
			cLo, cHi = movedShare(lt.Share, moves[s].Lo), movedShare(lt.Share, moves[s].Hi)
		}
		p.planLine(dir, sums, lt, v, Range{cLo, cHi}, rates)
	}
	// Largest possible e tau first: a draw stops at the first line
	// that cannot clip with its multiplier.
	slices.SortStableFunc(sums.exact, func(a, b pendingExact) int { return cmp.Compare(b.line.key, a.line.key) })
	for _, e := range sums.exact {
		e.line.from = len(dir.exactTerms)
		dir.exactTerms = append(dir.exactTerms, e.terms...)
		e.line.to = len(dir.exactTerms)
		dir.exact = append(dir.exact, e.line)
	}
	for s := range n {
		dir.never[s] = p.fold(sums.never[s])
		dir.always[s] = p.fold(sums.always[s])
	}
}

// planLine sorts line lt (of value v bearing duties, its share drawn in
// share) by whether its trade effect never clips, always clips or may clip
// within the ranges, and adds it to the sums.
func (p *mcPlan) planLine(dir *mcDir, sums *dirSums, lt LineTerms, v float64, share Range, rates []Range) {
	s := lt.Sector
	cLo, cHi := share.Lo, share.Hi
	var tauMax, tauMin float64
	for _, t := range lt.Terms {
		tauMax += float64(float64(rates[t.Measure].Hi*t.Cov) * float64(1-float64(cLo*t.Exempt)))
		tauMin += float64(float64(rates[t.Measure].Lo*t.Cov) * float64(1-float64(cHi*t.Exempt)))
	}
	switch {
	case float64(float64(p.k.Hi*dir.q[s])*tauMax) <= 1:
		addSector(sums.never, s, lt, v)
	case float64(float64(p.k.Lo*dir.q[s])*tauMin) >= 1:
		addSector(sums.always, s, lt, v)
		dir.alwaysV[s] += v
	default:
		// Its duty is linear like any line's; its trade effect
		// is linear too until it clips, which eval corrects.
		addSector(sums.never, s, lt, v)
		one := map[int]*acc{}
		addTerms(one, lt, 1)
		tau := p.fold(one)
		sums.exact = append(sums.exact, pendingExact{exactLine{sector: s, v: v, f0: tau.f0, f1: tau.f1,
			key: float64(dir.q[s] * tauMax)}, tau.drawn})
	}
}

// shiftShare applies the model's CUSMA shift to a share into the US.
func (p *mcPlan) shiftShare(c float64) float64 {
	if p.shift == 0 {
		return c
	}
	return math.Min(1, math.Max(0, c+p.shift))
}

func (p *mcPlan) newState() *mcState {
	st := &mcState{k: p.k.around(1, 0.5), move: make([]float64, p.nSec), share: make([]float64, p.nSec), rate: slices.Clone(p.baseRate)}
	for i, s := range p.shareSec {
		st.share[s] = p.shareRef[i]
	}
	for di := range 2 {
		st.exact[di] = [2][]float64{make([]float64, p.nSec), make([]float64, p.nSec)}
	}
	return st
}

// draw fills st with the next draw of r, in the fixed order: the
// multiplier, one number for the shares of all sectors, then the rates.
func (p *mcPlan) draw(r *rand.Rand, st *mcState) {
	if p.k.drawn() {
		st.k = p.k.around(1, r.Float64())
	}
	if len(p.shareSec) > 0 {
		u := r.Float64()
		for i, s := range p.shareSec {
			st.move[s] = p.shareMove[i].around(0, u)
			st.share[s] = p.shareRange[i].around(p.shareRef[i], u)
		}
	}
	for i, c := range p.rateCol {
		st.rate[c] = p.rateRange[i].around(p.baseRate[c], r.Float64())
	}
}

// eval computes duty and trade effect by direction and sector for draw st
// into out[dir][0] (duty) and out[dir][1] (trade).
func (p *mcPlan) eval(st *mcState, out *[2][2][]float64) {
	for di := range 2 {
		dir := &p.dirs[di]
		// Moves apply to flows into the US only.
		move := st.move
		if di != CAtoUS.Index() {
			move = nil
		}
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
			t := 0.0
			if move != nil {
				t = move[l.sector]
			}
			side := moveSide(t)
			tau := l.f0 - float64(t*l.f1[side])
			for _, d := range terms[l.from:l.to] {
				tau += float64(rate[d.col] * float64(d.a-float64(t*d.b[side])))
			}
			x := float64(float64(float64(st.k*dir.q[l.sector])*l.v) * tau)
			if x > l.v { // max(-V, -x) = -V: add back x - V
				exTrade[l.sector] += x - l.v
			}
		}
		for s := range p.nSec {
			t := 0.0
			if move != nil {
				t = move[s]
			}
			dn := dir.never[s].at(t, st.rate)
			da := dir.always[s].at(t, st.rate)
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
		l.f1[0] += float64(r * a.b[0])
		l.f1[1] += float64(r * a.b[1])
	}
	return l
}

// acc is the sums of one measure column: a, then b up and down (aggTerm).
type acc struct {
	a float64
	b [2]float64
}
