package scenarios

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// scopeKey identifies a measure's coverage of one direction's lines: the
// same sectors, products, content and upper-bound sectors give the same
// coverage.
type scopeKey struct {
	dir int
	sig string
}

// scope is a measure's coverage of one direction's lines, sparse: the lines
// with cov(m,l) > 0, their coverage, and whether each is an upper bound.
// Line indexes are 32 bits: a model's lines are far fewer, and a scope of
// every line is half the size.
type scope struct {
	idx []int32
	cov []float64
	ub  []bool
}

func signature(me *Measure) string {
	var b strings.Builder
	if me.Sectors == nil {
		b.WriteString("*all")
	}
	for _, k := range slices.Sorted(maps.Keys(me.Sectors)) {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(strconv.FormatFloat(me.Sectors[k], 'g', -1, 64))
		b.WriteByte(',')
	}
	b.WriteByte('|')
	if me.Products != nil {
		b.WriteString("p")
		if me.Products.Include != nil {
			b.WriteString("i:")
		}
		b.WriteString(strings.Join(me.Products.Include, ","))
		b.WriteByte('|')
		b.WriteString(strings.Join(me.Products.Exclude, ","))
	}
	b.WriteByte('|')
	b.WriteString(me.Content)
	b.WriteByte('|')
	b.WriteString(strings.Join(me.UpperBound, ","))
	return b.String()
}

// scope returns the measure's coverage of direction di, computing it once.
func (m *Model) scope(di int, me *Measure) *scope {
	key := scopeKey{di, signature(me)}
	m.scopes.mu.Lock()
	s, ok := m.scopes.m[key]
	m.scopes.mu.Unlock()
	if ok {
		return s
	}
	s = m.buildScope(di, me)
	m.scopes.mu.Lock()
	m.scopes.m[key] = s
	m.scopes.mu.Unlock()
	return s
}

// entryCodes expands product entries into codes: list:NAME into the list's
// codes (an unknown list has none), a code into its digits (an entry that is
// not a code matches nothing; validation reports it).
func (m *Model) entryCodes(entries []string) []string {
	var out []string
	m.eachEntryCodes(entries, func(codes []string) { out = append(out, codes...) })
	return out
}

// eachEntryCodes calls fn with the codes of each entry, as entryCodes
// expands them: a list's codes (sorted) in one call, without a copy.
func (m *Model) eachEntryCodes(entries []string, fn func(codes []string)) {
	for _, e := range entries {
		if name, ok := strings.CutPrefix(strings.TrimSpace(e), ListPrefix); ok {
			if l := m.ref.Lists[strings.TrimSpace(name)]; l != nil && len(l.Codes) > 0 {
				fn(l.Codes)
			}
			continue
		}
		if c, ok := NormalizeCode(e); ok {
			fn([]string{c})
		}
	}
}

// Match states of a line against a set of product entries.
const (
	matchNone    = 0
	matchPartly  = 1 // the entry is longer and starts with the line's code
	matchFully   = 2 // the line's code starts with the entry
	matchUnknown = 3
)

// markMatches records for every line its best match against codes. Codes
// in increasing order (a list's) are found walking on from the last.
func (t *lineTable) markMatches(codes []string, state []uint8) {
	from := 0
	for k, c := range codes {
		if k > 0 && c < codes[k-1] {
			from = 0
		}
		lo, hi := t.prefixRangeFrom(c, from)
		from = lo
		for _, i := range t.sorted[lo:hi] {
			state[i] = matchFully
		}
		for k := 2; k < len(c); k++ {
			for _, i := range t.exact(c[:k]) {
				if state[i] == matchNone {
					state[i] = matchPartly
				}
			}
		}
	}
}

func (m *Model) buildScope(di int, me *Measure) *scope {
	t := m.tables[di]
	n := t.len()
	inc, exc := m.productMarks(t, me)
	defer m.putMarks(inc)
	defer m.putMarks(exc)
	ci := contentIndex(me.Content)
	var content []*ContentShare
	if ci >= 0 {
		content = t.shares()
	}
	secCov, secUB := m.sectorCover(me)
	size := 0 // the lines of its sectors and include lists: room for them only
	for i := range n {
		if secCov[t.sector[i]] != 0 && (inc == nil || inc[i] != matchNone) {
			size++
		}
	}
	s := &scope{idx: make([]int32, 0, size), cov: make([]float64, 0, size), ub: make([]bool, 0, size)}
	for i := range n {
		sec := secCov[t.sector[i]]
		if sec == 0 {
			continue
		}
		in, listUB := listsCover(inc, exc, i)
		if !in {
			continue
		}
		ub := secUB[t.sector[i]] || listUB
		k := 1.0
		if ci >= 0 {
			if cs := content[i]; cs != nil {
				k = ClipShare(cs[ci])
			} else {
				ub = true
			}
		}
		cov := sec * k
		if cov == 0 {
			continue
		}
		s.idx = append(s.idx, int32(i))
		s.cov = append(s.cov, cov)
		s.ub = append(s.ub, ub)
	}
	return s
}

// productMarks returns by line of t how me's include and exclude lists
// match it, nil for a list me does not give.
// The marks come from m's pool: the caller gives them back (putMarks).
func (m *Model) productMarks(t *lineTable, me *Measure) (inc, exc []uint8) {
	if me.Products.HasInclude() {
		inc = m.getMarks(t.len())
		m.eachEntryCodes(me.Products.Include, func(codes []string) { t.markMatches(codes, inc) })
	}
	if me.Products != nil && len(me.Products.Exclude) > 0 {
		exc = m.getMarks(t.len())
		m.eachEntryCodes(me.Products.Exclude, func(codes []string) { t.markMatches(codes, exc) })
	}
	return inc, exc
}

