package cli_test

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"parley/storage/storagetest"
)

// sqlExec runs statements on a workspace file the way another program (or
// an older or tampered copy of Parley) could have written it.
func sqlExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// newReadyWorkspace creates a workspace (with its defaults) and returns
// its path.
func newReadyWorkspace(t *testing.T) string {
	t.Helper()
	ws := newWorkspace(t)
	if _, e, code := run(t, ws, "scenarios"); code != 0 {
		t.Fatal(e)
	}
	return ws
}

// TestForeignSQLiteRefused: `parley -w other.sqlite` on another
// application's database is refused with exit status 2 and the file is
// left byte-identical, with no -wal or -shm file beside it.
func TestForeignSQLiteRefused(t *testing.T) {
	other := filepath.Join(t.TempDir(), "other.sqlite")
	sqlExec(t, other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", "INSERT INTO notes (text) VALUES ('keep me')")
	before, _ := os.ReadFile(other)
	for _, args := range [][]string{{"scenarios"}, {"import", "x.json"}, {"evidence", "list"}} {
		_, stderr, code := run(t, other, args...)
		if code != 2 || !strings.Contains(stderr, "another application") || !strings.Contains(stderr, "unchanged") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a clear refusal", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Error("the other application's file changed")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(other + suffix); err == nil {
			t.Errorf("%s left beside the file", suffix)
		}
	}
}

// TestExportOverWorkspaceRefused: an export whose --out is the open
// workspace (by its name, a link, or a workspace named like an export) or
// one of its -wal/-shm files is refused; the workspace is unchanged.
func TestExportOverWorkspaceRefused(t *testing.T) {
	dir := t.TempDir()
	ws := newReadyWorkspace(t)
	svgWS := filepath.Join(dir, "ws.svg") // a workspace named like a chart
	if _, e, code := run(t, svgWS, "scenarios"); code != 0 {
		t.Fatal(e)
	}
	link := filepath.Join(dir, "link.json")
	os.Symlink(ws, link)
	tests := []struct {
		ws   string
		args []string
	}{
		{ws, []string{"export-scenario", "aug-2025", "--out", ws}},
		{ws, []string{"export-scenario", "aug-2025", "--out", link}},
		{ws, []string{"export-scenario", "aug-2025", "--out", ws + "-wal"}},
		{svgWS, []string{"chart", "aug-2025", "--kind", "exposure", "--out", svgWS}},
		{svgWS, []string{"chart", "aug-2025", "--kind", "exposure", "--out", svgWS + "-shm"}},
		{ws, []string{"chart", "aug-2025", "--kind", "exposure", "--out", svgWS}}, // another, closed workspace
		{ws, []string{"deck", "aug-2025", "--out", ws + ".pptx-wal"}},
	}
	for _, tc := range tests {
		before, beforeSVG := storagetest.Dump(t, ws), storagetest.Dump(t, svgWS)
		_, stderr, code := run(t, tc.ws, tc.args...)
		if code != 2 || !strings.Contains(stderr, "workspace") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a refusal naming the workspace", tc.args, code, stderr)
		}
		if storagetest.Dump(t, ws) != before || storagetest.Dump(t, svgWS) != beforeSVG {
			t.Errorf("%v changed a workspace", tc.args)
		}
	}
}

// TestDamagedWorkspace: a truncated workspace gives a clear message that
// says what to do and exit status 2, and stays byte-identical.
func TestDamagedWorkspace(t *testing.T) {
	ws := newReadyWorkspace(t)
	raw, err := os.ReadFile(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{len(raw) / 2, 4096, 100, 50} {
		cut := filepath.Join(t.TempDir(), "cut.parley")
		os.WriteFile(cut, raw[:n], 0o644)
		_, stderr, code := run(t, cut, "scenarios")
		if code != 2 || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "restore a backup") {
			t.Errorf("truncated to %d bytes: exit %d, stderr %q", n, code, stderr)
		}
		if got, _ := os.ReadFile(cut); !bytes.Equal(got, raw[:n]) {
			t.Errorf("truncated to %d bytes: the file changed", n)
		}
	}
}

// TestNewerWorkspace: a workspace of a newer schema is refused, untouched.
func TestNewerWorkspace(t *testing.T) {
	ws := newReadyWorkspace(t)
	sqlExec(t, ws, "PRAGMA user_version = 99")
	before, _ := os.ReadFile(ws)
	_, stderr, code := run(t, ws, "scenarios")
	if code != 2 || !strings.Contains(stderr, "newer version of Parley") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(before, after) {
		t.Error("the newer workspace changed")
	}
}

