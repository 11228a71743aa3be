package numfmt

import (
	"math"
	"strings"
)

// Minus is the typographic minus sign figures are written with.
const Minus = "\u2212"

// Amount writes a US$ value without the currency, in its own magnitude,
// to about three significant digits: billions with one decimal ("4.2 bn",
// "3,251.2 bn"), millions with one decimal under 100 ("12.5 M") and none
// from there ("850 M"), thousands and units with none ("40 k", "950"). An
// amount that rounds up into the next unit is written in it (999.96 M is
// "1.0 bn", 950 is "950"); a negative one has a minus sign ("−850 M"); one that rounds to
// zero is "0", without a sign.
func Amount(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	a := math.Abs(v)
	sign := ""
	if v < 0 {
		sign = Minus
	}
	for _, u := range axisUnits {
		dec := 1
		switch u.Short {
		case "M":
			if a >= 99.5e6 {
				dec = 0
			}
		case "k", "":
			dec = 0
		}
		if a/u.Div < 0.9995 && u.Div > 1 {
			continue // under one of this unit at three significant digits
		}
		p := math.Pow(10, float64(dec))
		x := math.Round(a/u.Div*p) / p
		s := Grouped(x, dec)
		if s == "0" {
			return "0"
		}
		if u.Short != "" {
			s += " " + u.Short
		}
		return sign + s
	}
	return "0"
}

// Money writes a US$ value as Amount does, with its currency: "US$ 4.2 bn",
// "US$ 12.5 M", "−US$ 850 M", "US$ 0".
func Money(v float64) string { return MoneyIn("US$", v) }

// MoneyIn is Money in another currency, named by its symbol ("C$").
func MoneyIn(symbol string, v float64) string {
	s := Amount(v)
	if rest, neg := strings.CutPrefix(s, Minus); neg {
		return Minus + symbol + " " + rest
	}
	return symbol + " " + s
}

// Rate writes a rate or a share as a percentage with one decimal ("7.0%",
// "100.0%", "46.5%"), never as zero when it is not ("<0.1%", ">−0.1%"),
// with a minus sign when negative.
func Rate(r float64) string {
	return strings.Replace(Percent(r, 1), "-", Minus, 1)
}

// UpperMark is the mark written before a figure that is only an upper
// bound (Mark of scenarios.AtMost, and a space).
const UpperMark = "≤ "

// Bound writes figure text as an upper bound ("≤ US$ 16.7 bn") when upper
// is true and the figure is not zero: nothing is less than zero duty.
func Bound(text string, upper bool) string {
	if !upper || text == "0" || text == "US$ 0" || text == "" {
		return text
	}
	return UpperMark + text
}

// Dollars writes a US$ value to the dollar, with no unit of magnitude,
// for figures a reader checks against a source line by line:
// "US$11,333,116"; negative "−US$850". Signed puts "+" before a value
// that is not negative.
func Dollars(v float64, signed bool) string {
	s := Grouped(math.Abs(v), 0)
	switch {
	case v < 0 && s != "0":
		return Minus + "US$" + s
	case signed:
		return "+US$" + s
	}
	return "US$" + s
}

// Unit is a magnitude money is written in on an axis: US$ per unit, its
// short name ("bn") and the axis title ("US$ billions").
type Unit struct {
	Div   float64
	Short string
	Title string
}

// axisUnits are the magnitudes money is written in (on axes and by
// Amount), largest first.
var axisUnits = []Unit{
	{1e9, "bn", "US$ billions"},
	{1e6, "M", "US$ millions"},
	{1e3, "k", "US$ thousands"},
	{1, "", "US$"},
}

// UnitFor returns the unit of an axis whose largest absolute value is max:
// the largest unit in which max is at least 1 (millions when there is
// nothing to show, for a sensible title).
func UnitFor(max float64) Unit {
	max = math.Abs(max)
	for _, u := range axisUnits[:len(axisUnits)-1] {
		if max >= u.Div {
			return u
		}
	}
	if max >= 1 {
		return axisUnits[len(axisUnits)-1]
	}
	return axisUnits[1]
}
