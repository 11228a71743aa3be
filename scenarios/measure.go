package scenarios

import "slices"

// Evidence supports a measure: either a quote from a document of the
// workspace's evidence library, or a citation of an outside (legal) source.
type Evidence struct {
	Document string // document id, with Quote
	Quote    string // passage that must occur in Document
	Citation string // outside source, e.g. "Proclamation 10947"
	URL      string // optional address of the citation
	// Excerpt is the id of the saved library excerpt the quote was taken
	// from, or 0. It is kept in the workspace, not in scenario files.
	Excerpt int64
}

// IsQuote reports whether e quotes a document of the library.
func (e Evidence) IsQuote() bool { return e.Document != "" }

// Statuses of a measure (docs/SPEC.md section 2.1); "" means StatusInForce.
const (
	StatusInForce    = "in_force"    // in force by its dates
	StatusAnnounced  = "announced"   // in a signed instrument, in force from its effective_from
	StatusThreatened = "threatened"  // announced publicly, no legal instrument
	StatusStruckDown = "struck_down" // never active; kept for the record
	StatusExpired    = "expired"     // never active; kept for the record
)

// Statuses lists the statuses in the order the app offers them.
var Statuses = [...]string{StatusInForce, StatusAnnounced, StatusThreatened, StatusStruckDown, StatusExpired}

// Kinds of measure (docs/SPEC.md section 2.1); "" means KindDuty.
const (
	KindDuty = "duty" // an additional ad valorem duty
	KindBan  = "ban"  // an import ban: the covered trade falls to zero
)

// Kinds lists the kinds of measure.
var Kinds = [...]string{KindDuty, KindBan}

// Measure is one dated tariff measure of one imposer (docs/SPEC.md section 3).
type Measure struct {
	ID      string // unique within its scenario
	Label   string // human label
	Imposer string // ImposerUS or ImposerCA
	Program string // legal programme, e.g. "IEEPA", "S232"
	// Sectors is the coverage by sector code, Wildcard allowed; nil means
	// every sector at 1 (format /2 only).
	Sectors map[string]float64
	// Products scopes the measure to product codes and lists; nil means
	// every product.
	Products *ProductScope
	// Content is the metal whose content share of a line's value the
	// measure applies to (ContentSteel ...), or "" for the whole value.
	Content     string
	Rate        float64 // additional ad valorem rate, 0.25 = 25%
	CUSMAExempt bool    // CUSMA-claimed goods are exempt
	// CUSMAExemptShare is x(m), the part of a claimed good's value that is
	// exempt (nil: 1, fully exempt). Only with CUSMAExempt.
	CUSMAExemptShare *float64
	YieldsTo         []string // programmes that take precedence
	From             Date     // effective_from (inclusive)
	To               Date     // effective_to (inclusive); zero = open
	Evidence         []Evidence
	// Status is one of Statuses, or "" for in force.
	Status string
	// Kind is KindDuty or KindBan, or "" for a duty.
	Kind string

	// RateLow and RateHigh bound the rate when the user marks it uncertain
	// (both zero: the rate is certain). Kept in the workspace, not in
	// scenario files.
	RateLow, RateHigh float64

	// Note explains modelling choices; it is kept in the workspace but not in
	// scenario files.
	Note string
	// UpperBound lists the sectors (or Wildcard) for which this measure's
	// coverage of 1 is an upper bound: the measure covers only part of the
	// sector and no source gives the share.
	UpperBound []string
	// Library is the id of the measure-library entry this measure came from.
	Library string
	// LibraryVintage is the vintage (YYYY-MM-DD) of the library the measure
	// was taken from; a re-base on a newer library changes it. Kept in the
	// workspace, not in scenario files.
	LibraryVintage string
}

// Direction returns the direction of trade the measure applies to.
func (m *Measure) Direction() Direction {
	if m.Imposer == ImposerCA {
		return UStoCA
	}
	return CAtoUS
}

// ActiveOn reports whether the measure is active on day d (docs/SPEC.md section
// 2.1): an in-force or announced measure when From <= d and (To is open or
// d <= To); a threatened one likewise but only with includeThreats (the
// scenario's Assumptions.IncludeThreats); a struck-down or expired one never.
func (m *Measure) ActiveOn(d Date, includeThreats bool) bool {
	if !m.StatusActive(includeThreats) || m.From.IsZero() || d.Before(m.From) {
		return false
	}
	return m.To.IsZero() || !d.After(m.To)
}

// StatusActive reports whether the measure's status lets it be active at
// all: in force and announced measures yes, threatened ones only with
// includeThreats, struck-down and expired ones never (docs/SPEC.md section 2.1).
func (m *Measure) StatusActive(includeThreats bool) bool {
	switch m.Status {
	case "", StatusInForce, StatusAnnounced:
		return true
	case StatusThreatened:
		return includeThreats
	}
	return false
}

// IsBan reports whether the measure is an import ban.
func (m *Measure) IsBan() bool { return m.Kind == KindBan }

// StatusOrDefault returns the measure's status, StatusInForce for "".
func (m *Measure) StatusOrDefault() string {
	if m.Status == "" {
		return StatusInForce
	}
	return m.Status
}

// Coverage returns sec(m, s): the sector's own value, else the wildcard's,
// else 0; a measure with no sectors covers every sector at 1.
func (m *Measure) Coverage(sector string) float64 {
	if m.Sectors == nil {
		return 1
	}
	if v, ok := m.Sectors[sector]; ok {
		return v
	}
	return m.Sectors[Wildcard]
}

// ExemptShare returns x(m): the part of a CUSMA-claimed good's value that the
// measure exempts (default 1).
func (m *Measure) ExemptShare() float64 {
	if m.CUSMAExemptShare == nil {
		return 1
	}
	return *m.CUSMAExemptShare
}

// Uncertain reports whether the user marked the rate uncertain, with a range.
func (m *Measure) Uncertain() bool { return m.RateLow != 0 || m.RateHigh != 0 }

// IsUpperBound reports whether the measure's coverage of sector is flagged as
// an upper bound.
func (m *Measure) IsUpperBound(sector string) bool {
	if _, named := m.Sectors[sector]; named {
		return slices.Contains(m.UpperBound, sector)
	}
	return slices.Contains(m.UpperBound, sector) || slices.Contains(m.UpperBound, Wildcard)
}

// Clone returns a deep copy of m.
func (m Measure) Clone() Measure {
	c := m
	if m.Sectors != nil {
		c.Sectors = make(map[string]float64, len(m.Sectors))
		for k, v := range m.Sectors {
			c.Sectors[k] = v
		}
	}
	c.Products = m.Products.Clone()
	if m.CUSMAExemptShare != nil {
		x := *m.CUSMAExemptShare
		c.CUSMAExemptShare = &x
	}
	c.YieldsTo = slices.Clone(m.YieldsTo)
	c.Evidence = slices.Clone(m.Evidence)
	c.UpperBound = slices.Clone(m.UpperBound)
	return c
}
