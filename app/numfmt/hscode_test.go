package numfmt_test

import (
	"testing"

	"parley/app/numfmt"
)

func TestHSCode(t *testing.T) {
	for in, want := range map[string]string{
		"4407110010": "4407.11.0010",
		"44071100":   "4407.11.00",
		"440711":     "4407.11",
		"4407":       "4407",
		"44":         "44",
		"":           "",
		"list:x":     "list:x",
	} {
		if got := numfmt.HSCode(in); got != want {
			t.Errorf("HSCode(%q) = %q, want %q", in, got, want)
		}
	}
}
