package scenarios

import "math/rand/v2"

// MonteCarloDraw is one draw of a Monte Carlo run and its outcome, for tests: the
// elasticity multiplier, the CUSMA share and the move of the lines' shares
// by sector code (the sectors drawn from a range), the rate by measure id, and the duty and trade effect by
// direction index and sector position.
type MonteCarloDraw struct {
	K     float64
	Share map[string]float64
	Move  map[string]float64
	Rate  map[string]float64
	Duty  [2][]float64
	Trade [2][]float64
}

// MonteCarloDraws runs the first n draws of MonteCarlo's sequence and
// returns each one with its outcome.
func (m *Model) MonteCarloDraws(sc *Scenario, asOf Date, u MonteCarloInputs, n int, seed uint64) []MonteCarloDraw {
	p := m.plan(sc, asOf, u)
	st := p.newState()
	r := rand.New(rand.NewPCG(seed, monteCarloStream))
	var out [2][2][]float64
	for di := range 2 {
		out[di] = [2][]float64{make([]float64, len(m.Sectors)), make([]float64, len(m.Sectors))}
	}
	draws := make([]MonteCarloDraw, n)
	for k := range n {
		p.draw(r, st)
		p.eval(st, &out)
		d := MonteCarloDraw{K: st.k, Share: map[string]float64{}, Move: map[string]float64{}, Rate: map[string]float64{}}
		for _, s := range p.shareSec {
			d.Share[m.Sectors[s].Code] = st.share[s]
			d.Move[m.Sectors[s].Code] = st.move[s]
		}
		for _, c := range p.rateCol {
			d.Rate[sc.Measures[c].ID] = st.rate[c]
		}
		for di := range 2 {
			d.Duty[di] = append([]float64(nil), out[di][0]...)
			d.Trade[di] = append([]float64(nil), out[di][1]...)
		}
		draws[k] = d
	}
	return draws
}

// ExactLines returns how many lines of each direction the plan evaluates
// one by one (their trade effect may clip within the ranges).
func (m *Model) ExactLines(sc *Scenario, asOf Date, u MonteCarloInputs) [2]int {
	p := m.plan(sc, asOf, u)
	return [2]int{len(p.dirs[0].exact), len(p.dirs[1].exact)}
}

// WithMovedShares returns a copy of m whose lines into the US have the
// shares a draw's moves give them, as their own claim shares (no shift):
// the engine then computes the draw line by line.
func (m *Model) WithMovedShares(move map[string]float64) *Model {
	c := *m
	c.Params = m.Params.Clone()
	c.CUSMAShift = 0
	di := CAtoUS.Index()
	t := m.tables[di]
	nt := &lineTable{code: t.code, sector: t.sector, value: t.value, desc: t.desc, province: t.province,
		sorted: t.sorted, lengths: t.lengths, source: t.source,
		claim: make([]float64, t.len()), hasClaim: make([]bool, t.len())}
	for i := range t.len() {
		s := t.sector[i]
		nt.claim[i] = movedShare(m.lineShare(di, t, i), move[m.Sectors[s].Code])
		nt.hasClaim[i] = true
		c.CUSMAFixed[di][s] = false
	}
	c.tables[di] = nt
	return &c
}
