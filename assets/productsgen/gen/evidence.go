package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"parley/storage/textextract"
)

// EvidenceCopies are the legal texts of the reference data's evidence/
// folder that Parley ships as built-in evidence documents, copied into the
// seeds folder under the name given (the document's id), byte for byte but
// for bytes that are not UTF-8 (see validUTF8).
// seeds/manifest.json gives their metadata and the PDF each comes from.
var EvidenceCopies = []struct{ From, To string }{
	{"s232_metals_annexes_text.txt", "s232-metals-annexes.txt"},
}

// EvidencePDFs are the PDFs of the reference data's evidence/ folder that
// Parley ships as built-in evidence documents, with their text extracted by
// package textextract (the code an import of the same PDF runs, so the text is
// the same) into the seeds folder under the name given.
var EvidencePDFs = []struct{ From, To string }{
	{"2025-15819.pdf", "fr-2025-15819.txt"},
	{"2025-23316.pdf", "fr-2025-23316.txt"},
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
		files = append(files, File{c.To, validUTF8(raw)})
	}
	if len(EvidencePDFs) == 0 {
		return files, nil
	}
	e, err := textextract.NewExtractor(textextract.PDFCacheDir())
	if err != nil {
		return nil, err
	}
	defer e.Close()
	for _, c := range EvidencePDFs {
		raw, err := os.ReadFile(filepath.Join(shared, "evidence", c.From))
		if err != nil {
			return nil, fmt.Errorf("read evidence/%s: %w", c.From, err)
		}
		t, err := e.Read(raw)
		if err != nil {
			return nil, fmt.Errorf("evidence/%s: %w", c.From, err)
		}
		files = append(files, File{c.To, []byte(textextract.JoinPages(t.Pages))})
	}
	return files, nil
}

// validUTF8 returns b with each byte that is not part of a UTF-8 sequence
// read as Windows-1252 text, as the PDF's text export wrote it: 0xAD, which
// the metals annexes use between two headings ("8702\xad8705"), becomes an
// en dash, since the annex PDF shows one there; any other such byte its
// Latin-1 character. Valid text is unchanged.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			if b[0] == 0xAD {
				r = '–'
			} else {
				r = rune(b[0])
			}
			n = 1
		}
		out = utf8.AppendRune(out, r)
		b = b[n:]
	}
	return out
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
