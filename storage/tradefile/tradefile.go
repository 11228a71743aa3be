// Package tradefile reads the trade data files analysts already have (CSV
// with any common delimiter, UTF-8 or Latin-1, or XLSX) into trade lines: a
// code (HS2 to HTS10), a value, and optionally a description, a
// CUSMA-claimed value and a province or state. It recognises the headers of
// USITC DataWeb, US Census API, Statistics Canada CIMT and UN Comtrade
// exports and of Parley's own dataset export; other files take a column
// mapping. Every bad row is reported with its row and column; rows of the
// same code and region are summed. It is plain Go plus excelize for XLSX,
// and knows nothing of workspaces.
package tradefile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultMaxSize is the largest file read by default. A larger file is
// refused before it is read.
const DefaultMaxSize = 512 << 20

// DefaultMaxLines is the most distinct lines (code and region) a file may
// hold by default: far more than real trade data has (about 19,000 HTS10
// codes by 60 states or provinces), few enough for the import and a
// computation on the dataset to fit a laptop's memory (about 650 MB each
// at the limit: bench/memory.sh). A larger file is refused as soon as its
// lines pass it, before memory runs out.
const DefaultMaxLines = 1_000_000

// now is the options' clock.
func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

func (o Options) maxLines() int {
	if o.MaxLines > 0 {
		return o.MaxLines
	}
	return DefaultMaxLines
}

// Format is the kind of file: CSV (any text with delimited fields) or XLSX.
type Format string

// The formats.
const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
	// FormatJSON is a JSON array of rows, the first the header, as the US
	// Census Bureau's API answers ([["I_COMMODITY","CON_VAL_YR"],...]).
	FormatJSON Format = "json"
)

// Options say how to read a file. The zero value reads a UTF-8 CSV or an
// XLSX workbook, detects the delimiter, the decimal mark and the columns,
// and refuses the file at its first bad rows.
type Options struct {
	// Encoding of a CSV file; "" is UTF-8, and a file that is not valid
	// UTF-8 is then refused with the suggestion to choose Latin1.
	Encoding Encoding
	// Delimiter of a CSV file; 0 detects one of , ; tab |.
	Delimiter rune
	// Decimal is the decimal mark, '.' or ','; 0 detects it from the
	// values ("1.234.567,89" has a decimal comma, "1,234,567" a point).
	Decimal byte
	// Sheet is the sheet of a workbook; "" is the first sheet whose
	// header is recognised, else the first sheet.
	Sheet string
	// Mapping names the columns instead of recognising them.
	Mapping Mapping
	// Now is the clock that decides which temporary files of killed XLSX
	// reads are stale (CleanTemp); nil means time.Now.
	Now func() time.Time
	// MaxSize is the largest file accepted, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// MaxLines is the most distinct lines (code and region) a file may
	// hold; 0 means DefaultMaxLines. It bounds the memory of a read and of
	// the computations on the dataset.
	MaxLines int
	// SkipBadRows leaves bad rows out (and reports them) instead of
	// refusing the file.
	SkipBadRows bool
	// Chapters maps each HS chapter ("01" … "99") to its sector; a code
	// whose chapter it lacks is a bad row. Nil accepts every chapter.
	Chapters map[string]string
	// Year is the year being imported, 0 if not known: a file whose year
	// or period column says another year is refused, and a DataWeb
	// export with one column per year takes this year's.
	Year int
	// Progress, if set, is called now and then with how far reading has
	// got: bytes of a CSV file or rows of a sheet, of total (0: unknown).
	Progress func(done, total int64)
}

// Problem is one reason a file or a row cannot be imported. Row is the row
// as a spreadsheet shows it (the line of a CSV file), 0 for the whole file;
// Column names the column ("" for none).
type Problem struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Reason string `json:"reason"`
}

func (p *Problem) Error() string {
	var where []string
	if p.Row > 0 {
		where = append(where, "row "+strconv.Itoa(p.Row))
	}
	if p.Column != "" {
		where = append(where, "column "+p.Column)
	}
	if len(where) == 0 {
		return p.Reason
	}
	return strings.Join(where, ", ") + ": " + p.Reason
}

