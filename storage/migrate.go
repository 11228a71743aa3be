package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps, in order: migrations[i] takes the schema
// from version i to i+1. Open applies the ones a workspace lacks, with the
// defaults, in one transaction.
var migrations = mustMigrations()

func mustMigrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	steps := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			panic(err)
		}
		steps[i] = string(b)
	}
	return steps
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// queryer is what reads the workspace: the database or a transaction.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// workspaceState returns the schema version of the workspace and the
// version of the defaults loaded into it (0 for none).
func workspaceState(ctx context.Context, q queryer) (version, loaded int, err error) {
	if version, err = schemaVersion(ctx, q); err != nil || version == 0 {
		return version, 0, err
	}
	if loaded, err = defaultsLoaded(ctx, q); err != nil {
		return 0, 0, err
	}
	return version, loaded, nil
}

// migrateTx applies the steps after version in tx, each with its new PRAGMA
// user_version: all of them or, when the transaction fails, none.
func migrateTx(ctx context.Context, tx *sql.Tx, version int) error {
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
	}
	return nil
}
