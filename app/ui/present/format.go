package present

import (
	"fmt"

	"math"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
)

// minus is the typographic minus sign used in figures.
const minus = "−"

// Money formats a US$ amount the one way the window, charts, decks and
// the command line write it (numfmt.Money): "US$ 12.3 bn", "US$ 12.5 M",
// "−US$ 1.2 bn".
func Money(v float64) string { return numfmt.Money(v) }

// Billions formats v in US$ billions without the unit, e.g. "12.3".
func Billions(v float64) string { return Signed(numfmt.Grouped(v/1e9, 1)) }

// Millions formats v in US$ millions without the unit, e.g. "1,234.5".
func Millions(v float64) string { return Signed(numfmt.Grouped(v/1e6, 1)) }

// Signed replaces a leading hyphen with a minus sign and drops "-0".
func Signed(s string) string {
	if strings.HasPrefix(s, "-") {
		if strings.Trim(s[1:], "0.,") == "" {
			return s[1:]
		}
		return minus + s[1:]
	}
	return s
}

// Percent formats a rate such as 0.35 as "35%" and 0.0815 as "8.15%"; a
// rate that is not zero is never "0%": 0.00004 is "<0.01%".
func Percent(r float64) string {
	p := r * 100
	switch {
	case p == math.Trunc(p):
		return strconv.FormatFloat(p, 'f', 0, 64) + "%"
	case math.Abs(p) >= 10:
		return strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(p, 'f', 2, 64), "0"), ".")
	if s == "0" || s == "-0" {
		return numfmt.Percent(r, 2)
	}
	return s + "%"
}

// FigurePct writes a computed rate or share (an effective tariff, a CUSMA
// share, a dependence) the one way charts, decks and the command line write
// it (numfmt.Rate): "7.0%", "100.0%", "<0.1%". A rate the user typed, such
// as a measure's, keeps percent.
func FigurePct(r float64) string { return numfmt.Rate(r) }

// PercentInput formats a rate for an entry in percent, e.g. 0.35 → "35".
func PercentInput(r float64) string {
	return strconv.FormatFloat(math.Round(r*1e6)/1e4, 'f', -1, 64)
}

// ParsePercent parses a percentage typed by a user ("35", "35%", "12.5 %")
// into a rate (0.35) within [0, max].
func ParsePercent(s string, max float64) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	t = strings.ReplaceAll(t, ",", ".")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("type a percentage, e.g. 25")
	}
	if v < 0 || v/100 > max {
		return 0, rangeError(v/100, max)
	}
	return v / 100, nil
}

// rangeError says why rate r is refused: it must be from 0 to max.
func rangeError(r, max float64) error {
	limit := strconv.FormatFloat(max*100, 'f', -1, 64) + "%"
	if r < 0 {
		return fmt.Errorf("must be between 0 and %s, not negative", limit)
	}
	return fmt.Errorf("%s is above the cap of %s", strconv.FormatFloat(r*100, 'f', -1, 64)+"%", limit)
}

// ParseShare reads a share or rate typed in a field marked "%": "50%",
// "50" and "12.5 %" are percentages, and a bare number from 0 to 1 such as
// "0.5" is a fraction (50%), as scenario files write it. It returns the
// value and what it was read as ("50%"), or why it is refused: outside
// [0, max], or not a number.
func ParseShare(s string, max float64) (float64, string, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	t = strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(t, "%")), ",", ".")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, "", fmt.Errorf("type a percentage such as 50%% or a fraction such as 0.5")
	}
	if pct || v > 1 {
		v /= 100
	}
	if v < 0 || v > max {
		return 0, "", rangeError(v, max)
	}
	return v, Percent(v), nil
}

// ParseNumber parses a plain number within [lo, hi].
func ParseNumber(s string, lo, hi float64) (float64, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("type a number, e.g. 1.5")
	}
	if v < lo || v > hi {
		return 0, fmt.Errorf("must be between %g and %g", lo, hi)
	}
	return v, nil
}

// ParseDate parses an ISO date typed by a user; empty is allowed when open.
func ParseDate(s string, open bool) (scenarios.Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		if open {
			return scenarios.Date{}, nil
		}
		return scenarios.Date{}, fmt.Errorf("type a date as YYYY-MM-DD")
	}
	d, err := scenarios.ParseDate(t)
	if err != nil {
		return scenarios.Date{}, err // the parser says why: form, or a day that does not exist
	}
	return d, nil
}

// Number formats a parameter such as an elasticity or share compactly.
func Number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// DateRange describes when a measure is in force, e.g. "2025-08-01 – 2026-02-23"
// or "from 2025-03-04".
func DateRange(from, to scenarios.Date) string {
	switch {
	case from.IsZero():
		return "no date"
	case to.IsZero():
		return "from " + from.String()
	}
	return from.String() + " – " + to.String()
}

// Plural returns "1 measure", "3 measures" or "1,234 codes".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return numfmt.Grouped(float64(n), 0) + " " + word + "s"
}

// Shorten cuts s to at most n runes, with an ellipsis.
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// DirAuto is the choice of the direction with more duty, beside DirLabel's.
const DirAuto = "Auto (the direction with more duty)"

// DirLabel names a direction for the window, e.g. "Canada to US": the
// window's font has no arrow at all, and a system fallback may draw none.
func DirLabel(d scenarios.Direction) string { return WindowText(d.Label()) }

// WindowText replaces in s the characters that the window's font lacks
// (see dirLabel), for text from elsewhere such as source lines.
func WindowText(s string) string {
	s = strings.ReplaceAll(s, " → ", " to ")
	return strings.ReplaceAll(s, "→", " to ")
}

// Texts that name where to find things, with ">" between menu levels
// (the window's font has no arrow).
const (
	TradeDataHint   = "Your datasets: File > Trade datasets…"
	NoProvincesNote = "This scenario's trade data names no province or state in this direction. Import a dataset with a province column " +
		"(File > Import trade data…, e.g. a Statistics Canada CIMT export by province) and choose it under Assumptions > Trade data."
)

// Capitalize returns s with its first letter in upper case, for an error
// message that starts a sentence.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
