package tradefile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// numberText is a value cell made ready for parsing: spaces used as
// thousands separators, currency marks and surrounding blanks removed.
// neg is set for a minus sign or accounting parentheses.
func numberText(s string) (t string, neg bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s, neg = strings.TrimSpace(s[1:len(s)-1]), true
	}
	for _, cur := range []string{"US$", "CA$", "C$", "USD", "CAD", "$"} {
		if len(s) >= len(cur) && strings.EqualFold(s[:len(cur)], cur) {
			s = strings.TrimSpace(s[len(cur):])
		}
		if len(s) >= len(cur) && strings.EqualFold(s[len(s)-len(cur):], cur) {
			s = strings.TrimSpace(s[:len(s)-len(cur)])
		}
	}
	switch {
	case strings.HasPrefix(s, "-"):
		s, neg = strings.TrimSpace(s[1:]), true
	case strings.HasSuffix(s, "-"):
		s, neg = strings.TrimSpace(s[:len(s)-1]), true
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	}
	// Spaces (also no-break and thin spaces) and apostrophes group digits.
	if strings.ContainsAny(s, " '’\u00a0\u202f\u2009") {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case ' ', '\'', '’', '\u00a0', '\u202f', '\u2009':
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	return s, neg
}

// vote says which decimal mark a number's text shows: ',' or '.' when it
// can only be read one way, 0 when it could be read either way (such as
// "1,234") or has no separator. dotThousands reports a lone "1.234".
func vote(s string) (mark byte, ambiguousDot bool) {
	t, _ := numberText(s)
	lastComma, lastDot := strings.LastIndexByte(t, ','), strings.LastIndexByte(t, '.')
	commas, dots := strings.Count(t, ","), strings.Count(t, ".")
	switch {
	case commas > 0 && dots > 0:
		if lastComma > lastDot {
			return ',', false
		}
		return '.', false
	case commas > 1:
		return '.', false
	case dots > 1:
		return ',', false
	case commas == 1:
		if len(t)-lastComma-1 != 3 || lastComma == 0 || lastComma > 3 {
			return ',', false
		}
	case dots == 1:
		if strings.ContainsAny(t, "eE") {
			return '.', false
		}
		if len(t)-lastDot-1 != 3 || lastDot == 0 || lastDot > 3 {
			return '.', false
		}
		return 0, true
	}
	return 0, false
}

// decideDecimal chooses the decimal mark of a file's numbers from a sample
// of value cells: the mark the unambiguous cells show; with none, ',' for a
// semicolon-separated file whose numbers look like "1.234" (the European
// custom), else '.'. conflict is set when the cells show both.
func decideDecimal(sample []string, delim rune) (mark byte, conflict bool) {
	var comma, dot, ambiguous int
	for _, s := range sample {
		m, amb := vote(s)
		switch m {
		case ',':
			comma++
		case '.':
			dot++
		}
		if amb {
			ambiguous++
		}
	}
	switch {
	case comma > 0 && dot > 0:
		if comma > dot {
			return ',', true
		}
		return '.', true
	case comma > 0:
		return ',', false
	case dot > 0:
		return '.', false
	case ambiguous > 0 && delim == ';':
		return ',', false
	}
	return '.', false
}

// parseNumber reads a value cell with the file's decimal mark dec: the
// other mark may only group digits in threes. It returns the value and
// whether it is negative, or ok false when the text is not a number.
func parseNumber(s string, dec byte) (v float64, neg, ok bool) {
	t, neg := numberText(s)
	if t == "" {
		return 0, neg, false
	}
	thousands := byte(',')
	if dec == ',' {
		thousands = '.'
	}
	intPart, frac := t, ""
	if i := strings.IndexByte(t, dec); i >= 0 {
		intPart, frac = t[:i], t[i+1:]
		if strings.IndexByte(frac, dec) >= 0 || strings.IndexByte(frac, thousands) >= 0 {
			return 0, neg, false
		}
	}
	exp := ""
	if i := strings.IndexAny(frac, "eE"); i >= 0 {
		frac, exp = frac[:i], frac[i:]
	} else if i := strings.IndexAny(intPart, "eE"); i >= 0 && frac == "" {
		intPart, exp = intPart[:i], intPart[i:]
	}
	if intPart, ok = ungroup(intPart, thousands); !ok {
		return 0, neg, false
	}
	if intPart == "" && frac == "" {
		return 0, neg, false
	}
	if !allDigits(intPart) || !allDigits(frac) {
		return 0, neg, false
	}
	if exp != "" && !validExponent(exp) {
		return 0, neg, false
	}
	num := intPart
	if num == "" {
		num = "0"
	}
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num+exp, 64)
	if err != nil {
		return 0, neg, false
	}
	if v == 0 {
		neg = false
	}
	return v, neg, true
}

// ungroup removes the thousands separators of the integer part of a
// number; ok is false when its groups are not of three digits (the first
// of one to three).
func ungroup(intPart string, thousands byte) (string, bool) {
	if strings.IndexByte(intPart, thousands) < 0 {
		return intPart, true
	}
	groups := strings.Split(intPart, string(thousands))
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// validExponent reports whether exp ("e+12") is an exponent: e or E, an
// optional sign, digits.
func validExponent(exp string) bool {
	e := exp[1:]
	if strings.HasPrefix(e, "+") || strings.HasPrefix(e, "-") {
		e = e[1:]
	}
	return e != "" && allDigits(e)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// quote shows a cell in a message: quoted, on one line, at most 40
// characters.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:39]) + "…"
	}
	return strconv.Quote(s)
}
