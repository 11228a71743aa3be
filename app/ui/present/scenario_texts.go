package present

import (
	"fmt"
	"strings"

	"parley/scenarios"
	"parley/storage"
)

// Programmes are the programme names offered for a measure (any name may
// be typed).
var Programmes = []string{"IEEPA", "S232", "S122", "S338", "S301", "ADCVD", "CA-COUNTER", "DEAL"}

// TagsText lists an excerpt's tags after a separator, or returns "".
func TagsText(tags []storage.Tag) string {
	if len(tags) == 0 {
		return ""
	}
	var parts []string
	for _, t := range tags {
		parts = append(parts, t.Kind+": "+t.Value)
	}
	return " · " + strings.Join(parts, ", ")
}

// SplitList splits a list typed with commas or semicolons, dropping blank
// items.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if t := strings.TrimSpace(p); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// ScopeSize describes a ScopeSize: "1,234 lines, US$ 12.3 bn of trade (US$
// 4.5 bn after content), 12 lines upper bound".
func ScopeSize(s scenarios.ScopeSize, content bool) string {
	t := fmt.Sprintf("%s, %s of trade", Plural(s.Lines, "line"), Money(s.Value))
	switch {
	case content:
		t += fmt.Sprintf(" (%s after content)", Money(s.Covered))
	case s.Covered < s.Value*(1-1e-9):
		t += fmt.Sprintf(" (%s after sector coverage)", Money(s.Covered))
	}
	if s.UpperBound > 0 {
		t += fmt.Sprintf(", %s upper bound", Plural(s.UpperBound, "line"))
	}
	return t
}
