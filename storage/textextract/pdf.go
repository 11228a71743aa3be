// Package textextract takes the text out of the documents of the evidence
// library: plain text, Markdown and HTML (markup dropped, metadata kept), and
// PDF page by page, in reading order, with PDFium (the PDF engine of Chromium) compiled to WebAssembly and run by
// wazero: pure Go, no cgo, the same on every platform. The app's evidence
// import and the generator of the built-in documents both use it, so the
// text of a built-in PDF is what an import of the same file gives.
package textextract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Reasons a PDF yields no text.
var (
	// ErrNotPDF: the file does not start as a PDF does, or PDFium cannot
	// read it (damaged or truncated).
	ErrNotPDF = errors.New("not a readable PDF")
	// ErrEncrypted: the PDF needs a password, or uses an encryption PDFium
	// does not know.
	ErrEncrypted = errors.New("encrypted PDF")
	// ErrNoText: no page has a text layer (a scanned PDF).
	ErrNoText = errors.New("no text layer")
)

// PageBreak separates pages in the text of a document: a blank line, then a
// form feed at the start of the page's first line, as pdftotext writes it.
// The page of an offset in such a text is 1 plus the form feeds before it.
const PageBreak = "\n\n\f"

// Extractor reads PDFs with one PDFium instance. It is safe for concurrent
// use (one PDF at a time); Close releases it.
type Extractor struct {
	mu    sync.Mutex
	pool  pdfium.Pool
	inst  pdfium.Pdfium
	cache wazero.CompilationCache
}

// NewExtractor starts PDFium. Compiling its WebAssembly takes seconds; with a
// cacheDir (created if need be) the compiled code is kept there and later
// starts take a fraction of a second. An empty cacheDir keeps nothing.
// PDFium sees no file system: documents are passed as bytes.
func NewExtractor(cacheDir string) (*Extractor, error) {
	cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	e := &Extractor{}
	if cacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cacheDir)
		if err == nil {
			e.cache = c
			cfg = cfg.WithCompilationCache(c)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
		FSConfig: wazero.NewFSConfig(), RuntimeConfig: cfg, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		e.closeCache()
		return nil, fmt.Errorf("start the PDF reader: %w", err)
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		pool.Close()
		e.closeCache()
		return nil, fmt.Errorf("start the PDF reader: %w", err)
	}
	e.pool, e.inst = pool, inst
	return e, nil
}

func (e *Extractor) closeCache() {
	if e.cache != nil {
		e.cache.Close(context.Background())
	}
}

// Close stops PDFium.
func (e *Extractor) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.pool == nil {
		return nil
	}
	e.inst.Close()
	err := e.pool.Close()
	e.closeCache()
	e.pool, e.inst = nil, nil
	return err
}

// IsPDF reports whether data starts as a PDF file does: "%PDF-" within its
// first 1024 bytes (what readers accept).
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// PDFText is what a PDF says: the text of each page, page i+1 at index i, and
// the title of its document information ("" when none).
type PDFText struct {
	Pages []string
	Title string
}

// Read returns the text of each page of the PDF in data, in reading order
// (PDFium's): lines joined by "\n", white space at line ends and control
// characters dropped; a page without text is "". It fails with ErrNotPDF,
// ErrEncrypted or ErrNoText (every page empty).
func (e *Extractor) Read(data []byte) (PDFText, error) {
	if !IsPDF(data) {
		return PDFText{}, fmt.Errorf("%w: it does not start with %%PDF-", ErrNotPDF)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.pool == nil {
		return PDFText{}, errors.New("the PDF reader is closed")
	}
	doc, err := e.inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdferr.ErrPassword):
			return PDFText{}, fmt.Errorf("%w: it needs a password to open", ErrEncrypted)
		case errors.Is(err, pdferr.ErrSecurity):
			return PDFText{}, fmt.Errorf("%w: its encryption is of a kind Parley cannot read", ErrEncrypted)
		}
		return PDFText{}, fmt.Errorf("%w: %v", ErrNotPDF, err)
	}
	defer e.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := e.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return PDFText{}, fmt.Errorf("%w: %v", ErrNotPDF, err)
	}
	out := PDFText{Pages: make([]string, n.PageCount)}
	if m, err := e.inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: "Title"}); err == nil {
		out.Title = strings.Join(strings.Fields(clean(m.Value)), " ")
	}
	found := false
	for i := range out.Pages {
		t, err := e.inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			return PDFText{}, fmt.Errorf("%w: page %d: %v", ErrNotPDF, i+1, err)
		}
		out.Pages[i] = clean(t.Text)
		found = found || strings.TrimSpace(out.Pages[i]) != ""
	}
	if !found {
		return PDFText{}, fmt.Errorf("%w: none of its %d pages has text (a scanned PDF? run it through OCR first)", ErrNoText, len(out.Pages))
	}
	return out, nil
}

// clean makes PDFium's text of a page plain lines: "\r\n" and "\r" become
// "\n", control characters other than tabs go, white space at line ends
// and blank lines at either end are dropped.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u00a0':
			return ' '
		case unicode.IsControl(r) || r == '\ufffe' || r == '\uffff':
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// JoinPages returns the text of a document of pages: the pages separated by
// PageBreak, an empty page kept as an empty one so that page numbers hold.
func JoinPages(pages []string) string {
	return strings.Join(pages, PageBreak)
}

// PageAt returns the page of byte offset off in a text joined by JoinPages (or
// written by pdftotext): 1 plus the form feeds before it; 0 when the text
// has none (a text without pages).
func PageAt(text string, off int) int {
	if !strings.Contains(text, "\f") {
		return 0
	}
	return 1 + strings.Count(text[:min(max(off, 0), len(text))], "\f")
}
