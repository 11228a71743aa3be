package storage

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/storage/evidence"
)

// TestQueryPlansUseIndexes: the queries whose cost grows with
// the workspace (scenarios, measures, evidence, excerpts, passages) look
// rows up through an index, never by scanning a large table once per row
// of another (measure_evidence had no index on measure: listing 45,000
// measures took 195 s). The queries are those of scenarios.go,
// documents.go and excerpts.go.
func TestQueryPlansUseIndexes(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, q := range []struct {
		name, sql string
		scans     []string // tables (or aliases) the query may read in full: the one it lists
		args      []any
	}{
		{"list scenarios", scenarioInfoQuery + " ORDER BY s.position, s.id", []string{"s"}, nil},
		{"resolve by id", scenarioInfoQuery + " WHERE s.id = ?", nil, []any{"x"}},
		{"resolve by name", scenarioInfoQuery + " WHERE s.name = ? COLLATE NOCASE", nil, []any{"x"}},
		{"scenario", `SELECT name, revision FROM scenarios WHERE id = ?`, nil, []any{"x"}},
		{"measures", `SELECT id, key FROM measures WHERE scenario = ? ORDER BY position`, nil, []any{"x"}},
		{"evidence", `SELECT e.measure, coalesce(e.document, ''), coalesce(e.excerpt, 0), e.quote, e.citation, e.url
			FROM measure_evidence e JOIN measures m ON m.id = e.measure WHERE m.scenario = ? ORDER BY e.measure, e.position`, nil, []any{"x"}},
		{"documents", `SELECT ` + evidence.DocumentColumns + `,
			(SELECT count(*) FROM excerpts x WHERE x.document = d.id),
			(SELECT count(DISTINCT e.measure) FROM measure_evidence e WHERE e.document = d.id)
			FROM documents d ORDER BY d.id`, []string{"d"}, nil},
		{"excerpt citations", `SELECT s.id, s.name, m.key, m.label, coalesce(e.excerpt, 0), e.quote
			FROM measure_evidence e JOIN measures m ON m.id = e.measure JOIN scenarios s ON s.id = m.scenario
			WHERE e.excerpt = ? OR e.document = ? ORDER BY s.position, m.position`, nil, []any{1, "x"}},
		{"document citations", `SELECT DISTINCT s.id, s.name, m.key, m.label, s.position, m.position
			FROM measure_evidence e JOIN measures m ON m.id = e.measure JOIN scenarios s ON s.id = m.scenario
			WHERE e.document = ? ORDER BY s.position, m.position`, nil, []any{"x"}},
		{"excerpts of a document", `SELECT id FROM excerpts WHERE document = ? ORDER BY id DESC`, nil, []any{"x"}},
		{"excerpt tags", `SELECT kind, value FROM excerpt_tags WHERE excerpt = ? ORDER BY kind, value`, nil, []any{1}},
		{"delete a document", `SELECT count(*) FROM measure_evidence WHERE document = ?`, nil, []any{"x"}},
		{"duplicate document on import", evidence.DuplicateQuery, nil, []any{"x", "y"}},
	} {
		rows, err := w.db.Query("EXPLAIN QUERY PLAN "+q.sql, q.args...)
		if err != nil {
			t.Fatalf("%s: %v", q.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			// "SCAN x" reads all of table (or alias) x; "SEARCH" looks rows up.
			if rest, ok := strings.CutPrefix(step, "SCAN "); ok && !slices.Contains(q.scans, strings.Fields(rest)[0]) {
				t.Errorf("%s scans %s:\n  %s", q.name, rest, strings.Join(plan, "\n  "))
			}
		}
		t.Logf("%s:\n  %s", q.name, strings.Join(plan, "\n  "))
	}
}
