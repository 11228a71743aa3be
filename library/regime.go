package library

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"parley/scenarios"
)

// HoldsRegime reports whether sc holds every measure of library p that is
// part of the regime (no remark): a scenario of the whole regime, such as
// the built-in "Today". Re-basing such a scenario also gives it the new
// library's new measures (storage's RebaseScenario with addNew).
func HoldsRegime(sc *scenarios.Scenario, p *Pack) bool {
	have := map[string]bool{}
	for _, m := range sc.Measures {
		have[m.Library] = true
	}
	n := 0
	for i := range p.Measures {
		if p.Measures[i].Remark != "" {
			continue
		}
		n++
		if !have[p.Measures[i].ID] {
			return false
		}
	}
	return n > 0
}

// RebaseMeasures returns ms with each measure taken from the library
// moved onto p's version of it (library.Rebase from base's version, or
// replaced by p's whole when base is nil or lacks it; keeping its id in the
// scenario and recording p's vintage), and, with addNew, p's measures
// without a remark that ms lacks appended. A measure whose library entry p
// no longer holds is kept as it is. It returns the ids (in the scenario) of
// the measures that changed (beyond their vintage) or were added.
func RebaseMeasures(ms []scenarios.Measure, base, p *Pack, addNew bool) ([]scenarios.Measure, []string) {
	out := make([]scenarios.Measure, 0, len(ms))
	var touched []string
	have := map[string]bool{}
	for _, m := range ms {
		have[m.Library] = true
		pm := p.Measure(m.Library)
		if m.Library == "" || pm == nil {
			out = append(out, m)
			continue
		}
		next := pm.Effective()
		var n scenarios.Measure
		if bm := baseMeasure(base, m.Library); bm != nil {
			n = Rebase(bm.Effective(), next, m)
		} else {
			n = next
			n.ID, n.RateLow, n.RateHigh = m.ID, m.RateLow, m.RateHigh
		}
		n.Library, n.LibraryVintage = m.Library, m.LibraryVintage
		if !reflect.DeepEqual(n, m) {
			touched = append(touched, m.ID)
		}
		n.LibraryVintage = p.Info.Vintage
		out = append(out, n)
	}
	if addNew {
		ids := map[string]bool{}
		for _, m := range out {
			ids[m.ID] = true
		}
		for i := range p.Measures {
			pm := &p.Measures[i]
			if pm.Remark != "" || have[pm.ID] {
				continue
			}
			n := pm.Effective()
			n.LibraryVintage = p.Info.Vintage
			for k := 2; ids[n.ID]; k++ {
				n.ID = pm.ID + "-" + strconv.Itoa(k)
			}
			ids[n.ID] = true
			out = append(out, n)
			touched = append(touched, n.ID)
		}
	}
	return out, touched
}

func baseMeasure(base *Pack, id string) *Measure {
	if base == nil {
		return nil
	}
	return base.Measure(id)
}

// probeOf is a scenario of measure m alone, to check m as a scenario
// measure: an undated measure (a threat) is checked with a placeholder date.
func probeOf(m scenarios.Measure) scenarios.Scenario {
	probe := scenarios.Scenario{Name: "library", AsOf: scenarios.NewDate(2025, 1, 1),
		Assumptions: scenarios.DefaultAssumptions(), Measures: []scenarios.Measure{m}}
	if m.From.IsZero() {
		probe.Measures[0].From = probe.AsOf
	}
	return probe
}

// CheckMeasures checks each measure of p as a scenario measure against cat
// (sectors, quoted documents, dates, rate), an undated one (a threat) with a
// placeholder date; the errors name measures.csv, the row and the column.
// Unknown product lists are left to Validate, which knows the pack's lists.
func CheckMeasures(p *Pack, cat scenarios.Catalog) Errors {
	var es Errors
	for i := range p.Measures {
		probe := probeOf(p.Measures[i].Effective())
		for _, fe := range scenarios.Validate(&probe, cat) {
			field := fieldOf(fe.Path)
			if field == "" || strings.Contains(fe.Msg, "unknown product list") {
				continue // checked by Validate, with the pack's own lists
			}
			es = append(es, &Error{Part: MeasuresFile, Row: MeasureRow(p, i), Field: field, Msg: fe.Msg})
		}
	}
	return es
}

var measurePath = regexp.MustCompile(`^measures\[\d+\]\.?`)

// fieldOf maps the path of a scenario error on a probe's measure to the
// column of measures.csv.
func fieldOf(path string) string {
	if !measurePath.MatchString(path) {
		return ""
	}
	f := measurePath.ReplaceAllString(path, "")
	if i := strings.IndexAny(f, ".["); i >= 0 {
		f = f[:i]
	}
	switch f {
	case "":
		return "id"
	case "evidence":
		return "source"
	case "products":
		return "include"
	case "to":
		return "effective_to"
	case "from":
		return "effective_from"
	}
	return f
}
