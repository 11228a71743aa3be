package deck

import (
	"encoding/xml"
	"fmt"
	"strings"

	"parley/scenarios"
)

// XML namespaces and the declaration used by the parts.
const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsA       = `http://schemas.openxmlformats.org/drawingml/2006/main`
	nsR       = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsP       = `http://schemas.openxmlformats.org/presentationml/2006/main`
	nsC       = `http://schemas.openxmlformats.org/drawingml/2006/chart`
	// pmlNS declares the a, r and p prefixes on a PresentationML root.
	pmlNS = `xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"`
)

// Font of all text: Calibri, declared as a variable-pitch sans (pitch
// family 34) so that readers without Calibri substitute a sans such as Arial.
const fontLatin = `<a:latin typeface="Calibri" panose="020F0502020204030204" pitchFamily="34" charset="0"/>` +
	`<a:cs typeface="Calibri" panose="020F0502020204030204" pitchFamily="34" charset="0"/>`

// Colours of the deck's text and rules.
const (
	colorTitle    = "1F3864" // dark navy
	colorSubtitle = "404040"
	colorFootnote = "595959"
	colorAccent   = "2E75B6"
	colorRule     = "BFBFBF"
)

// esc returns s escaped for XML text and attribute values: the characters
// that hide or reorder text (bidirectional overrides, zero-width spaces,
// control characters) are shown as \uXXXX escapes (scenarios.ShowHidden),
// and invalid UTF-8 becomes U+FFFD. Every text of a deck goes through it.
func esc(s string) string {
	var b strings.Builder
	// EscapeText only fails when the writer does; a Builder never does.
	_ = xml.EscapeText(&b, []byte(scenarios.ShowHidden(s)))
	return b.String()
}

// lines splits text into lines at "\n", "\r\n" or "\r".
func lines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// textStyle is the look of a run of text.
type textStyle struct {
	size  float64 // points
	bold  bool
	color string // RRGGBB
}

// rPr returns the a:rPr (or, with tag "a:endParaRPr" or "a:defRPr", the
// element of that name) of the style.
func (t textStyle) rPr(tag string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<%s lang="en-US" sz="%d"`, tag, int(t.size*100+0.5))
	// Explicit b: chart readers make some texts bold by default.
	fmt.Fprintf(&b, ` b="%d"`, bit(t.bold))
	b.WriteString(` dirty="0">`)
	if t.color != "" {
		fmt.Fprintf(&b, `<a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, t.color)
	}
	b.WriteString(fontLatin)
	fmt.Fprintf(&b, `</%s>`, tag)
	return b.String()
}

// bit returns 1 for true and 0 for false.
func bit(v bool) int {
	if v {
		return 1
	}
	return 0
}

// paragraph is one a:p of a text body.
type paragraph struct {
	text   string
	style  textStyle
	align  string // "l", "ctr" or "r"
	bullet bool
	// spaceBefore is the space above the paragraph in points.
	spaceBefore float64
	// slideNumber makes the text a slide-number field.
	slideNumber bool
	// runs, when set, are the paragraph's text in several styles (text
	// and style are then unused but for the paragraph's end).
	runs []run
}

// run is a piece of a paragraph in one style.
type run struct {
	text  string
	style textStyle
}

// xml returns the a:p element of the paragraph.
func (p paragraph) xml() string {
	var b strings.Builder
	b.WriteString(`<a:p><a:pPr`)
	if p.bullet {
		fmt.Fprintf(&b, ` marL="%d" indent="-%d"`, bulletIndent, bulletIndent)
	} else {
		b.WriteString(` marL="0" indent="0"`)
	}
	if p.align != "" {
		fmt.Fprintf(&b, ` algn="%s"`, p.align)
	}
	b.WriteString(`><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>`)
	fmt.Fprintf(&b, `<a:spcBef><a:spcPts val="%d"/></a:spcBef>`, int(p.spaceBefore*100+0.5))
	if p.bullet {
		fmt.Fprintf(&b, `<a:buClr><a:srgbClr val="%s"/></a:buClr>`, colorAccent)
		b.WriteString(`<a:buFont typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/><a:buChar char="•"/>`)
	} else {
		b.WriteString(`<a:buNone/>`)
	}
	b.WriteString(`</a:pPr>`)
	switch {
	case p.slideNumber:
		fmt.Fprintf(&b, `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">%s<a:t>%s</a:t></a:fld>`,
			p.style.rPr("a:rPr"), esc(p.text))
	case len(p.runs) > 0:
		for _, r := range p.runs {
			fmt.Fprintf(&b, `<a:r>%s<a:t>%s</a:t></a:r>`, r.style.rPr("a:rPr"), esc(r.text))
		}
	case p.text != "":
		fmt.Fprintf(&b, `<a:r>%s<a:t>%s</a:t></a:r>`, p.style.rPr("a:rPr"), esc(p.text))
	}
	b.WriteString(p.style.rPr("a:endParaRPr"))
	b.WriteString(`</a:p>`)
	return b.String()
}

// paragraphs returns one paragraph per line of text, all in style.
func paragraphs(text string, style textStyle, align string) []paragraph {
	var ps []paragraph
	for _, l := range lines(text) {
		ps = append(ps, paragraph{text: l, style: style, align: align})
	}
	return ps
}
