package scenarios

import (
	"slices"
	"strings"
)

// Contribution is what one active measure adds to one line's tariff, with
// each factor of SPEC section 2.
type Contribution struct {
	Measure *Measure
	Cover   Cover
	// Yield is P(l): the coverage of the programmes the measure yields to,
	// and YieldTo the measure that holds it.
	Yield   float64
	YieldTo string
	// CUSMAShare is c(l) and Exempt x(m), for a CUSMA-exempt measure.
	CUSMAShare float64
	Exempt     float64
	// Dutiable is d(m,l).
	Dutiable float64
	// Added is rate(m) cov'(m,l) d(m,l); 0 for a ban.
	Added float64
	// Banned is, for the ban that holds the line's B(l) (the first active
	// ban in scenario order with the largest coverage), the banned value
	// V(l) B(l); 0 for other bans (bans do not add) and for duties.
	Banned float64
}

// ExplainLine returns line i of direction d evaluated on asOf and what each
// active measure of the direction adds to its tariff, or for a ban the value
// it takes away (measures that do not cover the line are left out).
func (m *Model) ExplainLine(sc *Scenario, d Direction, i int, asOf Date) (LineFlow, []Contribution) {
	di := d.Index()
	t := m.tables[di]
	active := activeMeasures(sc, d, asOf)
	covers := make([]Cover, len(active))
	ban, holder, banUB := 0.0, -1, false
	for k, me := range active {
		covers[k] = m.coverLine(di, me, i)
		if cov := covers[k].Coverage(); me.IsBan() && cov > 0 {
			if cov > ban {
				ban, holder = cov, k
			}
			banUB = banUB || covers[k].UpperBound()
		}
	}
	c := m.lineShare(di, t, i)
	var out []Contribution
	tau, ub := 0.0, false
	for k, me := range active {
		cv := covers[k]
		cov := cv.Coverage()
		if cov == 0 {
			continue
		}
		ct := Contribution{Measure: me, Cover: cv, Dutiable: 1}
		if me.IsBan() {
			ct.Dutiable = 0
			if k == holder {
				ct.Banned = t.value[i] * ban
			}
			out = append(out, ct)
			continue
		}
		if len(me.YieldsTo) > 0 {
			for j, other := range active {
				if j != k && slices.Contains(me.YieldsTo, other.Program) && covers[j].Coverage() > ct.Yield {
					ct.Yield, ct.YieldTo = covers[j].Coverage(), other.ID
				}
			}
		}
		if me.CUSMAExempt {
			ct.CUSMAShare, ct.Exempt = c, me.ExemptShare()
			ct.Dutiable = 1 - c*ct.Exempt
		}
		ct.Added = me.Rate * cov * (1 - ct.Yield) * ct.Dutiable
		if ct.Added != 0 {
			tau += ct.Added
			ub = ub || cv.UpperBound()
		}
		out = append(out, ct)
	}
	lf := m.lineFlow(d, t, i, tau, ban)
	lf.CUSMAShare = c
	lf.UpperBound = (ub && lf.Duty != 0) || (banUB && lf.Banned != 0)
	return lf, out
}

