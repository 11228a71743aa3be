package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"parley/storage/storagetest"
)

// v2 returns a format /1 scenario file as format /2.
func v2(file string) string {
	return strings.Replace(file, "parley.scenario/1", "parley.scenario/2", 1)
}

// product returns file as format /2 with the first measure scoped by the
// products object whose members are given.
func product(file, members string) string {
	return strings.Replace(v2(file), `"program": "IEEPA",`, `"program": "IEEPA", "products": {`+members+`},`, 1)
}

func TestBadInputExitsTwoAndChangesNothing(t *testing.T) {
	good := `{
  "format": "parley.scenario/1",
  "name": "Fresh",
  "as_of": "2025-08-15",
  "measures": [
    {"id": "a", "imposer": "US", "program": "IEEPA", "sectors": {"*": 1, "SPECIAL": 0}, "rate": 0.35, "cusma_exempt": true,
     "effective_from": "2025-08-01",
     "evidence": [{"document": "004_00f7d1e281d38557", "quote": "the recent announcement of a 35 percent tariff on Canadian goods"}]}
  ]
}`
	tests := []struct {
		name    string
		file    string // scenario file content, imported with `parley import`
		doc     string // or a document file name and content, imported with `parley evidence import`
		docData string
		setup   func(t *testing.T, ws string) // e.g. make the workspace read-only or not a database
		msg     string
	}{
		{name: "malformed JSON", file: strings.Replace(good, `"as_of": "2025-08-15",`, `"as_of": "2025-08-15"`, 1), msg: "line 5, column 3: malformed JSON: unexpected '\"', expected ',' or '}'"},
		{name: "unknown key", file: strings.Replace(good, `"program"`, `"programme"`, 1), msg: `line 6, column 34: measures[0].programme: unknown key "programme"`},
		{name: "bad date", file: strings.Replace(good, `"2025-08-15"`, `"15/08/2025"`, 1), msg: `as_of: "15/08/2025" is not an ISO date`},
		{name: "rate out of range", file: strings.Replace(good, `"rate": 0.35`, `"rate": 35`, 1), msg: "measures[0].rate: 35 is out of range [0, 10]"},
		{name: "share out of range", file: strings.Replace(good, `"as_of": "2025-08-15",`, `"as_of": "2025-08-15", "assumptions": {"overrides": {"cusma_share": {"AUTOS": -0.1}}},`, 1), msg: "assumptions.overrides.cusma_share.AUTOS: share -0.1 is out of range [0, 1]"},
		{name: "unknown sector", file: strings.Replace(good, `"SPECIAL": 0`, `"SPECIALS": 0`, 1), msg: `measures[0].sectors.SPECIALS: unknown sector "SPECIALS"`},
		{name: "unknown document", file: strings.Replace(good, "004_00f7d1e281d38557", "004_missing", 1), msg: `measures[0].evidence[0].document: unknown document "004_missing"`},
		{name: "quote not found", file: strings.Replace(good, "recent announcement", "recent rumour", 1), msg: `measures[0].evidence[0].quote: quote "the recent rumour of a 35 percent tariff on Canadian goods" not found in document 004_00f7d1e281d38557`},
		{name: "duplicate scenario name", file: strings.Replace(good, `"Fresh"`, `"Threat: 25% on all Canadian goods"`, 1), msg: `a scenario named "Threat: 25% on all Canadian goods" already exists (id threat-25)`},
		{name: "workspace is not a SQLite file", file: good, setup: func(t *testing.T, ws string) {
			os.WriteFile(ws, []byte("name,rate\nsteel,0.5\n"), 0o644)
		}, msg: "not a Parley workspace (not a SQLite file)"},
		{name: "read-only workspace", file: good, setup: func(t *testing.T, ws string) {
			os.Chmod(ws, 0o444)
			t.Cleanup(func() { os.Chmod(ws, 0o644) })
		}, msg: "workspace is read-only"},
		{name: "non-UTF-8 document", doc: "latin1.txt", docData: "Acier et aluminium : droits de 50\xa0% \xe0 la fronti\xe8re", msg: "latin1.txt is not UTF-8 text"},
		{name: "empty document", doc: "empty.md", docData: "\n\n", msg: "empty.md has no text"},
		{name: "document of an unknown type", doc: "notes.docx", docData: "PK\x03\x04", msg: "only .txt, .md, .html and .pdf files can be imported"},
		// Product input (format /2): each refused with the field and its position.
		{name: "a code of 1 digit", file: product(good, `"include": ["7"]`), msg: `line 6, column 79: measures[0].products.include[0]: "7" has 1 digit; an HS code has 2 to 10`},
		{name: "a code of 11 digits", file: product(good, `"include": ["4407.11.00.001"]`), msg: `measures[0].products.include[0]: "4407.11.00.001" has 11 digits`},
		{name: "a code with letters", file: product(good, `"exclude": ["44O7"]`), msg: `measures[0].products.exclude[0]: "44O7" is not an HS code`},
		{name: "an unknown list", file: product(good, `"include": ["list:us-s232-steal"]`), msg: `measures[0].products.include[0]: unknown product list "us-s232-steal"`},
		{name: "content of no known kind", file: strings.Replace(v2(good), `"rate": 0.35`, `"content": "zinc", "rate": 0.35`, 1), msg: `measures[0].content: unknown content kind "zinc"`},
		{name: "cusma_exempt_share without cusma_exempt", file: strings.Replace(v2(good), `"cusma_exempt": true`, `"cusma_exempt": false, "cusma_exempt_share": 0.4`, 1), msg: `measures[0].cusma_exempt_share: needs "cusma_exempt": true`},
		{name: "a key of format 2 in a format 1 file", file: strings.Replace(good, `"rate": 0.35`, `"content": "steel", "rate": 0.35`, 1), msg: `measures[0].content: "content" is a key of "parley.scenario/2"`},
		{name: "a dataset the workspace lacks", file: strings.Replace(v2(good), `"as_of": "2025-08-15",`, `"as_of": "2025-08-15", "assumptions": {"datasets": {"ca_to_us": "Ontario 2026"}},`, 1), msg: `assumptions.datasets.ca_to_us: this workspace has no ca_to_us dataset named "Ontario 2026"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := newWorkspace(t)
			if _, e, code := run(t, ws, "scenarios"); code != 0 {
				t.Fatal(e)
			}
			if tt.setup != nil {
				tt.setup(t, ws)
			}
			before := storagetest.Dump(t, ws)
			var args []string
			if tt.doc != "" {
				p := filepath.Join(t.TempDir(), tt.doc)
				os.WriteFile(p, []byte(tt.docData), 0o644)
				args = []string{"evidence", "import", p}
			} else {
				p := filepath.Join(t.TempDir(), "scenario.json")
				os.WriteFile(p, []byte(tt.file), 0o644)
				args = []string{"import", p}
			}
			out, errOut, code := run(t, ws, args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2 (stderr %q)", code, errOut)
			}
			if !strings.Contains(errOut, tt.msg) {
				t.Errorf("stderr %q lacks %q", errOut, tt.msg)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
			if after := storagetest.Dump(t, ws); after != before {
				t.Error("the workspace changed")
			}
		})
	}
}

func TestReadOnlyWorkspaceStillReads(t *testing.T) {
	ws := newWorkspace(t)
	run(t, ws, "scenarios")
	os.Chmod(ws, 0o444)
	defer os.Chmod(ws, 0o644)
	for _, args := range [][]string{{"scenarios"}, {"compute", "aug-2025", "--format", "json"}, {"evidence", "search", "steel"}} {
		if _, e, code := run(t, ws, args...); code != 0 {
			t.Errorf("%v on a read-only workspace: %d %s", args, code, e)
		}
	}
}
