package deck

import (
	"fmt"
	"strings"
)

// Notes pages are portrait letter size, as PowerPoint makes them.
const (
	notesWidth  = 6858000
	notesHeight = 9144000
)

// notesSlideImage returns the box of the slide image on a notes page for
// slides of size w x h.
func notesSlideImage(w, h int64) rect {
	if w*3 == h*4 { // 4:3
		return rect{1143000, 685800, 4572000, 3429000}
	}
	cx := int64(5486400)
	return rect{(notesWidth - cx) / 2, 1143000, cx, cx * h / w}
}

// notesBody returns the box of the speaker notes on a notes page.
func notesBody() rect { return rect{685800, 4400550, 5486400, 3600450} }

// notesMasterXML returns the notes master for slides of size w x h: a slide
// image and a notes body.
func notesMasterXML(w, h int64) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<p:notesMaster ` + pmlNS + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>`)
	b.WriteString(`<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`)
	b.WriteString(`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr>`)
	fmt.Fprintf(&b, `<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>`,
		xfrm("a", notesSlideImage(w, h)))
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr>`)
	fmt.Fprintf(&b, `<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`, xfrm("a", notesBody()))
	b.WriteString(`<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"/><a:lstStyle/>`)
	b.WriteString(`<a:p><a:pPr lvl="0"/><a:r><a:rPr lang="en-US"/><a:t>Click to edit Master text styles</a:t></a:r></a:p></p:txBody></p:sp>`)
	b.WriteString(`</p:spTree></p:cSld>`)
	b.WriteString(clrMap)
	b.WriteString(`<p:notesStyle>`)
	b.WriteString(`<a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:defRPr sz="1200" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>`)
	b.WriteString(`</p:notesStyle></p:notesMaster>`)
	return []byte(b.String())
}

// notesSlideXML returns the notes page of a slide: its image and the
// speaker notes, one paragraph per line.
func notesSlideXML(notes string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<p:notes ` + pmlNS + `><p:cSld><p:spTree>`)
	b.WriteString(`<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`)
	b.WriteString(`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>`)
	b.WriteString(`<p:txBody><a:bodyPr/><a:lstStyle/>`)
	for _, l := range lines(strings.TrimSpace(notes)) {
		if l == "" {
			b.WriteString(`<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>`)
			continue
		}
		fmt.Fprintf(&b, `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>%s</a:t></a:r></a:p>`, esc(l))
	}
	b.WriteString(`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
	return []byte(b.String())
}
