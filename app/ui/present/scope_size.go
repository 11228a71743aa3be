package present

import (
	"fmt"

	"parley/scenarios"
)

// ScopeSize describes a ScopeSize: "1,234 lines, US$ 12.3 bn of trade (US$
// 4.5 bn after content), 12 lines upper bound"; content says whether the
// measure taxes the content share only.
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
