package storage_test

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"

	"parley/seeds"
	"parley/storage"
	"parley/storage/evidence"
	"parley/storage/storagetest"
)

// builtinEvidence are the legal texts shipped as built-in documents, with a
// phrase of each.
var builtinEvidence = []struct {
	id, source, date, phrase string
	page                     int
}{
	{"s232-metals-annexes", "Metals-ANNEXES-I-A-I-B-II-III-IV.pdf", "2026-04-02", "Temporary Reduction List for Section 232 Steel and Aluminum Derivatives", 40},
	{"fr-2025-15819", "2025-15819.pdf", "2025-08-19", "f. By amending subdivision (k) to note 19", 3},
	{"fr-2025-23316", "2025-23316.pdf", "2025-12-18", "Implementing Certain Tariff-Related", 1},
}

// builtinDocumentCount returns how many documents the seeds manifest ships.
func builtinDocumentCount(t *testing.T) int {
	t.Helper()
	b, err := fs.ReadFile(seeds.Files(), seeds.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Documents []json.RawMessage }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return len(m.Documents)
}

// TestBuiltinEvidenceInNewWorkspace checks that a new workspace holds each
// legal text as a built-in document: its embedded text, its metadata, and
// search finds it.
func TestBuiltinEvidenceInNewWorkspace(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	for _, e := range builtinEvidence {
		t.Run(e.id, func(t *testing.T) {
			d, err := w.Evidence().Document(e.id)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fs.ReadFile(seeds.Files(), e.id+".txt")
			if err != nil {
				t.Fatal(err)
			}
			if d.Body != string(want) {
				t.Errorf("body is not the embedded text (%d bytes, want %d)", len(d.Body), len(want))
			}
			if !d.Builtin || d.SourceFile != e.source || d.Date != e.date || d.Title == "" || d.Publisher == "" || d.Kind == "" {
				t.Errorf("metadata %+v", d)
			}
			if !strings.Contains(d.Body, e.phrase) {
				t.Fatalf("body lacks %q", e.phrase)
			}
			hits, err := w.Evidence().Search(`"`+e.phrase+`"`, 20)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, h := range hits {
				if h.Document == e.id {
					found = true
					if h.Page != e.page {
						t.Errorf("search %q: page %d, want %d", e.phrase, h.Page, e.page)
					}
				}
			}
			if !found {
				t.Errorf("search %q misses %s: %+v", e.phrase, e.id, hits)
			}
		})
	}
}

// TestUpgradeAddsBuiltinEvidence makes a workspace of an earlier Parley (the
// previous defaults version, without the legal texts) and opens it: the
// upgrade adds the built-in documents it lacks, keeps the user's, and a
// second open adds nothing.
func TestUpgradeAddsBuiltinEvidence(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	user, err := w.Evidence().ImportDocumentData("memo.txt", []byte("Dairy memo\n\nSupply management stays off the table.\n"), evidence.DocumentMeta{})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	// As an earlier build left it: no legal texts, older defaults.
	db := olderDefaults(t, path,
		"DELETE FROM measure_evidence WHERE document IN (SELECT id FROM documents WHERE source_file LIKE '%.pdf')",
		"DELETE FROM passages WHERE document IN (SELECT id FROM documents WHERE source_file LIKE '%.pdf')",
		"DELETE FROM documents WHERE source_file LIKE '%.pdf'")
	for _, e := range builtinEvidence {
		var n int
		db.QueryRow("SELECT count(*) FROM documents WHERE id = ?", e.id).Scan(&n)
		if n != 0 {
			t.Fatalf("%s still there", e.id)
		}
	}
	db.Close()

	for round := 1; round <= 2; round++ {
		w, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range builtinEvidence {
			d, err := w.Evidence().Document(e.id)
			if err != nil || !d.Builtin {
				t.Errorf("round %d: %s: %+v %v", round, e.id, d.Builtin, err)
			}
		}
		if _, err := w.Evidence().Document(user.ID); err != nil {
			t.Errorf("round %d: the user's document: %v", round, err)
		}
		w.Close()
		if n, want := storagetest.Count(t, path, "documents"), builtinDocumentCount(t)+1; n != want {
			t.Errorf("round %d: %d documents, want %d", round, n, want)
		}
		if got := integrity(t, path); got != "ok" {
			t.Errorf("round %d: integrity %s", round, got)
		}
	}
}
