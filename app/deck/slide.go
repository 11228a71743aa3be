package deck

import (
	"fmt"
	"strings"
)

// shapes builds the shape tree (p:spTree) of a slide, numbering shapes.
type shapes struct {
	b  strings.Builder
	id int // id of the last shape written; 1 is the tree itself
}

// next returns the id of the next shape.
func (t *shapes) next() int {
	t.id++
	return t.id
}

// xfrm returns the a:xfrm (or p:xfrm, with prefix "p") of r.
func xfrm(prefix string, r rect) string {
	return fmt.Sprintf(`<%s:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></%s:xfrm>`,
		prefix, r.x, r.y, r.cx, r.cy, prefix)
}

// textBox writes a text shape. ph is the placeholder element (e.g.
// `<p:ph type="title"/>`) or "" for a plain text box; anchor is "t", "ctr"
// or "b".
func (t *shapes) textBox(name, ph string, r rect, anchor string, ps []paragraph) {
	id := t.next()
	fmt.Fprintf(&t.b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s %d"/>`, id, esc(name), id-1)
	if ph != "" {
		fmt.Fprintf(&t.b, `<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>%s</p:nvPr>`, ph)
	} else {
		t.b.WriteString(`<p:cNvSpPr txBox="1"/><p:nvPr/>`)
	}
	fmt.Fprintf(&t.b, `</p:nvSpPr><p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`, xfrm("a", r))
	fmt.Fprintf(&t.b, `<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="%d" tIns="%d" rIns="%d" bIns="%d" rtlCol="0" anchor="%s"><a:noAutofit/></a:bodyPr><a:lstStyle/>`,
		insetX, insetY, insetX, insetY, anchor)
	for _, p := range ps {
		t.b.WriteString(p.xml())
	}
	t.b.WriteString(`</p:txBody></p:sp>`)
}

// filledRect writes a rectangle filled with color and no outline.
func (t *shapes) filledRect(name string, r rect, color string) {
	id := t.next()
	fmt.Fprintf(&t.b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s %d"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>`, id, esc(name), id-1)
	fmt.Fprintf(&t.b, `<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`,
		xfrm("a", r), color)
}

// picture writes an image shape showing the image of relationship relID.
func (t *shapes) picture(r rect, relID, alt string) {
	id := t.next()
	fmt.Fprintf(&t.b, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d" descr="%s"/>`, id, id-1, esc(alt))
	fmt.Fprintf(&t.b, `<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`)
	fmt.Fprintf(&t.b, `<p:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`, relID)
	fmt.Fprintf(&t.b, `<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`, xfrm("a", r))
}

// chartFrame writes a graphic frame showing the chart of relationship relID.
func (t *shapes) chartFrame(r rect, relID, alt string) {
	id := t.next()
	fmt.Fprintf(&t.b, `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Chart %d" descr="%s"/>`, id, id-1, esc(alt))
	t.b.WriteString(`<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`)
	t.b.WriteString(xfrm("p", r))
	fmt.Fprintf(&t.b, `<a:graphic><a:graphicData uri="%s"><c:chart xmlns:c="%s" r:id="%s"/></a:graphicData></a:graphic></p:graphicFrame>`,
		nsC, nsC, relID)
}

// slideNumber writes the slide-number field at the bottom right.
func (t *shapes) slideNumber(r rect, n int) {
	st := textStyle{size: sizeSlideNumber, color: colorFootnote}
	t.textBox("Slide Number", "", r, "b", []paragraph{{text: fmt.Sprint(n), style: st, align: "r", slideNumber: true}})
}

// slideXML wraps a shape tree into a p:sld part.
func slideXML(t *shapes) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<p:sld ` + pmlNS + `><p:cSld><p:spTree>`)
	b.WriteString(`<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`)
	b.WriteString(`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`)
	b.WriteString(t.b.String())
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return []byte(b.String())
}

// titleSlideXML returns the title slide: the deck title and subtitle
// centred, with an accent rule between them.
func titleSlideXML(d *Deck, w, h int64) []byte {
	width := w - 2*emuPerInch
	tn := lineCount(d.Title, sizeDeckTitle, true, width-2*insetX)
	titleH := textHeight(tn, sizeDeckTitle)
	var subH int64
	if strings.TrimSpace(d.Subtitle) != "" {
		sn := lineCount(d.Subtitle, sizeDeckSubtitle, false, width-2*insetX)
		subH = textHeight(sn, sizeDeckSubtitle)
	}
	// The block (title, rule, subtitle) is centred a little above the middle.
	block := titleH + 3*gap + subH
	top := max((h*9/20)-block/2, marginTop)

	var t shapes
	t.filledRect("Band", rect{0, 0, w, emuPerInch / 6}, colorTitle)
	title := textStyle{size: sizeDeckTitle, bold: true, color: colorTitle}
	t.textBox("Title", `<p:ph type="ctrTitle"/>`, rect{emuPerInch, top, width, titleH}, "b",
		paragraphs(d.Title, title, "ctr"))
	ruleW := int64(emuPerInch * 3 / 2)
	t.filledRect("Rule", rect{(w - ruleW) / 2, top + titleH + gap, ruleW, 3 * ruleHeight}, colorAccent)
	if subH > 0 {
		sub := textStyle{size: sizeDeckSubtitle, color: colorSubtitle}
		t.textBox("Subtitle", `<p:ph type="subTitle" idx="1"/>`, rect{emuPerInch, top + titleH + 3*gap, width, subH}, "t",
			paragraphs(d.Subtitle, sub, "ctr"))
	}
	return slideXML(&t)
}

// chartSlideXML returns the chart slide numbered n of s laid out as l. The
// picture or chart is the target of relationship contentRel; pw x ph is
// the picture's pixel size (unused for a native chart).
func chartSlideXML(s *Slide, n int, l chartLayout, pw, ph int) []byte {
	var t shapes
	t.textBox("Title", `<p:ph type="title"/>`, l.title, "t",
		paragraphs(s.Title, textStyle{size: l.titleSize, bold: true, color: colorTitle}, "l"))
	if l.subtitle.cy > 0 {
		t.textBox("Subtitle", "", l.subtitle, "t", subtitleParagraphs(s))
	}
	alt := s.AltText
	if alt == "" {
		alt = s.Title
	}
	if s.Chart != nil {
		t.chartFrame(l.content, contentRel, alt)
	} else {
		t.picture(fit(l.content, pw, ph), contentRel, alt)
	}
	t.filledRect("Rule", l.rule, colorRule)
	t.textBox("Footnote", "", l.footnote, "b",
		paragraphs(l.footnoteText, textStyle{size: l.footnoteSize, color: colorFootnote}, "l"))
	t.slideNumber(l.number, n)
	return slideXML(&t)
}

// sourcesSlideXML returns a sources slide numbered n listing srcs as
// bullets under heading, laid out as l.
func sourcesSlideXML(srcs []string, n int, heading string, l sourcesLayout) []byte {
	var t shapes
	t.textBox("Title", `<p:ph type="title"/>`, l.title, "t",
		paragraphs(heading, textStyle{size: l.titleSize, bold: true, color: colorTitle}, "l"))
	var ps []paragraph
	for _, src := range srcs {
		ps = append(ps, paragraph{
			text:        src,
			style:       textStyle{size: sizeSource, color: colorSubtitle},
			align:       "l",
			bullet:      true,
			spaceBefore: sourceSpaceBefore,
		})
	}
	t.textBox("Sources", `<p:ph type="body" idx="1"/>`, l.body, "t", ps)
	t.slideNumber(l.number, n)
	return slideXML(&t)
}

// sourceLines returns the non-blank sources, each on one line.
func sourceLines(sources []string) []string {
	var out []string
	for _, s := range sources {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// subtitleParagraphs returns the paragraphs of a slide's subtitle box: the
// lead sentence in bold, then the subtitle's lines.
func subtitleParagraphs(s *Slide) []paragraph {
	var ps []paragraph
	if lead := strings.TrimSpace(s.Lead); lead != "" {
		ps = paragraphs(lead, textStyle{size: sizeSubtitle, bold: true, color: colorTitle}, "l")
	}
	size := subtitleSize(s)
	if strings.TrimSpace(s.Subtitle) != "" {
		ps = append(ps, paragraphs(s.Subtitle, textStyle{size: size, color: colorSubtitle}, "l")...)
	}
	if key := chartKey(s.Chart); key != "" && len(s.Panels) == 0 {
		text := textStyle{size: size, color: colorSubtitle}
		var runs []run
		for i, ser := range s.Chart.Series {
			if ser.Hidden {
				continue
			}
			sep := ""
			if len(runs) > 0 {
				sep = "    "
			}
			runs = append(runs, run{sep + "■ ", textStyle{size: size, color: seriesColor(s.Chart, i)}}, run{seriesName(s.Chart, i), text})
		}
		ps = append(ps, paragraph{style: text, align: "l", runs: runs})
	}
	return ps
}

// chartKey returns the text of a native chart's key, which the slide
// writes under its subtitle instead of a legend in the chart: a legend's
// order is the reader's choice (LibreOffice lists the series of horizontal
// bars bottom up, PowerPoint in order), the key's is the series' order,
// the order in which the slide's sentence names them. Hidden series have
// no entry. "" for a chart of one shown series or none.
func chartKey(c *Chart) string {
	if c == nil {
		return ""
	}
	var parts []string
	for i, s := range c.Series {
		if !s.Hidden {
			parts = append(parts, "■ "+seriesName(c, i))
		}
	}
	if len(parts) < 2 {
		return ""
	}
	return strings.Join(parts, "    ")
}
