package scenarios

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// Line is one line of baseline trade in one direction: an HS chapter, or a
// tariff line (HS6, HTS8, HTS10) of the built-in product data or of a dataset
// the user imported. It always carries its sector code.
type Line struct {
	Direction   Direction
	Code        string  // digits only
	Sector      string  // sector code
	Value       float64 // trade value, US$
	Description string  // where known
	Province    string  // province or state of a user's dataset, or ""
	// Claim is the line's own CUSMA claim share under the scenario's CUSMA
	// preset, used when HasClaim (docs/SPEC.md section 2: e.g. the HTS10 line's H2
	// 2025 share under h2-2025); other lines take their sector's share.
	Claim    float64
	HasClaim bool
}

// Params are the per-sector parameters of the calculation, aligned with the
// model's sectors.
type Params struct {
	CUSMAShare [2][]float64 // c(s) by direction index: the sector's share
	// CUSMAFixed marks sectors whose share applies to every line, even
	// lines with a claim share of their own (an override).
	CUSMAFixed [2][]bool
	// CUSMAShift is added to every line's CUSMA share into the US, clipped
	// to [0, 1] (sensitivity).
	CUSMAShift     float64
	Elasticity     []float64 // e(s), absolute import demand elasticity
	BaselineTariff []float64 // t0(s)
}

// ParamSources are the reference values from which Params are resolved.
type ParamSources struct {
	// CUSMAShare is the CUSMA preset's sector shares for flows into the US;
	// sectors it lacks take 0. Flows into Canada have no share data and take 0.
	CUSMAShare map[string]float64
	// Elasticity is the elasticity preset; every sector must have a value.
	Elasticity map[string]float64
	// Overrides replace values in both directions.
	Overrides Overrides
}

// ResolveParams applies docs/SPEC.md section 2's rules: the CUSMA preset applies to
// ca_to_us only, overrides replace a sector's value (for every line of the
// sector) in both directions, and the baseline tariff defaults to 0.
func ResolveParams(sectors []Sector, src ParamSources) (Params, error) {
	n := len(sectors)
	p := Params{
		CUSMAShare:     [2][]float64{make([]float64, n), make([]float64, n)},
		CUSMAFixed:     [2][]bool{make([]bool, n), make([]bool, n)},
		Elasticity:     make([]float64, n),
		BaselineTariff: make([]float64, n),
	}
	for i, s := range sectors {
		p.CUSMAShare[CAtoUS.Index()][i] = src.CUSMAShare[s.Code]
		e, ok := src.Elasticity[s.Code]
		if !ok {
			return Params{}, fmt.Errorf("no elasticity for sector %s", s.Code)
		}
		p.Elasticity[i] = e
		if v, ok := src.Overrides.CUSMAShare[s.Code]; ok {
			p.CUSMAShare[0][i], p.CUSMAShare[1][i] = v, v
			p.CUSMAFixed[0][i], p.CUSMAFixed[1][i] = true, true
		}
		if v, ok := src.Overrides.Elasticity[s.Code]; ok {
			p.Elasticity[i] = v
		}
		if v, ok := src.Overrides.BaselineTariff[s.Code]; ok {
			p.BaselineTariff[i] = v
		}
	}
	return p, nil
}

// Clone returns a deep copy of p.
func (p Params) Clone() Params {
	c := p
	for d := range 2 {
		c.CUSMAShare[d] = slices.Clone(p.CUSMAShare[d])
		c.CUSMAFixed[d] = slices.Clone(p.CUSMAFixed[d])
	}
	c.Elasticity = slices.Clone(p.Elasticity)
	c.BaselineTariff = slices.Clone(p.BaselineTariff)
	return c
}

// ModelData is what a model is made of.
type ModelData struct {
	Sectors []Sector
	Lines   []Line
	// Columns, by direction index, where set, are that direction's lines
	// (Lines then holds none of it), shared with the model rather than
	// copied: a reader of many lines hands them over without a Line each.
	Columns        [2]*LineColumns
	Params         Params
	ElasticityLow  float64 // multiplier for the low trade effect
	ElasticityHigh float64 // multiplier for the high trade effect
	// Ref holds the product lists and content shares that measures refer
	// to; nil means none (list entries then match no line).
	Ref *Reference
}

// LineColumns are one direction's trade lines in columns, line i being the
// i-th of each: the fields of Line but the direction. Province may be nil
// (no line has one); the others have one entry per line. A model shares
// them: the caller must not change them afterwards.
type LineColumns struct {
	Code, Sector, Description, Province []string
	Value, Claim                        []float64
	HasClaim                            []bool
	// Order, when not nil, is the line indexes in code order (by index
	// among equal codes), known beforehand: the model checks it rather than
	// sorting the lines, and sorts them where it is not that order.
	Order []int
}

