// Package refdata reads the reference data Parley embeds (package assets):
// the built-in product-level data (HTS10 trade lines, product lists, metal
// content and CUSMA claim shares by sector and month), the tables of
// data/ and the rows of SOURCES.md. It holds no SQL: package storage writes
// what it reads into the workspace.
package refdata

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"parley/assets"
	"parley/scenarios"
)

// Products is the built-in product-level data. A process reads only what it
// asks for: the lines of one year, the H2 share of a code looked up in
// place, the monthly shares of a range.
type Products struct {
	// Ref holds the Lists (with Title, Source) and the metal Content (raw,
	// unclipped, read on the first question).
	Ref *scenarios.Reference

	sectors [100]string // by the two digits of a chapter
	h2      *lineTable  // the 2025 lines, in code order
	columns [2]func() (*scenarios.LineColumns, error)
	lines   [2]func() ([]scenarios.Line, error)
	monthly func() (map[string]map[string]float64, error)
}

// LoadProducts opens the embedded product files and reads the product
// lists; chapter maps HS2 -> sector code. The lines and monthly shares are
// read on first use.
func LoadProducts(chapter map[string]string) (*Products, error) {
	p := &Products{}
	for hs2, s := range chapter {
		if n, err := strconv.Atoi(hs2); err == nil && len(hs2) == 2 && n >= 0 {
			p.sectors[n] = s
		}
	}
	lists, err := LoadLists()
	if err != nil {
		return nil, err
	}
	p.Ref = &scenarios.Reference{Lists: lists, Content: &lazyContent{}}
	if p.h2, err = openTable(assets.ProductLines2025File, lines2025Columns, false); err != nil {
		return nil, err
	}
	if !p.h2.sorted() {
		return nil, fmt.Errorf("read %s: codes not in order", assets.ProductLines2025File)
	}
	p.columns[0] = sync.OnceValues(func() (*scenarios.LineColumns, error) { return readLines2024(&p.sectors) })
	p.columns[1] = sync.OnceValues(func() (*scenarios.LineColumns, error) {
		c, err := readLines2025(p.h2, &p.sectors)
		if err != nil {
			return nil, err
		}
		from, err := p.columns[0]()
		if err != nil {
			return nil, err
		}
		describe(c, from)
		return c, nil
	})
	for k := range p.lines {
		p.lines[k] = sync.OnceValues(func() ([]scenarios.Line, error) {
			c, err := p.columns[k]()
			if err != nil {
				return nil, err
			}
			return asLines(c), nil
		})
	}
	p.monthly = sync.OnceValues(readSectorMonthly)
	return p, nil
}

// Lines returns the ca_to_us HTS10 lines of year, read on first use: 2024
// (Census, all 12,203) and 2025 (DataWeb, value_2025_usd > 0, described as
// the line of the same code in 2024); none for another year. The slice is
// shared: callers copy what they change.
func (p *Products) Lines(year int) ([]scenarios.Line, error) {
	if k, ok := yearIndex(year); ok {
		return p.lines[k]()
	}
	return nil, nil
}

// Columns returns the lines of year as Lines does, in columns (nil for
// another year): what a model shares rather than copies. They are shared:
// callers copy a column before they change it. Lines without a claim share
// of their own have no claim columns (read them with OwnClaim).
func (p *Products) Columns(year int) (*scenarios.LineColumns, error) {
	if k, ok := yearIndex(year); ok {
		return p.columns[k]()
	}
	return nil, nil
}

// yearIndex returns the index of the built-in lines of year, if any.
func yearIndex(year int) (int, bool) {
	switch year {
	case 2024:
		return 0, true
	case 2025:
		return 1, true
	}
	return 0, false
}

// asLines returns the lines of c, flows into the US.
func asLines(c *scenarios.LineColumns) []scenarios.Line {
	lines := make([]scenarios.Line, len(c.Code))
	for i := range lines {
		lines[i] = scenarios.Line{Direction: scenarios.CAtoUS, Code: c.Code[i], Sector: c.Sector[i], Value: c.Value[i],
			Description: c.Description[i]}
		lines[i].Claim, lines[i].HasClaim = OwnClaim(c, i)
	}
	return lines
}

// OwnClaim returns the claim share line i of c has of its own, if any:
// columns without one (the lines of 2024) have no claim columns at all,
// rather than columns of zeros made on every command.
func OwnClaim(c *scenarios.LineColumns, i int) (float64, bool) {
	if c.Claim == nil {
		return 0, false
	}
	return c.Claim[i], c.HasClaim[i]
}

