package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"parley/app/charts"
	"parley/scenarios"
)

// leadShare is the share of a direction's duty that the sectors a lead
// sentence names carry at least: the largest sectors are named until they
// carry it, two at most.
const leadShare = 0.4

// sectorLead returns the sentence that says where a direction's duty falls:
// "Motor vehicles & parts and iron & steel carry 39% of the US$ 33.1 bn
// duty at stake into the US." ok is false when there is no duty.
func sectorLead(s *subject, res *scenarios.Result, d scenarios.Direction) (string, bool) {
	t := res.Totals[d.Index()]
	if t.Duty <= 0 {
		return "", false
	}
	names := map[string]string{}
	for _, sec := range s.model.Sectors {
		names[sec.Code] = sec.Label()
	}
	flows := res.DirectionFlows(d)
	slices.SortStableFunc(flows, func(a, b scenarios.Flow) int { return cmp.Compare(b.Duty, a.Duty) })
	var named []string
	share := 0.0
	for _, f := range flows {
		if f.Duty <= 0 || len(named) == 2 || (len(named) > 0 && share >= leadShare) {
			break
		}
		named = append(named, names[f.Sector])
		share += f.Duty / t.Duty
	}
	who := strings.Join(named, " and ")
	if len(named) > 1 {
		who = named[0] + " and " + lowerFirst(named[1])
	}
	verb := "carry"
	if len(named) == 1 {
		verb = "carries"
	}
	return fmt.Sprintf("%s %s %s of the %s%s duty at stake %s.", who, verb, charts.Percent(share), mark(t.UpperBound),
		charts.Money(t.Duty), intoWhere(d)), true
}

// intoWhere says where a direction's duty is levied: "into the US".
func intoWhere(d scenarios.Direction) string {
	if d == scenarios.UStoCA {
		return "into Canada"
	}
	return "into the US"
}

