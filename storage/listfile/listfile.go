// Package listfile reads a product list from what a user has: a CSV or
// XLSX file, or text of codes one to a line (a file, or codes pasted in the
// app). A code is an HTS code or a Canadian tariff item of 2 to 10 digits,
// dots and spaces allowed ("0401.10.00"), optionally followed by its
// description ("0401.10.00 - Milk"). A header row is optional. Every bad
// code is reported with its row; nothing is returned unless all are good.
package listfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"parley/storage/tradefile"
)

// MaxSize is the largest file read: a list of every HTS10 code is under
// half a megabyte.
const MaxSize = 64 << 20

// xlsxLimit is the most an XLSX workbook may unpack to.
const xlsxLimit = 1 << 30

// maxShown is how many bad rows an error message lists.
const maxShown = 10

// Result is a list as read.
type Result struct {
	Codes  []string // the codes' digits, in the order of the file (repeats kept)
	Header string   // the header cell of the code column, if the file has a header row
	Column int      // the code column (0-based)
	Padded int      // codes read with a leading zero added
	// Example is one padded code as read and as taken ("401 -> 0401").
	Example string
}

// Notes says what reading did that the user should know.
func (r *Result) Notes() []string {
	if r.Padded == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d codes had an odd number of digits (a leading zero lost, as spreadsheets do): read with a leading 0, e.g. %s", r.Padded, r.Example)}
}

// Problem is one bad row.
type Problem struct {
	Row    int    // 1-based, as a spreadsheet or text editor shows it
	Cell   string // the cell as read
	Reason string
}

// Error is a file (or pasted text) with bad rows, or not a list at all.
type Error struct {
	Name     string // the file's base name, or "" for pasted text
	Problems []Problem
	Reason   string // the whole file is wrong (Problems empty)
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Name != "" {
		b.WriteString(e.Name + ": ")
	}
	if e.Reason != "" {
		b.WriteString(e.Reason)
		return b.String()
	}
	if len(e.Problems) == 1 {
		b.WriteString("1 bad code: ")
	} else {
		fmt.Fprintf(&b, "%d bad codes: ", len(e.Problems))
	}
	for i, p := range e.Problems {
		if i == maxShown {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-maxShown)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "row %d: %s", p.Row, p.Reason)
	}
	return b.String()
}

// ReadFile reads the list in the file at path: an XLSX workbook (its first
// sheet) or a CSV or text file.
func ReadFile(path string) (*Result, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case !info.Mode().IsRegular():
		return nil, &Error{Name: name, Reason: "not a regular file"}
	case info.Size() == 0:
		return nil, &Error{Name: name, Reason: "the file is empty"}
	case info.Size() > MaxSize:
		return nil, &Error{Name: name, Reason: fmt.Sprintf("the file is %d MB; a list file may be up to %d MB", info.Size()>>20, MaxSize>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(name, data)
}

// Read reads a list from data, the content of the file called name.
func Read(name string, data []byte) (*Result, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		rows, err := xlsxRows(data)
		if err != nil {
			return nil, &Error{Name: name, Reason: err.Error()}
		}
		return fromRows(name, rows)
	}
	if what := binaryKind(data); what != "" {
		return nil, &Error{Name: name, Reason: "this is " + what + ", not a CSV, XLSX or text file of codes"}
	}
	rows, err := csvRows(string(data))
	if err != nil {
		return nil, &Error{Name: name, Reason: err.Error()}
	}
	return fromRows(name, rows)
}

// ReadText reads codes pasted as text: one to a line, or a table copied
// from a spreadsheet (its cells separated by tabs).
func ReadText(text string) (*Result, error) {
	return Read("", []byte(text))
}

// binaryKind says what data is when it is not text, else "".
func binaryKind(data []byte) string {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")):
		return "an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV"
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return "an SQLite database (a Parley workspace?)"
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return "UTF-16 text: save it as UTF-8"
	case bytes.IndexByte(head, 0) >= 0:
		return "a binary file"
	}
	return ""
}

// row is a record of a file with its row number.
type row struct {
	cells []string
	n     int
}

