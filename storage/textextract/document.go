package textextract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrBadDocument: a document file gives no text to import (its type,
// encoding, a PDF without a text layer...). The workspace's ErrBadDocument
// is this error.
var ErrBadDocument = errors.New("cannot import document")

// Extract returns the text and metadata of a document file by its name's
// extension: .txt, .md, .html or .pdf (a PDF saved under another name is
// read as the PDF it is, with readPDF; nil refuses PDFs). The text is UTF-8
// (a UTF-16 file with its byte order mark is converted) without NUL bytes.
// Files that give no text fail with ErrBadDocument, saying why.
func Extract(name string, data []byte, readPDF func([]byte) (PDFText, error)) (Extracted, error) {
	if strings.EqualFold(filepath.Ext(name), ".pdf") || bytes.HasPrefix(data, []byte("%PDF-")) {
		return extractPDF(name, data, readPDF)
	}
	data, err := utf16Text(data)
	if err != nil {
		return Extracted{}, fmt.Errorf("%w: %s: %v", ErrBadDocument, name, err)
	}
	data = StripBOM(data)
	if !utf8.Valid(data) {
		return Extracted{}, fmt.Errorf("%w: %s is not UTF-8 text (save it as UTF-8 and import it again)", ErrBadDocument, name)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Extracted{}, fmt.Errorf("%w: %s holds NUL bytes (at byte %d): it is not a text file", ErrBadDocument, name, i)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Plain(string(data)), nil
	case ".md", ".markdown":
		return Markdown(string(data)), nil
	case ".html", ".htm":
		return HTML(string(data)), nil
	}
	return Extracted{}, fmt.Errorf("%w: %s: only .txt, .md, .html and .pdf files can be imported", ErrBadDocument, name)
}

// extractPDF reads the text of a PDF, its pages separated by page breaks,
// and says clearly why a PDF gives none.
func extractPDF(name string, data []byte, readPDF func([]byte) (PDFText, error)) (Extracted, error) {
	if readPDF == nil {
		return Extracted{}, fmt.Errorf("%w: %s: PDF files cannot be imported here", ErrBadDocument, name)
	}
	t, err := readPDF(data)
	switch {
	case errors.Is(err, ErrEncrypted):
		return Extracted{}, fmt.Errorf("%w: %s is an encrypted PDF (%v): save an unprotected copy from a PDF reader and import that", ErrBadDocument, name, err)
	case errors.Is(err, ErrNoText):
		return Extracted{}, fmt.Errorf("%w: %s has no text to import (%v)", ErrBadDocument, name, err)
	case errors.Is(err, ErrNotPDF):
		return Extracted{}, fmt.Errorf("%w: %s is not a PDF Parley can read (%v)", ErrBadDocument, name, err)
	case err != nil:
		return Extracted{}, fmt.Errorf("read %s: %w", name, err)
	}
	return Extracted{Body: JoinPages(t.Pages), Title: pdfTitle(t)}, nil
}

// pdfTitle is the PDF's own title, else its first line with words in it
// (not a page number or a running number).
func pdfTitle(t PDFText) string {
	if t.Title != "" {
		return t.Title
	}
	for _, p := range t.Pages {
		for _, line := range strings.Split(p, "\n") {
			if letters := strings.IndexFunc(line, unicode.IsLetter); letters >= 0 && len(strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) })) >= 2 {
				return FirstLine(line)
			}
		}
	}
	return ""
}

// utf16Text converts a UTF-16 file that starts with its byte order mark
// (as Windows Notepad saves "Unicode" text) to UTF-8; other data is
// returned as is. Unpaired surrogates are an error.
func utf16Text(data []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return data, nil
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, errors.New("UTF-16 text with an odd number of bytes (a truncated file?)")
	}
	var b bytes.Buffer
	b.Grow(len(data))
	for i := 0; i < len(data); i += 2 {
		u := rune(order.Uint16(data[i:]))
		if !utf16.IsSurrogate(u) {
			b.WriteRune(u)
			continue
		}
		r := unicode.ReplacementChar
		if i+3 < len(data) {
			r = utf16.DecodeRune(u, rune(order.Uint16(data[i+2:])))
		}
		if r == unicode.ReplacementChar {
			return nil, fmt.Errorf("invalid UTF-16 text (an unpaired surrogate at byte %d)", 2+i)
		}
		b.WriteRune(r)
		i += 2
	}
	return b.Bytes(), nil
}
