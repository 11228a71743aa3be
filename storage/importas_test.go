package storage_test

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parley/storage"
	"parley/storage/storagetest"
)

// TestImportRenameConcurrent imports one file many times at once, from
// several handles on one workspace file (as several processes would), with
// ClashRename: every import must succeed under a name of its own.
func TestImportRenameConcurrent(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	list, err := w.Scenarios()
	if err != nil || len(list) == 0 {
		t.Fatalf("scenarios: %v %v", list, err)
	}
	file := filepath.Join(t.TempDir(), "s.json")
	if err := w.ExportScenarioFile(list[0].ID, file); err != nil {
		t.Fatal(err)
	}
	const handles, each = 4, 6
	var wg sync.WaitGroup
	names := make(chan string, handles*each)
	errs := make(chan error, handles*each)
	for h := 0; h < handles; h++ {
		o, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Close() })
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, name, err := o.ImportScenarioFileAs(file, storage.ClashRename)
				if err != nil {
					errs <- err
					continue
				}
				names <- name
			}
		}()
	}
	wg.Wait()
	close(names)
	close(errs)
	for err := range errs {
		t.Errorf("concurrent import --rename: %v", err)
	}
	seen := map[string]bool{}
	for n := range names {
		key := strings.ToLower(n)
		if seen[key] {
			t.Errorf("two imports stored as %q", n)
		}
		seen[key] = true
	}
	after, err := w.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(after), len(list)+len(seen); got != want {
		t.Errorf("%d scenarios after the imports, want %d", got, want)
	}
}