// Model is baseline trade lines together with the resolved parameters:
// everything a scenario's measures are evaluated against.
type Model struct {
	Sectors        []Sector
	Baseline       [2][]float64 // V(s) by direction index: the sum of its lines
	Params                      // c(s), e(s), t0(s)
	ElasticityLow  float64      // multiplier for the low trade effect
	ElasticityHigh float64      // multiplier for the high trade effect
	index          SectorIndex
	tables         [2]*lineTable // by direction index; shared by copies
	ref            *Reference
	scopes         *scopeCache // shared by copies
}

// NewModel checks the lines, sorts them into their directions and sums them
// into sector values (the exact sum of each sector's lines). A line of an
// unknown sector or direction, or with a value that is not a non-negative
// number, is an error.
func NewModel(d ModelData) (*Model, error) {
	ix := IndexSectors(d.Sectors)
	n := len(d.Sectors)
	p := d.Params
	if len(p.Elasticity) != n || len(p.BaselineTariff) != n || len(p.CUSMAShare[0]) != n || len(p.CUSMAShare[1]) != n {
		return nil, fmt.Errorf("params cover %d sectors, want %d", len(p.Elasticity), n)
	}
	for di := range 2 {
		if p.CUSMAFixed[di] == nil {
			p.CUSMAFixed[di] = make([]bool, n)
		}
	}
	m := &Model{
		Sectors:        d.Sectors,
		Baseline:       [2][]float64{make([]float64, n), make([]float64, n)},
		Params:         p,
		ElasticityLow:  d.ElasticityLow,
		ElasticityHigh: d.ElasticityHigh,
		index:          ix,
		ref:            d.Ref,
		scopes:         &scopeCache{m: map[scopeKey]*scope{}},
	}
	if m.ref == nil {
		m.ref = &Reference{}
	}
	size, err := checkLines(d.Lines, ix)
	if err != nil {
		return nil, err
	}
	for di, dir := range Directions {
		if c := d.Columns[di]; c != nil {
			if size[di] > 0 {
				return nil, fmt.Errorf("%s lines given both as lines and in columns", dir)
			}
			t, err := newColumnTable(c, ix, m.ref.Content)
			if err != nil {
				return nil, err
			}
			m.tables[di] = t
		} else {
			m.tables[di] = newLineTable(d.Lines, dir, size[di], ix, m.ref.Content)
		}
		t := m.tables[di]
		for i, v := range t.value {
			m.Baseline[di][t.sector[i]] += v
		}
	}
	return m, nil
}

// checkLines checks lines as NewModel does and returns how many each
// direction has, by direction index.
func checkLines(lines []Line, ix SectorIndex) (size [2]int, _ error) {
	for k := range lines {
		l := &lines[k]
		if _, ok := ix[l.Sector]; !ok {
			return size, fmt.Errorf("trade line %s: unknown sector %q", l.Code, l.Sector)
		}
		if l.Direction != CAtoUS && l.Direction != UStoCA {
			return size, fmt.Errorf("trade line %s: unknown direction %q", l.Code, l.Direction)
		}
		if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) || l.Value < 0 {
			return size, fmt.Errorf("trade line %s: value %v is not a non-negative number", l.Code, l.Value)
		}
		if l.HasClaim && !inRange(l.Claim, 0, 1) {
			return size, fmt.Errorf("trade line %s: CUSMA claim share %v is outside [0, 1]", l.Code, l.Claim)
		}
		size[l.Direction.Index()]++
	}
	return size, nil
}

// SectorIndex returns the position of the sector with the given code.
func (m *Model) SectorIndex(code string) (int, bool) {
	i, ok := m.index[code]
	return i, ok
}

// WithParams returns a copy of m that shares its lines but uses p and the
// given elasticity multipliers.
func (m *Model) WithParams(p Params, low, high float64) *Model {
	c := *m
	c.Params = p
	c.ElasticityLow, c.ElasticityHigh = low, high
	return &c
}

// Lists returns the product lists the model knows.
func (m *Model) Lists() ProductLists { return m.ref.Lists }

// LineCount returns the number of trade lines of direction d.
func (m *Model) LineCount(d Direction) int { return m.tables[d.Index()].len() }

// ProductLevel reports whether direction d has lines finer than HS chapters.
func (m *Model) ProductLevel(d Direction) bool {
	t := m.tables[d.Index()]
	for _, c := range t.code {
		if len(c) > 2 {
			return true
		}
	}
	return false
}

