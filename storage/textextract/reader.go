package textextract

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// PDFReader is a PDF reader started on first use (seconds the first time
// on a machine; the compiled reader is kept in CacheDir) and stopped by
// Close. The zero value keeps no compiled code; it is safe for concurrent
// use.
type PDFReader struct {
	// CacheDir is where the compiled reader is kept between runs (see
	// NewExtractor), "" for nowhere.
	CacheDir string

	mu sync.Mutex
	e  *Extractor
}

// Read returns the text of a PDF, starting the reader if need be. Data
// that is not a PDF is refused (ErrNotPDF) without starting it.
func (r *PDFReader) Read(data []byte) (PDFText, error) {
	if !IsPDF(data) {
		return PDFText{}, fmt.Errorf("%w: it does not start with %%PDF-", ErrNotPDF)
	}
	r.mu.Lock()
	if r.e == nil {
		e, err := NewExtractor(r.CacheDir)
		if err != nil {
			r.mu.Unlock()
			return PDFText{}, err
		}
		r.e = e
	}
	e := r.e
	r.mu.Unlock()
	return e.Read(data)
}

// Close stops the reader, if it was started.
func (r *PDFReader) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.e != nil {
		r.e.Close()
		r.e = nil
	}
}

// PDFCacheDir is where Parley keeps the compiled PDF reader: in Parley's
// folder of the user's cache directory, "" (nowhere) when the system has
// none.
func PDFCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "Parley", "pdfium")
}
