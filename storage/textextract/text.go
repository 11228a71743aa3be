package textextract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extracted is a document's text and the metadata found in it.
type Extracted struct {
	Body                        string
	Title, Publisher, Date, URL string
}

// Plain returns the plain text of a .txt file: as is, with line ends
// normalised.
func Plain(data string) Extracted {
	return Extracted{Body: normaliseNewlines(data), Title: FirstLine(data)}
}

var (
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefDef   = regexp.MustCompile(`(?m)^\s{0,3}\[[^\]]+\]:\s+\S+.*$`)
	mdEmph     = regexp.MustCompile(`(\*\*|__|\*|_|~~)([^*_~\n]+?)(\*\*|__|\*|_|~~)`)
	mdCode     = regexp.MustCompile("`+([^`]*)`+")
	mdHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	mdQuote    = regexp.MustCompile(`(?m)^\s{0,3}>\s?`)
	mdList     = regexp.MustCompile(`(?m)^(\s*)(?:[-*+]|\d+[.)])\s+`)
	mdRule     = regexp.MustCompile(`(?m)^\s{0,3}([-*_]\s*){3,}$`)
	mdTableSep = regexp.MustCompile(`(?m)^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdFence    = regexp.MustCompile("(?m)^\\s{0,3}(```|~~~).*$")
	htmlTag    = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
	mdHeadLine = regexp.MustCompile(`(?m)^\s{0,3}#\s+(.+)$`)
)

// Markdown drops Markdown markup and keeps the text: headings, emphasis,
// links (their text), images (their alt text), code marks, quotes, list
// markers, rules and table pipes.
func Markdown(data string) Extracted {
	s := normaliseNewlines(data)
	title := ""
	if m := mdHeadLine.FindStringSubmatch(s); m != nil {
		title = strings.TrimSpace(m[1])
	}
	// Front matter: "title: ..." between --- lines.
	if strings.HasPrefix(s, "---\n") {
		if end := strings.Index(s[4:], "\n---"); end >= 0 {
			front := s[4 : 4+end]
			s = strings.TrimLeft(s[4+end+4:], "\n")
			for _, line := range strings.Split(front, "\n") {
				k, v, ok := strings.Cut(line, ":")
				if ok && strings.TrimSpace(k) == "title" {
					title = strings.Trim(strings.TrimSpace(v), `"'`)
				}
			}
		}
	}
	s = mdFence.ReplaceAllString(s, "")
	s = mdRefDef.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	for i := 0; i < 2; i++ { // nested emphasis such as ***x***
		s = mdEmph.ReplaceAllString(s, "$2")
	}
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdTableSep.ReplaceAllString(s, "")
	s = mdRule.ReplaceAllString(s, "")
	s = mdList.ReplaceAllString(s, "$1• ")
	s = htmlTag.ReplaceAllString(s, "")
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "|") || strings.HasSuffix(t, "|") {
			cells := strings.Split(strings.Trim(t, "|"), "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			line = strings.Join(cells, " · ")
		}
		lines = append(lines, strings.TrimRight(line, " \t"))
	}
	s = collapseBlankLines(strings.Join(lines, "\n"))
	if title == "" {
		title = FirstLine(s)
	}
	return Extracted{Body: s, Title: title}
}

// blockElements end a line of text in HTML.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Figcaption: true, atom.Main: true,
}

// skippedElements hold no readable text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Button: true, atom.Form: true,
}

// HTML returns the readable text of an HTML page, with paragraphs on
// their own lines, and the title, publisher, date and address from its
// <title>, <meta> and <link rel=canonical> tags.
func HTML(data string) Extracted {
	var r htmlReader
	z := html.NewTokenizer(strings.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF or a read error: what was read is the page
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			r.start(tok, tt == html.StartTagToken)
		case html.EndTagToken:
			r.end(tok)
		case html.TextToken:
			r.text(tok.Data)
		}
	}
	return r.finish()
}

// htmlReader is the state of HTML as it reads a page's tokens.
type htmlReader struct {
	out     Extracted
	body    strings.Builder
	skip    int // depth inside skipped elements
	inTitle bool
	inH1    bool
	h1      string // the first h1's text
}

// start reads a start tag (open: not self-closing).
func (r *htmlReader) start(tok html.Token, open bool) {
	switch {
	case skippedElements[tok.DataAtom]:
		if open {
			r.skip++
		}
	case tok.DataAtom == atom.Title:
		r.inTitle = open
	case tok.DataAtom == atom.H1:
		r.inH1 = open
		r.body.WriteString("\n")
	case tok.DataAtom == atom.Meta:
		readMeta(tok, &r.out)
	case tok.DataAtom == atom.Link:
		if attr(tok, "rel") == "canonical" && r.out.URL == "" {
			r.out.URL = attr(tok, "href")
		}
	case blockElements[tok.DataAtom]:
		r.body.WriteString("\n")
	case tok.DataAtom == atom.Td || tok.DataAtom == atom.Th:
		r.body.WriteString(" · ")
	case tok.DataAtom == atom.Img:
		if alt := strings.TrimSpace(attr(tok, "alt")); alt != "" && r.skip == 0 {
			r.body.WriteString(alt)
		}
	}
}

// end reads an end tag.
func (r *htmlReader) end(tok html.Token) {
	switch {
	case skippedElements[tok.DataAtom]:
		if r.skip > 0 {
			r.skip--
		}
	case tok.DataAtom == atom.Title:
		r.inTitle = false
	case tok.DataAtom == atom.H1:
		r.inH1 = false
		r.body.WriteString("\n")
	case blockElements[tok.DataAtom]:
		r.body.WriteString("\n")
	}
}