// Line returns the i-th line of direction d.
func (m *Model) Line(d Direction, i int) Line {
	t := m.tables[d.Index()]
	l := t.line(d, i)
	l.Sector = m.Sectors[t.sector[i]].Code
	return l
}

// lineShare returns c(l) of line i of direction di under the model's params.
func (m *Model) lineShare(di int, t *lineTable, i int) float64 {
	s := t.sector[i]
	c := m.CUSMAShare[di][s]
	if t.hasClaim[i] && !m.CUSMAFixed[di][s] {
		c = t.claim[i]
	}
	if m.CUSMAShift != 0 && di == CAtoUS.Index() {
		c = math.Min(1, math.Max(0, c+m.CUSMAShift))
	}
	return c
}

// lineTable holds one direction's lines in columns.
type lineTable struct {
	code     []string
	sector   []int
	value    []float64
	claim    []float64
	hasClaim []bool
	desc     []string
	province []string
	sorted   []int  // line indexes in code order (by index among equal codes)
	lengths  uint64 // bit n set when a code has n characters (n < 64)

	source      ContentSource
	contentOnce sync.Once
	content     []*ContentShare // nil where the source has no share; see shares
}

// newLineTable returns the n lines of direction d among lines, in their
// order, in columns; ix gives each line's sector index.
func newLineTable(lines []Line, d Direction, n int, ix SectorIndex, content ContentSource) *lineTable {
	t := &lineTable{
		code: make([]string, n), sector: make([]int, n), value: make([]float64, n), claim: make([]float64, n),
		hasClaim: make([]bool, n), desc: make([]string, n), province: make([]string, n),
		sorted: make([]int, n), source: content,
	}
	i := 0
	for k := range lines {
		l := &lines[k]
		if l.Direction != d {
			continue
		}
		t.code[i], t.sector[i], t.value[i] = l.Code, ix[l.Sector], l.Value
		t.claim[i], t.hasClaim[i] = l.Claim, l.HasClaim
		t.desc[i], t.province[i] = l.Description, l.Province
		t.sorted[i] = i
		if n := len(l.Code); n < 64 {
			t.lengths |= 1 << n
		}
		i++
	}
	t.order()
	return t
}

// newColumnTable returns a table of the lines of c, sharing its columns,
// after checking them as NewModel checks lines.
func newColumnTable(c *LineColumns, ix SectorIndex, content ContentSource) (*lineTable, error) {
	n := len(c.Code)
	if len(c.Sector) != n || len(c.Description) != n || len(c.Value) != n || len(c.Claim) != n || len(c.HasClaim) != n ||
		(c.Province != nil && len(c.Province) != n) {
		return nil, errors.New("trade lines in columns of different lengths")
	}
	t := &lineTable{code: c.Code, sector: make([]int, n), value: c.Value, claim: c.Claim, hasClaim: c.HasClaim,
		desc: c.Description, province: c.Province, source: content}
	given := inCodeOrder(c.Code, c.Order)
	if given {
		t.sorted = c.Order
	} else {
		t.sorted = make([]int, n)
	}
	si, last := 0, ""
	for i, code := range c.Code {
		if s := c.Sector[i]; i == 0 || s != last {
			var ok bool
			if si, ok = ix[s]; !ok {
				return nil, fmt.Errorf("trade line %s: unknown sector %q", code, s)
			}
			last = s
		}
		if v := c.Value[i]; math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, fmt.Errorf("trade line %s: value %v is not a non-negative number", code, v)
		}
		if c.HasClaim[i] && !inRange(c.Claim[i], 0, 1) {
			return nil, fmt.Errorf("trade line %s: CUSMA claim share %v is outside [0, 1]", code, c.Claim[i])
		}
		t.sector[i] = si
		if !given {
			t.sorted[i] = i
		}
		if n := len(code); n < 64 {
			t.lengths |= 1 << n
		}
	}
	if !given {
		t.order()
	}
	return t, nil
}

// inCodeOrder reports whether order holds each index of code once, in
// code order, by index among equal codes (what order gives).
func inCodeOrder(code []string, order []int) bool {
	if order == nil || len(order) != len(code) {
		return false
	}
	seen := make([]bool, len(code))
	for k, i := range order {
		if i < 0 || i >= len(code) || seen[i] {
			return false
		}
		seen[i] = true
		if k > 0 {
			j := order[k-1]
			if c := strings.Compare(code[j], code[i]); c > 0 || c == 0 && j > i {
				return false
			}
		}
	}
	return true
}

