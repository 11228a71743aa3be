package sqlitefile_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"parley/storage/sqlitefile"
)

func TestReadHeader(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db.sqlite")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA page_size = 4096", "PRAGMA application_id = 1349676153", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	info, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short")
	other := filepath.Join(dir, "other")
	for p, b := range map[string]string{short: "SQLite format 3\x00 and no more", other: strings.Repeat("not a database ", 20)} {
		if err := os.WriteFile(p, []byte(b), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, path string
		want       sqlitefile.Header
	}{
		{"database", db, sqlitefile.Header{SQLite: true, Size: info.Size(), AppID: 1349676153}},
		{"shorter than a header", short, sqlitefile.Header{SQLite: true, Size: 100}},
		{"another file", other, sqlitefile.Header{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := sqlitefile.ReadHeader(tc.path)
			if err != nil || got != tc.want {
				t.Errorf("ReadHeader = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
	if _, err := sqlitefile.ReadHeader(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}

func TestReadOnlyDSN(t *testing.T) {
	got := sqlitefile.ReadOnlyDSN("/tmp/a%b?c#d.parley", true)
	if want := "file:///tmp/a%25b%3fc%23d.parley?mode=ro&_pragma=busy_timeout(5000)&immutable=1"; got != want {
		t.Errorf("ReadOnlyDSN = %q, want %q", got, want)
	}
	if got := sqlitefile.ReadOnlyDSN("/tmp/w.parley", false); strings.Contains(got, "immutable") || !strings.Contains(got, "mode=ro") {
		t.Errorf("ReadOnlyDSN(not immutable) = %q", got)
	}
}
