package library

import (
	"fmt"
	"slices"
	"strings"

	"parley/scenarios"
)

// SourceLine returns the source line that states the vintage of the
// measure library behind scenario sc's figures, for the window and every
// chart, CSV and slide footnote: the library's vintage and pack, and, when
// measures of sc were taken from another vintage and not re-based, those
// vintages first (a measure stored before vintages were recorded counts as
// "an earlier library"). It is a source line ("what: source."): a slide's
// footnote keeps what comes before ", pack" or ", not re-based".
func SourceLine(info Info, sc *scenarios.Scenario) string {
	pack := ""
	if info.Title != "" {
		pack = fmt.Sprintf(", pack %q", info.Title)
		if info.Publisher != "" {
			pack += " by " + info.Publisher
		}
	}
	var other []string
	unknown := false
	if sc != nil {
		for _, m := range sc.Measures {
			switch v := m.LibraryVintage; {
			case m.Library == "" || v == info.Vintage:
			case v == "":
				unknown = true
			case !slices.Contains(other, v):
				other = append(other, v)
			}
		}
	}
	if len(other) == 0 && !unknown {
		return "Measure library: as of " + info.Vintage + pack + "."
	}
	slices.Sort(other)
	var was []string
	if len(other) > 0 {
		was = append(was, "as of "+strings.Join(other, " and "))
	}
	if unknown {
		was = append(was, "from an earlier library (vintage not recorded)")
	}
	return fmt.Sprintf("Measure library: this scenario's measures %s, not re-based on the library as of %s%s.",
		strings.Join(was, " and "), info.Vintage, pack)
}
