package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

func TestShowHidden(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Aug 2025", "Aug 2025"},
		{"Proposal \u202eTPECCA ton od\u202c v2", `Proposal \u202eTPECCA ton od\u202c v2`},
		{"a\u2066b\u2069c\u200ed\u200ff\u061cg", `a\u2066b\u2069c\u200ed\u200ff\u061cg`},
		{"zero\u200bwidth\u2060join\ufeff", `zero\u200bwidth\u2060join\ufeff`},
		{"esc\x1b[2Jbell\x07del\x7fc1\u0085", `esc\u001b[2Jbell\u0007del\u007fc1\u0085`},
		{"two\nlines\tand\r", "two\nlines\tand\r"},
		// Joiners and the soft hyphen shape text: kept.
		{"👩\u200d💻 ZW\u200cNJ soft\u00adhyphen", "👩\u200d💻 ZW\u200cNJ soft\u00adhyphen"},
		{"Québec — 25 %", "Québec — 25 %"},
	} {
		if got := scenarios.ShowHidden(tc.in); got != tc.want {
			t.Errorf("ShowHidden(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}
