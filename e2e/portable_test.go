package e2e

// Portable mode, for travel: a workspace file named parley-workspace.parley
// next to the executable (on a USB stick, say) is used instead of the default
// one, and a workspace file moved alone to another machine keeps everything.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runExe runs the executable exe with args on a fresh environment whose home
// folder is home (see freshEnv).
func runExe(t *testing.T, exe, home string, args ...string) result {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Env = freshEnv(home)
	r := execute(t, cmd)
	if r.code != 0 {
		t.Fatalf("%s %v: exit %d\nstdout: %s\nstderr: %s", exe, args, r.code, r.stdout, r.stderr)
	}
	return r
}

func copyTo(t *testing.T, from, to string, perm os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, perm); err != nil {
		t.Fatal(err)
	}
}

// noSidecars fails if a SQLite -wal, -shm or -journal file is left beside the
// workspace file: after the process exited, the file alone holds everything.
func noSidecars(t *testing.T, workspace string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(workspace + suffix); err == nil {
			t.Errorf("%s%s is left after parley exited", workspace, suffix)
		}
	}
}

func TestPortableWorkspace(t *testing.T) {
	root := t.TempDir()
	stick := filepath.Join(root, "stick")
	exe := filepath.Join(stick, "parley")
	copyTo(t, binary, exe, 0o755)
	portable := filepath.Join(stick, "parley-workspace.parley")

	// A scenario file and a document to take along.
	scratch := filepath.Join(root, "scratch.parley")
	threat := filepath.Join(root, "threat.json")
	runExe(t, binary, t.TempDir(), "--workspace", scratch, "export-scenario", "threat-25", "--out", threat)
	b, err := os.ReadFile(threat)
	if err != nil {
		t.Fatal(err)
	}
	travel := filepath.Join(root, "travel.json")
	b = bytes.Replace(b, []byte(`"name": "Threat: 25% on all Canadian goods"`), []byte(`"name": "Travel copy"`), 1)
	if err := os.WriteFile(travel, b, 0o644); err != nil {
		t.Fatal(err)
	}
	brief := filepath.Join(root, "brief.md")
	if err := os.WriteFile(brief, []byte("# Travel brief\n\nQuota talks on softwood lumber resume in Ottawa; "+
		"the zyxquota proposal caps duty-free volumes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// On the first machine: create the portable workspace on the stick.
	home1 := t.TempDir()
	if id := strings.TrimSpace(runExe(t, exe, home1, "--workspace", portable, "import", travel).stdout); id != "travel-copy" {
		t.Fatalf("import printed %q, want travel-copy", id)
	}
	doc, _, _ := strings.Cut(runExe(t, exe, home1, "--workspace", portable, "evidence", "import", brief).stdout, "\t")
	if doc == "" {
		t.Fatal("evidence import printed no document id")
	}
	noSidecars(t, portable)

	// Without --workspace, and another home folder: the stick's executable
	// uses the workspace beside it, not the default one.
	home2 := t.TempDir()
	if out := runExe(t, exe, home2, "scenarios").stdout; !strings.Contains(out, "travel-copy\t") {
		t.Fatalf("the copied executable does not use its portable workspace: scenarios lists\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(home2, ".config", "Parley")); err == nil {
		t.Error("a default workspace was created although a portable one is beside the executable")
	}
	noSidecars(t, portable)

	// The workspace file alone, moved to another machine: everything is there.
	other := filepath.Join(root, "other-machine", "moved.parley")
	copyTo(t, portable, other, 0o644)
	home3 := t.TempDir()
	for _, args := range [][]string{
		{"scenarios"},
		{"compute", "travel-copy", "--format", "json"},
		{"compute", "today", "--format", "csv"},
		{"library"},
		{"evidence", "list"},
		{"evidence", "show", doc},
		{"evidence", "search", "zyxquota"},
	} {
		want := runExe(t, exe, home2, args...).stdout
		got := runExe(t, binary, home3, append([]string{"--workspace", other}, args...)...).stdout
		if got != want {
			t.Errorf("parley %v differs on the moved workspace:\n%s\nwant\n%s", args, got, want)
		}
		if args[0] == "evidence" && args[1] == "search" && !strings.Contains(got, doc) {
			t.Errorf("evidence search zyxquota does not find the imported document:\n%s", got)
		}
	}
	noSidecars(t, other)
	if _, err := os.Stat(filepath.Join(home3, ".config", "Parley")); err == nil {
		t.Error("a default workspace was created although --workspace was given")
	}
}
