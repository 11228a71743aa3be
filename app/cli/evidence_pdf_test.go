package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage/storagetest"
)

// TestEvidenceImportPDF imports the metals annex PDF of the reference data
// by the command line: search finds a phrase read on page 40 of the PDF
// and says "p. 40".
func TestEvidenceImportPDF(t *testing.T) {
	ws := newWorkspace(t)
	src := storagetest.SharedPath(t, "evidence/Metals-ANNEXES-I-A-I-B-II-III-IV.pdf")
	out, errOut, code := run(t, ws, "evidence", "import", src)
	if code != 0 || !strings.Contains(out, "\t") {
		t.Fatalf("import: %d %q %s", code, out, errOut)
	}
	id, _, _ := strings.Cut(out, "\t")
	out, _, code = run(t, ws, "evidence", "search", `"Temporary Reduction List for Section 232"`)
	want := id + "  "
	found := false
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, want) {
			found = true
			if !strings.Contains(line, "(p. 40, passage ") {
				t.Errorf("hit without its page: %s", line)
			}
		}
	}
	if code != 0 || !found {
		t.Errorf("search:\n%s", out)
	}
	// The built-in text of a Federal Register notice shows its page too.
	out, _, _ = run(t, ws, "evidence", "search", `"f. By amending subdivision (k) to note 19"`)
	if !strings.Contains(out, "fr-2025-15819") || !strings.Contains(out, "(p. 3, passage ") {
		t.Errorf("search in the built-in notice:\n%s", out)
	}
}

// TestEvidenceImportBadPDF: a scanned PDF, an encrypted one and a file
// that is not a PDF each exit 2 naming the file and why, and write
// nothing; imported together, each refused file has one line.
func TestEvidenceImportBadPDF(t *testing.T) {
	ws := newWorkspace(t)
	if _, _, code := run(t, ws, "scenarios"); code != 0 {
		t.Fatal("create the workspace")
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"scan.pdf":   storagetest.ScannedPDF(),
		"locked.pdf": storagetest.EncryptedPDF(),
		"memo.pdf":   []byte("Dear minister, this is no PDF.\n"),
	}
	why := map[string]string{
		"scan.pdf":   "has no text to import (no text layer: none of its 2 pages has text (a scanned PDF? run it through OCR first))",
		"locked.pdf": "is an encrypted PDF (encrypted PDF: it needs a password to open)",
		"memo.pdf":   "is not a PDF Parley can read",
	}
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		t.Run(name, func(t *testing.T) {
			before := storagetest.Dump(t, ws)
			out, errOut, code := run(t, ws, "evidence", "import", p)
			if code != 2 || out != "" || !strings.Contains(errOut, name+" "+why[name]) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, why[name])
			}
			if storagetest.Dump(t, ws) != before {
				t.Error("the workspace changed")
			}
		})
	}
	before := storagetest.Dump(t, ws)
	_, errOut, code := run(t, ws, "evidence", "import", paths[0], paths[1], paths[2])
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 2 || len(lines) != 3 {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	for i, p := range paths {
		if i < len(lines) && !strings.Contains(lines[i], filepath.Base(p)) {
			t.Errorf("line %d %q does not name %s", i+1, lines[i], filepath.Base(p))
		}
	}
	if storagetest.Dump(t, ws) != before {
		t.Error("the workspace changed")
	}
}
