package evidence

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// Markers around the matched words of a snippet.
const (
	HighlightStart = "\x02"
	HighlightEnd   = "\x03"
)

// Hit is one passage found by Search.
type Hit struct {
	Document string  // document id
	Title    string  // document title
	Passage  int     // ordinal of the passage in its document
	Start    int     // byte offset of the passage in the document's body
	Page     int     // page of the passage in a paginated text (a PDF's), 0 for none
	Text     string  // the whole passage
	Snippet  string  // part of the passage, matches between HighlightStart and HighlightEnd
	Score    float64 // relevance, higher is better
}

// Search finds the passages that hold every word of the query (words in
// double quotes must appear as a phrase), best first: first in the passages'
// own text, then counting the document's title too; when no passage holds
// them all, passages that hold any of them. Words are matched after stemming
// ("tariffs" finds "tariff").
func (l *Library) Search(query string, limit int) ([]Hit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil, fmt.Errorf("%w: the search has no words", errInvalid)
	}
	if limit <= 0 {
		limit = 20
	}
	all := strings.Join(terms, " AND ")
	tries := []string{"text : (" + all + ")", all}
	if len(terms) > 1 {
		tries = append(tries, "text : ("+strings.Join(terms, " OR ")+")")
	}
	for _, match := range tries {
		hits, err := l.search(match, limit)
		if err != nil || len(hits) > 0 {
			return hits, err
		}
	}
	return nil, nil
}

func (l *Library) search(match string, limit int) ([]Hit, error) {
	var hits []Hit
	err := l.scanAll(context.Background(), `
		SELECT p.document, d.title, p.ordinal, p.start, coalesce(p.page, 0), p.text,
		       snippet(passages_fts, 1, ?, ?, '…', 40), bm25(passages_fts, 0.5, 1.0) AS rank
		FROM passages_fts
		JOIN passages p ON p.id = passages_fts.rowid
		JOIN documents d ON d.id = p.document
		WHERE passages_fts MATCH ?
		ORDER BY rank, p.document, p.ordinal
		LIMIT ?`, func(scan func(...any) error) error {
		var h Hit
		var rank float64
		if err := scan(&h.Document, &h.Title, &h.Passage, &h.Start, &h.Page, &h.Text, &h.Snippet, &rank); err != nil {
			return err
		}
		h.Score = -rank
		hits = append(hits, h)
		return nil
	}, HighlightStart, HighlightEnd, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", match, err)
	}
	return hits, nil
}

// queryTerms turns user text into FTS5 terms: each word, or each phrase in
// double quotes, quoted so that no character has a query-syntax meaning.
func queryTerms(q string) []string {
	var terms []string
	q = strings.NewReplacer("“", `"`, "”", `"`).Replace(q)
	inPhrase := false
	for i, part := range strings.Split(q, `"`) {
		inPhrase = i%2 == 1
		words := strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if len(words) == 0 {
			continue
		}
		if inPhrase {
			terms = append(terms, `"`+strings.Join(words, " ")+`"`)
			continue
		}
		for _, wd := range words {
			terms = append(terms, `"`+wd+`"`)
		}
	}
	return terms
}
