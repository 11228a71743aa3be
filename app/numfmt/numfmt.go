// Package numfmt writes numbers for people the one way Parley does, in the
// window, in tables on the command line and on charts.
package numfmt

import (
	"strconv"
	"strings"
)

// Grouped formats v with dec decimals and commas between thousands, e.g.
// Grouped(-1234.56, 1) is "-1,234.6". A value that rounds to zero has no
// sign: never "-0.0".
func Grouped(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	digits, neg := strings.CutPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	var b strings.Builder
	if neg && strings.Trim(digits, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
