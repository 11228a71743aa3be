package scenarios

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Catalog answers what validation needs to know about a workspace: its
// sectors, reference data and evidence documents.
type Catalog interface {
	// SectorKnown reports whether code is a sector of the workspace.
	SectorKnown(code string) bool
	// BaselineYearKnown reports whether baseline trade exists for year.
	BaselineYearKnown(year int) bool
	// CUSMAPresetKnown reports whether a CUSMA share preset has this name.
	CUSMAPresetKnown(name string) bool
	// ElasticityPresetKnown reports whether an elasticity preset has this name.
	ElasticityPresetKnown(name string) bool
	// DocumentText returns a document's text, or false if there is none.
	DocumentText(id string) (string, bool)
	// ListKnown reports whether a built-in product list has this name.
	ListKnown(name string) bool
	// DatasetKnown reports whether the workspace has a dataset of the
	// user's with this name for direction d.
	DatasetKnown(d Direction, name string) bool
}

// Limits on free text.
const (
	MaxNameLength  = 200
	MaxLabelLength = 500
)

// Validate checks a scenario against docs/SPEC.md section 3 and the catalog: rates in
// [0, 10], coverage and shares in [0, 1], dates, known sector codes, imposer
// US or CA, and every quote found in its document. Each problem names its
// field. cat may be nil to check the scenario on its own.
func Validate(sc *Scenario, cat Catalog) Errors {
	var es Errors
	name := strings.TrimSpace(sc.Name)
	switch {
	case name == "":
		es.add("name", "must not be empty")
	case Invisible(name):
		es.add("name", "has no visible character (only spaces, zero-width or other invisible characters)")
	case strings.ContainsFunc(name, unicode.IsControl):
		es.add("name", "must not contain control characters (line breaks, tabs, escape sequences)")
	case utf8.RuneCountInString(name) > MaxNameLength:
		es.add("name", "is longer than %d characters", MaxNameLength)
	}
	if sc.AsOf.IsZero() {
		es.add("as_of", "must be an ISO date (YYYY-MM-DD)")
	}
	validateAssumptions(&es, &sc.Assumptions, cat)
	ids := map[string]int{}
	for i := range sc.Measures {
		m := &sc.Measures[i]
		p := fmt.Sprintf("measures[%d]", i)
		if j, dup := ids[m.ID]; dup && m.ID != "" {
			es.add(p+".id", "%q is also the id of measures[%d]", m.ID, j)
		}
		ids[m.ID] = i
		validateMeasure(&es, m, p, cat)
	}
	return es
}

func validateAssumptions(es *Errors, a *Assumptions, cat Catalog) {
	const p = "assumptions"
	if cat != nil {
		if !cat.BaselineYearKnown(a.BaselineYear) {
			es.add(p+".baseline_year", "no baseline trade for year %d", a.BaselineYear)
		}
		if !cat.CUSMAPresetKnown(a.CUSMAShares) {
			es.add(p+".cusma_shares", "unknown CUSMA share preset %q", a.CUSMAShares)
		}
		if !cat.ElasticityPresetKnown(a.Elasticities) {
			es.add(p+".elasticities", "unknown elasticity preset %q", a.Elasticities)
		}
	}
	switch a.Granularity {
	case GranularityProduct, GranularityChapter:
	default:
		es.add(p+".granularity", "must be %q or %q, not %q", GranularityProduct, GranularityChapter, a.Granularity)
	}
	for _, d := range Directions {
		name := a.Datasets.For(d)
		if name == "" {
			continue
		}
		if strings.TrimSpace(name) != name {
			es.add(p+".datasets."+string(d), "dataset name %q has leading or trailing spaces", name)
		} else if cat != nil && !cat.DatasetKnown(d, name) {
			es.add(p+".datasets."+string(d), "this workspace has no %s dataset named %q (see 'parley dataset list')", d, name)
		}
	}
	multiplier(es, p+".elasticity_low", a.ElasticityLow)
	multiplier(es, p+".elasticity_high", a.ElasticityHigh)
	if a.ElasticityLow > a.ElasticityHigh {
		es.add(p+".elasticity_low", "%v is above elasticity_high %v", a.ElasticityLow, a.ElasticityHigh)
	}
	o := p + ".overrides"
	sectorValues(es, o+".cusma_share", a.Overrides.CUSMAShare, 0, 1, "share", cat, false)
	sectorValues(es, o+".elasticity", a.Overrides.Elasticity, 0, maxElasticity, "elasticity", cat, false)
	sectorValues(es, o+".baseline_tariff", a.Overrides.BaselineTariff, 0, MaxRate, "tariff", cat, false)
}

// maxElasticity bounds elasticities and their multipliers.
const maxElasticity = 100

func multiplier(es *Errors, path string, v float64) {
	if !inRange(v, 0, maxElasticity) {
		es.add(path, "%v is out of range [0, %d]", v, maxElasticity)
	}
}

func inRange(v, lo, hi float64) bool {
	return !math.IsNaN(v) && v >= lo && v <= hi
}

func sectorValues(es *Errors, path string, vals map[string]float64, lo, hi float64, what string, cat Catalog, wildcard bool) {
	for _, code := range slices.Sorted(maps.Keys(vals)) {
		v := vals[code]
		p := path + "." + code
		if !(wildcard && code == Wildcard) && cat != nil && !cat.SectorKnown(code) {
			es.add(p, "unknown sector %q", code)
		}
		if !inRange(v, lo, hi) {
			es.add(p, "%s %v is out of range [%g, %g]", what, v, lo, hi)
		}
	}
}