// FindLines returns the lines of direction d whose code starts with the
// digits of query (dots and spaces ignored), or else whose description holds
// every word of query (or its Census abbreviation, see descAbbreviations),
// in code order, at most limit of them (0: all).
func (m *Model) FindLines(d Direction, query string, limit int) []int {
	t := m.tables[d.Index()]
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	var out []int
	if code, ok := NormalizeCode(q); ok || isDigits(strings.NewReplacer(".", "", " ", "").Replace(q)) {
		if !ok {
			code = strings.NewReplacer(".", "", " ", "").Replace(q)
		}
		lo, hi := t.prefixRange(code)
		out = append(out, t.sorted[lo:hi]...)
		// A chapter line holds every code of its chapter.
		for k := 2; k < len(code); k++ {
			out = append(out, t.exact(code[:k])...)
		}
	} else {
		words := strings.Fields(strings.ToLower(q))
		for _, i := range t.sorted {
			desc := strings.ToLower(t.desc[i])
			all := true
			for _, w := range words {
				if !descHas(desc, w) {
					all = false
					break
				}
			}
			if all {
				out = append(out, i)
			}
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// SectorLines returns the lines of sector code in direction d, in code order.
func (m *Model) SectorLines(d Direction, code string) []int {
	si, ok := m.index[code]
	if !ok {
		return nil
	}
	t := m.tables[d.Index()]
	var out []int
	for _, i := range t.sorted {
		if t.sector[i] == si {
			out = append(out, i)
		}
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SectorMeasure is what one active measure does to the lines of a sector.
type SectorMeasure struct {
	Measure *Measure
	// Lines is the number of the sector's lines it covers: cov'(m,l) > 0
	// for a duty, cov(b,l) > 0 for a ban.
	Lines int
	// Duty is the duty it adds in the sector: the sum over the lines of
	// V(l) (1 - B(l)) rate(m) cov'(m,l) d(m,l).
	Duty float64
	// Banned is, for a ban, the banned value it holds in the sector (as in
	// Result.Measures: each line's V(l) B(l) goes to the first ban with
	// the largest coverage).
	Banned float64
	// UpperBound is set when it covers a line of the sector only partly
	// or without a content share, or its note flags the sector.
	UpperBound bool
}

// SectorExplanation takes a sector's figures apart: the active measures
// that hit at least one of its lines, and the CUSMA claim shares its lines
// use.
type SectorExplanation struct {
	Measures []SectorMeasure // in scenario order
	Lines    int             // the sector's lines in the direction
	// OwnShares is the number of lines that use a claim share of their own
	// (SPEC section 2: e.g. the HTS10 line's H2 2025 share) rather than the
	// sector's; when it is not 0, no one sector share is used.
	OwnShares int
	// CUSMAShare is the value-weighted mean of the shares c(l) the lines
	// use: sum V(l) c(l) / sum V(l) (the sector's share when no line has
	// value).
	CUSMAShare float64
}

// ExplainSector returns what each active measure of direction d does to
// the lines of sector code on asOf, leaving out the measures that hit none
// of them, and the CUSMA shares the lines use.
func (m *Model) ExplainSector(sc *Scenario, d Direction, code string, asOf Date) SectorExplanation {
	var ex SectorExplanation
	si, ok := m.index[code]
	if !ok {
		return ex
	}
	di := d.Index()
	t := m.tables[di]
	var v, vc float64
	for i := range t.len() {
		if t.sector[i] != si {
			continue
		}
		ex.Lines++
		c := m.lineShare(di, t, i)
		v += t.value[i]
		vc += t.value[i] * c
		if t.hasClaim[i] && !m.CUSMAFixed[di][si] {
			ex.OwnShares++
		}
	}
	ex.CUSMAShare = m.CUSMAShare[di][si]
	if v != 0 {
		ex.CUSMAShare = vc / v
	}
	active := activeMeasures(sc, d, asOf)
	if len(active) == 0 {
		return ex
	}
	scopes := make([]*scope, len(active))
	for k, me := range active {
		scopes[k] = m.scope(di, me)
	}
	bc := bans(active, scopes, t.len())
	parts := make([]SectorMeasure, len(active))
	at := make(map[*Measure]int, len(active))
	for k, me := range active {
		parts[k].Measure = me
		at[me] = k
		s := scopes[k]
		for j, i := range s.idx {
			if t.sector[i] != si || s.cov[j] == 0 {
				continue
			}
			if s.ub[j] {
				parts[k].UpperBound = true
			}
			if me.IsBan() {
				parts[k].Lines++
				if bc.by[i] == k {
					parts[k].Banned += t.value[i] * bc.cov[i]
				}
			}
		}
	}
	for _, lt := range m.Contributions(sc, d, asOf) {
		if lt.Sector != si {
			continue
		}
		for _, tm := range lt.Terms {
			k := at[&sc.Measures[tm.Measure]]
			parts[k].Lines++
			parts[k].Duty += lt.Value * (1 - lt.Ban) * tm.Rate * tm.Cov * (1 - lt.Share*tm.Exempt)
		}
	}
	for _, p := range parts {
		if p.Lines > 0 {
			ex.Measures = append(ex.Measures, p)
		}
	}
	return ex
}
