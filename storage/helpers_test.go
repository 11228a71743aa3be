package storage_test

import (
	"database/sql"
	"testing"
)

// integrity returns PRAGMA integrity_check of the workspace at path, with
// foreign_key_check's violations after it.
func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil {
		return err.Error()
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	for rows.Next() {
		check += "; a foreign key violation"
	}
	return check
}
