package report

import "parley/scenarios"

// likenessNotes says how each scenario after the first is not like the
// first (another date, baseline year or dataset), one line per scenario
// that differs: "Not like with like: Today is on 2026-12-06, Sectoral
// deal on 2025-08-15". A comparison or deal chart puts them first in its
// footnote, and so do the slides that show it.
func likenessNotes(subs []*subject) []string {
	if len(subs) < 2 {
		return nil
	}
	a := subs[0].ev.Compared(subs[0].name())
	var out []string
	for _, s := range subs[1:] {
		b := s.ev.Compared(s.name())
		if note := scenarios.LikenessNote(scenarios.LikenessWarnings(a, b)); note != "" {
			out = append(out, note)
		}
	}
	return out
}

// LikenessNotes returns the lines of a chart's footnote that say its
// scenarios are not like with like (for a command to repeat on standard
// error).
func LikenessNotes(footnote []string) []string {
	var out []string
	for _, l := range footnote {
		if len(l) >= len(likenessPrefix) && l[:len(likenessPrefix)] == likenessPrefix {
			out = append(out, l)
		}
	}
	return out
}

const likenessPrefix = "Not like with like: "
