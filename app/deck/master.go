package deck

import (
	"fmt"
	"strings"
)

// clrMap maps the theme colours one to one, as PowerPoint's masters do.
const clrMap = `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`

// layout is a slide layout of the master.
type layout struct {
	name string // shown in PowerPoint's layout gallery
	typ  string // ST_SlideLayoutType
	// placeholders are the p:ph elements and the boxes they occupy.
	placeholders []layoutPlaceholder
}

// layoutPlaceholder is one placeholder of a layout.
type layoutPlaceholder struct {
	name string
	ph   string
	box  rect
}

// Indices into layouts(): the layout of each kind of slide.
const (
	layoutTitle     = 0 // title slide
	layoutTitleOnly = 1 // chart slides
	layoutContent   = 2 // sources slides
)

// layouts returns the slide layouts for slides of size w x h.
func layouts(w, h int64) []layout {
	title := rect{marginX, marginTop, w - 2*marginX, textHeight(1, sizeTitle)}
	body := rect{marginX, title.bottom() + gap, w - 2*marginX, h - title.bottom() - gap - emuPerInch/2}
	return []layout{
		layoutTitle: {name: "Title Slide", typ: "title", placeholders: []layoutPlaceholder{
			{"Title", `<p:ph type="ctrTitle"/>`, rect{emuPerInch, h / 4, w - 2*emuPerInch, h / 4}},
			{"Subtitle", `<p:ph type="subTitle" idx="1"/>`, rect{emuPerInch, h/2 + gap, w - 2*emuPerInch, h / 5}},
		}},
		layoutTitleOnly: {name: "Title Only", typ: "titleOnly", placeholders: []layoutPlaceholder{
			{"Title", `<p:ph type="title"/>`, title},
		}},
		layoutContent: {name: "Title and Content", typ: "obj", placeholders: []layoutPlaceholder{
			{"Title", `<p:ph type="title"/>`, title},
			{"Content", `<p:ph type="body" idx="1"/>`, body},
		}},
	}
}

// emptyTree opens a shape tree with its group properties.
const emptyTree = `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

// placeholderXML returns an empty placeholder shape with prompt text.
func placeholderXML(id int, name, ph string, box rect, prompt string) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s Placeholder %d"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>%s</p:nvPr></p:nvSpPr>`+
		`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`+
		`<p:txBody><a:bodyPr vert="horz" lIns="%d" tIns="%d" rIns="%d" bIns="%d" rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>`+
		`<a:p><a:r><a:rPr lang="en-US"/><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>`,
		id, name, id-1, ph, xfrm("a", box), insetX, insetY, insetX, insetY, esc(prompt))
}

// layoutXML returns a slide layout part.
func layoutXML(l layout) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<p:sldLayout %s type="%s" preserve="1"><p:cSld name="%s">`, pmlNS, l.typ, esc(l.name))
	b.WriteString(emptyTree)
	for i, p := range l.placeholders {
		b.WriteString(placeholderXML(i+2, p.name, p.ph, p.box, "Click to edit"))
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`)
	return []byte(b.String())
}

// masterXML returns the slide master: a white background, title and body
// placeholders, and the text styles in Calibri. layoutRels are the
// relationship ids of its layouts; layout ids follow the master's id.
func masterXML(w, h int64, layoutRels []string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<p:sldMaster ` + pmlNS + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>`)
	b.WriteString(emptyTree)
	l := layouts(w, h)[layoutContent]
	b.WriteString(placeholderXML(2, "Title", `<p:ph type="title"/>`, l.placeholders[0].box, "Click to edit Master title style"))
	b.WriteString(placeholderXML(3, "Text", `<p:ph type="body" idx="1"/>`, l.placeholders[1].box, "Click to edit Master text styles"))
	b.WriteString(`</p:spTree></p:cSld>`)
	b.WriteString(clrMap)
	b.WriteString(`<p:sldLayoutIdLst>`)
	for i, id := range layoutRels {
		fmt.Fprintf(&b, `<p:sldLayoutId id="%d" r:id="%s"/>`, masterID+1+i, id)
	}
	b.WriteString(`</p:sldLayoutIdLst><p:txStyles>`)
	title := textStyle{size: sizeTitle, bold: true, color: colorTitle}
	fmt.Fprintf(&b, `<p:titleStyle><a:lvl1pPr algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>%s</a:lvl1pPr></p:titleStyle>`,
		title.rPr("a:defRPr"))
	body := textStyle{size: 20, color: colorSubtitle}
	fmt.Fprintf(&b, `<p:bodyStyle><a:lvl1pPr marL="%d" indent="-%d" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="600"/></a:spcBef><a:buFont typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/><a:buChar char="•"/>%s</a:lvl1pPr></p:bodyStyle>`,
		bulletIndent, bulletIndent, body.rPr("a:defRPr"))
	other := textStyle{size: 18, color: colorSubtitle}
	fmt.Fprintf(&b, `<p:otherStyle><a:defPPr>%s</a:defPPr><a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">%s</a:lvl1pPr></p:otherStyle>`,
		other.rPr("a:defRPr"), other.rPr("a:defRPr"))
	b.WriteString(`</p:txStyles></p:sldMaster>`)
	return []byte(b.String())
}

// Fixed parts of the presentation.
const (
	presPropsXML   = xmlHeader + `<p:presentationPr ` + pmlNS + `/>`
	viewPropsXML   = xmlHeader + `<p:viewPr ` + pmlNS + `><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`
	tableStylesXML = xmlHeader + `<a:tblStyleLst xmlns:a="` + nsA + `" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`
)

// themeXML returns a theme named name: Office-like colours with the deck's
// navy and a colour-blind-safe accent palette, Calibri for headings and
// body, and plain fill, line and effect styles.
func themeXML(name string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<a:theme xmlns:a="%s" name="%s"><a:themeElements>`, nsA, esc(name))
	b.WriteString(`<a:clrScheme name="Parley">`)
	b.WriteString(`<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>`)
	fmt.Fprintf(&b, `<a:dk2><a:srgbClr val="%s"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>`, colorTitle)
	for i := range 6 {
		fmt.Fprintf(&b, `<a:accent%d><a:srgbClr val="%s"/></a:accent%d>`, i+1, palette(i), i+1)
	}
	b.WriteString(`<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>`)
	b.WriteString(`<a:fontScheme name="Parley">`)
	for _, f := range []string{"majorFont", "minorFont"} {
		fmt.Fprintf(&b, `<a:%s><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:%s>`, f, f)
	}
	b.WriteString(`</a:fontScheme><a:fmtScheme name="Parley"><a:fillStyleLst>`)
	b.WriteString(strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3))
	b.WriteString(`</a:fillStyleLst><a:lnStyleLst>`)
	for _, w := range []int{6350, 12700, 19050} {
		fmt.Fprintf(&b, `<a:ln w="%d" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`, w)
	}
	b.WriteString(`</a:lnStyleLst><a:effectStyleLst>`)
	b.WriteString(strings.Repeat(`<a:effectStyle><a:effectLst/></a:effectStyle>`, 3))
	b.WriteString(`</a:effectStyleLst><a:bgFillStyleLst>`)
	b.WriteString(strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3))
	b.WriteString(`</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`)
	return []byte(b.String())
}
