package atomicfile_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parley/storage/atomicfile"
	"parley/storage/storagetest"
)

func TestWriteFileAtomic(t *testing.T) {
	old := []byte("the previous deck")
	content := []byte("the new deck")
	good := func(w io.Writer) error { _, err := w.Write(content); return err }
	// bad fails half-way, as an export does when a chart cannot be drawn.
	bad := func(w io.Writer) error {
		w.Write(content[:4])
		return errors.New("cannot draw the chart")
	}
	oldFile := func(t *testing.T, dir string) string {
		path := filepath.Join(dir, "deck.pptx")
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	newFile := func(t *testing.T, dir string) string { return filepath.Join(dir, "deck.pptx") }
	tests := []struct {
		name string
		// setup prepares dir and returns the path to write.
		setup   func(t *testing.T, dir string) string
		write   func(io.Writer) error
		wantErr bool
		// want is the content expected at the path afterwards: nil for the
		// content written, "absent" for no file.
		want []byte
	}{
		{"new file", newFile, good, false, nil},
		{"replace file", oldFile, good, false, nil},
		{"missing folder", func(t *testing.T, dir string) string { return filepath.Join(dir, "no", "such", "deck.pptx") }, good, true, []byte("absent")},
		{"folder is a file", func(t *testing.T, dir string) string {
			file := filepath.Join(dir, "file")
			if err := os.WriteFile(file, old, 0o644); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(file, "deck.pptx")
		}, good, true, []byte("absent")},
		{"failed write keeps the old file", oldFile, bad, true, old},
		{"failed write creates nothing", newFile, bad, true, []byte("absent")},
		{"rename fails after writing", func(t *testing.T, dir string) string {
			// A non-empty folder cannot be replaced by a file: the content is
			// written to a temporary file, then the rename fails.
			path := filepath.Join(dir, "deck.pptx")
			if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			return path
		}, good, true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tc.setup(t, dir)
			before := storagetest.ListDir(t, dir)
			err := atomicfile.WriteFile(path, tc.write)
			if (err != nil) != tc.wantErr {
				t.Fatalf("WriteFileAtomic: %v, want error %v", err, tc.wantErr)
			}
			after := storagetest.ListDir(t, dir)
			if tc.wantErr {
				if !slices.Equal(before, after) {
					t.Errorf("files after a failed write %v, before %v", after, before)
				}
			} else if want := append(slices.Clone(before), "deck.pptx"); !slices.Equal(after, want) && !slices.Equal(after, before) {
				t.Errorf("files %v, want %v", after, want)
			}
			got, rerr := os.ReadFile(path)
			switch {
			case string(tc.want) == "absent":
				if rerr == nil {
					t.Errorf("%s exists after a failed write", path)
				}
			case tc.want != nil:
				if !bytes.Equal(got, tc.want) {
					t.Errorf("%s = %q, want it untouched (%q)", path, got, tc.want)
				}
			case !tc.wantErr:
				if !bytes.Equal(got, content) {
					t.Errorf("%s = %q, want %q", path, got, content)
				}
				if info, err := os.Stat(path); err != nil || info.Mode().Perm()&0o444 != 0o444 {
					t.Errorf("file not readable by all: %v %v", info, err)
				}
			}
		})
	}
}