// evil holds the terminal escape sequences a hostile name may carry: OSC
// (retitle the window, hyperlinks), CSI (clear the screen, colours), the
// 8-bit CSI and a right-to-left override.
const evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\u009b31m\u202e"

// TestTerminalSafeOutput: names, titles, labels and snippets from a
// workspace reach the terminal without raw control characters, and JSON
// output still parses to the same name.
func TestTerminalSafeOutput(t *testing.T) {
	ws := newReadyWorkspace(t)
	name := "Evil" + evil + "name"
	sqlExec(t, ws, "UPDATE scenarios SET name = '"+name+"' WHERE id = 'aug-2025'",
		"UPDATE sectors SET name = 'Steel"+evil+"' WHERE code = 'STEEL'")
	doc := filepath.Join(t.TempDir(), "evil.txt")
	os.WriteFile(doc, []byte("Quinoa"+evil+"title\nQuinoa levy"+evil+" rises.\n"), 0o644)
	if _, e, code := run(t, ws, "evidence", "import", doc); code != 0 {
		t.Fatal(e)
	}
	list, _, _ := run(t, ws, "evidence", "list")
	var docID string
	for _, line := range strings.Split(list, "\n") {
		if strings.Contains(line, "Quinoa") {
			docID, _, _ = strings.Cut(line, "\t")
		}
	}
	for _, args := range [][]string{
		{"scenarios"}, {"compute", "aug-2025"}, {"compute", "aug-2025", "--format", "csv"}, {"compute", "aug-2025", "--format", "json"},
		{"evidence", "list"}, {"evidence", "show", docID}, {"evidence", "search", "quinoa"}, {"compute", "nope" + evil},
	} {
		stdout, stderr, _ := run(t, ws, args...)
		for _, out := range []string{stdout, stderr} {
			if i := strings.IndexFunc(out, func(r rune) bool {
				return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || r == '\u202e'
			}); i >= 0 {
				t.Errorf("%v prints a raw control character at %d: %q", args, i, out[max(0, i-20):min(len(out), i+20)])
			}
		}
		if args[0] == "compute" && len(args) == 4 && args[3] == "json" {
			var res struct{ Scenario string }
			if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.Scenario != name {
				t.Errorf("compute json: %v, scenario %q, want %q", err, res.Scenario, name)
			}
		}
	}
}

// TestCSVFormulasNeutralised: names from a shared workspace that start like
// formulas never become live formula cells in any CSV Parley writes, true
// numbers (negative trade effects) stay numbers, and a CR or LF in a name
// does not break out of a '#' line.
func TestCSVFormulasNeutralised(t *testing.T) {
	ws := newReadyWorkspace(t)
	dir := t.TempDir()
	sqlExec(t, ws,
		"UPDATE scenarios SET name = '=HYPERLINK(\"http://evil\",\"x\")'||char(13)||'=1+1,=2+2' WHERE id = 'aug-2025'",
		"UPDATE scenarios SET name = '@SUM(A1:A9)' WHERE id = 'sectoral-deal'",
		"UPDATE sectors SET name = '-2+3+cmd|'' /C calc''!A0' WHERE code = 'STEEL'",
		"UPDATE sectors SET name = '+1'||char(10)||'=evil()' WHERE code = 'AUTOS'")
	outputs := map[string]string{}
	stdout, stderr, code := run(t, ws, "compute", "aug-2025", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	outputs["compute"] = stdout
	for _, c := range []struct{ kind, refs string }{
		{"exposure", "aug-2025"}, {"dutiable", "aug-2025"}, {"compare", "aug-2025 sectoral-deal"}, {"timeline", "aug-2025"}, {"tornado", "aug-2025"},
	} {
		out := filepath.Join(dir, c.kind+".csv")
		args := append([]string{"chart"}, strings.Fields(c.refs)...)
		if _, e, code := run(t, ws, append(args, "--kind", c.kind, "--out", out)...); code != 0 {
			t.Fatalf("%s: %s", c.kind, e)
		}
		b, _ := os.ReadFile(out)
		outputs[c.kind] = string(b)
	}
	negatives := 0
	for what, text := range outputs {
		var data []string
		for _, line := range strings.SplitAfter(text, "\n") {
			if strings.HasPrefix(line, "#") {
				if strings.ContainsRune(line[:len(line)-1], '\r') {
					t.Errorf("%s: a CR inside the comment line %q", what, line)
				}
				checkCells(t, what, line, &negatives)
				continue
			}
			data = append(data, line)
		}
		r := csv.NewReader(strings.NewReader(strings.Join(data, "")))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				checkCell(t, what, cell, &negatives)
			}
		}
		if (what == "compute" || what == "compare") && !strings.Contains(text, "HYPERLINK") {
			t.Errorf("%s: the scenario name is missing:\n%s", what, text)
		}
	}
	if negatives == 0 {
		t.Error("no negative number found: negative trade effects must stay numbers")
	}
}

