package library

import (
	"slices"

	"parley/scenarios"
)

// Rebase returns a scenario's measure mine, taken from a library measure
// whose version was base, moved onto that measure's version next: each field
// (a column of measures.csv) that next changes from base takes next's value,
// and every other field keeps mine's, so that what the user changed in the
// scenario survives what the library did not change. The id in the scenario,
// the rate range and the library link are mine's.
func Rebase(base, next, mine scenarios.Measure) scenarios.Measure {
	b, n, m := record(&Measure{Measure: base}), record(&Measure{Measure: next}), record(&Measure{Measure: mine})
	b[0], n[0], m[0] = mine.ID, mine.ID, mine.ID
	keep := func(out scenarios.Measure) scenarios.Measure {
		out.ID, out.RateLow, out.RateHigh = mine.ID, mine.RateLow, mine.RateHigh
		out.Library, out.LibraryVintage = mine.Library, mine.LibraryVintage
		return out
	}
	switch {
	case slices.Equal(b, n):
		return mine
	case slices.Equal(b, m):
		return keep(next)
	}
	merged := make(map[string]string, len(Columns))
	for i, c := range Columns {
		merged[c] = m[i]
		if n[i] != b[i] {
			merged[c] = n[i]
		}
	}
	merged["id"] = mine.ID
	out, _ := parseRow(func(c string) string { return merged[c] })
	res := keep(out.Measure)
	for i, ev := range res.Evidence {
		// keep the link to the saved excerpt a quote came from
		for _, old := range mine.Evidence {
			if old.Excerpt != 0 && old.Document == ev.Document && old.Quote == ev.Quote {
				res.Evidence[i].Excerpt = old.Excerpt
			}
		}
	}
	return res
}
