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
// every word of query, in code order, at most limit of them (0: all).
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
			out = append(out, t.byCode[code[:k]]...)
		}
	} else {
		words := strings.Fields(strings.ToLower(q))
		for _, i := range t.sorted {
			desc := strings.ToLower(t.desc[i])
			all := true
			for _, w := range words {
				if !strings.Contains(desc, w) {
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