// text reads a text token.
func (r *htmlReader) text(text string) {
	if r.inTitle {
		if r.out.Title == "" {
			r.out.Title = strings.TrimSpace(collapseSpace(text))
		}
		return
	}
	if r.skip > 0 {
		return
	}
	if r.inH1 && r.h1 == "" {
		r.h1 = strings.TrimSpace(collapseSpace(text))
	}
	r.body.WriteString(collapseSpace(text))
}

// finish returns the page read: its lines trimmed, blank runs collapsed,
// titled by its <title>, else its first h1, else its first line.
func (r *htmlReader) finish() Extracted {
	out := r.out
	var lines []string
	for _, line := range strings.Split(r.body.String(), "\n") {
		line = strings.TrimSpace(line)
		line = strings.Trim(line, "· ")
		lines = append(lines, line)
	}
	out.Body = collapseBlankLines(strings.Join(lines, "\n"))
	if out.Title == "" {
		out.Title = r.h1
	}
	if out.Title == "" {
		out.Title = FirstLine(out.Body)
	}
	return out
}

func readMeta(tok html.Token, out *Extracted) {
	key := strings.ToLower(attr(tok, "property"))
	if key == "" {
		key = strings.ToLower(attr(tok, "name"))
	}
	if key == "" {
		key = strings.ToLower(attr(tok, "itemprop"))
	}
	v := strings.TrimSpace(attr(tok, "content"))
	if v == "" {
		return
	}
	switch key {
	case "og:title", "twitter:title", "dc.title", "citation_title":
		if out.Title == "" {
			out.Title = v
		}
	case "og:site_name", "publisher", "dc.publisher", "citation_publisher", "article:publisher", "author", "dc.creator":
		if out.Publisher == "" && !strings.HasPrefix(v, "http") {
			out.Publisher = v
		}
	case "article:published_time", "date", "dc.date", "citation_publication_date", "datepublished", "pubdate", "publish-date":
		if out.Date == "" {
			out.Date = isoDatePrefix(v)
		}
	case "og:url":
		if out.URL == "" {
			out.URL = v
		}
	}
}

func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, name) {
			return a.Val
		}
	}
	return ""
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?`)

// isoDatePrefix keeps the YYYY[-MM[-DD]] start of a date-time value.
func isoDatePrefix(v string) string {
	return isoDate.FindString(strings.TrimSpace(v))
}

func normaliseNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

func collapseBlankLines(s string) string {
	return strings.TrimSpace(blankRuns.ReplaceAllString(s, "\n\n"))
}

// FirstLine returns the first non-empty line of s, shortened to 120 characters.
func FirstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			if utf8.RuneCountInString(t) > 120 {
				r := []rune(t)
				t = strings.TrimSpace(string(r[:119])) + "…"
			}
			return t
		}
	}
	return ""
}

// Passage is a span of a document's body: the unit of full-text search.
type Passage struct {
	Ordinal int
	Start   int // byte offset in the body
	Text    string
}

// Passage sizes, in bytes: no passage is longer than PassageMax.
const (
	passageMin = 300
	PassageMax = 1200
	passageCut = 800
)

// Passages cuts a body into passages: paragraphs (lines), short ones
// joined up to passageMin bytes, long ones cut at a sentence end near
// passageCut bytes. Every passage is an exact span of the body.
func Passages(body string) []Passage {
	var out []Passage
	start, end := -1, -1
	flush := func() {
		if start >= 0 && end > start {
			out = append(out, spans(body, start, end)...)
		}
		start, end = -1, -1
	}
	off := 0
	for _, line := range strings.SplitAfter(body, "\n") {
		lineStart := off
		off += len(line)
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		s := lineStart + strings.Index(line, t)
		e := s + len(t)
		if start < 0 {
			start = s
		}
		end = e
		if end-start >= passageMin {
			flush()
		}
	}
	flush()
	for i := range out {
		out[i].Ordinal = i
	}
	return out
}

// spans cuts body[start:end] into passages no longer than PassageMax.
func spans(body string, start, end int) []Passage {
	var out []Passage
	for end-start > PassageMax {
		cut := sentenceEnd(body[start:end], passageCut)
		// Trimmed, with Start moved past the white space trimmed in front
		// (a no-break space, say): the passage stays an exact span.
		seg := body[start : start+cut]
		lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		if text := strings.TrimRightFunc(seg[lead:], unicode.IsSpace); text != "" {
			out = append(out, Passage{Start: start + lead, Text: text})
		}
		start += cut
		for start < end && (body[start] == ' ' || body[start] == '\n' || body[start] == '\t') {
			start++
		}
	}
	if end > start {
		out = append(out, Passage{Start: start, Text: body[start:end]})
	}
	return out
}

// sentenceEnd returns where to cut s near n: after the last sentence end
// before n+200, else at a space, else at a rune boundary.
func sentenceEnd(s string, n int) int {
	limit := min(len(s), n+200)
	best := -1
	for _, sep := range []string{". ", "? ", "! ", ".\n"} {
		if i := strings.LastIndex(s[:limit], sep); i > n/2 && i+1 > best {
			best = i + 1
		}
	}
	if best > 0 {
		return best
	}
	if i := strings.LastIndexByte(s[:limit], ' '); i > 0 {
		return i
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return limit
}

// StripBOM removes a UTF-8 byte order mark.
func StripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\uFEFF")) }
