package library

import (
	"fmt"
	"slices"

	"parley/scenarios"
)

// EvidenceJSON is evidence in the embedded JSON files and the library table.
type EvidenceJSON struct {
	Document string `json:"document,omitempty"`
	Quote    string `json:"quote,omitempty"`
	Citation string `json:"citation,omitempty"`
	URL      string `json:"url,omitempty"`
}

// ProductsJSON is a measure's product scope as stored; an include list that
// is given but empty (it covers nothing) is kept apart from none.
type ProductsJSON struct {
	Include *[]string `json:"include,omitempty"`
	Exclude []string  `json:"exclude,omitempty"`
}

// ProductsOf returns scope p in its stored form, nil for none.
func ProductsOf(p *scenarios.ProductScope) *ProductsJSON {
	if p == nil {
		return nil
	}
	j := &ProductsJSON{Exclude: p.Exclude}
	if p.Include != nil {
		inc := p.Include
		j.Include = &inc
	}
	return j
}

// Scope returns the stored scope as the engine's.
func (j *ProductsJSON) Scope() *scenarios.ProductScope {
	p := &scenarios.ProductScope{Exclude: slices.Clone(j.Exclude)}
	if j.Include != nil {
		p.Include = append([]string{}, (*j.Include)...)
	}
	return p
}

// Entry is a measure of the measure library as the library table stores it
// (and assets/library.json wrote it), or a reference to one in
// assets/builtin.json (Library set; the other fields given replace the
// library's).
type Entry struct {
	Row         string             `json:"row,omitempty"`
	Library     string             `json:"library,omitempty"`
	ID          string             `json:"id,omitempty"`
	Label       string             `json:"label,omitempty"`
	Imposer     string             `json:"imposer,omitempty"`
	Program     string             `json:"program,omitempty"`
	Sectors     map[string]float64 `json:"sectors,omitempty"`
	Products    *ProductsJSON      `json:"products,omitempty"`
	Content     *string            `json:"content,omitempty"`
	Rate        *float64           `json:"rate,omitempty"`
	CUSMAExempt *bool              `json:"cusma_exempt,omitempty"`
	// ExemptShare is cusma_exempt_share: the part of a claimed good's
	// value that is exempt.
	ExemptShare *float64       `json:"cusma_exempt_share,omitempty"`
	YieldsTo    []string       `json:"yields_to"`
	From        *string        `json:"effective_from,omitempty"`
	To          *string        `json:"effective_to,omitempty"`
	Evidence    []EvidenceJSON `json:"evidence,omitempty"`
	AddEvidence []EvidenceJSON `json:"add_evidence,omitempty"`
	Note        *string        `json:"note,omitempty"`
	UpperBound  []string       `json:"upper_bound"`
	Remark      string         `json:"remark,omitempty"`
	// Status and Kind are the measure's status (in_force, announced,
	// threatened, struck_down, expired) and kind (duty, ban).
	Status string `json:"status,omitempty"`
	Kind   string `json:"kind,omitempty"`
	// StruckDownFrom (YYYY-MM-DD) is the day from which a measure with
	// status struck_down no longer applies; before it, it applies by its
	// dates (Measure.Effective).
	StruckDownFrom string `json:"struck_down_from,omitempty"`
}

// OptionalDate parses a stored date; the empty string is the zero date.
func OptionalDate(s string) (scenarios.Date, error) {
	if s == "" {
		return scenarios.Date{}, nil
	}
	return scenarios.ParseDate(s)
}

// Measure converts a complete library entry into a measure, with the
// entry's id as its library id.
func (e Entry) Measure() (scenarios.Measure, error) {
	m := scenarios.Measure{ID: e.ID, Label: e.Label, Imposer: e.Imposer, Program: e.Program, Sectors: e.Sectors,
		YieldsTo: e.YieldsTo, UpperBound: e.UpperBound, Library: e.ID, Status: e.Status, Kind: e.Kind}
	if e.Rate != nil {
		m.Rate = *e.Rate
	}
	if e.CUSMAExempt != nil {
		m.CUSMAExempt = *e.CUSMAExempt
	}
	if e.Products != nil {
		m.Products = e.Products.Scope()
	}
	if e.Content != nil {
		m.Content = *e.Content
	}
	if e.ExemptShare != nil {
		x := *e.ExemptShare
		m.CUSMAExemptShare = &x
	}
	if e.Note != nil {
		m.Note = *e.Note
	}
	var err error
	if e.From != nil {
		if m.From, err = OptionalDate(*e.From); err != nil {
			return m, fmt.Errorf("%s: effective_from: %w", e.ID, err)
		}
	}
	if e.To != nil {
		if m.To, err = OptionalDate(*e.To); err != nil {
			return m, fmt.Errorf("%s: effective_to: %w", e.ID, err)
		}
	}
	for _, ev := range append(e.Evidence, e.AddEvidence...) {
		m.Evidence = append(m.Evidence, scenarios.Evidence{Document: ev.Document, Quote: ev.Quote, Citation: ev.Citation, URL: ev.URL})
	}
	return m, nil
}

