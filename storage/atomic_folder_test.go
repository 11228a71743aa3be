package storage_test

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"parley/storage"
)

// TestWriteFileAtomicNamesTheFolder checks that a write into a folder where
// no file can be created names that folder, not the temporary file.
func TestWriteFileAtomicNamesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	path := filepath.Join(dir, "chart.png")
	err := storage.WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "cannot create a file in the folder "+dir) || strings.Contains(msg, ".tmp") || !storage.IsBadInput(err) {
		t.Errorf("error %q (bad input %v)", msg, storage.IsBadInput(err))
	}
}
