package storage_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage"
)

// userListCodes returns n distinct HTS10 codes from start.
func userListCodes(start, n int) []string {
	codes := make([]string, n)
	for i := range codes {
		codes[i] = fmt.Sprintf("%010d", 101000000+start+i*7)
	}
	return codes
}

// BenchmarkCreateList stores a list of 5,000 codes (replacing it each time).
func BenchmarkCreateList(b *testing.B) {
	w, err := storage.Open(filepath.Join(b.TempDir(), "w.parley"))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	codes := userListCodes(0, 5000)
	b.ResetTimer()
	for b.Loop() {
		if err := w.ReplaceList(scenarios.ProductList{Name: "bench", Codes: codes}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkModelUserLists is the cost of a model in a workspace with 60
// user lists of 5,000 codes, which every model reads.
func BenchmarkModelUserLists(b *testing.B) {
	for _, lists := range []int{0, 60} {
		b.Run(fmt.Sprintf("lists=%d", lists), func(b *testing.B) {
			w, err := storage.Open(filepath.Join(b.TempDir(), "w.parley"))
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			for i := range lists {
				if err := w.CreateList(scenarios.ProductList{Name: fmt.Sprintf("l%d", i), Codes: userListCodes(i, 5000)}); err != nil {
					b.Fatal(err)
				}
			}
			a := scenarios.DefaultAssumptions()
			if _, err := w.Model(a); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := w.Model(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
