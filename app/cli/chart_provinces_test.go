package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A provinces chart of a scenario whose trade data names no province or
// state is refused: exit 2, a message saying what to do, no file written.
func TestChartProvincesWithoutRegionsWritesNothing(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	for _, ext := range []string{".png", ".svg", ".csv"} {
		t.Run(ext, func(t *testing.T) {
			out := filepath.Join(dir, "provinces"+ext)
			stdout, stderr, code := run(t, ws, "chart", "today", "--kind", "provinces", "--out", out)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %q, stderr %q", code, stdout, stderr)
			}
			for _, want := range []string{"no province or state", "dataset import"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q does not say %q", stderr, want)
				}
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written (%v)", out, err)
			}
		})
	}
}
