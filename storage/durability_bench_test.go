package storage

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkSaveScenario measures a user's edit as the app saves it (one
// scenario of 6 to 10 measures, validated and written in one transaction)
// under synchronous=NORMAL, which may lose the last commits on power loss,
// and FULL, which Parley uses so that a saved change survives a power loss. Run it where the
// workspaces live: `go test -bench SaveScenario ./storage` puts them in the
// temporary folder ($TMPDIR).
func BenchmarkSaveScenario(b *testing.B) {
	for _, mode := range []string{"NORMAL", "FULL"} {
		b.Run(mode, func(b *testing.B) {
			defer func(old string) { synchronous = old }(synchronous)
			synchronous = mode
			w, err := Open(filepath.Join(b.TempDir(), "w.parley"))
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			sc, rev, err := w.ScenarioRev("aug-2025")
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				sc.Description = fmt.Sprintf("edit %d", i)
				if rev, err = w.SaveScenario("aug-2025", sc, rev); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
