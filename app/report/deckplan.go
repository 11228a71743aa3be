package report

import (
	"bytes"
	"regexp"
	"strings"
)

// dataKey identifies what the chart of a slide shows: its kind, its
// direction and the data behind it (the rows of its CSV, without the
// comment lines that name the scenario). "" when it cannot tell.
func dataKey(ps *pendingSlide) string {
	if ps.built == nil || ps.built.chart == nil {
		return ""
	}
	var buf bytes.Buffer
	if err := ps.built.chart.CSV(&buf); err != nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(ps.kind + "|" + string(ps.built.dir) + "\n")
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if !strings.HasPrefix(l, "#") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// mergeDuplicate reports whether an earlier slide of slides shows the same
// chart with the same data as ps, the slide of scenario s, such as the
// CUSMA-claimed vs dutiable trade of two scenarios with the same
// assumptions. That slide then names s too, and ps is not needed.
func mergeDuplicate(slides []*pendingSlide, ps *pendingSlide, s *subject) bool {
	ps.key = dataKey(ps)
	if ps.key == "" {
		return false
	}
	for _, o := range slides {
		if o.kind != ps.kind || o.key != ps.key {
			continue
		}
		o.also = append(o.also, s)
		first := o.built.subjects[0].name()
		all := []string{first}
		for _, a := range o.also {
			all = append(all, a.name())
		}
		joined := strings.Join(all[:len(all)-1], ", ") + " and " + all[len(all)-1] + " (the same data)"
		head, rest, _ := strings.Cut(o.slide.Subtitle, "\n")
		if after, ok := strings.CutPrefix(head, first); ok {
			head = joined + after
		} else {
			head = joined + " · " + head
		}
		if rest != "" {
			head += "\n" + rest
		}
		o.slide.Subtitle = head
		o.slide.AltText = strings.Replace(o.slide.AltText, first, joined, 1)
		o.slide.Notes += "\n\nThe same chart, with the same data, for " + s.name() + " (scenario " + s.id + ")."
		return true
	}
	return false
}

// briefTail finds where the publisher of a source line ends and the details
// of how the data were taken begin: ", as extracted…", "; estimates…",
// " (commit…".
var briefTail = regexp.MustCompile(`, [a-z]|; | \(commit`)

// briefSource shortens a source line ("what: source.") for a slide's
// footnote to what the data are and who publishes them: "Baseline trade
// 2024 (US$), Canada → US by HTS10 product: US Census Bureau international
// trade API." A source "derived from … : X" is named by X.
func briefSource(line string) string {
	what, src, ok := strings.Cut(line, ": ")
	if !ok {
		return line
	}
	if strings.HasPrefix(src, "derived") {
		if _, rest, ok := strings.Cut(src, ": "); ok {
			src = rest
		}
	}
	if loc := briefTail.FindStringIndex(src); loc != nil && loc[0] > 0 {
		src = src[:loc[0]]
	}
	return what + ": " + strings.TrimRight(src, ".,; ") + "."
}
