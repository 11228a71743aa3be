package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage/storagetest"
)

const builtinHeadline = `measures as of 2026-10-10, pack "Parley built-in measure library" by Parley`

// TestLibraryDiffHandMadePack: a hand-made pack imported, then the diff of
// its next version, figure by figure. The duty of today is the lines of
// the list's headings in the 2024 baseline (hts10_2024.csv.gz): 7208.10 and
// 7208.25 hold US$113,331,156, at 10% US$11,333,115.60; with 7216.10 they
// hold US$149,589,311, at 25% US$37,397,327.75.
func TestLibraryDiffHandMadePack(t *testing.T) {
	ws := newWorkspace(t)
	out, errOut, code := run(t, ws, "library")
	if code != 0 || !strings.HasPrefix(out, builtinHeadline+"\n") {
		t.Fatalf("library: %d %q %s", code, firstLine(out), errOut)
	}
	out, errOut, code = run(t, ws, "library", "import", filepath.Join("testdata", "packs", "old"))
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	want := `measures as of 2026-11-01, pack "Ministry steel watch" by Trade analysis unit
imported 2 measures and 1 lists from testdata/packs/old (2 added, 59 removed, 0 changed); scenarios are unchanged until re-based
`
	if out != want {
		t.Errorf("import printed\n%s\nwant\n%s", out, want)
	}
	out, errOut, code = run(t, ws, "library", "diff", filepath.Join("testdata", "packs", "new"))
	if code != 0 {
		t.Fatalf("diff: %d %s", code, errOut)
	}
	want = `library: measures as of 2026-11-01 (Ministry steel watch) -> as of 2026-12-01 (Ministry steel watch)
+ measure MY-THREAT: Threatened steel duty
- measure MY-OLD: Live animals duty
~ measure MY-STEEL: Steel annex duty
    rate: "0.1" -> "0.25"
    source: "Proclamation X" -> "Proclamation X as amended"
~ list my-annex: 2 -> 3 codes, +1 (721610)
today (2026-11-22), every measure of the library in force:
  ca_to_us: duty US$11,333,116 -> US$37,397,328 (+US$26,064,212), effective rate <0.1% -> <0.1%
  us_to_ca: duty US$0 -> US$0 (+US$0), effective rate 0.0% -> 0.0%
`
	if out != want {
		t.Errorf("diff printed\n%s\nwant\n%s", out, want)
	}
	out, _, _ = run(t, ws, "library")
	if !strings.HasPrefix(out, `measures as of 2026-11-01, pack "Ministry steel watch" by Trade analysis unit`+"\n") ||
		!strings.Contains(out, "MY-STEEL\t2026-01-01\t-\t10.0%\tUS\tSteel annex duty\n") {
		t.Errorf("library after import:\n%s", out)
	}
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

// copyPack copies the hand-made pack dir into a new folder.
func copyPack(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "pack")
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestLibraryImportRefused: a bad pack exits 2 naming the file, row and
// field, and leaves the workspace as it was.
func TestLibraryImportRefused(t *testing.T) {
	ws := newWorkspace(t)
	if _, errOut, code := run(t, ws, "library"); code != 0 {
		t.Fatal(errOut)
	}
	edit := func(part, old, new string) func(dir string) {
		return func(dir string) {
			name := filepath.Join(dir, filepath.FromSlash(part))
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s lacks %q", part, old)
			}
			if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		name string
		edit func(dir string)
		want string
	}{
		{"unknown list", edit("measures.csv", "list:my-annex,2027", "list:no-annex,2027"), "measures.csv row 3, field include: unknown list \"no-annex\""},
		{"bad date", edit("measures.csv", "2027-01-01", "2027-13-01"), "measures.csv row 3, field effective_from"},
		{"rate out of range", edit("measures.csv", ",50%,", ",1500%,"), "measures.csv row 3, field rate: 1500% is out of range"},
		{"missing source", edit("measures.csv", "Press statement Z", ""), "measures.csv row 3, field source: must cite"},
		{"bad code", edit("lists/my-annex.csv", "7216.10", "7216.1X"), "lists/my-annex.csv row 3, field code"},
		{"not a pack", func(dir string) { os.Remove(filepath.Join(dir, "pack.json")) }, "pack.json: not a library pack"},
	}
	before := storagetest.Dump(t, ws)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyPack(t, filepath.Join("testdata", "packs", "new"))
			c.edit(dir)
			_, errOut, code := run(t, ws, "library", "import", dir)
			if code != 2 {
				t.Fatalf("exit %d, want 2: %s", code, errOut)
			}
			if !strings.Contains(errOut, dir) || !strings.Contains(errOut, c.want) {
				t.Errorf("stderr %q lacks the pack %s or %q", errOut, dir, c.want)
			}
			if storagetest.Dump(t, ws) != before {
				t.Error("the workspace changed")
			}
		})
	}
}

// TestLibraryExportImportRoundTrip: the built-in library exported, and
// imported into a fresh workspace whose library was another, gives the
// same pack byte for byte and the same compute --format json of every
// built-in scenario.
func TestLibraryExportImportRoundTrip(t *testing.T) {
	a, b := newWorkspace(t), newWorkspace(t)
	dir := t.TempDir()
	zipA, zipB := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.zip")
	if _, errOut, code := run(t, a, "library", "export", "--out", zipA); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, b, "library", "import", filepath.Join("testdata", "packs", "old")); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, b, "library", "import", zipA); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, b, "library", "export", "--out", zipB); code != 0 {
		t.Fatal(errOut)
	}
	ba, _ := os.ReadFile(zipA)
	bb, _ := os.ReadFile(zipB)
	if len(ba) == 0 || !bytes.Equal(ba, bb) {
		t.Fatalf("the library exported after the round trip differs (%d and %d bytes)", len(ba), len(bb))
	}
	out, _, _ := run(t, b, "library")
	if !strings.HasPrefix(out, builtinHeadline+"\n") {
		t.Errorf("library after the round trip: %q", firstLine(out))
	}
	list, _, _ := run(t, a, "scenarios")
	for _, line := range strings.Split(strings.TrimSpace(list), "\n")[1:] {
		id, _, _ := strings.Cut(line, "\t")
		ja, _, ca := run(t, a, "compute", id, "--format", "json")
		jb, _, cb := run(t, b, "compute", id, "--format", "json")
		if ca != 0 || cb != 0 || ja != jb {
			t.Errorf("%s: compute --format json differs after the round trip", id)
		}
	}
}
