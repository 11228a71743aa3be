package storage

import (
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"parley/storage/defaults"
	"parley/storage/evidence"
)

// TestMigrationBackfillsHashesAndAddsDocuments makes a workspace as the
// schema before the document hashes left it (current defaults, no hash
// column, no passage pages, and without the legal texts) and opens it: the
// migration fills every document's hash and the pages of a paginated text
// in its transaction, Open adds the built-in documents it lacks, and a
// duplicate of a stored document is still refused.
func TestMigrationBackfillsHashesAndAddsDocuments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parley")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	user, err := w.Evidence().ImportDocumentData("paged.txt", []byte("First page of a memo.\n\n\fSecond page: supply management.\n"), evidence.DocumentMeta{})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	step := slices.Index(migrationNames, "migrations/0004_document_hash_pages.sql")
	if step < 0 {
		t.Fatal("no migration 0004")
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA foreign_keys = OFF", "BEGIN",
		"DELETE FROM measure_evidence WHERE document LIKE 'fr-%'",
		"DELETE FROM passages WHERE document LIKE 'fr-%'",
		"DELETE FROM documents WHERE id LIKE 'fr-%'",
		"DROP INDEX documents_by_body_sha256",
		"ALTER TABLE documents DROP COLUMN body_sha256",
		"ALTER TABLE passages DROP COLUMN page",
		// What the migrations after 0004 add, so that they run again.
		"DROP TABLE user_lists",
		"DROP TABLE library_pack",
		"ALTER TABLE measures DROP COLUMN library_vintage",
		"COMMIT", "PRAGMA user_version = " + strconv.Itoa(step)} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows, err := w.db.Query("SELECT id, body, body_sha256 FROM documents")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var id, body, hash string
		if err := rows.Scan(&id, &body, &hash); err != nil {
			t.Fatal(err)
		}
		n++
		if hash != evidence.BodyHash(body) {
			t.Errorf("document %s: hash %q, want %q", id, hash, evidence.BodyHash(body))
		}
	}
	rows.Close()
	if want := len(mustManifest(t).Documents) + 1; n != want {
		t.Errorf("%d documents, want %d (the built-in ones and the user's)", n, want)
	}
	var pages []int
	prow, err := w.db.Query("SELECT coalesce(page, 0) FROM passages WHERE document = ? ORDER BY ordinal", user.ID)
	if err != nil {
		t.Fatal(err)
	}
	for prow.Next() {
		var p int
		prow.Scan(&p)
		pages = append(pages, p)
	}
	prow.Close()
	if !slices.Equal(pages, []int{1, 2}) {
		t.Errorf("pages of the user's passages %v, want [1 2]", pages)
	}
	if _, err := w.Evidence().ImportDocumentData("again.txt", []byte(user.Body), evidence.DocumentMeta{}); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate after the migration: %v", err)
	}
	if _, err := w.Evidence().Document("fr-2025-15819"); err != nil {
		t.Errorf("the built-in document was not added: %v", err)
	}
}

func mustManifest(t *testing.T) defaults.Manifest {
	t.Helper()
	m, err := defaults.SeedManifest()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
