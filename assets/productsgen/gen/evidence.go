package gen

import (
	"fmt"
	"os"
	"path/filepath"
)

// EvidenceCopies are the legal texts of the reference data's evidence/
// folder that Parley ships as built-in evidence documents, copied byte for
// byte into the seeds folder under the name given (the document's id).
// seeds/manifest.json gives their metadata and the PDF each comes from.
var EvidenceCopies = []struct{ From, To string }{
	{"s232_metals_annexes_text.txt", "s232-metals-annexes.txt"},
}

// Evidence derives the built-in evidence documents from the reference data
// in shared (the folder that holds evidence/): their text files, named as
// the seeds folder embeds them.
func Evidence(shared string) ([]File, error) {
	var files []File
	for _, c := range EvidenceCopies {
		raw, err := os.ReadFile(filepath.Join(shared, "evidence", c.From))
		if err != nil {
			return nil, fmt.Errorf("read evidence/%s: %w", c.From, err)
		}
		files = append(files, File{c.To, raw})
	}
	return files, nil
}

// GenerateEvidence writes the files of Evidence under out (the seeds
// folder) and returns them.
func GenerateEvidence(shared, out string) ([]File, error) {
	files, err := Evidence(shared)
	if err != nil {
		return nil, err
	}
	return files, write(out, files)
}

// write writes files under the folder out.
func write(out string, files []File) error {
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
	}
	return nil
}
