package storage_test

import (
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"parley/library"
	"parley/storage"
)

// TestUpgradeKeepsNewerPack: when a new build loads its defaults into a
// workspace, a library imported from a pack more recent than the built-in
// one stays; an older one gives way to the built-in library.
func TestUpgradeKeepsNewerPack(t *testing.T) {
	for _, c := range []struct {
		vintage string
		kept    bool
	}{{"2099-01-01", true}, {"2000-01-01", false}} {
		t.Run(c.vintage, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "w.parley")
			w, err := storage.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := w.LibraryPack()
			if err != nil {
				t.Fatal(err)
			}
			p.Info.Title, p.Info.Vintage = "Analyst pack", c.vintage
			p.Measures = p.Measures[:10]
			if _, err := w.ImportLibrary(p); err != nil {
				t.Fatal(err)
			}
			w.Close()
			olderDefaults(t, path).Close()
			w, err = storage.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			info, err := w.LibraryInfo()
			if err != nil {
				t.Fatal(err)
			}
			lib, err := w.Library()
			if err != nil {
				t.Fatal(err)
			}
			if kept := info.Title == "Analyst pack" && len(lib) == 10; kept != c.kept {
				t.Errorf("after the upgrade: pack %q, %d measures; kept %v, want %v", info.Title, len(lib), kept, c.kept)
			}
			if !c.kept && (info.Vintage != library.BuiltinInfo().Vintage || len(lib) < 50) {
				t.Errorf("the built-in library is not back: %q, %d measures", info.Vintage, len(lib))
			}
		})
	}
}

// olderDefaults makes the workspace at path (closed) look as an earlier
// build left it: its defaults one version older, after the statements
// extra, all in one transaction without foreign keys. It returns the open
// database for more checks; the caller closes it.
func olderDefaults(t *testing.T, path string, extra ...string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var loaded string
	if err := db.QueryRow("SELECT value FROM meta WHERE key = 'defaults'").Scan(&loaded); err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.Atoi(loaded)
	qs := append([]string{"PRAGMA foreign_keys = OFF", "BEGIN"}, extra...)
	qs = append(qs, "UPDATE meta SET value = '"+strconv.Itoa(v-1)+"' WHERE key = 'defaults'", "COMMIT")
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return db
}
