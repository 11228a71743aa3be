package scenarios

import (
	"fmt"
	"slices"
	"strings"
)

// ListPrefix starts a product entry that names a built-in product list
// ("list:us-s232-copper") rather than a code.
const ListPrefix = "list:"

// ProductScope is a measure's product list (docs/SPEC.md section 2): entries are
// codes of 2 to 10 digits or list:NAME references. A line is covered when it
// is in (or partly in) an Include entry, or Include is nil (not given), and
// it is not fully in an Exclude entry. An Include that is given but empty
// covers nothing.
type ProductScope struct {
	Include []string
	Exclude []string
}

// HasInclude reports whether the scope gives an include list (which may be
// empty: then it covers nothing).
func (p *ProductScope) HasInclude() bool { return p != nil && p.Include != nil }

// IsEmpty reports whether the scope names no entry at all and gives no
// include list: it then covers every product.
func (p *ProductScope) IsEmpty() bool {
	return p == nil || (p.Include == nil && len(p.Exclude) == 0)
}

// Clone returns a deep copy of p (nil stays nil).
func (p *ProductScope) Clone() *ProductScope {
	if p == nil {
		return nil
	}
	c := &ProductScope{Include: slices.Clone(p.Include), Exclude: slices.Clone(p.Exclude)}
	if p.Include != nil && c.Include == nil {
		c.Include = []string{} // keep "given but empty"
	}
	return c
}

// ProductList is a named set of codes that measures reference as
// list:NAME, with where it comes from: a list built into Parley, or one the
// user imported (User), which works exactly the same way.
type ProductList struct {
	Name   string   // e.g. "us-s232-copper"
	Title  string   // human title
	Source string   // the file and row of SOURCES.md it comes from, or what the user said
	Codes  []string // digits only, 2 to 10 of them, sorted, no duplicates
	User   bool     // the user's own list, stored in the workspace
}

// ProductLists are product lists by name.
type ProductLists map[string]*ProductList

// Names returns the list names in order.
func (ls ProductLists) Names() []string {
	names := make([]string, 0, len(ls))
	for n := range ls {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Content kinds of a measure that applies to the metal content of a product.
const (
	ContentSteel    = "steel"
	ContentAluminum = "aluminum"
	ContentCopper   = "copper"
	ContentMetal    = "metal"
)

// ContentKinds lists the content kinds in the order of ContentShare's values.
var ContentKinds = [...]string{ContentSteel, ContentAluminum, ContentCopper, ContentMetal}

// contentIndex returns the position of kind in ContentKinds, or -1.
func contentIndex(kind string) int {
	for i, k := range ContentKinds {
		if k == kind {
			return i
		}
	}
	return -1
}

// ContentShare is the steel, aluminum, copper and total metal share of one
// HTS10 line's value, as the source gives them (not clipped).
type ContentShare [len(ContentKinds)]float64

// ContentShares are metal content shares by HTS10 code.
type ContentShares map[string]ContentShare

// Share returns the shares of code, and whether the source has them.
func (c ContentShares) Share(code string) (ContentShare, bool) {
	v, ok := c[code]
	return v, ok
}

// ContentSource gives the metal content shares of HTS10 codes. The engine
// asks for them only when a measure in force has a content kind, so a
// source may read them on first use.
type ContentSource interface {
	Share(code string) (ContentShare, bool)
}

// Reference is the product-level reference data that measures' product
// scopes and content refer to.
type Reference struct {
	Lists   ProductLists
	Content ContentSource // nil: no line has a share
}

// NormalizeCode returns an HS code with dots and white space removed and
// whether what is left is 2 to 10 digits.
func NormalizeCode(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == ' ' || r == '\t' || r == '\u00a0':
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	c := b.String()
	return c, len(c) >= 2 && len(c) <= 10
}

// NormalizeEntry returns a product entry in its stored form: a code's digits,
// or list:NAME as given. It reports an error for anything else.
func NormalizeEntry(s string) (string, error) {
	t := strings.TrimSpace(s)
	if name, ok := strings.CutPrefix(t, ListPrefix); ok {
		if strings.TrimSpace(name) == "" {
			return "", fmt.Errorf("%q names no list", s)
		}
		return ListPrefix + strings.TrimSpace(name), nil
	}
	c, ok := NormalizeCode(t)
	if !ok {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, t)
		if len(digits) != len([]rune(strings.NewReplacer(".", "", " ", "").Replace(t))) {
			return "", fmt.Errorf("%q is not an HS code (2 to 10 digits, dots allowed) or list:NAME", s)
		}
		unit := "digits"
		if len(digits) == 1 {
			unit = "digit"
		}
		return "", fmt.Errorf("%q has %d %s; an HS code has 2 to 10", s, len(digits), unit)
	}
	return c, nil
}

// ClipShare clips a content share to [0, 1] (docs/SPEC.md section 2: the BEA input
// coefficients exceed 1 on some lines).
func ClipShare(v float64) float64 {
	switch {
	case v != v || v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}