// xlsxRows returns the rows of the first sheet of a workbook.
func xlsxRows(data []byte) ([]row, error) {
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: xlsxLimit, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, errors.New("a ZIP archive that is not a readable XLSX workbook")
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheets")
	}
	rs, err := wb.Rows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("cannot read sheet %q: %v", sheets[0], err)
	}
	defer rs.Close()
	var out []row
	for n := 1; rs.Next(); n++ {
		cells, err := rs.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("row %d: not readable: %v", n, err)
		}
		out = append(out, row{cells: cells, n: n})
	}
	if err := rs.Error(); err != nil {
		return nil, fmt.Errorf("cannot read sheet %q: %v", sheets[0], err)
	}
	return out, nil
}

// csvRows returns the records of CSV text whose delimiter is the first
// line's most frequent of tab, semicolon and comma (none: one column).
func csvRows(text string) ([]row, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	delim, most := ',', 0
	for _, d := range []rune{'\t', ';', ','} {
		if n := strings.Count(first, string(d)); n > most {
			delim, most = d, n
		}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comment = '#'
	var out []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("row %d: not readable as CSV: %v", pe.StartLine, pe.Err)
			}
			return nil, err
		}
		n, _ := r.FieldPos(0)
		out = append(out, row{cells: rec, n: n})
	}
}

// codeHeaders are words of a header cell that names the code column.
var codeHeaders = []string{"hts", "code", "tariff", "item", "hs", "commodity", "classification"}

// fromRows reads the codes of rows: the first non-blank row is a header if
// its code cell holds no code; the code column is the header's code
// column, else the first.
func fromRows(name string, rows []row) (*Result, error) {
	res := &Result{}
	var probs []Problem
	started := false
	for _, r := range rows {
		if blank(r.cells) {
			continue
		}
		if !started {
			started = true
			if _, _, reason := ParseCode(cell(r.cells, 0)); reason != "" {
				if col, ok := headerColumn(r.cells); ok {
					res.Column, res.Header = col, strings.TrimSpace(r.cells[col])
					continue
				}
			}
		}
		raw := cell(r.cells, res.Column)
		if strings.TrimSpace(raw) == "" {
			probs = append(probs, Problem{Row: r.n, Reason: "no code"})
			continue
		}
		code, padded, reason := ParseCode(raw)
		if reason != "" {
			probs = append(probs, Problem{Row: r.n, Cell: raw, Reason: reason})
			continue
		}
		if padded {
			res.Padded++
			if res.Example == "" {
				res.Example = strings.TrimSpace(raw) + " -> " + code
			}
		}
		res.Codes = append(res.Codes, code)
	}
	if len(probs) > 0 {
		return nil, &Error{Name: name, Problems: probs}
	}
	if len(res.Codes) == 0 {
		return nil, &Error{Name: name, Reason: "no codes found"}
	}
	return res, nil
}

// headerColumn returns the column of a header row that names codes: the
// first cell with a code word, else the first column when no cell holds a
// digit (a header of other words). A row with digits in its first cell is
// not a header.
func headerColumn(cells []string) (int, bool) {
	for i, c := range cells {
		words := strings.FieldsFunc(strings.ToLower(c), func(r rune) bool {
			return !(r >= 'a' && r <= 'z')
		})
		for _, w := range words {
			for _, h := range codeHeaders {
				if w == h {
					return i, true
				}
			}
		}
	}
	if strings.ContainsAny(cell(cells, 0), "0123456789") {
		return 0, false
	}
	return 0, true
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// ParseCode reads a code cell of a list with tradefile.SplitCode, the
// reader trade files use: 2 to 10 digits ("0401.10.00", "0401.10.00 -
// Milk"). A code with an odd number of digits lost its leading zero in a
// spreadsheet: it is read with one (padded). reason says why a cell is not
// a code.
func ParseCode(s string) (code string, padded bool, reason string) {
	code, _, ok := tradefile.SplitCode(s)
	switch {
	case !ok:
		return "", false, fmt.Sprintf("%q is not an HTS code or tariff item (2 to 10 digits)", s)
	case code == "":
		return "", false, "no code"
	}
	switch {
	case len(code) > 10:
		return "", false, fmt.Sprintf("%q has %d digits: a code has 2 to 10", s, len(code))
	case len(code) == 1:
		return "", false, fmt.Sprintf("%q has 1 digit: a code has 2 to 10", s)
	case len(code)%2 == 1:
		code, padded = "0"+code, true
	}
	return code, padded, ""
}
