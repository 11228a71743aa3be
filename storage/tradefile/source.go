package tradefile

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// source yields a file's records, each with its row number as a
// spreadsheet or text editor shows it (1-based).
type source interface {
	// next returns the next record, or io.EOF.
	next() (rec []string, row int, err error)
	// done returns how far reading has got and how far it will go (bytes
	// of a CSV file, rows of a sheet); total 0 when unknown.
	done() (done, total int64)
	close() error
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// csvSource reads a CSV file.
type csvSource struct {
	f        io.Closer
	counter  *countingReader
	size     int64
	r        *csv.Reader
	enc      Encoding
	checkUTF bool
	first    bool
	guard    *recordGuard
	delim    rune
}

// openCSV reads r (size bytes, starting with head) as CSV in encoding enc
// (UTF-16 by its byte-order mark whatever enc says) with delimiter delim.
func openCSV(f io.ReadCloser, size int64, k kind, enc Encoding, delim rune) *csvSource {
	counter := &countingReader{r: f}
	var r io.Reader = bufio.NewReaderSize(counter, 256<<10)
	s := &csvSource{f: f, counter: counter, size: size, first: true}
	switch {
	case k == kindUTF16LE:
		r, s.enc = newUTF16Reader(skip(r, 2), binary.LittleEndian), UTF16
	case k == kindUTF16BE:
		r, s.enc = newUTF16Reader(skip(r, 2), binary.BigEndian), UTF16
	case enc == Latin1:
		r, s.enc = newLatin1Reader(r), Latin1
	default:
		s.enc, s.checkUTF = UTF8, true
	}
	s.guard, s.delim = newRecordGuard(r), delim
	cr := csv.NewReader(s.guard)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	cr.Comment = '#'
	s.r = cr
	return s
}

// skip drops the first n bytes of r.
func skip(r io.Reader, n int) io.Reader {
	var b [4]byte
	io.ReadFull(r, b[:n])
	return r
}

// errEncoding is an invalid UTF-8 sequence in a file read as UTF-8.
type errEncoding struct{ row int }

func (e *errEncoding) Error() string {
	return fmt.Sprintf("row %d is not valid UTF-8: the file looks like Latin-1 (Windows-1252), as older Excel and statistics-portal exports are; choose the Latin-1 encoding", e.row)
}

// maxCellLines is the most line breaks a quoted cell may hold: more is
// taken for a quote that was never closed (and would swallow the rows
// after it).
const maxCellLines = 100

// unclosedQuote is the problem of a quote opened in a record starting at
// row and never closed.
func unclosedQuote(row int) *Problem {
	return &Problem{Row: row, Reason: fmt.Sprintf("unclosed quote: a quote opened in row %d is never closed, "+
		"so the rest of the file reads as one cell; close it or remove it", row)}
}

func (s *csvSource) next() ([]string, int, error) {
	s.guard.mark(s.r.InputOffset())
	rec, err := s.r.Read()
	row := 0
	if rec != nil && err == nil {
		row, _ = s.r.FieldPos(0)
	}
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errLongRecord):
			start := s.guard.recordStart(byte(s.r.Comment))
			if bytes.IndexByte(s.guard.text(), '"') >= 0 {
				return nil, start, unclosedQuote(start)
			}
			return nil, start, &Problem{Row: start, Reason: fmt.Sprintf("the row is longer than %d MiB: not a row of trade data", MaxRecordBytes>>20)}
		case errors.As(err, &pe):
			return nil, pe.StartLine, &Problem{Row: pe.StartLine, Reason: "not readable as CSV: " + pe.Err.Error()}
		}
		return nil, row, err
	}
	for _, f := range rec {
		if strings.Count(f, "\n") > maxCellLines {
			return nil, row, unclosedQuote(row)
		}
	}
	if off := s.r.InputOffset(); s.guard.eof && off == s.guard.start+int64(len(s.guard.text())) && unclosedAtEnd(s.guard.pending(off), s.delim) {
		return nil, row, unclosedQuote(row)
	}
	if s.first {
		s.first = false
		if len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
		}
	}
	if s.checkUTF {
		for _, f := range rec {
			if !utf8.ValidString(f) {
				return nil, row, &errEncoding{row: row}
			}
		}
	}
	return rec, row, nil
}