// H2Share returns usmca_value_h2_2025_usd / value_h2_2025_usd of the HTS10
// code, where value_h2 > 0 (docs/SPEC.md section 2, preset h2-2025).
func (p *Products) H2Share(code string) (float64, bool) {
	r, ok := p.h2.find(code)
	if !ok {
		return 0, false
	}
	return p.h2.share(r)
}

// H2Shares returns H2Share as a lookup that, asked codes in increasing
// order (as most built-in lines come), walks the table on from the code it
// last found rather than searching it afresh; it answers any other code as
// H2Share does.
func (p *Products) H2Shares() func(code string) (float64, bool) {
	t, at := p.h2, 0
	return func(code string) (float64, bool) {
		if at > 0 && code <= t.code(at-1) {
			at = 0
		}
		// a few steps on, else a search of the rest
		end := min(at+8, t.n)
		for at < end && t.code(at) < code {
			at++
		}
		if at == end && at < t.n && t.code(at) < code {
			r, _ := sort.Find(t.n-at, func(r int) int { return strings.Compare(code, t.code(at+r)) })
			at += r
		}
		if at >= t.n || t.code(at) != code {
			return 0, false
		}
		return t.share(at)
	}
}

// H2Claims returns the claim columns of c under the line-level preset
// (each line's H2Share) where c is the built-in lines of 2024 as Columns
// gives them: the generator computed them, and they are shared. ok is false
// for any other columns.
func (p *Products) H2Claims(c *scenarios.LineColumns) (claim []float64, has []bool, ok bool) {
	l := assets.Lines2024()
	if c == nil || len(c.Code) == 0 || len(c.Code) != len(l.Code) || &c.Code[0] != &l.Code[0] {
		return nil, nil, false
	}
	return l.H2Share, l.HasH2Share, true
}

// Monthly returns the CUSMA claim share by month and sector
// (cusma_sector_monthly.csv): month -> sector -> share.
func (p *Products) Monthly() (map[string]map[string]float64, error) {
	return p.monthly()
}

// lazyContent reads the metal content shares on the first question: only
// a measure with a content kind in force asks (a tenth of a compute's start).
type lazyContent struct {
	once   sync.Once
	shares scenarios.ContentShares
	err    error
}

// load reads the shares once.
func (c *lazyContent) load() (scenarios.ContentShares, error) {
	c.once.Do(func() { c.shares, c.err = readContentShares() })
	return c.shares, c.err
}

// Share returns the shares of code. The embedded file is checked by the
// tests; should it fail to read, no line has a share (each is then an upper
// bound at full value).
func (c *lazyContent) Share(code string) (scenarios.ContentShare, bool) {
	shares, err := c.load()
	if err != nil {
		return scenarios.ContentShare{}, false
	}
	v, ok := shares[code]
	return v, ok
}

// describe gives each line of c the description of the line of the same
// code in from, if any (both sorted by code, as the generated files are;
// else through a map).
func describe(c, from *scenarios.LineColumns) {
	if !slices.IsSorted(c.Code) || !slices.IsSorted(from.Code) {
		desc := make(map[string]string, len(from.Code))
		for i, code := range from.Code {
			desc[code] = from.Description[i]
		}
		for i, code := range c.Code {
			c.Description[i] = desc[code]
		}
		return
	}
	j := 0
	for i, code := range c.Code {
		for j < len(from.Code) && from.Code[j] < code {
			j++
		}
		if j < len(from.Code) && from.Code[j] == code {
			c.Description[i] = from.Description[j]
		}
	}
}

// sectorOf returns the sector of an HTS10 code's chapter.
func sectorOf(sectors *[100]string, code string) (string, error) {
	if len(code) != 10 {
		return "", fmt.Errorf("%q is not an HTS10 code", code)
	}
	n := int(code[0]-'0')*10 + int(code[1]-'0')
	if code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' || sectors[n] == "" {
		return "", fmt.Errorf("HTS10 %s: chapter %s has no sector", code, code[:2])
	}
	return sectors[n], nil
}

// Columns of the line table of the built-in HTS10 lines of 2025.
var lines2025Columns = []string{"hts10", "value_2025_usd", "usmca_value_2025_usd", "value_h2_2025_usd", "usmca_value_h2_2025_usd"}

