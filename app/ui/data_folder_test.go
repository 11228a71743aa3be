package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// Dialogs for data files (trade data, scenario files, evidence) start in
// the user's documents folder, then in the folder last used: never in the
// configuration folder the workspace lives in.
func TestDataFileDialogsStartInDocumentsThenTheLastFolder(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	docs := filepath.Join(os.Getenv("HOME"), "Documents")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t)
	if got := u.dataFolderPath(); got != docs {
		t.Errorf("first data file dialog starts in %q, want the documents folder %q (workspace in %q)", got, docs, filepath.Dir(u.sess.Workspace().Path()))
	}
	last := t.TempDir()
	u.dataFileUsed(func(string) {})(filepath.Join(last, "trade.csv"))
	if got := u.dataFolderPath(); got != last {
		t.Errorf("after a file in %q, the dialog starts in %q", last, got)
	}
	if err := os.Remove(last); err != nil {
		t.Fatal(err)
	}
	if got := u.dataFolderPath(); got != docs {
		t.Errorf("last folder removed: the dialog starts in %q, want %q", got, docs)
	}
}