// checkCells reads a comment line as a spreadsheet does, split at commas,
// and checks each cell.
func checkCells(t *testing.T, what, line string, negatives *int) {
	t.Helper()
	r := csv.NewReader(strings.NewReader(line))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	recs, _ := r.ReadAll()
	for _, rec := range recs {
		for _, cell := range rec {
			checkCell(t, what, strings.TrimLeft(cell, " "), negatives)
		}
	}
}

func checkCell(t *testing.T, what, cell string, negatives *int) {
	t.Helper()
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return
	}
	if v, err := strconv.ParseFloat(cell, 64); err == nil {
		if v < 0 {
			*negatives++
		}
		return
	}
	t.Errorf("%s: cell %q starts a formula", what, cell)
}

// TestEvidenceImportDate: an impossible --date is refused.
func TestEvidenceImportDate(t *testing.T) {
	ws := newReadyWorkspace(t)
	doc := filepath.Join(t.TempDir(), "memo.txt")
	os.WriteFile(doc, []byte("A memo on softwood lumber."), 0o644)
	for _, date := range []string{"2025-13-45", "2025-02-30", "2025-1-5", "20250101"} {
		_, stderr, code := run(t, ws, "evidence", "import", doc, "--date", date)
		if code != 2 || !strings.Contains(stderr, date) {
			t.Errorf("--date %s: exit %d, stderr %q", date, code, stderr)
		}
	}
	if _, stderr, code := run(t, ws, "evidence", "import", doc, "--date", "2024-02-29"); code != 0 {
		t.Errorf("--date 2024-02-29: %s", stderr)
	}
}

// TestXMLExportsWellFormed: names with markup, CDATA ends, quotes and
// control characters (possible in a shared or older workspace) give SVG
// charts and PPTX decks whose every XML part is well-formed.
func TestXMLExportsWellFormed(t *testing.T) {
	ws := newReadyWorkspace(t)
	dir := t.TempDir()
	hostile := `<b>&amp; "q" 'a' ]]> <![CDATA[x]]> &#0; \x01` + "\x01\x02\x0b\x1b[31m\u0085\ufffe\uffff\U0010ffff"
	sqlExec(t, ws,
		"UPDATE scenarios SET name = '"+strings.ReplaceAll("Deal "+hostile, "'", "''")+"', description = '"+strings.ReplaceAll(hostile, "'", "''")+"' WHERE id = 'aug-2025'",
		"UPDATE sectors SET name = '"+strings.ReplaceAll("Steel "+hostile, "'", "''")+"', short = '"+strings.ReplaceAll("St"+hostile, "'", "''")+"' WHERE code = 'STEEL'",
		"UPDATE measures SET label = '"+strings.ReplaceAll("Label "+hostile, "'", "''")+"' WHERE scenario = 'aug-2025'")
	for _, kind := range []string{"exposure", "dutiable", "compare", "timeline", "tornado"} {
		out := filepath.Join(dir, kind+".svg")
		args := []string{"chart", "aug-2025"}
		if kind == "compare" {
			args = append(args, "today")
		}
		if _, e, code := run(t, ws, append(args, "--kind", kind, "--out", out)...); code != 0 {
			t.Fatalf("%s: %s", kind, e)
		}
		b, _ := os.ReadFile(out)
		if err := wellFormed(bytes.NewReader(b)); err != nil {
			t.Errorf("%s.svg: %v", kind, err)
		}
	}
	deckPath := filepath.Join(dir, "deck.pptx")
	if _, e, code := run(t, ws, "deck", "aug-2025", "today", "--out", deckPath); code != 0 {
		t.Fatal(e)
	}
	zr, err := zip.OpenReader(deckPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(rc); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		rc.Close()
		parts++
	}
	if parts < 10 {
		t.Errorf("only %d XML parts in the deck", parts)
	}
}

// wellFormed parses an XML document to its end.
func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
