package charts

import (
	"math"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
)

// minus is the typographic minus sign used in chart text.
const minus = numfmt.Minus

// moneyUnit is the unit of a money axis (numfmt.Unit).
type moneyUnit = numfmt.Unit

// unitFor returns the unit of an axis whose largest absolute value is max
// (numfmt.UnitFor).
func unitFor(max float64) moneyUnit { return numfmt.UnitFor(max) }

// amount formats a US$ value without the currency, in its own magnitude
// (numfmt.Amount): "4.2 bn", "850 M", "12.5 M", "40 k", "0".
func amount(v float64) string { return numfmt.Amount(v) }

// money formats a US$ value as "US$ 4.2 bn" or "−US$ 850 M" (numfmt.Money).
func money(v float64) string { return numfmt.Money(v) }

// percent formats a rate (0.076) as "7.6%" (numfmt.Rate).
func percent(r float64) string { return numfmt.Rate(r) }

// number formats v with dec decimals, grouped thousands and a minus sign.
func number(v float64, dec int) string {
	s := numfmt.Grouped(math.Abs(v), dec)
	if v < 0 && strings.Trim(s, "0.,") != "" {
		return minus + s
	}
	return s
}

// csvNumber formats v for CSV at full precision (shortest exact form, no
// exponent).
func csvNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// monthLabel returns "Jan 2025" for a date.
func monthLabel(d scenarios.Date) string {
	return d.Month().String()[:3] + " " + strconv.Itoa(d.Year())
}

// plural returns "1 sector" or "3 sectors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
