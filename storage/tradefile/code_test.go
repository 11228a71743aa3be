package tradefile_test

import (
	"testing"

	"parley/storage/tradefile"
)

// TestSplitCode: the one reader of code cells reads the forms users'
// files write a code in, and refuses a cell that does not start with one.
func TestSplitCode(t *testing.T) {
	for _, tc := range []struct {
		in, digits, rest string
		ok               bool
	}{
		{"0101.21.00", "01012100", "", true},
		{"  0401 10 00  ", "04011000", "", true},
		{`="0401"`, "0401", "", true},
		{"'0401", "0401", "", true},
		{"1.0121E+9", "1012100000", "", true},
		{"0101.21.00 - Horses,  live", "01012100", "Horses, live", true},
		{"0101.21.00: Horses", "01012100", "Horses", true},
		{"0101.21.00\tHorses", "01012100", "Horses", true},
		{"0101.21.00 – Horses", "01012100", "Horses", true},
		{"401", "401", "", true},
		{"", "", "", true},
		{`=""`, "", "", true},
		{"Total", "", "", false},
		{"0101x", "", "", false},
		{"HS 0101", "", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			digits, rest, ok := tradefile.SplitCode(tc.in)
			if digits != tc.digits || rest != tc.rest || ok != tc.ok {
				t.Errorf("SplitCode(%q) = %q, %q, %v; want %q, %q, %v", tc.in, digits, rest, ok, tc.digits, tc.rest, tc.ok)
			}
		})
	}
}
