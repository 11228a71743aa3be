package evidenceview

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/app/ui/session"
	"parley/storage/evidence"
)

// maxHits is how many passages a search shows.
const maxHits = present.MaxHits

// View is the evidence library: documents, full-text search with
// highlighted snippets, a reader, and excerpts saved from passages with the
// measures that cite them.
type View struct {
	win        fyne.Window
	sess       *session.Session
	nav        Navigator
	programmes []string
	content    fyne.CanvasObject

	query     *kit.Field
	found     *widget.Label
	hitsBox   *fyne.Container
	hits      []evidence.Hit
	hitCards  []*kit.Card
	docs      []evidence.Document
	docList   *widget.List
	leftTabs  *container.AppTabs
	allXs     []evidence.Excerpt
	allXList  *widget.List
	titles    map[string]string
	syncingXs bool

	// reader
	doc        evidence.Document
	docTitle   *widget.Label
	docMeta    *widget.Label
	paras      *fyne.Container
	paraLabels []*widget.Label // the selectable (plain) paragraphs
	paraStart  []int           // byte offset of each paragraph in the body
	paraEnd    []int           // and of its end
	paraBGs    []*canvas.Rectangle
	reader     *container.Scroll
	passage    string // the passage opened from a hit

	// new excerpt
	quote *kit.Field
	tagFields

	// excerpts of the document
	xs       []evidence.Excerpt
	xList    *widget.List
	xChosen  int
	xDetail  *widget.Label
	linkBtn  *widget.Button
	editXBtn *widget.Button
	delXBtn  *widget.Button
}

// New builds the evidence view of win over the session's workspace;
// programmes are the measure names an excerpt's measure tag offers.
func New(win fyne.Window, sess *session.Session, nav Navigator, programmes []string) *View {
	v := &View{win: win, sess: sess, nav: nav, programmes: programmes, xChosen: -1}
	v.query = kit.NewField(win, "Search the documents, e.g. aluminum tariff")
	v.query.OnSubmitted = func(string) { v.search() }
	searchBtn := widget.NewButtonWithIcon("", theme.SearchIcon(), v.search)
	importBtn := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), v.importDialog)
	v.found = widget.NewLabel("Type words to find; \"quoted words\" find a phrase.")
	v.found.Wrapping = fyne.TextWrapWord
	v.hitsBox = container.NewVBox()

	v.docList = v.newDocList()
	v.allXList = v.newExcerptList()

	results := container.NewBorder(v.found, nil, nil, nil, container.NewVScroll(v.hitsBox))
	v.leftTabs = container.NewAppTabs(
		container.NewTabItem("Search results", results),
		container.NewTabItem("Documents", v.docList),
		container.NewTabItem("Excerpts", v.allXList),
	)
	searchRow := container.NewBorder(nil, nil, nil, container.NewHBox(searchBtn, importBtn), v.query)
	left := container.NewBorder(searchRow, nil, nil, nil, v.leftTabs)

	right := container.NewVSplit(v.buildReader(), v.buildExcerptTools())
	right.Offset = 0.55
	split := container.NewHSplit(left, right)
	split.Offset = 0.36
	v.content = split
	v.reload()
	return v
}

// newDocList lists the documents; selecting one opens it.
func (v *View) newDocList() *widget.List {
	l := widget.NewList(func() int { return len(v.docs) },
		func() fyne.CanvasObject {
			t := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			t.Truncation = fyne.TextTruncateEllipsis
			m := widget.NewLabel("")
			m.Truncation = fyne.TextTruncateEllipsis
			m.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(t, m)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := v.docs[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(d.Title)
			box.Objects[1].(*widget.Label).SetText(present.DocLine(d))
		})
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(v.docs) && v.docs[i].ID != v.doc.ID {
			v.open(v.docs[i].ID, "", -1)
		}
	}
	return l
}