func validateMeasure(es *Errors, m *Measure, p string, cat Catalog) {
	if strings.TrimSpace(m.ID) == "" {
		es.add(p+".id", "must not be empty")
	}
	if utf8.RuneCountInString(m.Label) > MaxLabelLength {
		es.add(p+".label", "is longer than %d characters", MaxLabelLength)
	}
	if m.Imposer != ImposerUS && m.Imposer != ImposerCA {
		es.add(p+".imposer", "must be \"US\" or \"CA\", not %q", m.Imposer)
	}
	if m.Sectors != nil && len(m.Sectors) == 0 {
		es.add(p+".sectors", "must name at least one sector (or \"*\" for all); leave it out to cover every sector")
	}
	sectorValues(es, p+".sectors", m.Sectors, 0, 1, "coverage", cat, true)
	if m.Products != nil {
		productEntries(es, p+".products.include", m.Products.Include, cat)
		productEntries(es, p+".products.exclude", m.Products.Exclude, cat)
	}
	if m.Content != "" && contentIndex(m.Content) < 0 {
		es.add(p+".content", "unknown content kind %q (known: %s)", m.Content, strings.Join(ContentKinds[:], ", "))
	}
	if m.Status != "" && !slices.Contains(Statuses[:], m.Status) {
		es.add(p+".status", "unknown status %q (known: %s)", m.Status, strings.Join(Statuses[:], ", "))
	}
	validateKind(es, m, p)
	validateRates(es, m, p)
	for i, y := range m.YieldsTo {
		if strings.TrimSpace(y) == "" {
			es.add(fmt.Sprintf("%s.yields_to[%d]", p, i), "must name a programme")
		}
	}
	if m.From.IsZero() {
		es.add(p+".effective_from", "must be an ISO date (YYYY-MM-DD)")
	} else if !m.To.IsZero() && m.To.Before(m.From) {
		es.add(p+".effective_to", "%s is before effective_from %s", m.To, m.From)
	}
	for i, e := range m.Evidence {
		validateEvidence(es, e, fmt.Sprintf("%s.evidence[%d]", p, i), cat)
	}
}

// validateKind checks a measure's kind, and that a ban has nothing that
// applies a rate.
func validateKind(es *Errors, m *Measure, p string) {
	switch m.Kind {
	case "", KindDuty:
	case KindBan:
		// A ban takes the covered trade away: it has no rate, and no
		// content share or CUSMA exemption to apply one to.
		if m.Rate != 0 {
			es.add(p+".rate", "is %v; a ban (\"kind\": \"ban\") has rate 0", m.Rate)
		}
		if m.Uncertain() {
			es.add(p+".rate", "a ban (\"kind\": \"ban\") has no rate range")
		}
		if m.Content != "" {
			es.add(p+".content", "is not allowed on a ban (\"kind\": \"ban\")")
		}
		if m.CUSMAExempt {
			es.add(p+".cusma_exempt", "is not allowed on a ban (\"kind\": \"ban\")")
		}
	default:
		es.add(p+".kind", "unknown kind %q (known: %s)", m.Kind, strings.Join(Kinds[:], ", "))
	}
}

// validateRates checks a measure's rate, its uncertain range and its
// CUSMA-exempt share.
func validateRates(es *Errors, m *Measure, p string) {
	if m.CUSMAExemptShare != nil {
		if !m.CUSMAExempt {
			es.add(p+".cusma_exempt_share", "needs \"cusma_exempt\": true")
		}
		if !inRange(*m.CUSMAExemptShare, 0, 1) {
			es.add(p+".cusma_exempt_share", "%v is out of range [0, 1]", *m.CUSMAExemptShare)
		}
	}
	if m.Uncertain() {
		if !inRange(m.RateLow, 0, MaxRate) || !inRange(m.RateHigh, 0, MaxRate) || m.RateLow > m.Rate || m.Rate > m.RateHigh {
			es.add(p+".rate", "the uncertain range %v to %v must hold the rate %v within [0, %g]", m.RateLow, m.RateHigh, m.Rate, MaxRate)
		}
	}
	if !inRange(m.Rate, 0, MaxRate) {
		es.add(p+".rate", "%v is out of range [0, %g] (0.25 means 25%%)", m.Rate, MaxRate)
	}
}

func productEntries(es *Errors, path string, entries []string, cat Catalog) {
	for i, e := range entries {
		p := fmt.Sprintf("%s[%d]", path, i)
		norm, err := NormalizeEntry(e)
		if err != nil {
			es.add(p, "%v", err)
			continue
		}
		if name, ok := strings.CutPrefix(norm, ListPrefix); ok && cat != nil && !cat.ListKnown(name) {
			es.add(p, "unknown product list %q (see 'parley lists')", name)
		}
	}
}

func validateEvidence(es *Errors, e Evidence, p string, cat Catalog) {
	switch {
	case e.Document != "" && e.Citation != "":
		es.add(p, "give either a document with a quote or a citation, not both")
	case e.Document != "":
		if strings.TrimSpace(e.Quote) == "" {
			es.add(p+".quote", "a document needs a quote")
			return
		}
		if cat == nil {
			return
		}
		text, ok := cat.DocumentText(e.Document)
		if !ok {
			es.add(p+".document", "unknown document %q", e.Document)
			return
		}
		if !QuoteIn(e.Quote, text) {
			es.add(p+".quote", "quote %q not found in document %s", shorten(e.Quote, 80), e.Document)
		}
	case e.Citation != "":
		if e.Quote != "" {
			es.add(p+".quote", "a quote needs its document")
		}
	default:
		es.add(p, "needs a document and quote, or a citation")
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
