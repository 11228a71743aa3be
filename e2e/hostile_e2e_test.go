package e2e

// Hostile input on the real binary: files that are
// not what they claim get a clear message and exit status 2, and the
// workspace (or the file) is byte-identical afterwards.

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"parley/storage/storagetest"
)

func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	if r := run(t, nil, "-w", ws, "scenarios"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A 200 MB document, sparse: it costs no disk.
	huge := filepath.Join(dir, "huge.txt")
	if f, err := os.Create(huge); err == nil {
		f.Truncate(200 << 20)
		f.Close()
	}
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	deepObj := `{"format": "parley.scenario/2", "name": "x", "as_of": "2025-01-01", "description": ` + strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000) + "}"
	var keys strings.Builder
	keys.WriteString("{")
	for i := range 200000 {
		if i > 0 {
			keys.WriteString(",")
		}
		keys.WriteString(`"k` + strconv.Itoa(i) + `":1`)
	}
	keys.WriteString("}")
	utf16Scenario := []byte{0xff, 0xfe}
	for _, c := range `{"format": "parley.scenario/2"}` {
		utf16Scenario = append(utf16Scenario, byte(c), 0)
	}
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"200 MB document", []string{"evidence", "import", huge}, "larger than 20 MiB"},
		{"document with NUL bytes", []string{"evidence", "import", write("nul.txt", []byte("memo\x00\x00\x00binary"))}, "NUL bytes"},
		{"document not UTF-8", []string{"evidence", "import", write("latin1.txt", []byte("caf\xe9 cr\xe8me"))}, "not UTF-8"},
		{"impossible date", []string{"evidence", "import", write("memo.txt", []byte("A memo.")), "--date", "2025-13-45"}, "2025-13-45"},
		{"100,000-deep JSON array", []string{"import", write("deep.json", []byte(deep))}, "nested deeper than"},
		{"100,000-deep JSON object", []string{"import", write("deepobj.json", []byte(deepObj))}, "nested deeper than"},
		{"200,000 unknown keys", []string{"import", write("keys.json", []byte(keys.String()))}, "… and 199903 more"},
		{"scenario file in UTF-16", []string{"import", write("utf16.json", utf16Scenario)}, "not UTF-8"},
		{"scenario file with NUL bytes", []string{"import", write("nul.json", []byte("{\"format\": \"parley.scenario/2\",\x00}"))}, "malformed JSON"},
		{"scenario file not UTF-8", []string{"import", write("bad.json", []byte("{\"name\": \"caf\xe9\"}"))}, "not UTF-8"},
		{"invisible name", []string{"import", write("zw.json", []byte(`{"format": "parley.scenario/2", "name": "\u200b\u200d", "as_of": "2025-01-01", "measures": []}`))}, "no visible character"},
		{"export over the workspace", []string{"export-scenario", "today", "--out", ws}, "workspace"},
		{"chart over the -wal file", []string{"chart", "today", "--kind", "exposure", "--out", ws + "-wal.svg"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := storagetest.Dump(t, ws)
			r := run(t, nil, append([]string{"-w", ws}, tc.args...)...)
			if tc.msg == "" { // a file name that merely looks like one: allowed
				if r.code != 0 {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
				return
			}
			if r.code != 2 || !strings.Contains(r.stderr, tc.msg) {
				t.Fatalf("exit %d, stderr %.300q; want 2 and %q", r.code, r.stderr, tc.msg)
			}
			if strings.Count(r.stderr, "\n") > 110 {
				t.Errorf("%d lines of errors", strings.Count(r.stderr, "\n"))
			}
			if after := storagetest.Dump(t, ws); after != before {
				t.Error("the refused input changed the workspace")
			}
		})
	}
	// Still working after all that.
	if r := run(t, nil, "-w", ws, "compute", "today", "--format", "json"); r.code != 0 {
		t.Fatalf("compute after the campaign: %s", r.stderr)
	}

	// Files given as the workspace: refused, byte-identical.
	other := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')")
	db.Close()
	raw, _ := os.ReadFile(ws)
	newer := filepath.Join(dir, "newer.parley")
	os.WriteFile(newer, raw, 0o644)
	db, _ = sql.Open("sqlite", "file:"+newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	for _, c := range []struct{ name, path, msg string }{
		{"another application's database", other, "another application"},
		{"a truncated workspace", write("cut.parley", raw[:len(raw)/2]), "is damaged"},
		{"a workspace cut inside its header", write("cut100.parley", raw[:60]), "is damaged"},
		{"a text file", write("notes.parley", []byte("hello")), "not a Parley workspace"},
		{"a workspace of a newer Parley", newer, "newer version of Parley"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			r := run(t, nil, "-w", c.path, "scenarios")
			if r.code != 2 || !strings.Contains(r.stderr, c.msg) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line saying %q", r.code, r.stderr, c.msg)
			}
			if after, _ := os.ReadFile(c.path); !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
		})
	}
}
