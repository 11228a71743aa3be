package campaign_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// libraryPacks writes the two packs the kill campaign imports in turn: the
// workspace's own library (A), and that library with every rate raised by a
// point and 20 lists of the analyst's own of 5,000 codes, each named by a
// measure of its own (B). It returns their paths and the zip bytes the
// workspace exports after a whole import of each.
func libraryPacks(t *testing.T, ws, dir string) (paths [2]string, exports [2][]byte) {
	t.Helper()
	w, err := storage.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	a, err := w.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	var b library.Pack = *a
	b.Info.Title, b.Info.Vintage = "Kill campaign pack", "2026-12-06"
	b.Measures = nil
	for _, m := range a.Measures {
		if m.Kind != scenarios.KindBan {
			m.Rate += 0.01
		}
		b.Measures = append(b.Measures, m)
	}
	b.Lists = scenarios.ProductLists{}
	for name, l := range a.Lists {
		b.Lists[name] = l
	}
	for i := range 20 {
		name := fmt.Sprintf("kill-list-%02d", i)
		codes := make([]string, 5000)
		for j := range codes {
			codes[j] = fmt.Sprintf("%02d%08d", 25+i, j*9973)
		}
		b.Lists[name] = &scenarios.ProductList{Name: name, Title: "kill campaign list", Source: "generated", Codes: codes}
		b.Measures = append(b.Measures, library.Measure{Measure: scenarios.Measure{ID: fmt.Sprintf("KILL-%02d", i),
			Label: "kill campaign measure", Imposer: scenarios.ImposerUS, Program: "KILL", Rate: 0.1,
			Products: &scenarios.ProductScope{Include: []string{scenarios.ListPrefix + name}},
			From:     scenarios.MustDate("2026-12-01"), YieldsTo: []string{}, UpperBound: []string{},
			Evidence: []scenarios.Evidence{{Citation: "kill campaign"}}}})
	}
	for i, p := range []*library.Pack{a, &b} {
		var buf bytes.Buffer
		if err := p.WriteZip(&buf); err != nil {
			t.Fatal(err)
		}
		paths[i] = filepath.Join(dir, fmt.Sprintf("pack-%d.zip", i))
		if err := os.WriteFile(paths[i], buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// What the workspace exports after a whole import of each: import
	// into a copy of the workspace.
	for i := range paths {
		cp := filepath.Join(dir, fmt.Sprintf("copy-%d.parley", i))
		if out, err := parley(t, cp, "library", "import", paths[i]).CombinedOutput(); err != nil {
			t.Fatalf("import %s: %v\n%s", paths[i], err, out)
		}
		exports[i] = exportLibrary(t, cp)
		os.Remove(cp)
	}
	if bytes.Equal(exports[0], exports[1]) {
		t.Fatal("the two packs export the same library")
	}
	return paths, exports
}

// exportLibrary returns the zip the workspace at ws exports of its library.
func exportLibrary(t *testing.T, ws string) []byte {
	t.Helper()
	w, err := storage.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	p, err := w.LibraryPack()
	if err != nil {
		t.Fatalf("read the library: %v", err)
	}
	var buf bytes.Buffer
	if err := p.WriteZip(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// libraryWhole returns "" when the workspace's library is exactly one of
// the two packs' (never a mix), else what it is.
func libraryWhole(t *testing.T, ws string, exports [2][]byte) string {
	got := exportLibrary(t, ws)
	if bytes.Equal(got, exports[0]) || bytes.Equal(got, exports[1]) {
		return ""
	}
	return fmt.Sprintf("the library is neither pack's (%d bytes exported)", len(got))
}

// scenarioCount returns how many scenarios a new workspace at ws holds (the
// built-in ones), and removes it.
func scenarioCount(t *testing.T, ws string) int {
	t.Helper()
	w, err := storage.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	list, err := w.Scenarios()
	w.Close()
	os.Remove(ws)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