func (s *csvSource) done() (int64, int64) { return s.counter.n, s.size }
func (s *csvSource) close() error         { return s.f.Close() }

// xlsxSource reads one sheet of an XLSX workbook.
type xlsxSource struct {
	f     *excelize.File
	rows  *excelize.Rows
	row   int
	total int64
}

// openWorkbook opens an XLSX workbook, once its ZIP directory is within
// the limits (checkZip), its rows to be read as a stream. It first deletes
// the temporary files a killed read left (CleanTemp).
func openWorkbook(path string, now time.Time) (*excelize.File, error) {
	CleanTemp(now)
	if err := checkZip(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: XLSXLimit, UnzipXMLSizeLimit: xlsxInMemory})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, &Problem{Reason: "a ZIP archive that is not an XLSX workbook"}
		}
		return nil, &Problem{Reason: "not readable as an XLSX workbook: " + err.Error()}
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, &Problem{Reason: "the workbook has no sheets"}
	}
	return f, nil
}

// openSheet starts reading sheet of wb.
func openSheet(wb *excelize.File, sheet string) (*xlsxSource, error) {
	rows, err := wb.Rows(sheet)
	if err != nil {
		return nil, &Problem{Reason: fmt.Sprintf("cannot read sheet %q: %v", sheet, err)}
	}
	s := &xlsxSource{f: wb, rows: rows}
	if dim, err := wb.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, r, err := excelize.CellNameToCoordinates(last); err == nil {
				s.total = int64(r)
			}
		}
	}
	return s, nil
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.row, err
		}
		return nil, s.row, io.EOF
	}
	s.row++
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.row, &Problem{Row: s.row, Reason: "not readable: " + err.Error()}
	}
	return rec, s.row, nil
}

func (s *xlsxSource) done() (int64, int64) { return int64(s.row), s.total }

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}

// columnName names column i (0-based) for a message: its letter in a
// sheet, its number in a CSV file.
func columnName(xlsx bool, i int) string {
	if xlsx {
		if n, err := excelize.ColumnNumberToName(i + 1); err == nil {
			return n
		}
	}
	return strconv.Itoa(i + 1)
}

// readHead reads the first n bytes of path.
func readHead(f *os.File, n int) ([]byte, error) {
	head := make([]byte, n)
	m, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return head[:m], nil
}

// cancelled returns ctx's error, if any, as the reason reading stopped.
func cancelled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import cancelled: %w", err)
	}
	return nil
}

// jsonSource reads a JSON array of rows (arrays of strings, numbers or
// nulls), the first the header: the US Census API's answer. Row n is the
// n-th array.
type jsonSource struct {
	f       io.Closer
	counter *countingReader
	size    int64
	dec     *json.Decoder
	row     int
	started bool
}

func openJSON(f io.ReadCloser, size int64) *jsonSource {
	counter := &countingReader{r: f}
	dec := json.NewDecoder(bufio.NewReaderSize(counter, 256<<10))
	dec.UseNumber()
	return &jsonSource{f: f, counter: counter, size: size, dec: dec}
}

func (s *jsonSource) next() ([]string, int, error) {
	if !s.started {
		s.started = true
		tok, err := s.dec.Token()
		if d, ok := tok.(json.Delim); err != nil || !ok || d != '[' {
			return nil, 0, &Problem{Reason: "not readable as JSON rows: want an array of rows, [[\"I_COMMODITY\", \"CON_VAL_YR\"], …]"}
		}
	}
	if !s.dec.More() {
		return nil, s.row, io.EOF
	}
	s.row++
	var cells []any
	if err := s.dec.Decode(&cells); err != nil {
		return nil, s.row, &Problem{Row: s.row, Reason: "not readable as a JSON row (an array of values): " + err.Error()}
	}
	rec := make([]string, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case nil:
		case string:
			rec[i] = v
		case json.Number:
			rec[i] = v.String()
		case bool:
			rec[i] = strconv.FormatBool(v)
		default:
			return nil, s.row, &Problem{Row: s.row, Column: strconv.Itoa(i + 1), Reason: "a nested value, not a cell"}
		}
	}
	return rec, s.row, nil
}

func (s *jsonSource) done() (int64, int64) { return s.counter.n, s.size }
func (s *jsonSource) close() error         { return s.f.Close() }