// newExcerptList lists every excerpt; selecting one opens its document at
// the quote.
func (v *View) newExcerptList() *widget.List {
	l := widget.NewList(func() int { return len(v.allXs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			m := widget.NewLabel("")
			m.Truncation = fyne.TextTruncateEllipsis
			m.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(l, m)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := v.allXs[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText("“" + present.Shorten(x.Quote, 120) + "”")
			box.Objects[1].(*widget.Label).SetText(v.titles[x.Document] + present.TagsText(x.Tags))
		})
	l.OnSelected = func(i widget.ListItemID) {
		if v.syncingXs || i >= len(v.allXs) {
			return
		}
		x := v.allXs[i]
		v.open(x.Document, x.Quote, x.Start)
		v.chooseExcerpt(x.ID)
	}
	return l
}

// buildReader lays out the reader: the document's title and description
// above its paragraphs.
func (v *View) buildReader() fyne.CanvasObject {
	v.docTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.docTitle.Wrapping = fyne.TextWrapWord
	v.docMeta = widget.NewLabel("")
	v.docMeta.Wrapping = fyne.TextWrapWord
	v.docMeta.SizeName = theme.SizeNameCaptionText
	v.paras = container.NewVBox()
	v.reader = container.NewVScroll(v.paras)
	return container.NewBorder(container.NewVBox(v.docTitle, v.docMeta), nil, nil, nil, v.reader)
}

// Content is what the view shows, for its tab.
func (v *View) Content() fyne.CanvasObject { return v.content }

// SearchField is the search field, which Find focuses.
func (v *View) SearchField() fyne.Focusable { return v.query }

// Reload reads the documents and excerpts again (another process may have
// changed them).
func (v *View) Reload() { v.reload() }

// RefreshExcerpts reads the excerpts again, as the tab is shown.
func (v *View) RefreshExcerpts() { v.refreshExcerpts() }

// ShowExcerpt shows the selected excerpt again: its citations may have
// changed (an undo, a link made elsewhere).
func (v *View) ShowExcerpt() { v.showExcerpt() }

// ImportDialog opens the dialog that imports documents.
func (v *View) ImportDialog() { v.importDialog() }

// reload reads the documents and excerpts again and opens the first
// document if none is open.
func (v *View) reload() {
	docs, err := v.sess.Workspace().Evidence().Documents()
	if err != nil {
		v.nav.ShowError("list the documents", err)
		return
	}
	v.docs = docs
	v.titles = map[string]string{}
	for _, d := range docs {
		v.titles[d.ID] = d.Title
	}
	v.docList.Refresh()
	v.refreshExcerpts()
	if v.doc.ID == "" && len(docs) > 0 {
		v.open(docs[0].ID, "", -1)
	}
}

// refreshExcerpts reads the excerpts again.
func (v *View) refreshExcerpts() {
	all, err := v.sess.Workspace().Evidence().Excerpts("")
	if err != nil {
		v.nav.ShowError("list the excerpts", err)
		return
	}
	v.allXs = all
	v.allXList.Refresh()
	if v.doc.ID != "" {
		v.loadDocExcerpts()
	}
}

// search runs the query and lists the passages found.
func (v *View) search() {
	q := strings.TrimSpace(v.query.Text)
	v.hitsBox.RemoveAll()
	v.hits, v.hitCards = nil, nil
	v.leftTabs.SelectIndex(0)
	if q == "" {
		v.found.SetText("Type words to find; \"quoted words\" find a phrase.")
		return
	}
	hits, err := v.sess.Workspace().Evidence().Search(q, maxHits)
	if err != nil {
		v.found.SetText(present.Capitalize(err.Error()))
		return
	}
	v.hits = hits
	switch len(hits) {
	case 0:
		v.found.SetText(fmt.Sprintf("No passage matches “%s”.", q))
	case maxHits:
		v.found.SetText(fmt.Sprintf("The %d best passages for “%s”. Select one to read it in its document.", maxHits, q))
	default:
		v.found.SetText(fmt.Sprintf("%s for “%s”, best first. Select one to read it in its document.", present.Plural(len(hits), "passage"), q))
	}
	for i, h := range hits {
		rt := widget.NewRichText(snippetSegments(h)...)
		rt.Wrapping = fyne.TextWrapWord
		idx := i
		c := kit.NewCard(rt, func() { v.openHit(idx) })
		v.hitCards = append(v.hitCards, c)
		v.hitsBox.Add(c)
	}
}

// snippetSegments turns a hit into rich text: the document title, then the
// snippet with the matched words in bold.
func snippetSegments(h evidence.Hit) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: h.Title + present.PageSuffix(h.Page), Style: widget.RichTextStyle{
			ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}},
	}
	var texts []widget.RichTextSegment
	// Markdown's bold marks are noise in a snippet.
	rest := strings.ReplaceAll(strings.Join(strings.Fields(h.Snippet), " "), "**", "")
	for rest != "" {
		i := strings.Index(rest, evidence.HighlightStart)
		if i < 0 {
			texts = append(texts, &widget.TextSegment{Text: rest, Style: widget.RichTextStyleInline})
			break
		}
		if i > 0 {
			texts = append(texts, &widget.TextSegment{Text: rest[:i], Style: widget.RichTextStyleInline})
		}
		rest = rest[i+len(evidence.HighlightStart):]
		j := strings.Index(rest, evidence.HighlightEnd)
		if j < 0 {
			j = len(rest)
		}
		texts = append(texts, &widget.TextSegment{Text: rest[:j], Style: widget.RichTextStyle{
			Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}})
		rest = strings.TrimPrefix(rest[j:], evidence.HighlightEnd)
	}
	return append(segs, texts...)
}

