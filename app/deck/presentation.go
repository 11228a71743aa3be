package deck

import (
	"fmt"
	"strings"
	"time"
)

// Ids of the presentation: the master's id is the lowest allowed for
// masters and layouts (its layouts follow it), slides count from 256.
const (
	masterID     = 2147483648
	firstSlideID = 256
)

// Names of the fixed parts.
const (
	presentationName = "ppt/presentation.xml"
	masterName       = "ppt/slideMasters/slideMaster1.xml"
	themeName        = "ppt/theme/theme1.xml"
	notesMasterName  = "ppt/notesMasters/notesMaster1.xml"
	notesThemeName   = "ppt/theme/theme2.xml"
)

// Headings of the sources slides.
const (
	sourcesHeading   = "Sources"
	sourcesContinued = "Sources (continued)"
)

// layoutName returns the part name of layout i (0-based).
func layoutName(i int) string { return fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", i+1) }

// builder assembles the parts of a deck.
type builder struct {
	w, h     int64
	modified time.Time
	slides   []part // ppt/slides/slideN.xml in order
	others   []part // notes slides, charts, workbooks and images
	notes    int    // notes slides so far
	charts   int    // charts so far
	images   int    // images so far
}

// addSlide adds a slide part with the given body and layout. content, if
// not nil, is its relationship rId2 (a picture or chart); notes, if not
// blank, become its speaker notes.
func (b *builder) addSlide(body []byte, layout int, content *rel, notes string) {
	name := fmt.Sprintf("ppt/slides/slide%d.xml", len(b.slides)+1)
	rels := []rel{{relSlideLayout, layoutName(layout)}}
	if content != nil {
		rels = append(rels, *content)
	}
	if strings.TrimSpace(notes) != "" {
		b.notes++
		notesName := fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", b.notes)
		rels = append(rels, rel{relNotesSlide, notesName})
		b.others = append(b.others, part{
			name:  notesName,
			ctype: ctNotesSlide,
			body:  notesSlideXML(notes),
			rels:  []rel{{relNotesMaster, notesMasterName}, {relSlide, name}},
		})
	}
	b.slides = append(b.slides, part{name: name, ctype: ctSlide, body: body, rels: rels})
}

// contentRel is the id of a slide's picture or chart relationship.
const contentRel = "rId2"

// addChartSlide adds the slide of s with its picture or chart.
func (b *builder) addChartSlide(s *Slide) error {
	n := len(b.slides) + 1
	l := layoutChartSlide(s, b.w, b.h)
	notes := notesWithFootnote(s, l)
	if len(s.Panels) > 0 {
		b.addSlide(panelSlideXML(s, n, l), layoutTitleOnly, nil, notes)
		return nil
	}
	if c := s.Chart; c != nil {
		// The chart and its workbook hold the labels as the chart shows
		// them, so that an edit in PowerPoint keeps them.
		shown := *c
		shown.Categories = shownCategories(c, l.content, categoryFontSize(c, l.content))
		c = &shown
		b.charts++
		chartName := fmt.Sprintf("ppt/charts/chart%d.xml", b.charts)
		bookName := fmt.Sprintf("ppt/embeddings/Microsoft_Excel_Worksheet%d.xlsx", b.charts)
		book, err := workbook(c, b.modified)
		if err != nil {
			return fmt.Errorf("slide %d: %w", n, err)
		}
		b.others = append(b.others,
			part{name: chartName, ctype: ctChart, body: chartXML(c, l.content, "rId1"), rels: []rel{{relPackage, bookName}}},
			part{name: bookName, ctype: ctXLSX, body: book},
		)
		b.addSlide(chartSlideXML(s, n, l, 0, 0), layoutTitleOnly, &rel{relChart, chartName}, notes)
		return nil
	}
	pw, ph, err := pngSize(s.Picture)
	if err != nil {
		return fmt.Errorf("slide %d: %w", n, err)
	}
	b.images++
	imageName := fmt.Sprintf("ppt/media/image%d.png", b.images)
	b.others = append(b.others, part{name: imageName, ctype: ctPNG, body: s.Picture})
	b.addSlide(chartSlideXML(s, n, l, pw, ph), layoutTitleOnly, &rel{relImage, imageName}, notes)
	return nil
}

// build returns the package of a valid deck, stamped with modified.
func build(d *Deck, modified time.Time) (*pkg, error) {
	b := builder{w: StandardWidth, h: SlideHeight, modified: modified}
	if d.Widescreen {
		b.w = WidescreenWidth
	}
	b.addSlide(titleSlideXML(d, b.w, b.h), layoutTitle, nil, "")
	for i := range d.Slides {
		if err := b.addChartSlide(&d.Slides[i]); err != nil {
			return nil, err
		}
	}
	first, next := layoutSourcesSlide(sourcesHeading, b.w, b.h), layoutSourcesSlide(sourcesContinued, b.w, b.h)
	for i, page := range sourcePages(sourceLines(d.Sources), next.body) {
		heading, l := sourcesHeading, first
		if i > 0 {
			heading, l = sourcesContinued, next
		}
		b.addSlide(sourcesSlideXML(page, len(b.slides)+1, heading, l), layoutContent, nil, "")
	}

	var p pkg
	p.rels = []rel{
		{relOfficeDocument, presentationName},
		{relCore, "docProps/core.xml"},
		{relExtended, "docProps/app.xml"},
	}
	presRels := []rel{{relSlideMaster, masterName}, {relNotesMaster, notesMasterName}}
	for _, s := range b.slides {
		presRels = append(presRels, rel{relSlide, s.name})
	}
	presRels = append(presRels,
		rel{relTheme, themeName},
		rel{relPresProps, "ppt/presProps.xml"},
		rel{relViewProps, "ppt/viewProps.xml"},
		rel{relTableStyles, "ppt/tableStyles.xml"},
	)
	p.add(part{name: presentationName, ctype: ctPresentation, body: presentationXML(len(b.slides), b.w, b.h), rels: presRels})
	p.add(b.slides...)

	p.addMaster(b.w, b.h)
	p.add(
		part{name: themeName, ctype: ctTheme, body: themeXML("Parley")},
		part{name: notesMasterName, ctype: ctNotesMaster, body: notesMasterXML(b.w, b.h), rels: []rel{{relTheme, notesThemeName}}},
		part{name: notesThemeName, ctype: ctTheme, body: themeXML("Parley Notes")},
	)
	p.add(b.others...)
	p.add(
		part{name: "ppt/presProps.xml", ctype: ctPresProps, body: []byte(presPropsXML)},
		part{name: "ppt/viewProps.xml", ctype: ctViewProps, body: []byte(viewPropsXML)},
		part{name: "ppt/tableStyles.xml", ctype: ctTableStyles, body: []byte(tableStylesXML)},
		part{name: "docProps/core.xml", ctype: ctCore, body: coreXML(d, modified)},
		part{name: "docProps/app.xml", ctype: ctExtended, body: appXML(len(b.slides), b.notes, d.Widescreen)},
	)
	return &p, nil
}

// addMaster adds the slide master and its layouts for slides of size w x h.
func (p *pkg) addMaster(w, h int64) {
	ls := layouts(w, h)
	var masterRels []rel
	var layoutIDs []string
	for i := range ls {
		masterRels = append(masterRels, rel{relSlideLayout, layoutName(i)})
		layoutIDs = append(layoutIDs, relID(i))
	}
	masterRels = append(masterRels, rel{relTheme, themeName})
	p.add(part{name: masterName, ctype: ctSlideMaster, body: masterXML(w, h, layoutIDs), rels: masterRels})
	for i, l := range ls {
		p.add(part{name: layoutName(i), ctype: ctSlideLayout, body: layoutXML(l), rels: []rel{{relSlideMaster, masterName}}})
	}
}

// presentationXML returns ppt/presentation.xml for n slides of size w x h.
// Its relationships are the master (rId1), the notes master (rId2) and
// the slides (rId3 on).
func presentationXML(n int, w, h int64) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<p:presentation ` + pmlNS + ` saveSubsetFonts="1">`)
	fmt.Fprintf(&b, `<p:sldMasterIdLst><p:sldMasterId id="%d" r:id="rId1"/></p:sldMasterIdLst>`, masterID)
	b.WriteString(`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>`)
	for i := range n {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="%s"/>`, firstSlideID+i, relID(i+2))
	}
	b.WriteString(`</p:sldIdLst>`)
	if w == StandardWidth {
		fmt.Fprintf(&b, `<p:sldSz cx="%d" cy="%d" type="screen4x3"/>`, w, h)
	} else {
		fmt.Fprintf(&b, `<p:sldSz cx="%d" cy="%d"/>`, w, h)
	}
	fmt.Fprintf(&b, `<p:notesSz cx="%d" cy="%d"/>`, notesWidth, notesHeight)
	b.WriteString(`<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>`)
	b.WriteString(`<a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:defRPr sz="1800" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>`)
	b.WriteString(`</p:defaultTextStyle></p:presentation>`)
	return []byte(b.String())
}
