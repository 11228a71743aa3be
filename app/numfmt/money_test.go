package numfmt_test

import (
	"math"
	"testing"

	"parley/app/numfmt"
)

// The one way Parley writes money and rates, in the window, on charts, in
// decks and on the command line.
func TestMoneyAndRate(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		// Units and significant digits.
		{"billions", numfmt.Money(4.23e9), "US$ 4.2 bn"},
		{"thousands of billions", numfmt.Money(3251.2e9), "US$ 3,251.2 bn"},
		{"millions under 100 keep a decimal", numfmt.Money(12.5e6), "US$ 12.5 M"},
		{"millions from 100 have none", numfmt.Money(850.4e6), "US$ 850 M"},
		{"99.96 M rounds to 100 M", numfmt.Money(99.96e6), "US$ 100 M"},
		{"rounds up into billions", numfmt.Money(999.96e6), "US$ 1.0 bn"},
		{"thousands", numfmt.Money(40_400), "US$ 40 k"},
		{"units", numfmt.Money(950), "US$ 950"},
		{"zero", numfmt.Money(0), "US$ 0"},
		{"rounds to zero", numfmt.Money(0.4), "US$ 0"},
		{"not a number", numfmt.Money(math.NaN()), "US$ 0"},
		// Negative values: a minus sign before the currency.
		{"negative", numfmt.Money(-850e6), "−US$ 850 M"},
		{"negative rounding to zero", numfmt.Money(-0.4), "US$ 0"},
		{"amount negative", numfmt.Amount(-12.5e6), "−12.5 M"},
		{"amount", numfmt.Amount(1.5e9), "1.5 bn"},
		{"other currency", numfmt.MoneyIn("C$", 17.1e6), "C$ 17.1 M"},
		{"other currency negative", numfmt.MoneyIn("C$", -2e9), "−C$ 2.0 bn"},
		// Bounds: "≤" before the figure that is the bound, never on zero.
		{"upper bound", numfmt.Bound(numfmt.Money(16.7e9), true), "≤ US$ 16.7 bn"},
		{"point", numfmt.Bound(numfmt.Money(16.7e9), false), "US$ 16.7 bn"},
		{"zero bound", numfmt.Bound(numfmt.Money(0), true), "US$ 0"},
		// Rates: one decimal, never zero when not zero.
		{"rate", numfmt.Rate(0.0696), "7.0%"},
		{"whole rate", numfmt.Rate(1), "100.0%"},
		{"rate decimal", numfmt.Rate(0.465), "46.5%"},
		{"zero rate", numfmt.Rate(0), "0.0%"},
		{"small rate", numfmt.Rate(0.0004), "<0.1%"},
		{"small negative rate", numfmt.Rate(-0.0004), ">−0.1%"},
		{"negative rate", numfmt.Rate(-0.125), "−12.5%"},
		{"large rate", numfmt.Rate(12.5), "1,250.0%"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestDollars(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		signed bool
		want   string
	}{
		{11_333_115.6, false, "US$11,333,116"},
		{0, false, "US$0"},
		{0, true, "+US$0"},
		{26_064_212, true, "+US$26,064,212"},
		{-850.2, true, "−US$850"},
		{-0.2, false, "US$0"},
	} {
		if got := numfmt.Dollars(tc.v, tc.signed); got != tc.want {
			t.Errorf("Dollars(%v, %v) = %q, want %q", tc.v, tc.signed, got, tc.want)
		}
	}
}
