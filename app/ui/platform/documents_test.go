package platform_test

import (
	"os"
	"path/filepath"
	"testing"

	"parley/app/ui/platform"
)

func TestDocumentsFolderForExports(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	if got := platform.DocumentsFolder(); got != home {
		t.Errorf("no Documents folder: %q, want the home folder", got)
	}
	docs := filepath.Join(home, "Documents")
	os.Mkdir(docs, 0o755)
	if got := platform.DocumentsFolder(); got != docs {
		t.Errorf("%q, want %q", got, docs)
	}
	mine := filepath.Join(home, "Dokumente")
	os.Mkdir(mine, 0o755)
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"), 0o644)
	if got := platform.DocumentsFolder(); got != mine {
		t.Errorf("%q, want the XDG documents folder %q", got, mine)
	}
}