// openHit opens hit i in the reader.
func (v *View) openHit(i int) {
	if i >= len(v.hits) {
		return
	}
	for j, c := range v.hitCards {
		c.SetSelected(j == i)
	}
	h := v.hits[i]
	v.open(h.Document, h.Text, h.Start)
	v.quote.SetText(h.Text)
}

// open shows document id in the reader with the passage at start (of text
// passage; start < 0 for none) highlighted and scrolled to.
func (v *View) open(id, passage string, start int) {
	if id != v.doc.ID {
		d, err := v.sess.Workspace().Evidence().Document(id)
		if err != nil {
			v.nav.ShowError("open the document", err)
			return
		}
		v.doc = d
		v.buildParagraphs()
		v.docTitle.SetText(d.Title)
		v.docMeta.SetText(v.metaText(d))
		v.loadDocExcerpts()
		for i, dd := range v.docs {
			if dd.ID == id {
				v.docList.Select(i)
			}
		}
	}
	if start < 0 && passage != "" {
		start = strings.Index(v.doc.Body, passage)
	}
	v.passage = passage
	v.highlight(start, start+len(passage))
}

// metaText describes a document: where it comes from and how it is used.
func (v *View) metaText(d evidence.Document) string {
	var parts []string
	add := func(label, s string) {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, label+s)
		}
	}
	add("Publisher: ", d.Publisher)
	add("Date: ", d.Date)
	add("Kind: ", d.Kind)
	add("Topics: ", strings.Join(d.Topics, ", "))
	add("Address: ", d.URL)
	add("File: ", d.SourceFile)
	add("Id: ", d.ID)
	if d.Builtin {
		parts = append(parts, "shipped with Parley")
	} else {
		add("Imported: ", present.LocalTime(d.ImportedAt))
	}
	if cites, err := v.sess.Workspace().Evidence().DocumentCitations(d.ID); err == nil {
		parts = append(parts, present.QuotedBy(len(cites)))
	}
	return strings.Join(parts, " · ")
}

