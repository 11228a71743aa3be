package compareview

import "testing"

// TestDeltaText: a difference carries its sign, never on a figure that
// rounds to zero, and the mark of the bounds it compares (a bound is never
// compared as a point).
func TestDeltaText(t *testing.T) {
	for _, c := range []struct {
		name           string
		s              string
		d              float64
		aUpper, bUpper bool
		want           string
	}{
		{"rise", "1.5", 1.5e6, false, false, "+1.5"},
		{"fall", "−1.5", -1.5e6, false, false, "−1.5"},
		{"rounds to zero", "0.0", 1, false, false, "0.0"},
		{"zero", "0.0", 0, true, true, "0.0"},
		{"B is a bound", "1.5", 1.5e6, false, true, "≤ +1.5"},
		{"A is a bound", "−1.5", -1.5e6, true, false, "≥ −1.5"},
		{"both are bounds", "1.5", 1.5e6, true, true, "≈ +1.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := deltaText(c.s, c.d, c.aUpper, c.bUpper); got != c.want {
				t.Errorf("deltaText(%q, %v, %v, %v) = %q, want %q", c.s, c.d, c.aUpper, c.bUpper, got, c.want)
			}
		})
	}
	if got := signedBillions(2.5e9); got != "+2.5" {
		t.Errorf("signedBillions(2.5e9) = %q", got)
	}
}
