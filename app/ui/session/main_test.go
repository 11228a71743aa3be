package session_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"parley/storage"
)

// template is a new workspace, made once: each test works on a copy of
// it, which opening a workspace file copied alone allows.
var template string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-session-test")
	if err != nil {
		panic(err)
	}
	template = filepath.Join(dir, "template.parley")
	ws, err := storage.Open(template)
	if err == nil {
		err = ws.Close()
	}
	code := 1
	if err == nil {
		code = m.Run()
	} else {
		os.Stderr.WriteString("make the template workspace: " + err.Error() + "\n")
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// newWorkspace returns the path of a copy of the template workspace in a
// temporary folder of t.
func newWorkspace(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.parley")
	src, err := os.Open(template)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
