package evidence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"parley/scenarios"
	"parley/storage/sqlscan"
)

// Tag kinds of excerpts.
const (
	TagSector  = "sector"
	TagMeasure = "measure"
	TagStance  = "stance"
	TagTopic   = "topic"
)

// Tag labels an excerpt with a sector, a measure, a stance or a topic.
type Tag struct {
	Kind  string
	Value string
}

// Excerpt is a passage of a document saved as evidence.
type Excerpt struct {
	ID       int64
	Document string
	Start    int // byte offset of the quote in the document's body, -1 if unknown
	Quote    string
	Note     string
	Tags     []Tag
	Created  time.Time
}

// Citation is a measure that quotes an excerpt or a document.
type Citation struct {
	Scenario     string // scenario id
	ScenarioName string
	Measure      string // measure id within the scenario
	Label        string
}

// SaveExcerpt stores a new excerpt and returns its id. The quote must occur in
// its document (white space, case and quote style ignored).
func (l *Library) SaveExcerpt(x Excerpt) (int64, error) {
	if strings.TrimSpace(x.Quote) == "" {
		return 0, fmt.Errorf("%w: an excerpt needs a quote", errInvalid)
	}
	doc, err := l.Document(x.Document)
	if err != nil {
		return 0, err
	}
	if !scenarios.QuoteIn(x.Quote, doc.Body) {
		return 0, fmt.Errorf("%w: quote not found in document %s", errInvalid, x.Document)
	}
	if x.Start < 0 || x.Start > len(doc.Body) {
		x.Start = -1
	}
	for _, t := range x.Tags {
		if err := checkTag(t); err != nil {
			return 0, err
		}
	}
	var id int64
	err = l.s.Write(context.Background(), func(tx *sql.Tx) error {
		res, err := tx.Exec("INSERT INTO excerpts (document, start, quote, note, created_at) VALUES (?, ?, ?, ?, ?)",
			x.Document, x.Start, strings.TrimSpace(x.Quote), x.Note, l.s.Timestamp())
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertTags(tx, id, x.Tags)
	})
	if err != nil {
		return 0, fmt.Errorf("save excerpt: %w", err)
	}
	return id, nil
}

func checkTag(t Tag) error {
	switch t.Kind {
	case TagSector, TagMeasure, TagStance, TagTopic:
	default:
		return fmt.Errorf("%w: tag kind %q is not sector, measure, stance or topic", errInvalid, t.Kind)
	}
	if strings.TrimSpace(t.Value) == "" {
		return fmt.Errorf("%w: empty %s tag", errInvalid, t.Kind)
	}
	return nil
}

func insertTags(tx *sql.Tx, id int64, tags []Tag) error {
	for _, t := range tags {
		if _, err := tx.Exec("INSERT OR IGNORE INTO excerpt_tags (excerpt, kind, value) VALUES (?, ?, ?)", id, t.Kind, strings.TrimSpace(t.Value)); err != nil {
			return err
		}
	}
	return nil
}

// UpdateExcerpt replaces an excerpt's note and tags.
func (l *Library) UpdateExcerpt(id int64, note string, tags []Tag) error {
	for _, t := range tags {
		if err := checkTag(t); err != nil {
			return err
		}
	}
	return l.s.Write(context.Background(), func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE excerpts SET note = ? WHERE id = ?", note, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: no excerpt %d", l.s.NotFound(), id)
		}
		if _, err := tx.Exec("DELETE FROM excerpt_tags WHERE excerpt = ?", id); err != nil {
			return err
		}
		return insertTags(tx, id, tags)
	})
}

// DeleteExcerpt removes an excerpt; measures that quote it keep their quote.
func (l *Library) DeleteExcerpt(id int64) error {
	return l.s.Write(context.Background(), func(tx *sql.Tx) error {
		res, err := tx.Exec("DELETE FROM excerpts WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: no excerpt %d", l.s.NotFound(), id)
		}
		return nil
	})
}

