package scenarios

// Term is one active measure's part of a line's additional tariff (docs/SPEC.md
// section 2): Rate * Cov * (1 - c(l) * Exempt).
type Term struct {
	// Measure is the position of the measure in Scenario.Measures.
	Measure int
	Rate    float64 // rate(m)
	// Cov is cov'(m,l): the coverage after precedence. It does not depend
	// on the rates or the CUSMA shares.
	Cov float64
	// Exempt is x(m) for a CUSMA-exempt measure, else 0.
	Exempt float64
}

// LineTerms is one trade line's tariff taken apart by active measure.
type LineTerms struct {
	Index  int     // position of the line in its direction (Model.Line)
	Sector int     // position of its sector in Model.Sectors
	Value  float64 // V(l)
	// Ban is B(l), the line's largest active ban coverage (docs/SPEC.md section
	// 2.1): the terms' duty falls on V(l) (1 - Ban).
	Ban   float64
	Share float64 // c(l) under the model's params
	// UpperBound is set when a measure's coverage of the line is an upper
	// bound.
	UpperBound bool
	Terms      []Term // in scenario order
}

// Tariff returns tau(l) with the line's own CUSMA share: the sum of its
// terms, added in the engine's order.
func (lt LineTerms) Tariff() float64 {
	tau := 0.0
	for _, t := range lt.Terms {
		tau += t.Rate * t.Cov * (1 - lt.Share*t.Exempt)
	}
	return tau
}

// Contributions takes the additional tariff of every line of direction d
// apart: for each line that an active measure covers (cov'(m,l) > 0), the
// rate, coverage after precedence and CUSMA-exempt share of each such
// measure, measures of rate 0 included, and the line's ban coverage B(l).
// It walks the same scopes and precedence as Evaluate, so tau(l) = sum over
// the terms of rate * cov' * (1 - c(l) x) is the engine's tariff; bans are
// not terms (they have no rate) but set Ban; lines no measure covers are
// left out.
func (m *Model) Contributions(sc *Scenario, d Direction, asOf Date) []LineTerms {
	di := d.Index()
	t := m.tables[di]
	n := t.len()
	active := activeMeasures(sc, d, asOf)
	if len(active) == 0 {
		return nil
	}
	position := make(map[*Measure]int, len(sc.Measures))
	for i := range sc.Measures {
		position[&sc.Measures[i]] = i
	}
	scopes := make([]*scope, len(active))
	for k, me := range active {
		scopes[k] = m.scope(di, me)
	}
	bc := bans(active, scopes, n)
	covs, count := m.coveredTerms(active, scopes, n)
	out, lineAt := m.termLines(di, count, bc)
	for k, me := range active {
		if me.IsBan() {
			continue
		}
		s := scopes[k]
		x := 0.0
		if me.CUSMAExempt {
			x = me.ExemptShare()
		}
		for j, i := range s.idx {
			cov := covs[k][j]
			if cov == 0 {
				continue
			}
			lt := &out[lineAt[i]-1]
			lt.Terms = append(lt.Terms, Term{Measure: position[me], Rate: me.Rate, Cov: cov, Exempt: x})
			if s.ub[j] {
				lt.UpperBound = true
			}
		}
	}
	return out
}

// coveredTerms returns by active measure (bans left out) its coverage after
// precedence, cov'(m,l), by entry of its scope, and by line the number of
// measures that cover it.
func (m *Model) coveredTerms(active []*Measure, scopes []*scope, n int) (covs [][]float64, count []int) {
	count = make([]int, n)
	covs = make([][]float64, len(active))
	var p []float64
	for k, me := range active {
		if me.IsBan() {
			continue
		}
		s := scopes[k]
		yields := m.precedence(active, scopes, k, &p, n)
		covs[k] = make([]float64, len(s.idx))
		for j, i := range s.idx {
			cov := s.cov[j]
			if yields {
				cov *= 1 - p[i]
			}
			covs[k][j] = cov
			if cov != 0 {
				count[i]++
			}
		}
	}
	return covs, count
}

// termLines returns a LineTerms, its terms yet empty, for every line of
// direction di that a measure or a ban covers, the terms of all lines in one
// array (count by line), and by line its position in out plus one (0 where
// it has none).
func (m *Model) termLines(di int, count []int, bc banCover) (out []LineTerms, lineAt []int) {
	t := m.tables[di]
	n := t.len()
	lineAt = make([]int, n)
	total := 0
	for i := range n {
		total += count[i]
	}
	terms := make([]Term, total)
	off := 0
	for i := range n {
		if count[i] == 0 && bc.cov[i] == 0 {
			continue
		}
		out = append(out, LineTerms{Index: i, Sector: t.sector[i], Value: t.value[i], Ban: bc.cov[i], Share: m.lineShare(di, t, i),
			Terms: terms[off : off : off+count[i]], UpperBound: bc.ub[i]})
		lineAt[i] = len(out)
		off += count[i]
	}
	return out, lineAt
}