// lowerFirst lowers the first letter of a sector's name inside a sentence,
// unless it starts an acronym or a proper name ("Motor vehicles" becomes
// "motor vehicles", "US goods" stays).
func lowerFirst(s string) string {
	if len(s) < 2 || s[1] < 'a' || s[1] > 'z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// lead returns the one sentence that says what the slide of ps shows,
// computed from its data.
func (b *builder) lead(ps *pendingSlide) string {
	bt := ps.built
	if bt == nil || bt.chart == nil {
		return ""
	}
	ch := bt.chart
	switch {
	case ps.kind == SlideProgrammes:
		if s, ok := programmesLead(bt.subjects[0], bt.dir); ok {
			return s
		}
	case ps.kind == SlideDutiable && len(bt.results) > 0:
		return dutiableLead(bt.subjects[0], &bt.results[0], bt.dir)
	case ch.Kind == charts.Compare:
		return compareLead(bt)
	case ps.kind == SlideProducts && len(bt.results) > 0:
		return productsLead(&bt.results[0], bt.dir)
	case ps.kind == SlideRanges && bt.bands != nil && len(bt.results) > 0:
		return rangesLead(&bt.results[0], bt.bands, bt.dir)
	case ch.Kind == charts.Exposure && len(bt.results) > 0:
		if s, ok := sectorLead(bt.subjects[0], &bt.results[0], bt.dir); ok {
			return s
		}
	case ch.Kind == charts.Timeline:
		return timelineLead(ch)
	case ch.Kind == charts.Tornado:
		return tornadoLead(ch)
	}
	if msg := ch.Empty(); msg != "" {
		return msg
	}
	// The chart's own summary, less the direction that the subtitle gives.
	s := ch.Summary()
	parts := strings.Split(s, " · ")
	for _, p := range parts {
		if p != bt.dir.Label() && p != scenarios.CAtoUS.Label() && p != scenarios.UStoCA.Label() && p != "" {
			return strings.TrimSuffix(p, ".") + "."
		}
	}
	return ""
}

// productsLead says how much of the duty the ten lines with the most carry.
func productsLead(res *scenarios.Result, d scenarios.Direction) string {
	t := res.Totals[d.Index()]
	var duties []float64
	for _, l := range res.Lines {
		if l.Direction == d && l.Duty > 0 {
			duties = append(duties, l.Duty)
		}
	}
	if len(duties) == 0 || t.Duty <= 0 {
		return "No product line has duty at stake " + intoWhere(d) + "."
	}
	slices.SortFunc(duties, func(a, b float64) int { return cmp.Compare(b, a) })
	n := min(10, len(duties))
	sum := 0.0
	for _, v := range duties[:n] {
		sum += v
	}
	return fmt.Sprintf("The %d product lines with the most duty carry %s of the duty %s, among %d lines with duty.",
		n, charts.Percent(sum/t.Duty), intoWhere(d), len(duties))
}

// dutiableLead says what a CUSMA claim spares and what it does not: the
// share of the duty carried by measures that tax claimed goods too
// (Section 232, Section 338), so that a claimed sector such as aluminum is
// never read as free of duty.
func dutiableLead(s *subject, res *scenarios.Result, d scenarios.Direction) string {
	exempt := map[string]bool{}
	for _, m := range s.sc.Measures {
		exempt[m.ID] = m.CUSMAExempt
	}
	t := res.Totals[d.Index()]
	if t.Duty <= 0 {
		return "No duty at stake " + intoWhere(d) + ": CUSMA claims change nothing."
	}
	ignore := 0.0
	for _, md := range res.Measures {
		if md.Direction == d && !exempt[md.ID] {
			ignore += md.Duty
		}
	}
	return fmt.Sprintf("%s of the duty %s comes from measures that tax CUSMA-claimed goods too (Section 232, 338): a claim spares only the rest.",
		charts.Percent(ignore/t.Duty), intoWhere(d))
}

// compareLead names the scenarios in the order of the chart's series (its
// legend) with their duty at stake.
func compareLead(bt *built) string {
	var parts []string
	for i, s := range bt.subjects {
		if i >= len(bt.results) {
			break
		}
		t := bt.results[i].Totals[bt.dir.Index()]
		parts = append(parts, fmt.Sprintf("%s %s%s", s.name(), mark(t.UpperBound), charts.Money(t.Duty)))
	}
	return "Duty at stake " + intoWhere(bt.dir) + ", in the order of the key: " + strings.Join(parts, "; ") + "."
}

// timelineLead says how the effective rate moved over the months shown.
func timelineLead(ch *charts.Chart) string {
	t, ok := ch.Table()
	if !ok || len(t.Categories) == 0 {
		return ""
	}
	at := func(k int) float64 {
		v := 0.0
		for _, s := range t.Series {
			v += s.Values[k]
		}
		return v
	}
	peak, pk := math.Inf(-1), 0
	for k := range t.Categories {
		if v := at(k); v > peak {
			peak, pk = v, k
		}
	}
	first, last := at(0), at(len(t.Categories)-1)
	start := t.Categories[0]
	if y, ok := strings.CutPrefix(start, "’"); ok { // a year: its January
		start = "January 20" + y
	}
	s := fmt.Sprintf("The effective additional tariff goes from %s in %s to %s at the end of the period", charts.Percent(first/100), start, charts.Percent(last/100))
	if peak > last && pk != len(t.Categories)-1 {
		s += fmt.Sprintf(", after a peak of %s", charts.Percent(peak/100))
	}
	return s + "."
}

// tornadoLead names the assumption that moves the duty at stake most and
// by how much.
func tornadoLead(ch *charts.Chart) string {
	t, ok := ch.Table()
	if !ok || len(t.Categories) == 0 || len(t.Series) < 2 {
		return "No assumption moves the duty at stake."
	}
	lo, hi := t.Series[0].Values[0], t.Series[1].Values[0]
	return fmt.Sprintf("%s moves the duty at stake most: from %+.1f to %+.1f %s.", t.Categories[0], math.Min(lo, hi), math.Max(lo, hi),
		strings.TrimPrefix(t.ValueTitle, "Change in duty at stake from the base, "))
}

// withoutLead returns a subtitle without the parts (between " · ") that
// repeat the lead sentence.
func withoutLead(sub, lead string) string {
	lead = strings.TrimSuffix(lead, ".")
	if lead == "" {
		return sub
	}
	var out []string
	for _, l := range strings.Split(sub, "\n") {
		var keep []string
		for _, p := range strings.Split(l, " · ") {
			if p != lead {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " · "))
		}
	}
	return strings.Join(out, "\n")
}

// rangesLead says how far imports fall in direction d, at the central
// estimate and over its P10–P90 range: "US imports from Canada fall by
// US$ 2.9 bn at the central estimate, P10–P90 US$ 2.6 bn to 3.2 bn." A
// fall computed from a duty that is an upper bound is marked as one.
func rangesLead(res *scenarios.Result, bands *scenarios.MonteCarloResult, d scenarios.Direction) string {
	t, p := res.Totals[d.Index()], bands.Totals[d.Index()].TradeChange
	who := "US imports from Canada"
	if d == scenarios.UStoCA {
		who = "Canada's imports from the US"
	}
	lo, hi := -max(p.P10, p.P90), -min(p.P10, p.P90)
	if t.TradeChange == 0 && lo == 0 && hi == 0 {
		return "No sector's imports fall " + intoWhere(d) + "."
	}
	return fmt.Sprintf("%s fall by %s%s at the central estimate, P10–P90 %s to %s.", who, mark(t.UpperBound),
		charts.Money(-t.TradeChange), charts.Money(lo), charts.Money(hi))
}