// Excerpts lists the excerpts of a document, or of all documents when
// document is empty, newest first.
func (l *Library) Excerpts(document string) ([]Excerpt, error) {
	ctx := context.Background()
	var out []Excerpt
	index := map[int64]int{}
	q := "SELECT id, document, start, quote, note, created_at FROM excerpts"
	var args []any
	if document != "" {
		q += " WHERE document = ?"
		args = append(args, document)
	}
	err := l.scanAll(ctx, q+" ORDER BY id DESC", func(scan func(...any) error) error {
		var x Excerpt
		if err := scan(&x.ID, &x.Document, &x.Start, &x.Quote, &x.Note, sqlscan.Time(&x.Created)); err != nil {
			return err
		}
		index[x.ID] = len(out)
		out = append(out, x)
		return nil
	}, args...)
	if err != nil {
		return nil, fmt.Errorf("list excerpts: %w", err)
	}
	err = l.scanAll(ctx, "SELECT excerpt, kind, value FROM excerpt_tags ORDER BY excerpt, kind, value", func(scan func(...any) error) error {
		var id int64
		var t Tag
		if err := scan(&id, &t.Kind, &t.Value); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Tags = append(out[i].Tags, t)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list excerpt tags: %w", err)
	}
	return out, nil
}

// Excerpt returns one excerpt.
func (l *Library) Excerpt(id int64) (Excerpt, error) {
	var x Excerpt
	err := l.s.QueryRow(context.Background(), "SELECT id, document, start, quote, note, created_at FROM excerpts WHERE id = ?", id).Scan(
		&x.ID, &x.Document, &x.Start, &x.Quote, &x.Note, sqlscan.Time(&x.Created))
	if errors.Is(err, sql.ErrNoRows) {
		return x, fmt.Errorf("%w: no excerpt %d", l.s.NotFound(), id)
	}
	if err != nil {
		return x, err
	}
	err = l.scanAll(context.Background(), "SELECT kind, value FROM excerpt_tags WHERE excerpt = ? ORDER BY kind, value", func(scan func(...any) error) error {
		var t Tag
		if err := scan(&t.Kind, &t.Value); err != nil {
			return err
		}
		x.Tags = append(x.Tags, t)
		return nil
	}, id)
	return x, err
}

// ExcerptCitations lists the measures that cite an excerpt: those linked to
// it, and those that quote the same passage of the same document.
func (l *Library) ExcerptCitations(id int64) ([]Citation, error) {
	x, err := l.Excerpt(id)
	if err != nil {
		return nil, err
	}
	var out []Citation
	seen := map[[2]string]bool{}
	want := scenarios.NormalizeText(x.Quote)
	err = l.scanAll(context.Background(), `
		SELECT s.id, s.name, m.key, m.label, coalesce(e.excerpt, 0), e.quote
		FROM measure_evidence e JOIN measures m ON m.id = e.measure JOIN scenarios s ON s.id = m.scenario
		WHERE e.excerpt = ? OR e.document = ?
		ORDER BY s.position, m.position`, func(scan func(...any) error) error {
		var c Citation
		var excerpt int64
		var quote string
		if err := scan(&c.Scenario, &c.ScenarioName, &c.Measure, &c.Label, &excerpt, &quote); err != nil {
			return err
		}
		if excerpt != id && scenarios.NormalizeText(quote) != want {
			return nil
		}
		key := [2]string{c.Scenario, c.Measure}
		if !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
		return nil
	}, id, x.Document)
	if err != nil {
		return nil, fmt.Errorf("citations of excerpt %d: %w", id, err)
	}
	return out, nil
}

// DocumentCitations lists the measures that quote a document.
func (l *Library) DocumentCitations(document string) ([]Citation, error) {
	var out []Citation
	err := l.scanAll(context.Background(), `
		SELECT DISTINCT s.id, s.name, m.key, m.label, s.position, m.position
		FROM measure_evidence e JOIN measures m ON m.id = e.measure JOIN scenarios s ON s.id = m.scenario
		WHERE e.document = ? ORDER BY s.position, m.position`, func(scan func(...any) error) error {
		var c Citation
		var sp, mp int
		if err := scan(&c.Scenario, &c.ScenarioName, &c.Measure, &c.Label, &sp, &mp); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}, document)
	if err != nil {
		return nil, fmt.Errorf("citations of document %s: %w", document, err)
	}
	return out, nil
}
