package storage

import (
	"context"
	"database/sql"
	"io"
	"time"

	"parley/scenarios"
	"parley/storage/datasets"
)

// TradeData returns the user's trade datasets of the workspace: import,
// list, rename, delete and export them.
func (w *Workspace) TradeData() *datasets.Datasets { return datasets.New(datasetsStore{w}) }

// datasetsStore is the workspace as the datasets package sees it.
type datasetsStore struct{ w *Workspace }

func (s datasetsStore) DB() *sql.DB          { return s.w.db }
func (s datasetsStore) CheckWritable() error { return s.w.CheckWritable() }
func (s datasetsStore) Now() time.Time       { return s.w.now() }
func (s datasetsStore) Timestamp() string    { return s.w.timestamp() }

func (s datasetsStore) Write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.w.write(ctx, fn)
}

func (s datasetsStore) Chapters(ctx context.Context) (map[string]string, error) {
	r, err := s.w.refs(ctx)
	if err != nil {
		return nil, err
	}
	return r.chapter, nil
}

func (s datasetsStore) BuiltinBaseline(ctx context.Context, year int, d scenarios.Direction) (float64, string, error) {
	return s.w.builtinBaseline(ctx, year, d)
}

func (s datasetsStore) WriteFile(path string, write func(io.Writer) error) error {
	return WriteFileAtomic(path, write)
}
