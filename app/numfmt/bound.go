package numfmt

import "parley/scenarios"

// Mark returns the mark written before a figure of bound b: "≤" (at most
// this much: the figure comes from an upper bound), "≥" (at least), "≈"
// (a difference of two bounds, which can go either way) or "" (exact).
func Mark(b scenarios.Bound) string {
	switch b {
	case scenarios.AtMost:
		return "≤"
	case scenarios.AtLeast:
		return "≥"
	case scenarios.EitherWay:
		return "≈"
	}
	return ""
}

// Marked writes text after the mark of its bound and a space ("≤ 16.7",
// "≈ US$ 2.0 bn"); an exact figure, or one written as zero, has none.
func Marked(b scenarios.Bound, text string) string {
	if b == scenarios.Exact || text == "" || text == "0" || text == "US$ 0" || text == "0.0" {
		return text
	}
	return Mark(b) + " " + text
}

// Words returns how a sentence qualifies an amount of bound b: "at most ",
// "at least ", "about " or "".
func Words(b scenarios.Bound) string {
	switch b {
	case scenarios.AtMost:
		return "at most "
	case scenarios.AtLeast:
		return "at least "
	case scenarios.EitherWay:
		return "about "
	}
	return ""
}

// DifferenceBound is the bound of a difference b − a of two figures of
// which either may be an upper bound: at most when only b is, at least
// when only a is, either way when both are.
func DifferenceBound(aUpper, bUpper bool) scenarios.Bound {
	switch {
	case aUpper && bUpper:
		return scenarios.EitherWay
	case bUpper:
		return scenarios.AtMost
	case aUpper:
		return scenarios.AtLeast
	}
	return scenarios.Exact
}

// BoundsNote explains the marks under a table or chart of differences.
const BoundsNote = "≤ at most this much, ≥ at least this much, ≈ either way: the figure comes from a duty that is an upper bound " +
	"(a measure covers only part of the sector and no source gives the share)."

// DifferenceNote explains the marks of differences between scenarios
// (DifferenceBound) under a chart.
const DifferenceNote = "≤ at most, ≥ at least, ≈ either way: one or both of the figures compared are upper bounds (partial coverage)"
