package scenarios

import (
	"fmt"
	"strconv"
)

// Compared is one side of a comparison as its warnings name it: a label
// ("A", "B", or a scenario's name), the day it is evaluated on and its
// assumptions.
type Compared struct {
	Label       string
	AsOf        Date
	Assumptions Assumptions
}

// LikenessWarnings says how b is not like a: evaluated on another day, on
// another baseline year of trade, or on other trade lines (one of the
// user's datasets against the built-in lines, or two different datasets) in
// either direction. A comparison of two such sides mixes the difference of
// the regimes with the difference of the days or data, so every view of it
// must say so. It returns nil when the two are like with like. Each warning
// is one sentence, for example "A is on 2026-12-06, B on 2025-08-15".
func LikenessWarnings(a, b Compared) []string {
	var out []string
	if !a.AsOf.IsZero() && !b.AsOf.IsZero() && a.AsOf != b.AsOf {
		out = append(out, fmt.Sprintf("%s is on %s, %s on %s", a.Label, a.AsOf, b.Label, b.AsOf))
	}
	if ya, yb := a.Assumptions.BaselineYear, b.Assumptions.BaselineYear; ya != yb {
		out = append(out, fmt.Sprintf("%s uses the %s baseline, %s %s", a.Label, baselineName(ya), b.Label, baselineName(yb)))
	}
	for _, d := range Directions {
		da, db := a.Assumptions.Datasets.For(d), b.Assumptions.Datasets.For(d)
		if da == db {
			continue
		}
		out = append(out, fmt.Sprintf("%s uses %s for %s, %s %s", a.Label, datasetName(da), flowsInto(d), b.Label, datasetName(db)))
	}
	return out
}

// LikenessNote joins warnings into one line for a screen or a slide:
// "Not like with like: A is on 2026-12-06, B on 2025-08-15; …", or "" when
// there is none.
func LikenessNote(warnings []string) string {
	if len(warnings) == 0 {
		return ""
	}
	s := "Not like with like: "
	for i, w := range warnings {
		if i > 0 {
			s += "; "
		}
		s += w
	}
	return s
}

func baselineName(year int) string {
	if year == 0 {
		return "default"
	}
	return strconv.Itoa(year)
}

func datasetName(name string) string {
	if name == "" {
		return "the built-in lines"
	}
	return "your dataset " + strconv.Quote(name)
}

func flowsInto(d Direction) string {
	if d == UStoCA {
		return "flows into Canada"
	}
	return "flows into the US"
}
