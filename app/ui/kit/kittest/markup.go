package kittest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// update rewrites the markup goldens: `go test ./app/ui/<view> -run Markup -update`.
var update = flag.Bool("update", false, "write the markup goldens under testdata/ from what the views render")

// AssertMarkup checks that o renders to the markup in testdata/golden, as
// Fyne's test.AssertObjectRendersToMarkup does: what differs is written to
// testdata/failed/golden. With -update that file replaces the golden; the
// run that writes it still fails, the next one passes.
func AssertMarkup(t *testing.T, golden string, o fyne.CanvasObject) {
	t.Helper()
	if test.AssertObjectRendersToMarkup(t, golden, o) || !*update {
		return
	}
	failed := filepath.Join("testdata", "failed", golden)
	if err := os.Rename(failed, filepath.Join("testdata", golden)); err != nil {
		t.Fatalf("update the golden: %v", err)
	}
	_ = os.Remove(filepath.Dir(failed)) // only when no other golden failed
	t.Logf("wrote testdata/%s: look at it, then run again", golden)
}
