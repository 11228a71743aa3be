// Package sqlscan reads the rows of a query one by one, closing them and
// returning the first error, the iteration's included, and scans the
// workspace's timestamp columns.
package sqlscan

import (
	"context"
	"database/sql"
)

// Querier runs a query: a *sql.DB, *sql.Conn or *sql.Tx. Code that reads
// takes one, so that a caller can pass the transaction in which it reads
// everything else, and what it reads is one state of the workspace.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Query runs query on q and calls fn for each row with the row's Scan.
func Query(ctx context.Context, q Querier, query string, fn func(scan func(...any) error) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	return Rows(rows, fn)
}

// Rows calls fn for each row, closes rows and returns the first error,
// the iteration's included (rows.Err).
func Rows(rows *sql.Rows, fn func(scan func(...any) error) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