// buildParagraphs lays out the document's lines as paragraphs: plain text
// is selectable; in a Markdown document, a line with Markdown (a heading,
// a list item, bold or italic words, a link) is rendered as such rather
// than showing its "#" and "**".
func (v *View) buildParagraphs() {
	v.paras.RemoveAll()
	v.paraLabels, v.paraStart, v.paraEnd, v.paraBGs = nil, nil, nil, nil
	md := isMarkdown(v.doc)
	paged := strings.Contains(v.doc.Body, "\f")
	page := 0
	off := 0
	for _, line := range strings.SplitAfter(v.doc.Body, "\n") {
		start := off
		off += len(line)
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		var para fyne.CanvasObject
		if md && hasMarkdown(t) {
			para = markdownParagraph(t)
		} else {
			l := widget.NewLabel(t)
			l.Wrapping = fyne.TextWrapWord
			l.Selectable = true
			v.paraLabels = append(v.paraLabels, l)
			para = l
		}
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
		bg.CornerRadius = 4
		bg.Hide()
		from := start + strings.Index(line, t)
		v.paraStart = append(v.paraStart, from)
		v.paraEnd = append(v.paraEnd, from+len(t))
		v.paraBGs = append(v.paraBGs, bg)
		var obj fyne.CanvasObject = container.NewStack(bg, para)
		// A text with pages (a PDF's) shows where each page starts, above
		// the page's first paragraph.
		if p := v.doc.PageAt(from); paged && p > page {
			page = p
			obj = container.NewVBox(pageMarker(page), obj)
		}
		v.paras.Add(obj)
	}
	v.reader.ScrollToTop()
}

// pageMarker is the caption that starts page n of a text in the reader.
func pageMarker(n int) fyne.CanvasObject {
	l := widget.NewLabel(fmt.Sprintf("p. %d", n))
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignTrailing
	return l
}

// listItem matches the marker of a Markdown list item: "- ", "* ", "1. ".
var listItem = regexp.MustCompile(`^([-*+]|\d+[.)])\s+`)

// markdownParagraph renders one line of Markdown as wrapped rich text. A
// list item is drawn as its marker and its text rather than as Fyne's list
// segment, whose items do not wrap (a long item would widen the reader).
func markdownParagraph(line string) *widget.RichText {
	prefix := ""
	if m := listItem.FindStringSubmatch(line); m != nil {
		prefix = m[1]
		if !strings.ContainsAny(prefix, "0123456789") {
			prefix = "•"
		}
		line = line[len(m[0]):]
	}
	rt := widget.NewRichTextFromMarkdown(line)
	if prefix != "" {
		segs := []widget.RichTextSegment{&widget.TextSegment{Text: prefix + "  ", Style: widget.RichTextStyleInline}}
		rt.Segments = append(segs, rt.Segments...)
	}
	rt.Wrapping = fyne.TextWrapWord
	rt.Refresh()
	return rt
}

// isMarkdown reports whether a document is written in Markdown: a text
// file with headings, bold words or list items in Markdown (such as the
// built-in survey responses), or a file imported from Markdown.
func isMarkdown(d evidence.Document) bool {
	f := strings.ToLower(d.SourceFile)
	if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".markdown") {
		return true
	}
	n := 0
	for _, line := range strings.Split(d.Body, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") || strings.Contains(t, "**") {
			n++
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// markdownLine matches lines that Markdown renders differently from their
// text: headings, list items, quotes, emphasis, code and links.
var markdownLine = regexp.MustCompile(`^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)|\*\*|__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|` + "`" + `|\[[^\]]+\]\([^)]+\)`)

// hasMarkdown reports whether a line has Markdown in it.
func hasMarkdown(line string) bool { return markdownLine.MatchString(line) }

// highlight marks the paragraphs that overlap body[from:to] and scrolls to
// the first of them.
func (v *View) highlight(from, to int) {
	first := -1
	for i, bg := range v.paraBGs {
		s, e := v.paraStart[i], v.paraEnd[i]
		on := from >= 0 && to > from && s < to && e > from
		if on {
			bg.FillColor = theme.Color(theme.ColorNameSelection)
			bg.Show()
			if first < 0 {
				first = i
			}
		} else {
			bg.Hide()
		}
	}
	v.paras.Refresh()
	if first < 0 {
		return
	}
	// Lay out first so that positions are known, then scroll.
	v.reader.Refresh()
	y := v.paras.Objects[first].Position().Y - theme.Padding()
	v.reader.ScrollToOffset(fyne.NewPos(0, max(0, y)))
}

// selectedText returns the text selected in the reader, if any.
func (v *View) selectedText() string {
	for _, l := range v.paraLabels {
		if s := strings.TrimSpace(l.SelectedText()); s != "" {
			return s
		}
	}
	return ""
}
