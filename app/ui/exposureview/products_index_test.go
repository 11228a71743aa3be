package exposureview

import (
	"slices"
	"testing"
	"time"

	"parley/app/ui/kit/kittest"
	"parley/app/ui/present"
	"parley/scenarios"
)

// codes returns the codes of the rows listed, in the table's order.
func codes(v *Products) []string {
	var out []string
	for r := range v.rows {
		out = append(out, v.rows[v.table.Row(r)].Code)
	}
	return out
}

// until runs what workers post for the UI goroutine until cond.
func until(t testing.TB, nav *testNav, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-nav.queue:
			f()
		case <-deadline:
			t.Fatalf("%s: not within 30 s", what)
		}
	}
}

// TestProductsIndexOffTheUIGoroutine: the product search opens and takes
// keys while the scenario's lines are indexed on a worker (whose result
// waits in the test's queue, so that the keys surely come first): it says
// so, lists nothing, then lists what it would have listed had the index
// been ready.
func TestProductsIndexOffTheUIGoroutine(t *testing.T) {
	for _, tc := range []struct {
		name, sector, query string
		dir                 scenarios.Direction
	}{
		{"a code", "", "4407.11", scenarios.CAtoUS},
		{"words", "", "aluminum", scenarios.CAtoUS},
		{"a sector, no query", "LUMBER", "", scenarios.CAtoUS},
		{"into Canada", "", "72", scenarios.UStoCA},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, nav := newTestPanel(t)
			nav.open("today")
			v := p.ShowProducts(scenarios.CAtoUS, "", "")
			if !v.Indexing() || len(v.rows) != 0 || v.info.Text != indexingText {
				t.Fatalf("on opening: indexing %v, %d rows, info %q", v.Indexing(), len(v.rows), v.info.Text)
			}
			// What the user does while the lines are indexed returns at
			// once: the index is still being built (its result is queued).
			if tc.dir != scenarios.CAtoUS {
				v.SetDirection(tc.dir)
			}
			if tc.sector != "" {
				v.sectorSel.SetSelected(present.SectorLabel(p.sess.Sectors(), tc.sector))
			}
			kittest.TypeInto(v.query, tc.query)
			if !v.Indexing() || len(v.rows) != 0 || v.info.Text != indexingText {
				t.Fatalf("after typing: indexing %v, %d rows, info %q", v.Indexing(), len(v.rows), v.info.Text)
			}
			until(t, nav, "the index", func() bool { return !v.Indexing() })
			got, info := codes(v), v.info.Text
			if len(got) == 0 || info == indexingText {
				t.Fatalf("indexed: %d rows, info %q", len(got), info)
			}
			// The same listing as with the index ready.
			v.Open(tc.dir, tc.sector, tc.query)
			if v.Indexing() || !slices.Equal(codes(v), got) || v.info.Text != info {
				t.Errorf("with the index ready: %d rows (%d while indexing), info %q, was %q", len(v.rows), len(got), v.info.Text, info)
			}
		})
	}
}
