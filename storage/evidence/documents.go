package evidence

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"parley/storage/sqlscan"
	"parley/storage/textextract"
)

// MaxDocumentSize bounds an imported document file (20 MiB).
const MaxDocumentSize = 20 << 20

// Document is an evidence document of the library.
type Document struct {
	ID         string
	Title      string
	Publisher  string
	Date       string // ISO date, or YYYY-MM / YYYY, possibly "(inferred)"
	Kind       string // news, memo, survey responses, analysis...
	URL        string
	Topics     []string
	SourceFile string // the file it was imported from
	Builtin    bool   // shipped with Parley
	ImportedAt time.Time
	Body       string // the text; empty in lists
	Excerpts   int    // saved excerpts (in lists)
	Citations  int    // measures that quote it (in lists)
}

// DocumentMeta is metadata given by the user when importing; non-empty
// fields replace what is found in the file.
type DocumentMeta struct {
	Title, Publisher, Date, Kind, URL string
}

var metaDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// ImportDocument imports a .txt, .md, .html or .pdf file into the evidence
// library: its text is extracted (markup dropped; a PDF's text page by page,
// each passage keeping its page), split into passages and indexed for
// full-text search. A file that is not UTF-8 text, is empty, a PDF without a
// text layer (scanned), encrypted or unreadable, or is already in the
// library is refused (errBadDocument, l.s.Exists()) and nothing is written.
func (l *Library) ImportDocument(path string, meta DocumentMeta) (Document, error) {
	if err := l.s.RefuseLive(path); err != nil {
		return Document{}, fmt.Errorf("import %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return Document{}, fmt.Errorf("import %s: %w: %v", path, errBadDocument, err)
	}
	if !info.Mode().IsRegular() {
		// A FIFO would block the import for ever, a device never end.
		return Document{}, fmt.Errorf("import %s: %w: not a regular file", path, errBadDocument)
	}
	if info.Size() > MaxDocumentSize {
		return Document{}, fmt.Errorf("import %s: %w: larger than %d MiB", path, errBadDocument, MaxDocumentSize>>20)
	}
	data, err := readLimited(path, MaxDocumentSize)
	if err != nil {
		return Document{}, fmt.Errorf("import %s: %w: %v", path, errBadDocument, err)
	}
	doc, err := l.ImportDocumentData(filepath.Base(path), data, meta)
	if err != nil {
		return Document{}, fmt.Errorf("import %s: %w", path, err)
	}
	return doc, nil
}

// readLimited reads the file at path, at most limit+1 bytes: a file that
// grows while it is read is still bounded.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// prepareDocument checks a document file's name and contents and extracts
// its text and metadata, without touching the workspace: all of an import
// but the writing (FuzzPrepareDocument runs it on arbitrary bytes). The text
// is UTF-8 (a UTF-16 file with its byte order mark is converted) without NUL
// bytes; each piece of metadata is one line without control characters,
// and a date is a real date.
func prepareDocument(name string, data []byte, meta DocumentMeta, readPDF func([]byte) (textextract.PDFText, error)) (Document, textextract.Extracted, error) {
	if len(data) > MaxDocumentSize {
		return Document{}, textextract.Extracted{}, fmt.Errorf("%w: larger than %d MiB", errBadDocument, MaxDocumentSize>>20)
	}
	ex, err := textextract.Extract(name, data, readPDF)
	if err != nil {
		return Document{}, textextract.Extracted{}, err
	}
	return documentOf(name, ex, meta)
}

// documentOf checks the text and metadata extracted from a document file
// and returns the document to store.
func documentOf(name string, ex textextract.Extracted, meta DocumentMeta) (Document, textextract.Extracted, error) {
	if strings.TrimSpace(ex.Body) == "" {
		return Document{}, textextract.Extracted{}, fmt.Errorf("%w: %s has no text", errBadDocument, name)
	}
	if !validDocumentDate(meta.Date) {
		return Document{}, textextract.Extracted{}, fmt.Errorf("%w: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", errInvalid, meta.Date)
	}
	if !validDocumentDate(ex.Date) {
		ex.Date = "" // a page's own date that is no date: none
	}
	doc := Document{
		Title:      metaText(meta.Title, ex.Title, strings.TrimSuffix(name, filepath.Ext(name))),
		Publisher:  metaText(meta.Publisher, ex.Publisher),
		Date:       firstNonEmpty(meta.Date, ex.Date),
		Kind:       metaText(meta.Kind, "imported"),
		URL:        metaText(meta.URL, ex.URL),
		SourceFile: metaText(name),
		Topics:     []string{},
	}
	return doc, ex, nil
}

// metaText is firstNonEmpty of vals made one line of text: line breaks,
// tabs and other runs of white space become one space, and control
// characters (escape sequences) are dropped.
func metaText(vals ...string) string {
	for i, v := range vals {
		vals[i] = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && !unicode.IsSpace(r) {
				return -1
			}
			return r
		}, v)), " ")
	}
	return firstNonEmpty(vals...)
}

