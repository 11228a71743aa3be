package present

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"parley/app/charts"
	"parley/app/numfmt"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/listfile"
)

// DeltaText writes a difference d (formatted as s) with its sign and its
// mark when the figures compared are upper bounds (charts.DeltaMark).
func DeltaText(s string, d float64, aUpper, bUpper bool) string {
	if d > 0 && strings.Trim(s, "0.,") != "" {
		s = "+" + s
	}
	if m := charts.DeltaMark(aUpper, bUpper); m != "" && d != 0 {
		s = m + " " + s
	}
	return s
}

// SignedBillions is billions with a "+" on positive differences.
func SignedBillions(v float64) string {
	s := Billions(v)
	if v > 0 && strings.Trim(s, "0.,") != "" {
		s = "+" + s
	}
	return s
}

// CostText is the text exposureCost shows.
func CostText(t scenarios.Totals, bands *scenarios.MonteCarloResult, year int) string {
	var tb *scenarios.MonteCarloTotals
	if bands != nil {
		tb = &bands.Totals[scenarios.CAtoUS.Index()]
	}
	cost, importers := report.CostToCanada(t, tb, year)
	return WindowText(cost + "\n" + importers)
}

// TotalsLine summarises one direction's totals.
func TotalsLine(d scenarios.Direction, t scenarios.Totals) string {
	duty := Money(t.Duty)
	if t.UpperBound {
		duty = numfmt.UpperMark + duty
	}
	banned := ""
	if t.Banned != 0 {
		banned = "; trade banned " + Money(t.Banned)
	}
	return fmt.Sprintf("%s: duty at stake %s on %s of trade (%s)%s; trade effect %s (low–high %s to %s US$ bn)",
		DirLabel(d), duty, Money(t.Baseline), FigurePct(t.EffectiveRate), banned,
		Money(t.TradeChange), Billions(t.TradeChangeLow), Billions(t.TradeChangeHigh))
}

// InfoLine describes a scenario in the list: date, measures, warnings.
func InfoLine(today bool, date scenarios.Date, measures, unevidenced int) string {
	when := "as of " + date.String()
	if today {
		when = "today (" + date.String() + ")"
	}
	s := when + " · " + Plural(measures, "measure")
	if unevidenced > 0 {
		s += fmt.Sprintf(" · ⚠ %d without evidence", unevidenced)
	}
	return s
}

// TagsText lists an excerpt's tags after a separator, or returns "".
func TagsText(tags []evidence.Tag) string {
	if len(tags) == 0 {
		return ""
	}
	var parts []string
	for _, t := range tags {
		parts = append(parts, t.Kind+": "+t.Value)
	}
	return " · " + strings.Join(parts, ", ")
}

// PageSuffix is " · p. N" for a passage on page N, "" for a text without
// pages (page 0).
func PageSuffix(page int) string {
	if page <= 0 {
		return ""
	}
	return fmt.Sprintf(" · p. %d", page)
}

// MeasureLine names a measure in a choice list.
func MeasureLine(m *scenarios.Measure) string {
	return fmt.Sprintf("%s (%s %s, %s)", MeasureName(m), m.Imposer, Percent(m.Rate), m.ID)
}

// measurePath matches the measure a field error of a scenario names.
var measurePath = regexp.MustCompile(`^measures\[(\d+)\]\.?`)

// DescribeFieldIn is describeField for the measures of sc (nil: none).
func DescribeFieldIn(sc *scenarios.Scenario, fe *scenarios.FieldError) string {
	path := fe.Path
	prefix := ""
	if m := measurePath.FindStringSubmatch(path); m != nil && sc != nil {
		if i, err := strconv.Atoi(m[1]); err == nil && i < len(sc.Measures) {
			me := sc.Measures[i]
			prefix = fmt.Sprintf("Measure “%s”", MeasureName(&me))
			path = strings.TrimPrefix(path, m[0])
		}
	}
	path = strings.NewReplacer("assumptions.", "", "overrides.", "override ", "_", " ").Replace(path)
	var parts []string
	for _, p := range []string{prefix, path} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	where := strings.Join(parts, ", ")
	if where == "" {
		return Capitalize(fe.Msg)
	}
	return Capitalize(where) + ": " + fe.Msg
}

// MeasureName returns a measure's label, or its id.
func MeasureName(m *scenarios.Measure) string {
	if strings.TrimSpace(m.Label) != "" {
		return m.Label
	}
	return m.ID
}

// OverrideText shows an override in its field ("" when not set).
func OverrideText(m map[string]float64, code string, pct bool) string {
	x, ok := m[code]
	if !ok {
		return ""
	}
	if pct {
		return PercentInput(x)
	}
	return Number(x)
}

// ProblemText says what is wrong, a bad row to a line.
func ProblemText(err error) string {
	var le *listfile.Error
	if errors.As(err, &le) && len(le.Problems) > 0 {
		lines := []string{fmt.Sprintf("%s: nothing was stored.", Plural(len(le.Problems), "bad code"))}
		for i, p := range le.Problems {
			if i == 20 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(le.Problems)-i))
				break
			}
			lines = append(lines, fmt.Sprintf("Row %d: %s", p.Row, p.Reason))
		}
		return strings.Join(lines, "\n")
	}
	return strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": ")
}

// FileListName makes a list name from a file's name: its letters and
// digits, other runs of characters a hyphen.
func FileListName(path string) string {
	base := BaseName(path)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	var b strings.Builder
	dash := false
	for _, r := range base {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	return s[:min(len(s), scenarios.MaxListName)]
}

func BaseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// SplitList splits "S232, S122" into its names.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if t := strings.TrimSpace(p); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func QuotedNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

// LineDescription returns a line's description; a chapter line without
// one is "HS chapter 87".
func LineDescription(l *scenarios.LineFlow) string {
	if l.Description == "" && len(l.Code) <= 2 {
		return "HS chapter " + l.Code
	}
	return l.Description
}

// ListCaption is the second line of a list's row.
func ListCaption(l storage.ListInfo) string {
	kind := "your list"
	if l.Builtin {
		kind = "built-in"
	}
	s := fmt.Sprintf("%s · %s", kind, Plural(l.Size, "code"))
	if l.Title != "" {
		s += " · " + l.Title
	}
	return s
}

// CodesText writes codes as a tariff schedule prints them, at most max of
// them, saying how many more.
func CodesText(codes []string, max int) string {
	shown := codes[:min(len(codes), max)]
	parts := make([]string, len(shown))
	for i, c := range shown {
		parts[i] = FormatCode(c)
	}
	s := strings.Join(parts, "   ")
	if len(codes) > max {
		s += fmt.Sprintf("\n… and %s more", Plural(len(codes)-max, "code"))
	}
	return s
}

// FormatCode writes a code with the dots of the schedule: 0401.10.00.
func FormatCode(c string) string {
	switch {
	case len(c) > 6:
		return c[:4] + "." + c[4:6] + "." + c[6:]
	case len(c) > 4:
		return c[:4] + "." + c[4:]
	}
	return c
}