// order sorts t.sorted (the identity) into code order, by index among
// equal codes, unless the codes come in that order already.
func (t *lineTable) order() {
	for i := 1; i < len(t.code); i++ {
		if t.code[i] < t.code[i-1] {
			if !t.orderByKey() {
				slices.SortFunc(t.sorted, func(a, b int) int {
					if c := strings.Compare(t.code[a], t.code[b]); c != 0 {
						return c
					}
					return cmp.Compare(a, b)
				})
			}
			return
		}
	}
}

// indexBits is the room orderByKey leaves for a line's index.
const indexBits = 24

// orderByKey is order on whole numbers, where every code is 1 to 10 digits
// (a code's codeKey, then its index, in one number); it reports false,
// sorting nothing, where a code is not or the lines are too many.
func (t *lineTable) orderByKey() bool {
	if len(t.code) >= 1<<indexBits {
		return false
	}
	keys := make([]uint64, len(t.code))
	for i, c := range t.code {
		k, ok := codeKey(c)
		if !ok {
			return false
		}
		keys[i] = k<<indexBits | uint64(i)
	}
	slices.Sort(keys)
	for j, k := range keys {
		t.sorted[j] = int(k & (1<<indexBits - 1))
	}
	return true
}

// codeKey returns a number in the order of codes of 1 to 10 digits: the
// code's digits padded with zeros to 10, then its length (a code before
// the longer codes it starts); false for another code.
func codeKey(c string) (uint64, bool) {
	if len(c) == 0 || len(c) > 10 {
		return 0, false
	}
	var v uint64
	for i := range 10 {
		d := uint64(0)
		if i < len(c) {
			if c[i] < '0' || c[i] > '9' {
				return 0, false
			}
			d = uint64(c[i] - '0')
		}
		v = v*10 + d
	}
	return v<<4 | uint64(len(c)), true
}

// provinceOf returns the province of line i, if any.
func (t *lineTable) provinceOf(i int) string {
	if t.province == nil {
		return ""
	}
	return t.province[i]
}

// shares returns every line's content shares, asking the source once, on
// the first measure with a content kind.
func (t *lineTable) shares() []*ContentShare {
	t.contentOnce.Do(func() {
		t.content = make([]*ContentShare, len(t.code))
		if t.source == nil {
			return
		}
		for i, c := range t.code {
			if cs, ok := t.source.Share(c); ok {
				t.content[i] = &cs
			}
		}
	})
	return t.content
}

func (t *lineTable) len() int { return len(t.code) }

func (t *lineTable) line(d Direction, i int) Line {
	return Line{Direction: d, Code: t.code[i], Value: t.value[i], Description: t.desc[i], Province: t.provinceOf(i),
		Claim: t.claim[i], HasClaim: t.hasClaim[i]}
}

// exact returns the indexes of the lines whose code is code, in index
// order: none, without a search, when no code has its length (the prefixes
// of an HTS10 code in a table of HTS10 lines).
func (t *lineTable) exact(code string) []int {
	if n := len(code); n >= 64 || t.lengths&(1<<n) == 0 {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(t.sorted, code, func(i int, c string) int { return strings.Compare(t.code[i], c) })
	end := lo
	for end < len(t.sorted) && t.code[t.sorted[end]] == code {
		end++
	}
	return t.sorted[lo:end]
}

// prefixRange returns the positions in t.sorted of the lines whose code
// starts with prefix.
func (t *lineTable) prefixRange(prefix string) (lo, hi int) { return t.prefixRangeFrom(prefix, 0) }

// prefixRangeFrom is prefixRange knowing that no line before position from
// of t.sorted has a code at or after prefix: it gallops on from there.
func (t *lineTable) prefixRangeFrom(prefix string, from int) (lo, hi int) {
	before := func(i int, p string) int {
		switch c := t.code[i]; {
		case c < p:
			return -1
		case c > p:
			return 1
		}
		return 0
	}
	n := len(t.sorted)
	end := from
	for step := 1; end < n && t.code[t.sorted[end]] < prefix; step *= 2 {
		from, end = end+1, min(end+step, n)
	}
	lo, _ = slices.BinarySearchFunc(t.sorted[from:end], prefix, before)
	lo += from
	hi = lo
	for hi < n && len(t.code[t.sorted[hi]]) >= len(prefix) && t.code[t.sorted[hi]][:len(prefix)] == prefix {
		hi++
	}
	return lo, hi
}

// scopeCache holds each measure scope's coverage of the lines, computed once
// per model.
type scopeCache struct {
	mu sync.Mutex
	m  map[scopeKey]*scope
	// marks holds the match states of building a scope, reused from one
	// scope to the next rather than made for each measure.
	marks sync.Pool
}
