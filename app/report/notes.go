package report

import (
	"fmt"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
	"parley/storage/evidence"
)

// notes returns the speaker notes of a slide about bt: what it shows, then
// for each scenario the measures behind it with their evidence in full
// (every quote with its document, every citation with its address, every
// measure's note, which says why a coverage is an upper bound), the
// measures without evidence, and the source lines.
func (b *builder) notes(bt *built) (string, error) {
	var w strings.Builder
	line := func(s string) { w.WriteString(strings.Join(strings.Fields(s), " ") + "\n") }
	line(bt.chart.Meta.Title + ": " + bt.subtitle + ".")
	if s := bt.chart.Summary(); s != "" {
		line(s + ".")
	} else if msg := bt.chart.Empty(); msg != "" {
		line(msg + ".")
	}
	for _, n := range bt.chart.Notes() {
		line(n)
	}
	for i, s := range bt.subjects {
		w.WriteString("\n")
		ms := bt.measures[i]
		head := s.name() + " (scenario " + s.id + "): "
		when := bt.when
		if len(bt.subjects) > 1 {
			when = "on " + s.asOf.String()
		}
		dir := bt.dir.Label()
		if bt.bothWays {
			dir = "both ways"
		}
		if len(ms) == 0 {
			line(head + "no measure " + dir + " in force " + when + ".")
			continue
		}
		line(head + "measures " + dir + " in force " + when + ":")
		for _, m := range ms {
			if err := b.measureNotes(&w, m); err != nil {
				return "", err
			}
		}
	}
	w.WriteString("\nSources:\n")
	seen := map[string]bool{}
	for _, s := range bt.subjects {
		for _, l := range s.sources {
			if !seen[l] {
				seen[l] = true
				line(l)
			}
		}
	}
	return strings.TrimSpace(w.String()), nil
}

// measureNotes writes a measure and its evidence in full.
func (b *builder) measureNotes(w *strings.Builder, m *scenarios.Measure) error {
	line := func(s string) { w.WriteString(strings.Join(strings.Fields(s), " ") + "\n") }
	item := func(s string) { w.WriteString("    – " + strings.Join(strings.Fields(s), " ") + "\n") }
	line("• " + measureName(m) + ": " + describeMeasure(m) + ".")
	for _, e := range m.Evidence {
		if e.IsQuote() {
			d, err := b.document(e.Document)
			if err != nil {
				return err
			}
			item("Quote: “" + e.Quote + "” (" + documentRef(d) + pageRef(d.PageOfQuote(e.Quote)) + ")")
			continue
		}
		c := "Citation: " + e.Citation
		if e.URL != "" {
			c += " " + e.URL
		}
		item(c)
	}
	if len(m.Evidence) == 0 {
		item("No evidence cited for this measure.")
	}
	if m.Note != "" {
		if len(m.UpperBound) > 0 {
			item("Upper bound for " + strings.Join(m.UpperBound, ", ") + ": " + m.Note)
		} else {
			item("Note: " + m.Note)
		}
	}
	return nil
}

// describeMeasure returns a measure's rate, dates and rules as the user
// gave them, e.g. "35% additional tariff from 2025-08-01 to 2026-02-23;
// CUSMA-claimed goods exempt; yields to S232".
func describeMeasure(m *scenarios.Measure) string {
	parts := []string{rateText(m.Rate) + " additional tariff from " + m.From.String()}
	if m.To.IsZero() {
		parts[0] += ", open-ended"
	} else {
		parts[0] += " to " + m.To.String()
	}
	if m.Program != "" {
		parts = append(parts, "programme "+m.Program)
	}
	if m.CUSMAExempt {
		parts = append(parts, "CUSMA-claimed goods exempt")
	} else {
		parts = append(parts, "no CUSMA exemption")
	}
	if len(m.YieldsTo) > 0 {
		parts = append(parts, "yields to "+strings.Join(m.YieldsTo, ", "))
	}
	return strings.Join(parts, "; ")
}

// rateText formats a rate as the percentage the user entered: 0.3519 as
// "35.19%" (numfmt.EnteredRate).
func rateText(r float64) string { return numfmt.EnteredRate(r) }

// documentRef returns how a quote names its document: the title, the
// publisher and date when known, and the document id.
// pageRef is ", p. N" for a page, "" for none (0).
func pageRef(page int) string {
	if page <= 0 {
		return ""
	}
	return fmt.Sprintf(", p. %d", page)
}

func documentRef(d evidence.Document) string {
	parts := []string{}
	if d.Title != "" {
		parts = append(parts, d.Title)
	}
	if d.Publisher != "" {
		parts = append(parts, d.Publisher)
	}
	if d.Date != "" {
		parts = append(parts, d.Date)
	}
	parts = append(parts, "document "+d.ID)
	return strings.Join(parts, ", ")
}
