package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Percent formats a rate as a percentage with dec decimals, e.g.
// Percent(0.0815, 1) is "8.2%". A rate that is not zero is never written
// as zero: one that would round to zero at dec decimals is written as
// "<0.1%" (or "<1%", "<0.01%" for dec 0 and 2), and a negative one as
// ">-0.1%". Zero is "0%" with its decimals ("0.0%").
func Percent(r float64, dec int) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "n/a"
	}
	s := Grouped(r*100, dec)
	if r != 0 && strings.Trim(s, "-0.,") == "" {
		tiny := "1"
		if dec > 0 {
			tiny = "0." + strings.Repeat("0", dec-1) + "1"
		}
		if r < 0 {
			return ">-" + tiny + "%"
		}
		return "<" + tiny + "%"
	}
	return s + "%"
}

// EnteredRate writes a rate as the percentage a user enters it, with the
// digits it has and no more (to a millionth of a percent): 0.3519 is
// "35.19%", 0.25 is "25%".
func EnteredRate(r float64) string {
	return strconv.FormatFloat(math.Round(r*1e8)/1e6, 'f', -1, 64) + "%"
}