// getMarks returns n match states, all matchNone.
func (m *Model) getMarks(n int) []uint8 {
	if p, ok := m.scopes.marks.Get().(*[]uint8); ok && cap(*p) >= n {
		s := (*p)[:n]
		clear(s)
		return s
	}
	return make([]uint8, n)
}

// putMarks gives match states back to m's pool (nil: none).
func (m *Model) putMarks(s []uint8) {
	if s != nil {
		m.scopes.marks.Put(&s)
	}
}

// sectorCover returns by sector of the model me's coverage and whether it
// is an upper bound.
func (m *Model) sectorCover(me *Measure) (cov []float64, ub []bool) {
	cov = make([]float64, len(m.Sectors))
	ub = make([]bool, len(m.Sectors))
	for i, s := range m.Sectors {
		cov[i] = me.Coverage(s.Code)
		ub[i] = me.IsUpperBound(s.Code)
	}
	return cov, ub
}

// listsCover reports whether the include and exclude marks (nil: no such
// list) keep line i in a measure's scope, and whether a partial match makes
// it an upper bound.
func listsCover(inc, exc []uint8, i int) (in, ub bool) {
	if inc != nil {
		switch inc[i] {
		case matchNone:
			return false, false
		case matchPartly:
			ub = true
		}
	}
	if exc != nil {
		switch exc[i] {
		case matchFully:
			return false, false
		case matchPartly:
			ub = true
		}
	}
	return true, ub
}

// Cover is how one measure covers one line: the factors of cov(m,l) of docs/SPEC.md
// section 2 and why.
type Cover struct {
	Sector float64 // sec(m,s)
	// Product is prod(m,l): 0 or 1.
	Product float64
	// Included names the include entry (a code or list:NAME) the line is
	// in, or partly in; Excluded the exclude entry that removes it.
	Included, Excluded string
	// Partial is set when the line is only partly in an include entry, or
	// partly in an exclude entry: the coverage is an upper bound.
	Partial bool
	// Content is k(m,l): the clipped content share, 1 without content.
	Content float64
	// ContentMissing is set when the measure has content and the source has
	// no share for the line (k = 1, an upper bound).
	ContentMissing bool
	// Flagged is set when the measure's note flags the sector's coverage as
	// an upper bound.
	Flagged bool
}

// Coverage returns cov(m,l) = sec * prod * k.
func (c Cover) Coverage() float64 { return c.Sector * c.Product * c.Content }

// UpperBound reports whether the coverage is an upper bound.
func (c Cover) UpperBound() bool { return c.Partial || c.ContentMissing || c.Flagged }

// coverLine works out how measure me covers line i of direction di, entry by
// entry. It gives the same coverage as buildScope, which is faster for whole
// directions.
func (m *Model) coverLine(di int, me *Measure, i int) Cover {
	t := m.tables[di]
	sector := m.Sectors[t.sector[i]].Code
	c := Cover{Sector: me.Coverage(sector), Product: 1, Content: 1, Flagged: me.IsUpperBound(sector)}
	code := t.code[i]
	best := func(entries []string) (string, uint8) {
		var name string
		var state uint8
		for _, e := range entries {
			for _, ec := range m.entryCodes([]string{e}) {
				st := uint8(matchNone)
				switch {
				case strings.HasPrefix(code, ec):
					st = matchFully
				case len(ec) > len(code) && strings.HasPrefix(ec, code):
					st = matchPartly
				}
				if st > state {
					name, state = e, st
				}
				if state == matchFully {
					return name, state
				}
			}
		}
		return name, state
	}
	if me.Products.HasInclude() {
		name, st := best(me.Products.Include)
		c.Included = name
		switch st {
		case matchNone:
			c.Product = 0
		case matchPartly:
			c.Partial = true
		}
	}
	if me.Products != nil && len(me.Products.Exclude) > 0 && c.Product == 1 {
		name, st := best(me.Products.Exclude)
		switch st {
		case matchFully:
			c.Product, c.Excluded = 0, name
		case matchPartly:
			c.Partial, c.Excluded = true, name
		}
	}
	if ci := contentIndex(me.Content); ci >= 0 {
		if cs := t.shares()[i]; cs != nil {
			c.Content = ClipShare(cs[ci])
		} else {
			c.ContentMissing = true
		}
	}
	return c
}

// ScopeSize is how much of a direction's trade a measure's scope covers.
type ScopeSize struct {
	Lines int     // lines with cov(m,l) > 0
	Value float64 // US$ of those lines
	// Covered is the sum of V(l) cov(m,l): the trade the measure applies to.
	Covered    float64
	UpperBound int // lines whose coverage is an upper bound
}

// ScopeSize returns how many lines of the measure's direction its scope
// covers and how much trade, before precedence and CUSMA relief.
func (m *Model) ScopeSize(me *Measure) ScopeSize {
	di := me.Direction().Index()
	t := m.tables[di]
	s := m.scope(di, me)
	out := ScopeSize{Lines: len(s.idx)}
	for j, i := range s.idx {
		out.Value += t.value[i]
		out.Covered += t.value[i] * s.cov[j]
		if s.ub[j] {
			out.UpperBound++
		}
	}
	return out
}

// sortedLines returns line indexes in code order (for listings).
func (t *lineTable) sortedLines() []int { return slices.Clone(t.sorted) }
