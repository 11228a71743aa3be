package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"parley/app/charts"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/evidence"
)

// Chart titles by kind; the comparison's takes the number of scenarios.
const (
	titleExposure = "Duty at stake by sector"
	titleDutiable = "What a CUSMA claim spares, by sector"
	titleCompare  = "Duty at stake by sector: %d scenarios compared"
	titleTimeline = "Effective tariff rate by month"
	titleTornado  = "What moves the totals: sensitivity"
)

// maxCitation bounds a citation in a footnote; the speaker notes give it
// in full.
const maxCitation = 90

// title returns the title of a chart of kind k over n scenarios.
func title(k charts.Kind, n int) string {
	switch k {
	case charts.Exposure:
		return titleExposure
	case charts.Dutiable:
		return titleDutiable
	case charts.Compare:
		return fmt.Sprintf(titleCompare, n)
	case charts.Timeline:
		return titleTimeline
	}
	return titleTornado
}

// subtitle returns "<name> · as of <date> · baseline <year> trade ·
// <direction>" for one scenario, and for several the names joined by " vs "
// with each scenario's date when they differ. period replaces "as of
// <date>" when it is not empty (a timeline's range).
func subtitle(subs []*subject, dir scenarios.Direction, period string) string {
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = s.name()
		if period == "" && !sameDate(subs) {
			names[i] += " (as of " + s.asOf.String() + ")"
		}
	}
	return strings.Join(append([]string{strings.Join(names, " vs ")}, context(subs, dir, period)...), " · ")
}

// legendSubtitle is the subtitle of a comparison chart, whose legend names
// the scenarios: "as of <date> · baseline <year> trade · <direction>", with
// the dates in legend order when they differ.
func legendSubtitle(subs []*subject, dir scenarios.Direction) string {
	parts := context(subs, dir, "")
	if !sameDate(subs) {
		dates := make([]string, len(subs))
		for i, s := range subs {
			dates[i] = s.asOf.String()
		}
		parts = append([]string{"as of " + strings.Join(dates, ", ") + " (in legend order)"}, parts...)
	}
	p := strings.Join(parts, " · ")
	return strings.ToUpper(p[:1]) + p[1:]
}

