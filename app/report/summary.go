package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/numfmt"
	"parley/scenarios"
)

// Summary slides: one page per scenario for a minister.
const (
	summaryTitle   = "At a glance: %s"
	summarySectors = 5 // largest sectors listed per direction
	summaryQuotes  = 3 // pieces of key evidence
	maxQuote       = 120
	maxQuoteLabel  = 70 // a measure's label in the key evidence, in characters
	maxQuoteSource = 60 // a quoted document's title, in characters (the notes give it in full)
)

// summarySlide returns the one-page summary of scenario s: into the US,
// what it costs Canada (lost exports, the trade effect with its low–high
// range) and what US importers pay (duty at stake); into Canada the duty at
// stake on the trade it falls on and the trade effect with its range (all
// with "≤" when an upper bound); in both the five sectors with the most
// duty; then the key evidence, the evidence of the
// measures with the most duty at stake behind them.
func (b *builder) summarySlide(s *subject) (*pendingSlide, error) {
	res := s.evaluate()
	bt := &built{subjects: []*subject{s}, results: []scenarios.Result{res}, when: "on " + s.asOf.String()}
	var active []*scenarios.Measure
	for _, d := range scenarios.Directions {
		active = append(active, activeMeasures(s.sc, d, s.asOf, s.asOf)...)
	}
	bt.measures = [][]*scenarios.Measure{active}
	names := map[string]string{}
	for _, sec := range s.model.Sectors {
		names[sec.Code] = sec.Label()
	}
	var panels []deck.Panel
	upper := false
	for _, d := range scenarios.Directions {
		upper = upper || res.Totals[d.Index()].UpperBound
		panels = append(panels, summaryPanel(s, &res, d, names))
	}
	key, err := b.keyEvidence(s, &res, active)
	if err != nil {
		return nil, err
	}
	panels = append(panels, deck.Panel{Heading: "Key evidence", Lines: key, Wide: true})

	sub := "As of " + s.asOf.String() + " · baseline " + fmt.Sprint(s.sc.Assumptions.BaselineYear) + " trade · duty at stake at baseline volumes"
	if upper {
		sub += " · " + numfmt.UpperMark + "upper bound (partial coverage)"
	}
	foot, err := b.footnote(bt.subjects, bt.measures, slideFoot)
	if err != nil {
		return nil, err
	}
	notes, err := b.summaryNotes(s, &res, active, panels)
	if err != nil {
		return nil, err
	}
	title := fmt.Sprintf(summaryTitle, s.name())
	lead, ok := sectorLead(s, &res, scenarios.CAtoUS)
	if !ok {
		if lead, ok = sectorLead(s, &res, scenarios.UStoCA); !ok {
			lead = "No duty at stake either way on " + s.asOf.String() + "."
		}
	}
	slide := deck.Slide{Title: title, Subtitle: sub, Lead: lead, Panels: panels, Footnote: strings.Join(foot, "\n"), Notes: notes, AltText: title}
	return &pendingSlide{slide: slide, built: bt, kind: SlideSummary}, nil
}

// summaryPanel is the panel of direction d on the summary slide of s: the
// duty at stake, what it costs Canada, and the largest sectors.
func summaryPanel(s *subject, res *scenarios.Result, d scenarios.Direction, names map[string]string) deck.Panel {
	t := res.Totals[d.Index()]
	p := deck.Panel{Heading: d.Label()}
	if t.Duty == 0 && t.Banned == 0 {
		p.Lines = []string{"No duty at stake on " + s.asOf.String() + "."}
		return p
	}
	if d == scenarios.CAtoUS {
		// Which figure answers "what does it cost Canada" (lost
		// exports) and which "what do US importers pay" (duty).
		cost, importers := CostToCanada(t, nil, s.sc.Assumptions.BaselineYear)
		p.Lines = append(p.Lines, cost, importers)
	} else {
		p.Lines = append(p.Lines,
			fmt.Sprintf("Duty at stake: %s%s a year on %s of trade (%s)", mark(t.UpperBound), charts.Money(t.Duty), charts.Money(t.Baseline), charts.Percent(t.EffectiveRate)))
		if t.Banned != 0 {
			p.Lines = append(p.Lines, fmt.Sprintf("Trade banned: %s%s a year of trade stopped by import bans", mark(t.UpperBound), charts.Money(t.Banned)))
		}
		p.Lines = append(p.Lines,
			fmt.Sprintf("Trade effect: %s (range %s to %s)", charts.Money(t.TradeChange), charts.Money(t.TradeChangeLow), charts.Money(t.TradeChangeHigh)))
	}
	flows := res.DirectionFlows(d)
	slices.SortStableFunc(flows, func(a, b scenarios.Flow) int { return cmp.Compare(b.Duty, a.Duty) })
	var top []string
	for _, f := range flows {
		if f.Duty == 0 || len(top) == summarySectors {
			break
		}
		top = append(top, fmt.Sprintf("%s %s%s (%s)", names[f.Sector], mark(f.UpperBound), charts.Money(f.Duty), charts.Percent(f.Tariff)))
	}
	p.Lines = append(p.Lines, "Largest sectors: "+strings.Join(top, "; "))
	return p
}