// PackMeasure converts a complete library entry into a pack's measure: its
// Measure (with the entry's id as library id), remark and struck-down day.
func (e Entry) PackMeasure() (Measure, error) {
	m, err := e.Measure()
	if err != nil {
		return Measure{}, err
	}
	pm := Measure{Measure: m, Remark: e.Remark}
	if e.StruckDownFrom != "" {
		if pm.StruckDownFrom, err = scenarios.ParseDate(e.StruckDownFrom); err != nil {
			return Measure{}, fmt.Errorf("library measure %s: struck_down_from: %w", e.ID, err)
		}
	}
	return pm, nil
}

// Override returns the library entry base with the fields set in e replacing
// base's, and e's add_evidence appended.
func (e Entry) Override(base Entry) Entry {
	out := base
	out.Row, out.Library = base.Row, ""
	if e.ID != "" {
		out.ID = e.ID
	}
	if e.Label != "" {
		out.Label = e.Label
	}
	if e.Imposer != "" {
		out.Imposer = e.Imposer
	}
	if e.Program != "" {
		out.Program = e.Program
	}
	if e.Sectors != nil {
		out.Sectors = e.Sectors
	}
	if e.Rate != nil {
		out.Rate = e.Rate
	}
	if e.CUSMAExempt != nil {
		out.CUSMAExempt = e.CUSMAExempt
	}
	if e.Products != nil {
		out.Products = e.Products
	}
	if e.Content != nil {
		out.Content = e.Content
	}
	if e.ExemptShare != nil {
		out.ExemptShare = e.ExemptShare
	}
	if e.YieldsTo != nil {
		out.YieldsTo = e.YieldsTo
	}
	if e.From != nil {
		out.From = e.From
	}
	if e.To != nil {
		out.To = e.To
	}
	if e.Evidence != nil {
		out.Evidence = e.Evidence
	}
	out.AddEvidence = append(append([]EvidenceJSON(nil), base.AddEvidence...), e.AddEvidence...)
	if e.Note != nil {
		out.Note = e.Note
	}
	if e.UpperBound != nil {
		out.UpperBound = e.UpperBound
	}
	if e.Status != "" {
		out.Status = e.Status
	}
	if e.Kind != "" {
		out.Kind = e.Kind
	}
	return out
}

// EntryOf returns the library entry a pack's measure is stored as.
func EntryOf(pm *Measure) Entry {
	m := pm.Measure
	rate, exempt, note := m.Rate, m.CUSMAExempt, m.Note
	e := Entry{Row: pm.Row, ID: m.ID, Label: m.Label, Imposer: m.Imposer, Program: m.Program,
		Sectors: m.Sectors, Rate: &rate, CUSMAExempt: &exempt, YieldsTo: nonNil(m.YieldsTo),
		UpperBound: nonNil(m.UpperBound), Note: &note, Remark: pm.Remark, Status: m.Status, Kind: m.Kind,
		StruckDownFrom: pm.StruckDownFrom.String()}
	if m.Products != nil {
		e.Products = &ProductsJSON{Exclude: m.Products.Exclude}
		if m.Products.Include != nil {
			inc := slices.Clone(m.Products.Include)
			if inc == nil {
				inc = []string{}
			}
			e.Products.Include = &inc
		}
	}
	if m.Content != "" {
		c := m.Content
		e.Content = &c
	}
	if m.CUSMAExemptShare != nil {
		x := *m.CUSMAExemptShare
		e.ExemptShare = &x
	}
	if !m.From.IsZero() {
		s := m.From.String()
		e.From = &s
	}
	if !m.To.IsZero() {
		s := m.To.String()
		e.To = &s
	}
	for _, ev := range m.Evidence {
		e.Evidence = append(e.Evidence, EvidenceJSON{Document: ev.Document, Quote: ev.Quote, Citation: ev.Citation, URL: ev.URL})
	}
	return e
}

// nonNil returns s, or an empty slice for nil (so that JSON writes [], not null).
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
