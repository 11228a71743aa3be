// Package library reads, writes, validates and compares library packs: the
// versioned, human-editable form of a measure library that analysts edit in a
// spreadsheet and carry between workspaces.
//
// A pack is a folder, or a zip of one, holding:
//
//	pack.json          format, title, publisher, vintage, description, and
//	                   each list's title and source
//	measures.csv       one row per measure (Columns)
//	lists/NAME.csv     the codes of product list NAME, one per row, with an
//	                   optional header row "code"
//	documents/...      optional evidence (kept with the pack, not read)
//
// The package depends on the standard library, scenarios and assets (the
// built-in pack, Builtin) only; storage applies a pack to a workspace and
// the app and command line show its diff.
package library

import (
	"fmt"
	"slices"
	"strings"

	"parley/scenarios"
)

// Format is the format version written in pack.json; Read refuses others.
const Format = "parley.library-pack/1"

// Names of the files of a pack.
const (
	InfoFile     = "pack.json"
	MeasuresFile = "measures.csv"
	ListsDir     = "lists"
	DocumentsDir = "documents"
)

// Info is pack.json: what the pack is and how current.
type Info struct {
	Format    string `json:"format"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	// Vintage is the date the pack's measures are current as of
	// (YYYY-MM-DD): its sources say nothing later.
	Vintage     string `json:"vintage"`
	Description string `json:"description,omitempty"`
	// Lists gives the title and source of each list of lists/.
	Lists map[string]ListInfo `json:"lists,omitempty"`
}

// ListInfo is the title and source of one list of a pack.
type ListInfo struct {
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
}

// Measure is one row of measures.csv.
type Measure struct {
	// Measure is the measure as written in the pack; its Library is its ID.
	scenarios.Measure
	// StruckDownFrom, when set, is the day from which a court struck the
	// measure down: it is active by its dates until the day before.
	StruckDownFrom scenarios.Date
	// Remark says why the measure is not part of the regime in force.
	Remark string
	// Row is the id of the row of the reference measures table the measure
	// comes from, and the texts below that row's columns as the source
	// states them (empty for a measure of the analyst's own).
	Row         string
	LegalBasis  string
	Scope       string
	RateText    string
	DatesText   string
	CUSMAText   string
	TableSource string
	Confidence  string

	csvRow int // row of measures.csv it was read from, 0 if not read
}

// Effective returns the measure as a scenario takes it: one struck down from
// a date is in force by its dates until the day before, and never active
// if struck down from its first day.
func (m *Measure) Effective() scenarios.Measure {
	out := m.Measure
	out.Library = m.ID
	if d := m.StruckDownFrom; !d.IsZero() {
		if m.From.IsZero() || !d.After(m.From) {
			out.Status = scenarios.StatusStruckDown
			return out
		}
		out.Status = scenarios.StatusInForce
		if last := d.AddDays(-1); out.To.IsZero() || last.Before(out.To) {
			out.To = last
		}
	}
	return out
}

// Pack is a library pack in memory.
type Pack struct {
	Info     Info
	Measures []Measure
	// Lists are the product lists of lists/ by name, codes sorted, digits
	// only; their titles and sources come from Info.Lists.
	Lists scenarios.ProductLists
	// Documents are the files under documents/ by path below it.
	Documents map[string][]byte
}

// Measure returns the measure with the given id, or nil.
func (p *Pack) Measure(id string) *Measure {
	for i := range p.Measures {
		if p.Measures[i].ID == id {
			return &p.Measures[i]
		}
	}
	return nil
}

// ListNames returns the names of the lists the pack's measures name, sorted.
func (p *Pack) ListNames() []string {
	seen := map[string]bool{}
	for _, m := range p.Measures {
		for _, n := range measureLists(&m.Measure) {
			seen[n] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// measureLists returns the list names a measure's products name.
func measureLists(m *scenarios.Measure) []string {
	if m.Products == nil {
		return nil
	}
	var out []string
	for _, e := range append(slices.Clone(m.Products.Include), m.Products.Exclude...) {
		if n, ok := strings.CutPrefix(e, scenarios.ListPrefix); ok {
			out = append(out, n)
		}
	}
	return out
}

// Error is a defect of a pack, located as precisely as the pack allows:
// File is the pack's path, Part the file within it ("measures.csv"), Row the
// row of that file counting the header as row 1 (0: the file as a whole),
// Field the column or JSON field.
type Error struct {
	File  string
	Part  string
	Row   int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Part != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Part)
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, " row %d", e.Row)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ", field %s", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Errors are the defects of a pack, in the order found.
type Errors []*Error

func (es Errors) Error() string {
	const most = 20
	var lines []string
	for i, e := range es {
		if i == most {
			lines = append(lines, fmt.Sprintf("... and %d more", len(es)-most))
			break
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Err returns es, or nil when empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// SetFile names the pack's path in every error.
func (es Errors) SetFile(name string) {
	for _, e := range es {
		e.File = name
	}
}