// mark returns "≤ " for an upper bound.
func mark(upper bool) string {
	if upper {
		return numfmt.UpperMark
	}
	return ""
}

// keyEvidence returns up to summaryQuotes lines of evidence: for the
// measures in force that quote a legal text, those that carry the most
// duty first (the duty each adds, and the trade its ban stops), each with
// that amount and its first quote; then, when fewer than summaryQuotes
// quote one, the others' citations in the same order; then a warning
// naming the measures that cite nothing.
func (b *builder) keyEvidence(s *subject, res *scenarios.Result, active []*scenarios.Measure) ([]string, error) {
	carried := map[string]float64{} // measure id -> duty it adds (and trade it bans)
	for _, md := range res.Measures {
		carried[md.ID] += md.Duty + md.Banned
	}
	quotes := func(m *scenarios.Measure) bool { return slices.ContainsFunc(m.Evidence, scenarios.Evidence.IsQuote) }
	ms := slices.Clone(active)
	// By the duty they carry; the measures that quote a legal text first,
	// so that the slide quotes the law rather than cites it.
	slices.SortStableFunc(ms, func(a, b *scenarios.Measure) int {
		if qa, qb := quotes(a), quotes(b); qa != qb {
			if qa {
				return -1
			}
			return 1
		}
		return cmp.Compare(carried[b.ID], carried[a.ID])
	})
	var lines, missing []string
	for _, m := range ms {
		if len(m.Evidence) == 0 {
			missing = append(missing, m.Label)
			continue
		}
		if len(lines) == summaryQuotes {
			continue
		}
		text, err := b.evidenceText(m)
		if err != nil {
			return nil, err
		}
		label := ellipsize(m.Label, maxQuoteLabel)
		if label == "" {
			label = m.ID
		}
		if d := carried[m.ID]; d > 0 {
			label += " (" + charts.Money(d) + ")"
		}
		lines = append(lines, label+": "+text)
	}
	if len(lines) == 0 {
		lines = append(lines, "No measure in force on "+s.asOf.String()+" cites evidence.")
	}
	if len(missing) > 0 {
		lines = append(lines, fmt.Sprintf("No evidence cited for %d measure(s): %s.", len(missing), strings.Join(missing, "; ")))
	}
	return lines, nil
}

// evidenceText is how the summary slide shows m's evidence: its first
// quote of a legal text, with the document and page it is on, else the
// citation of its first evidence. A quote reads better than a citation.
func (b *builder) evidenceText(m *scenarios.Measure) (string, error) {
	e := m.Evidence[0]
	if i := slices.IndexFunc(m.Evidence, scenarios.Evidence.IsQuote); i >= 0 {
		e = m.Evidence[i]
	}
	if !e.IsQuote() {
		return shortCitation(e.Citation), nil
	}
	d, err := b.document(e.Document)
	if err != nil {
		return "", err
	}
	src := ellipsize(d.Title, maxQuoteSource)
	if d.Date != "" {
		src += ", " + d.Date
	}
	src += pageRef(d.PageOfQuote(e.Quote))
	return "“" + ellipsize(strings.Join(strings.Fields(e.Quote), " "), maxQuote) + "” (" + src + ")", nil
}

// summaryNotes returns the speaker notes of a summary slide: its panels in
// full, then every measure in force with its evidence in full.
func (b *builder) summaryNotes(s *subject, res *scenarios.Result, active []*scenarios.Measure, panels []deck.Panel) (string, error) {
	var w strings.Builder
	line := func(t string) { w.WriteString(strings.Join(strings.Fields(t), " ") + "\n") }
	line(fmt.Sprintf(summaryTitle, s.name()) + " (scenario " + s.id + "), as of " + s.asOf.String() + ".")
	for _, p := range panels {
		w.WriteString("\n")
		line(p.Heading + ":")
		for _, l := range p.Lines {
			line("• " + l)
		}
	}
	w.WriteString("\n")
	line("Measures in force on " + s.asOf.String() + ":")
	for _, m := range active {
		if err := b.measureNotes(&w, m); err != nil {
			return "", err
		}
	}
	w.WriteString("\nSources:\n")
	for _, l := range s.sources {
		line(l)
	}
	return strings.TrimSpace(w.String()), nil
}