// validDocumentDate reports whether s is empty or a date of the form
// YYYY-MM-DD, YYYY-MM or YYYY that exists (no month 13, no 30 February).
func validDocumentDate(s string) bool {
	if s == "" {
		return true
	}
	if !metaDate.MatchString(s) {
		return false
	}
	layout := "2006-01-02"
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// DuplicateQuery finds a stored document with the same text: by the hash
// of the text (indexed), then the text itself. (The workspace's test of
// query plans checks that it uses the index.)
const DuplicateQuery = "SELECT id FROM documents WHERE body_sha256 = ? AND body = ?"

// ImportDocumentData is ImportDocument on a file's name and contents.
func (l *Library) ImportDocumentData(name string, data []byte, meta DocumentMeta) (Document, error) {
	doc, ex, err := prepareDocument(name, data, meta, l.s.ReadPDF)
	if err != nil {
		return Document{}, err
	}
	full := BodyHash(ex.Body)
	hash := full[:16]
	err = l.s.Write(context.Background(), func(tx *sql.Tx) error {
		// The index on body_sha256 finds a duplicate without reading
		// the other texts; comparing the text too rules out a collision.
		var existing string
		err := tx.QueryRow(DuplicateQuery, full, ex.Body).Scan(&existing)
		if err == nil {
			return fmt.Errorf("%w: %s is already in the library as %s", l.s.Exists(), name, existing)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
			return err
		}
		for {
			doc.ID = fmt.Sprintf("%03d_%s", n, hash)
			var taken int
			if err := tx.QueryRow("SELECT count(*) FROM documents WHERE substr(id, 1, 4) = ?", fmt.Sprintf("%03d_", n)).Scan(&taken); err != nil {
				return err
			}
			if taken == 0 {
				break
			}
			n++
		}
		return InsertDocument(tx, &doc, ex.Body, l.s.Timestamp())
	})
	if err != nil {
		return Document{}, err
	}
	doc.Body = ex.Body
	return doc, nil
}

// PageAt returns the page of byte offset off of the document's body: for a
// text with pages (a PDF's, pages separated by form feeds) 1 plus the page
// breaks before it, else 0.
func (d Document) PageAt(off int) int { return textextract.PageAt(d.Body, off) }

// PageOfQuote returns the page where quote first appears in the document's
// body, 0 when the text has no pages or does not hold it.
func (d Document) PageOfQuote(quote string) int {
	i := strings.Index(d.Body, quote)
	if i < 0 {
		return 0
	}
	return d.PageAt(i)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if t := strings.TrimSpace(v); t != "" {
			return t
		}
	}
	return ""
}

// BodyHash is the hex SHA-256 of a document's text, kept with it
// (documents.body_sha256) for the duplicate check on import.
func BodyHash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// insertDocument stores a document with its passages (each with its page,
// for a text with page breaks) and search index.
func InsertDocument(tx *sql.Tx, d *Document, body, now string) error {
	topics, err := json.Marshal(nonNil(d.Topics))
	if err != nil {
		return err
	}
	d.ImportedAt = sqlscan.ParseStamp(now)
	if _, err := tx.Exec(`INSERT INTO documents (id, title, publisher, date, kind, url, topics, source_file, body, body_sha256, builtin, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.ID, d.Title, d.Publisher, d.Date, d.Kind, d.URL, string(topics),
		d.SourceFile, body, BodyHash(body), d.Builtin, now); err != nil {
		return err
	}
	for _, p := range textextract.Passages(body) {
		var page any // NULL: a text without pages
		if n := textextract.PageAt(body, p.Start); n > 0 {
			page = n
		}
		res, err := tx.Exec("INSERT INTO passages (document, ordinal, start, text, page) VALUES (?, ?, ?, ?, ?)", d.ID, p.Ordinal, p.Start, p.Text, page)
		if err != nil {
			return err
		}
		rowID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)", rowID, d.Title, p.Text); err != nil {
			return err
		}
	}
	return nil
}

// DocumentColumns are the columns of a document (alias d) that lists read
// (exported for the workspace's test of query plans).
const DocumentColumns = `d.id, d.title, d.publisher, d.date, d.kind, d.url, d.topics, d.source_file, d.builtin, d.imported_at`

func scanDocument(scan func(...any) error, extra ...any) (Document, error) {
	var d Document
	var topics string
	dest := append([]any{&d.ID, &d.Title, &d.Publisher, &d.Date, &d.Kind, &d.URL, &topics, &d.SourceFile, &d.Builtin, sqlscan.Time(&d.ImportedAt)}, extra...)
	if err := scan(dest...); err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(topics), &d.Topics); err != nil {
		return d, fmt.Errorf("document %s: topics: %w", d.ID, err)
	}
	return d, nil
}

// Documents lists the library's documents (without their text), in id order,
// with how many excerpts and measures refer to each.
func (l *Library) Documents() ([]Document, error) {
	var out []Document
	err := l.scanAll(context.Background(), `SELECT `+DocumentColumns+`,
		(SELECT count(*) FROM excerpts x WHERE x.document = d.id),
		(SELECT count(DISTINCT e.measure) FROM measure_evidence e WHERE e.document = d.id)
		FROM documents d ORDER BY d.id`, func(scan func(...any) error) error {
		var excerpts, citations int
		d, err := scanDocument(scan, &excerpts, &citations)
		if err != nil {
			return err
		}
		d.Excerpts, d.Citations = excerpts, citations
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// Document returns a document with its text.
func (l *Library) Document(id string) (Document, error) {
	row := l.s.QueryRow(context.Background(), `SELECT `+DocumentColumns+`, d.body FROM documents d WHERE d.id = ?`, id)
	var body string
	d, err := scanDocument(row.Scan, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, fmt.Errorf("%w: no document %q", l.s.NotFound(), id)
	}
	if err != nil {
		return Document{}, fmt.Errorf("read document %s: %w", id, err)
	}
	d.Body = body
	return d, nil
}

// DeleteDocument removes an imported document with its excerpts. A document
// that measures quote cannot be removed (errInvalid).
func (l *Library) DeleteDocument(id string) error {
	return l.s.Write(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM measure_evidence WHERE document = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: document %s is quoted by %d measure(s); remove those quotes first", errInvalid, id, n)
		}
		res, err := tx.Exec("DELETE FROM documents WHERE id = ?", id)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return fmt.Errorf("%w: no document %q", l.s.NotFound(), id)
		}
		return nil
	})
}
