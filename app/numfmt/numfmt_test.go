package numfmt_test

import (
	"testing"

	"parley/app/numfmt"
)

func TestGrouped(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 0, "0"},
		{0, 1, "0.0"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{1234.56, 1, "1,234.6"},
		{-1234.56, 1, "-1,234.6"},
		{412695.72, 1, "412,695.7"},
		{1234567890, 0, "1,234,567,890"},
		{-0.04, 1, "0.0"},
		{-0.05, 0, "0"},
		{-999999.96, 1, "-1,000,000.0"},
		{12.3456, 3, "12.346"},
	} {
		if got := numfmt.Grouped(tc.v, tc.dec); got != tc.want {
			t.Errorf("Grouped(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		r    float64
		dec  int
		want string
	}{
		{0, 1, "0.0%"},
		{0, 0, "0%"},
		{0.076, 1, "7.6%"},
		{0.35, 0, "35%"},
		{0.0004, 1, "<0.1%"},
		{0.0004, 2, "0.04%"},
		{0.00004, 2, "<0.01%"},
		{0.004, 0, "<1%"},
		{-0.0004, 1, ">-0.1%"},
		{0.0005, 1, "0.1%"},
		{12.5, 0, "1,250%"},
	} {
		if got := numfmt.Percent(tc.r, tc.dec); got != tc.want {
			t.Errorf("Percent(%v, %d) = %q, want %q", tc.r, tc.dec, got, tc.want)
		}
	}
}

func TestEnteredRate(t *testing.T) {
	for r, want := range map[float64]string{0.3519: "35.19%", 0.25: "25%", 0: "0%", 0.0000001: "0.00001%", 1.5: "150%"} {
		if got := numfmt.EnteredRate(r); got != want {
			t.Errorf("EnteredRate(%v) = %q, want %q", r, got, want)
		}
	}
}