// context returns the parts of a subtitle after the names: the date (or
// period) when it is common, the baseline year(s) and the direction.
func context(subs []*subject, dir scenarios.Direction, period string) []string {
	var parts []string
	switch {
	case period != "":
		parts = append(parts, period)
	case sameDate(subs):
		parts = append(parts, "as of "+subs[0].asOf.String())
	}
	var years []int
	for _, s := range subs {
		if y := s.sc.Assumptions.BaselineYear; !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	return append(parts, "baseline "+strings.Join(ys, " and ")+" trade", dir.Label())
}

// sameDate reports whether the scenarios are evaluated on the same day.
func sameDate(subs []*subject) bool {
	for _, s := range subs[1:] {
		if s.asOf != subs[0].asOf {
			return false
		}
	}
	return true
}

// period returns a timeline's range as "2025-01-01 to 2026-11-22".
func period(from, to scenarios.Date) string {
	return scenarios.NewDate(from.Year(), from.Month(), 1).String() + " to " + to.String()
}

// activeMeasures returns the measures of sc that apply in direction dir and
// are active on some day of [from, to] (by their dates and status).
func activeMeasures(sc *scenarios.Scenario, dir scenarios.Direction, from, to scenarios.Date) []*scenarios.Measure {
	var out []*scenarios.Measure
	for i := range sc.Measures {
		m := &sc.Measures[i]
		if m.Direction() != dir || !m.StatusActive(sc.Assumptions.IncludeThreats) || m.From.IsZero() || m.From.After(to) {
			continue
		}
		if !m.To.IsZero() && m.To.Before(from) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// footStyle says how much a footnote holds.
type footStyle struct {
	// full keeps the source lines in full and every piece of evidence.
	full bool
	// dense sets the source lines in one paragraph and cuts the evidence
	// line to about maxEvidence characters, for a chart or slide that
	// leaves room for few footnote lines.
	dense       bool
	maxEvidence int
	// more follows "and K more" when evidence is left out, e.g. " (in the
	// speaker notes)".
	more string
	// brief names each dataset by what it is and who publishes it
	// (briefSource), for a slide: the deck's sources slide and the speaker
	// notes give the lines in full.
	brief bool
}

// Footnote styles: a chart's, a comparison chart's (its plot leaves room
// for about five footnote lines at 1920×1080) and a slide's (the speaker
// notes give the evidence in full).
var (
	chartFoot   = footStyle{}
	compareFoot = footStyle{dense: true, maxEvidence: 200}
	slideFoot   = footStyle{dense: true, maxEvidence: 170, more: " (listed in the speaker notes)", brief: true}
)

// footnote returns the footnote lines of a chart: the source lines of the
// scenarios' data (compacted unless st.full), the evidence cited by the
// measures (each document and each citation once, citations cut to their
// legal reference) and the measures that cite none.
func (b *builder) footnote(subs []*subject, measures [][]*scenarios.Measure, st footStyle) ([]string, error) {
	var lines []string
	for _, s := range subs {
		for _, l := range s.sources {
			switch {
			case st.brief && !st.full:
				l = briefSource(l)
			case !st.full:
				l = compactSource(l)
			}
			if !slices.Contains(lines, l) {
				lines = append(lines, l)
			}
		}
	}
	maxEvidence := 0
	if st.dense && !st.full {
		lines = []string{strings.Join(lines, " ")}
		maxEvidence = st.maxEvidence
	}
	var cited, missing, threatened []string
	for _, ms := range measures {
		for _, m := range ms {
			if m.Status == scenarios.StatusThreatened && !slices.Contains(threatened, measureName(m)) {
				threatened = append(threatened, measureName(m))
			}
			if len(m.Evidence) == 0 {
				if id := measureName(m); !slices.Contains(missing, id) {
					missing = append(missing, id)
				}
				continue
			}
			for _, e := range m.Evidence {
				item, err := b.evidenceShort(e)
				if err != nil {
					return nil, err
				}
				if item != "" && !slices.Contains(cited, item) {
					cited = append(cited, item)
				}
			}
		}
	}
	if len(cited) > 0 {
		lines = append(lines, evidenceLine(cited, maxEvidence, st.more))
	}
	if len(missing) > 0 {
		lines = append(lines, "No evidence cited for: "+strings.Join(missing, "; ")+".")
	}
	if len(threatened) > 0 {
		// A threat is counted only when the scenario includes threats:
		// say so wherever its figures go.
		lines = append(lines, "Threatened, no legal instrument (counted as if in force): "+strings.Join(threatened, "; ")+".")
	}
	return lines, nil
}

// evidenceLine returns "Evidence: a; b; c." with as many items as fit in
// max characters (0: all), ending "; and K more" and more when some are
// left out.
func evidenceLine(items []string, max int, more string) string {
	const head = "Evidence: "
	if max <= 0 {
		return head + strings.Join(items, "; ") + "."
	}
	n := len(head)
	kept := 0
	for _, it := range items {
		if kept > 0 && n+len(it)+2 > max {
			break
		}
		n += len(it) + 2
		kept++
	}
	line := head + strings.Join(items[:kept], "; ")
	if rest := len(items) - kept; rest > 0 {
		return line + "; and " + strconv.Itoa(rest) + " more" + more + "."
	}
	return line + "."
}

// evidenceShort returns a piece of evidence as a footnote names it: a
// quoted document as "<title> (<id>)", a citation as its legal reference
// (the text before "; source").
func (b *builder) evidenceShort(e scenarios.Evidence) (string, error) {
	if e.IsQuote() {
		d, err := b.document(e.Document)
		if err != nil {
			return "", err
		}
		if d.Title == "" {
			return "document " + d.ID, nil
		}
		return d.Title + " (" + d.ID + ")", nil
	}
	return shortCitation(e.Citation), nil
}

// minDetail is the length from which a parenthesis of a source line is a
// file-level detail (a path, a field name) that a chart's footnote leaves
// out; shorter ones, such as a year, stay.
const minDetail = 24

// compactSource returns a source line ("what: source.") without the long
// parentheses of its source part, such as repository file paths: "Baseline
// trade 2024 (US$): US DOT Bureau of Transportation Statistics, TransBorder
// Freight Data, as processed in the public repository
// unt-clscm/BTS-TransBorder-Dashboard, summed over transport modes, Country
// = Canada." The deck's sources slide and CSV files give the lines in full.
func compactSource(line string) string {
	what, src, ok := strings.Cut(line, ": ")
	if !ok {
		return line
	}
	var b strings.Builder
	for {
		open := strings.Index(src, " (")
		if open < 0 {
			break
		}
		end := strings.Index(src[open:], ")")
		if end < 0 {
			break
		}
		end += open
		b.WriteString(src[:open])
		if inner := src[open+2 : end]; len([]rune(inner)) < minDetail || strings.Contains(inner, "(") {
			b.WriteString(src[open : end+1])
		}
		src = src[end+1:]
	}
	b.WriteString(src)
	return what + ": " + b.String()
}

// sourceTail finds where a citation's legal reference ends and the
// addresses it was found at begin: "; source: ..." or ", source: ...".
var sourceTail = regexp.MustCompile(`(?i)[;,]\s*sources?\b`)

// shortCitation cuts a citation to its legal reference: the text before
// "; source", at most maxCitation characters.
func shortCitation(c string) string {
	c = strings.Join(strings.Fields(c), " ")
	if loc := sourceTail.FindStringIndex(c); loc != nil && loc[0] > 0 {
		c = c[:loc[0]]
	}
	c = strings.TrimRight(c, ";,. ")
	return ellipsize(c, maxCitation)
}

// ellipsize cuts s to at most n characters at a word boundary, ending it
// with "…".
func ellipsize(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ";,. ") + "…"
}

// measureName returns "<label> (<id>)", or the id alone.
func measureName(m *scenarios.Measure) string {
	if m.Label == "" || m.Label == m.ID {
		return m.ID
	}
	return m.Label + " (" + m.ID + ")"
}

// builder builds charts and slides on one workspace, reading each quoted
// document once.
type builder struct {
	ws   *storage.Workspace
	docs map[string]evidence.Document
	// deck are the scenarios of the deck being built (nil for one chart):
	// charts that must look alike on every slide, such as a programme's
	// colour, look at all of them.
	deck []*subject
}

func newBuilder(ws *storage.Workspace) *builder {
	return &builder{ws: ws, docs: map[string]evidence.Document{}}
}

// document returns the library document id.
func (b *builder) document(id string) (evidence.Document, error) {
	if d, ok := b.docs[id]; ok {
		return d, nil
	}
	d, err := b.ws.Evidence().Document(id)
	if err != nil {
		return evidence.Document{}, fmt.Errorf("evidence: %w", err)
	}
	if !strings.Contains(d.Body, "\f") {
		d.Body = "" // only the metadata is needed; a text with pages keeps its body for the page of a quote
	}
	b.docs[id] = d
	return d, nil
}
