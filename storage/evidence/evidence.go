// Package evidence is the workspace's evidence library: the documents
// imported (text, Markdown, HTML, PDF) with their passages and full-text
// index, the excerpts saved from them, and the measures that cite them. It
// reads and writes the workspace's tables through the Store the workspace
// gives (storage.Workspace.Evidence).
package evidence

import (
	"context"
	"database/sql"
	"time"

	"parley/storage/atomicfile"
	"parley/storage/sqlscan"
	"parley/storage/textextract"
)

// The workspace's errors of bad input that the library returns as they are
// (storage.ErrBadDocument and storage.ErrInvalid are these same errors).
var (
	errBadDocument = textextract.ErrBadDocument
	errInvalid     = atomicfile.ErrInvalid
)

// Store is what the library needs of the workspace.
type Store interface {
	// Query and QueryRow read the workspace.
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	// Write runs fn in one transaction with the workspace's busy retry;
	// a read-only workspace's refusal and SQLite's busy and read-only
	// errors come back as the workspace's ErrReadOnly and ErrBusy.
	Write(ctx context.Context, fn func(tx *sql.Tx) error) error
	// Now is the workspace's clock; Timestamp formats it for the database.
	Now() time.Time
	Timestamp() string
	// ReadPDF extracts the text of a PDF file.
	ReadPDF(data []byte) (textextract.PDFText, error)
	// RefuseLive refuses to import a workspace open in this process.
	RefuseLive(path string) error
	// NotFound and Exists are the workspace's ErrNotFound and ErrExists,
	// which the library wraps.
	NotFound() error
	Exists() error
}

// Library is the evidence library of a workspace.
type Library struct{ s Store }

// New returns the evidence library kept in s.
func New(s Store) *Library { return &Library{s: s} }

// scanAll runs a query and calls fn for each row with the row's Scan.
func (l *Library) scanAll(ctx context.Context, query string, fn func(scan func(...any) error) error, args ...any) error {
	rows, err := l.s.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	return sqlscan.Rows(rows, fn)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
