package present

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	pstorage "parley/storage"
)

// ImportProblem says in one line why the file at path was not imported,
// naming it once: the errors of the workspace name the path, the action
// and the file again.
func ImportProblem(path string, err error) string {
	base := filepath.Base(path)
	msg := err.Error()
	for _, cut := range []string{"import " + path + ": ", pstorage.ErrBadDocument.Error() + ": ", path + ": ", base + ": "} {
		msg = strings.ReplaceAll(msg, cut, "")
	}
	msg = strings.ReplaceAll(msg, path, base)
	msg = strings.ReplaceAll(msg, ": "+base+" ", ": it ")
	if rest, ok := strings.CutPrefix(msg, base+" "); ok {
		msg = "it " + rest
	}
	return base + ": " + msg
}

// DocumentExts are the files the evidence library imports.
var DocumentExts = []string{".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}

// DocumentFiles lists the importable files of dir, sorted.
func DocumentFiles(dir string) ([]string, error) {
	paths, _, err := ScanFolder(dir)
	return paths, err
}

// ScanFolder lists the importable files of dir, sorted, and says in one
// line per file which other files it skips and why (folders and hidden
// files are passed over silently).
func ScanFolder(dir string) (paths, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case slices.Contains(DocumentExts, ext):
			paths = append(paths, filepath.Join(dir, name))
		default:
			skipped = append(skipped, name+": not a .txt, .md, .html or .pdf file")
		}
	}
	return paths, skipped, nil
}