// ErrBadFile is what every Error is: a file that cannot be imported as it
// is (errors.Is(err, ErrBadFile)).
var ErrBadFile = errors.New("cannot import the trade data")

// Error says why a file cannot be imported: the file's own problem (its
// kind, size or columns) or its bad rows, the first of them listed.
type Error struct {
	File     string
	Problems []*Problem
	// More is set when there are more bad rows than listed.
	More bool
	// RowProblems is set when the problems are bad rows that skipping bad
	// rows would leave out.
	RowProblems bool
}

// maxListed is how many bad rows an Error lists.
const maxListed = 10

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	n := len(e.Problems)
	if n == 1 && !e.More {
		b.WriteString(e.Problems[0].Error())
	} else {
		if e.More {
			fmt.Fprintf(&b, "more than %d bad rows: ", n)
		} else {
			fmt.Fprintf(&b, "%d bad rows: ", n)
		}
		for i, p := range e.Problems {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(p.Error())
		}
	}
	if e.RowProblems {
		b.WriteString(" (nothing was imported; fix the file, or skip bad rows to import the others)")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return ErrBadFile }

// fileError is an Error about the whole file.
func fileError(file, format string, a ...any) *Error {
	return &Error{File: file, Problems: []*Problem{{Reason: fmt.Sprintf(format, a...)}}}
}

// Line is one trade line read from a file: the sum of the rows of its
// code and region.
type Line struct {
	Code        string // digits only, 2 to 10
	Region      string // province or state, "" when the file has none
	Sector      string // the sector of its chapter (Options.Chapters), else ""
	Description string // the first non-empty description of its rows
	Value       float64
	// CUSMA is the value claimed under CUSMA, when HasCUSMA: the file has
	// a claimed-value or special-programme column.
	CUSMA    float64
	HasCUSMA bool
	Rows     int // rows summed into the line
}

// Result is a file read into trade lines.
type Result struct {
	File      string
	Size      int64
	SHA256    string // of the file's bytes
	Format    Format
	Encoding  Encoding // of a CSV file
	Delimiter rune     // of a CSV file
	Decimal   byte
	Sheet     string // of a workbook
	Layout    Layout
	HeaderRow int // 0: no header
	Header    []string
	Columns   Columns
	// Lines are sorted by code, then region.
	Lines []Line
	// RowsRead counts the data rows read (not empty rows, titles or the
	// header); Merged the rows summed into a line another row started.
	RowsRead int
	Merged   int
	// Skipped lists the bad rows left out (the first 1,000) and
	// SkippedCount counts them all.
	Skipped      []Problem
	SkippedCount int
	// Direction is the direction of trade the file itself says, when it
	// does ("ca_to_us" for US imports in a Census extract), and
	// DirectionWhy why.
	Direction, DirectionWhy string
	// Currency is "CAD" when the file's layout says its values are in
	// Canadian dollars (Statistics Canada), else "".
	Currency string
	// Years are the years the file's period column holds.
	Years []int
	// Notes say what was recognised, chosen or corrected.
	Notes []string
}

// maxSkipped is how many skipped rows a Result lists.
const maxSkipped = 1000

// Columns names the columns a result read each field from, for people:
// "code: HTS Number, value: Customs Value".
func (r *Result) ColumnNames() string {
	var parts []string
	for _, f := range Fields {
		if i := r.Columns.Field(f); i >= 0 {
			name := columnName(r.Format == FormatXLSX, i)
			if i < len(r.Header) && strings.TrimSpace(r.Header[i]) != "" {
				name = strconv.Quote(strings.TrimSpace(r.Header[i]))
			}
			parts = append(parts, f+": "+name)
		}
	}
	return strings.Join(parts, ", ")
}

// CUSMALines counts the lines that carry a CUSMA-claimed value.
func (r *Result) CUSMALines() int {
	n := 0
	for _, l := range r.Lines {
		if l.HasCUSMA {
			n++
		}
	}
	return n
}

// Total returns the sum of the lines' values.
func (r *Result) Total() float64 {
	t := 0.0
	for _, l := range r.Lines {
		t += l.Value
	}
	return t
}

// HasRegions reports whether any line has a province or state.
func (r *Result) HasRegions() bool {
	for _, l := range r.Lines {
		if l.Region != "" {
			return true
		}
	}
	return false
}
