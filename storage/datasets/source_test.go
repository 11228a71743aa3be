package datasets_test

import (
	"parley/storage"
	"parley/storage/storagetest"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage/tradefile"
)

// A scenario on the user's dataset names it and its source in the source
// lines that charts, CSV files and decks print as footnotes.
func TestSourceLinesNameTheUsersDatasetAndItsSource(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	s := spec("My DataWeb pull")
	s.Source = "USITC DataWeb query of 3 March 2026"
	importData(t, w, writeData(t, "dataweb.csv", dataweb), s, tradefile.Options{})
	a := scenarios.DefaultAssumptions()
	a.BaselineYear = 2024
	a.Datasets.CAtoUS = "My DataWeb pull"
	lines, err := w.SourceLines(a)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(lines, "\n")
	for _, want := range []string{`the user's dataset "My DataWeb pull"`, "USITC DataWeb query of 3 March 2026", "dataweb.csv", "values in US$"} {
		if !strings.Contains(joined, want) {
			t.Errorf("source lines lack %q:\n%s", want, joined)
		}
	}
}
