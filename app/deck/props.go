package deck

import (
	"fmt"
	"strings"
	"time"
)

// appVersion is the AppVersion of docProps/app.xml. PowerPoint may refuse
// a file whose version is not digits and dots.
const appVersion = "16.0000"

// coreXML returns docProps/core.xml: title, creator and dates.
func coreXML(d *Deck, modified time.Time) []byte {
	author := d.Author
	if author == "" {
		author = "Parley"
	}
	stamp := modified.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, `<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy><cp:revision>1</cp:revision>`,
		esc(d.Title), esc(author), esc(author))
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`,
		stamp, stamp)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// appXML returns docProps/app.xml for a deck of the given slide and notes
// counts.
func appXML(slides, notes int, widescreen bool) []byte {
	format := "On-screen Show (4:3)"
	if widescreen {
		format = "Widescreen"
	}
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	fmt.Fprintf(&b, `<TotalTime>0</TotalTime><PresentationFormat>%s</PresentationFormat><Slides>%d</Slides><Notes>%d</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>`,
		format, slides, notes)
	fmt.Fprintf(&b, `<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><Application>Parley</Application><AppVersion>%s</AppVersion>`,
		appVersion)
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}
