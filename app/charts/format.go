package charts

import (
	"math"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
)

// minus is the typographic minus sign used in chart text.
const minus = "\u2212"

// moneyUnit is the unit of a money axis.
type moneyUnit struct {
	div   float64 // US$ per unit
	short string  // "bn", "M", "k" or ""
	title string  // "US$ billions"
}

var moneyUnits = []moneyUnit{
	{1e9, "bn", "US$ billions"},
	{1e6, "M", "US$ millions"},
	{1e3, "k", "US$ thousands"},
	{1, "", "US$"},
}

// unitFor returns the unit of an axis whose largest absolute value is max:
// the largest unit in which max is at least 1.
func unitFor(max float64) moneyUnit {
	max = math.Abs(max)
	for _, u := range moneyUnits[:len(moneyUnits)-1] {
		if max >= u.div {
			return u
		}
	}
	if max >= 1 {
		return moneyUnits[len(moneyUnits)-1]
	}
	return moneyUnits[1] // nothing to show: keep a sensible title
}

// amount formats a US$ value without the currency, in its own magnitude:
// "4.2 bn", "850 M", "12.5 M", "40 k", "0", with a minus sign when negative.
func amount(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	a := math.Abs(v)
	sign := ""
	if v < 0 {
		sign = minus
	}
	for _, u := range moneyUnits {
		dec := 1
		switch u.short {
		case "M":
			if a >= 99.5e6 {
				dec = 0
			}
		case "k", "":
			dec = 0
		}
		p := math.Pow(10, float64(dec))
		x := math.Round(a/u.div*p) / p
		if x < 1 && u.div > 1 {
			continue
		}
		s := numfmt.Grouped(x, dec)
		if s == "0" {
			return "0"
		}
		if u.short != "" {
			s += " " + u.short
		}
		return sign + s
	}
	return "0"
}

// money formats a US$ value as "US$ 4.2 bn" or "−US$ 850 M".
func money(v float64) string {
	s := amount(v)
	if s == "0" {
		return "US$ 0"
	}
	if rest, neg := strings.CutPrefix(s, minus); neg {
		return minus + "US$ " + rest
	}
	return "US$ " + s
}

// percent formats a rate (0.076) as "7.6%"; a rate that is not zero is
// never "0.0%" (numfmt.Percent), and a negative one has a minus sign.
func percent(r float64) string {
	return strings.Replace(numfmt.Percent(r, 1), "-", minus, 1)
}

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
