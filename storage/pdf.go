package storage

import (
	"fmt"
	"os"
	"path/filepath"

	"parley/storage/pdftext"
)

// readPDF returns the text of a PDF with the workspace's PDF reader, which
// it starts on first use (seconds the first time on a machine; the
// compiled reader is kept in Parley's folder of the user's cache directory)
// and Close stops.
func (w *Workspace) readPDF(data []byte) (pdftext.Text, error) {
	if !pdftext.IsPDF(data) {
		// Not worth starting the reader for.
		return pdftext.Text{}, fmt.Errorf("%w: it does not start with %%PDF-", pdftext.ErrNotPDF)
	}
	w.pdfMu.Lock()
	if w.pdf == nil {
		e, err := pdftext.New(pdfCacheDir())
		if err != nil {
			w.pdfMu.Unlock()
			return pdftext.Text{}, err
		}
		w.pdf = e
	}
	e := w.pdf
	w.pdfMu.Unlock()
	return e.Read(data)
}

// pdfCacheDir is where the compiled PDF reader is kept, "" (nowhere) when
// the system has no cache directory.
func pdfCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "Parley", "pdfium")
}

// closePDF stops the PDF reader, if it was started.
func (w *Workspace) closePDF() {
	w.pdfMu.Lock()
	defer w.pdfMu.Unlock()
	if w.pdf != nil {
		w.pdf.Close()
		w.pdf = nil
	}
}
