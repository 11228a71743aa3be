package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportNameTaken checks that importing a scenario whose name is taken
// says how to import it anyway, and that --rename and --replace do.
func TestImportNameTaken(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "aug.json")
	if _, e, code := run(t, ws, "export-scenario", "aug-2025", "--out", file); code != 0 {
		t.Fatal(e)
	}
	// The same name: refused, with the way out.
	stdout, stderr, code := run(t, ws, "import", file)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "already exists") || !strings.Contains(stderr, "--rename") || !strings.Contains(stderr, "--replace") {
		t.Fatalf("import of a taken name: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, tc := range []struct {
		args   []string
		name   string // the scenario's name afterwards
		stderr string
		count  int // scenarios listed afterwards (header excluded)
	}{
		{[]string{"--rename"}, "August 2025: 35% on non-CUSMA goods (2)", `imported as "August 2025: 35% on non-CUSMA goods (2)"`, 12},
		{[]string{"--rename"}, "August 2025: 35% on non-CUSMA goods (3)", "(3)", 13},
		{[]string{"--replace"}, "August 2025: 35% on non-CUSMA goods", "", 13},
	} {
		stdout, stderr, code := run(t, ws, append([]string{"import", file}, tc.args...)...)
		if code != 0 || !strings.Contains(stderr, tc.stderr) {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", tc.args, code, stdout, stderr)
		}
		id := strings.TrimSpace(stdout)
		if replace := tc.args[0] == "--replace"; id == "" || (id == "aug-2025") != replace {
			t.Errorf("%v: id %q", tc.args, id)
		}
		list, _, _ := run(t, ws, "scenarios")
		if n := len(strings.Split(strings.TrimSpace(list), "\n")) - 1; n != tc.count {
			t.Errorf("%v: %d scenarios, want %d:\n%s", tc.args, n, tc.count, list)
		}
		if !strings.Contains(list, id+"\t2025-08-15\t"+tc.name+"\n") {
			t.Errorf("%v: the list lacks %s %q:\n%s", tc.args, id, tc.name, list)
		}
	}
	if _, stderr, code := run(t, ws, "import", file, "--rename", "--replace"); code != 2 || !strings.Contains(stderr, "choose one") {
		t.Errorf("both flags: exit %d, %q", code, stderr)
	}
}

// TestWorkspaceFolderMustExist checks that -w into a folder that does not
// exist is an error, and creates nothing.
func TestWorkspaceFolderMustExist(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "no-such-folder", "w.parley")
	_, stderr, code := run(t, ws, "scenarios")
	if code != 2 || !strings.Contains(stderr, "the folder "+filepath.Join(dir, "no-such-folder")+" does not exist") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Dir(ws)); err == nil {
		t.Error("the folder was created")
	}
	// A new workspace in a folder that exists is still created.
	if _, stderr, code := run(t, filepath.Join(dir, "new.parley"), "scenarios"); code != 0 {
		t.Errorf("new workspace: exit %d, %q", code, stderr)
	}
}

// TestComputeTableMarksUpperBoundTotals checks the TOTAL line of the table:
// "≤" when the direction's total is an upper bound, as on the sector lines.
func TestComputeTableMarksUpperBoundTotals(t *testing.T) {
	out, _, code := run(t, newWorkspace(t), "compute", "today")
	if code != 0 {
		t.Fatal(out)
	}
	for _, block := range strings.Split(out, "\n\n") {
		lines := strings.Split(block, "\n")
		upper, total := false, ""
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "TOTAL") {
				total = l
			} else if strings.Contains(l, "≤") {
				upper = true
			}
		}
		if total != "" && upper != strings.Contains(total, "≤") {
			t.Errorf("sector lines with ≤: %v; TOTAL line %q", upper, total)
		}
	}
}
