package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/ui/present"
)

// TestImportErrorNamesTheFile checks that a scenario file with a typo is
// refused with the file's own measures, lines and columns, whatever
// scenario is open.
func TestImportErrorNamesTheFile(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today") // its first measures are not the file's
	path := filepath.Join(t.TempDir(), "typo.json")
	data := `{"format": "parley.scenario/1", "name": "Typo", "as_of": "2025-01-01", "measures": [
  {"id": "a", "label": "Lumber duty", "imposer": "US", "sectors": {"STEAL": 1}, "rate": 0.1, "effective_from": "2025-01-01"}]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	n := len(u.sess.Infos())
	u.importScenario(path)
	got := shownText(u)
	for _, want := range []string{"typo.json", "line 2, column", "Measure “Lumber duty”", "unknown sector"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q lacks %q", got, want)
		}
	}
	if first := present.MeasureName(&u.sess.Draft().Measures[0]); strings.Contains(got, "“"+first+"”") {
		t.Errorf("error %q names the open scenario's measure %q", got, first)
	}
	if len(u.sess.Infos()) != n {
		t.Error("a refused file was imported")
	}
}
