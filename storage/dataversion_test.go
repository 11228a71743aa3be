package storage_test

import (
	"os"
	"path/filepath"
	"testing"

	"parley/storage"
)

// TestDataVersion checks that DataVersion changes when another process (here
// another Workspace on the same file) commits, stays put otherwise, and that
// Close still folds the write-ahead log into the file.
func TestDataVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parley")
	app, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v0, err := app.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := app.DataVersion(); v != v0 {
		t.Errorf("the version moved with no change: %d then %d", v0, v)
	}
	cli, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := cli.Scenario("threat-25")
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "Threat, renamed by the command line"
	if _, err := cli.CreateScenario(sc); err != nil {
		t.Fatal(err)
	}
	cli.Close()
	v1, err := app.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v1 == v0 {
		t.Errorf("the version did not change after another connection's commit (%d)", v0)
	}
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a -wal file is left after Close")
	}
	if _, err := app.DataVersion(); err == nil {
		t.Error("DataVersion works on a closed workspace")
	}
}
