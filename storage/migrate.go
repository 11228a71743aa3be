package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"parley/storage/defaults"
	"parley/storage/evidence"
	"parley/storage/textextract"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps, in order: migrations[i] takes the schema
// from version i to i+1. Open applies the ones a workspace lacks, with the
// defaults, in one transaction.
var migrations, migrationNames = mustMigrations()

// migrationHooks complete a step, by its file name, in the same
// transaction, with what SQL alone cannot compute.
var migrationHooks = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"migrations/0004_document_hash_pages.sql": backfillDocuments,
}

func mustMigrations() ([]string, []string) {
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
	return steps, names
}

// backfillDocuments sets the hash of every stored document's text and the
// page of each passage of a text with pages.
func backfillDocuments(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, body FROM documents")
	if err != nil {
		return err
	}
	type doc struct{ id, body string }
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.body); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range docs {
		if _, err := tx.ExecContext(ctx, "UPDATE documents SET body_sha256 = ? WHERE id = ?", evidence.BodyHash(d.body), d.id); err != nil {
			return fmt.Errorf("document %s: %w", d.id, err)
		}
		if !strings.Contains(d.body, "\f") {
			continue
		}
		if err := setPassagePages(ctx, tx, d.id, d.body); err != nil {
			return fmt.Errorf("document %s: %w", d.id, err)
		}
	}
	return nil
}

// setPassagePages sets the page of each passage of document id from the
// page breaks of its body.
func setPassagePages(ctx context.Context, tx *sql.Tx, id, body string) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, start FROM passages WHERE document = ?", id)
	if err != nil {
		return err
	}
	pages := map[int64]int{}
	for rows.Next() {
		var pid int64
		var start int
		if err := rows.Scan(&pid, &start); err != nil {
			rows.Close()
			return err
		}
		pages[pid] = textextract.PageAt(body, start)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for pid, page := range pages {
		if _, err := tx.ExecContext(ctx, "UPDATE passages SET page = ? WHERE id = ?", page, pid); err != nil {
			return err
		}
	}
	return nil
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
	if loaded, err = defaults.Loaded(ctx, q); err != nil {
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
		if hook := migrationHooks[migrationNames[v]]; hook != nil {
			if err := hook(ctx, tx); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
	}
	// Marked as Parley's in its header, the file is recognised at open
	// without a look at its tables (checkRecognized).
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", workspaceAppID)); err != nil {
		return fmt.Errorf("mark the workspace as Parley's: %w", err)
	}
	return nil
}

// workspaceAppID is the application id (PRAGMA application_id, bytes 68
// to 71 of the file's header) of a Parley workspace: "Prly".
const workspaceAppID int32 = 0x50726c79
