package storage

import (
	"context"
	"database/sql"
	"time"

	"parley/storage/evidence"
	"parley/storage/textextract"
)

// Evidence returns the workspace's evidence library: its documents,
// excerpts and full-text search.
func (w *Workspace) Evidence() *evidence.Library { return evidence.New(evidenceStore{w}) }

// evidenceStore is the workspace as the evidence library reads and writes it.
type evidenceStore struct{ w *Workspace }

func (s evidenceStore) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.w.db.QueryContext(ctx, query, args...)
}

func (s evidenceStore) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return s.w.db.QueryRowContext(ctx, query, args...)
}

func (s evidenceStore) Write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.w.write(ctx, fn)
}

func (s evidenceStore) Now() time.Time    { return s.w.now() }
func (s evidenceStore) Timestamp() string { return s.w.timestamp() }

func (s evidenceStore) ReadPDF(data []byte) (textextract.PDFText, error) { return s.w.pdf.Read(data) }

func (s evidenceStore) RefuseLive(path string) error { return refuseLive(path) }
func (s evidenceStore) NotFound() error              { return ErrNotFound }
func (s evidenceStore) Exists() error                { return ErrExists }