// readLines2024 returns the Census lines of 2024 (no claim share, so no
// claim columns: see OwnClaim): the
// code, value and description columns and their code order are the
// embedded ones, shared, and so is the sector column where every line's
// chapter has, in sectors, the sector the embedded column gives it (the
// built-in chapters' sectors); else the sector column is made from sectors.
func readLines2024(sectors *[100]string) (*scenarios.LineColumns, error) {
	l := assets.Lines2024()
	code, sector, n := l.Code, l.Sector, len(l.Code)
	if len(l.Value) != n || len(l.Description) != n || len(sector) != n {
		return nil, fmt.Errorf("the lines of 2024: %d codes, %d values, %d descriptions, %d sectors", n, len(l.Value), len(l.Description), len(sector))
	}
	c := &scenarios.LineColumns{Code: code, Value: l.Value, Description: l.Description, Sector: sector, Order: l.Order}
	for i, l := range code {
		s, err := sectorOf(sectors, l)
		if err != nil {
			return nil, fmt.Errorf("the lines of 2024: line %d: %w", i+1, err)
		}
		if s == c.Sector[i] {
			continue
		}
		if &c.Sector[0] == &sector[0] { // still the embedded column: copy it first
			c.Sector = slices.Clone(c.Sector)
		}
		c.Sector[i] = s
	}
	return c, nil
}

// readLines2025 reads the DataWeb lines of 2025 of table t with their own
// claim share (no description).
func readLines2025(t *lineTable, sectors *[100]string) (*scenarios.LineColumns, error) {
	c := &scenarios.LineColumns{}
	err := t.each(func(n int) {
		c = makeColumns(n)
	}, func(code string, v []int64, _ string) error {
		if v[0] <= 0 {
			return nil
		}
		s, err := sectorOf(sectors, code)
		if err != nil {
			return err
		}
		c.Code, c.Sector, c.Value = append(c.Code, code), append(c.Sector, s), append(c.Value, float64(v[0]))
		c.Claim, c.HasClaim = append(c.Claim, float64(v[1])/float64(v[0])), append(c.HasClaim, true)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", assets.ProductLines2025File, err)
	}
	c.Description = make([]string, len(c.Code))
	return c, nil
}

// makeColumns returns empty columns with room for n lines with their
// claim shares (no description, no province).
func makeColumns(n int) *scenarios.LineColumns {
	return &scenarios.LineColumns{Code: make([]string, 0, n), Sector: make([]string, 0, n), Value: make([]float64, 0, n),
		Claim: make([]float64, 0, n), HasClaim: make([]bool, 0, n)}
}

// LoadLists returns the built-in product lists, as the generator writes
// them in Go (assets.ProductLists): read in place, not parsed, on every
// command that builds a model. Each list's codes are shared and capped, so
// that an append copies them.
func LoadLists() (scenarios.ProductLists, error) {
	src := assets.ProductLists()
	lists := make(scenarios.ProductLists, len(src))
	for _, l := range src {
		if _, dup := lists[l.Name]; dup || l.Name == "" {
			return nil, fmt.Errorf("built-in product lists: list %q named twice or empty", l.Name)
		}
		lists[l.Name] = &scenarios.ProductList{Name: l.Name, Title: l.Title, Source: l.Source, Codes: slices.Clip(l.Codes)}
	}
	return lists, nil
}

// IsCode reports whether s is 2 to 10 digits.
func IsCode(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// readContentShares reads the metal content shares as the source gives them.
func readContentShares() (scenarios.ContentShares, error) {
	var shares scenarios.ContentShares
	var last scenarios.ContentShare
	var prev [4]string
	err := eachRecord(assets.MetalContentFile, []string{"hs10", "steel_share", "aluminum_share", "copper_share", "metal_share"}, func(n int) {
		shares = make(scenarios.ContentShares, n)
	}, func(rec []string) error {
		// Lines of one BEA industry share their values, and most follow one
		// another: parse a row's values only when they differ from the last.
		if [4]string(rec[1:]) != prev {
			for i := range last {
				v, err := strconv.ParseFloat(rec[i+1], 64)
				if err != nil {
					return fmt.Errorf("content share of %s: %w", rec[0], err)
				}
				last[i] = v
			}
			prev = [4]string(rec[1:])
		}
		shares[rec[0]] = last
		return nil
	})
	return shares, err
}

// readSectorMonthly reads the CUSMA claim share by month and sector.
func readSectorMonthly() (map[string]map[string]float64, error) {
	out := map[string]map[string]float64{}
	err := eachRecord(assets.CUSMASectorMonthlyFile, []string{"month", "sector", "total_value", "usmca_value", "usmca_share"}, nil, func(rec []string) error {
		v, err := strconv.ParseFloat(rec[4], 64)
		if err != nil || v < 0 || v > 1 {
			return fmt.Errorf("usmca_share of %s %s: %q is not a share", rec[0], rec[1], rec[4])
		}
		m := out[rec[0]]
		if m == nil {
			m = map[string]float64{}
			out[rec[0]] = m
		}
		m[rec[1]] = v
		return nil
	})
	return out, err
}
