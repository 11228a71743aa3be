package storage_test

import (
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage"
)

func TestSmoke(t *testing.T) {
	w, err := storage.Open(filepath.Join(t.TempDir(), "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	list, err := w.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		res, err := w.Compute(s.ID, scenarios.Date{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s %s %s m=%d dutyCA=%.3fbn dutyUS=%.3fbn rate=%.4f", s.ID, s.AsOf, s.Name, s.Measures, res.Totals[0].Duty/1e9, res.Totals[1].Duty/1e9, res.Totals[0].EffectiveRate)
	}
	hits, err := w.Search("aluminum tariffs", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		t.Logf("%s %.2f %q", h.Document, h.Score, h.Snippet)
	}
}
