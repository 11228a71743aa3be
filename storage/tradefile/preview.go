package tradefile

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Preview is the start of a file as Parley reads it, for the import
// dialog: its format, encoding, delimiter and sheets, its header and first
// data rows, and the columns recognised or mapped.
type Preview struct {
	File   string
	Size   int64
	Format Format
	// Encoding is the encoding the preview was read in: the one asked
	// for, else UTF-8, else (for a file that is not UTF-8) Latin1, which
	// SuggestedEncoding then says.
	Encoding          Encoding
	SuggestedEncoding Encoding
	// EncodingProblem says why UTF-8 does not fit, or "".
	EncodingProblem string
	Delimiter       rune
	Sheets          []string // of a workbook
	Sheet           string
	HeaderRow       int // 0: no header row
	Header          []string
	Rows            [][]string // the first data rows
	RowNumbers      []int
	Width           int // the most cells in a row shown
	Layout          Layout
	Columns         Columns
	// Recognised is set when the columns were found (by their names or
	// the mapping); Problem says why not.
	Recognised bool
	Problem    string
	Notes      []string
}

// PreviewFile reads the start of the file at path: up to n data rows
// under its header. A file that cannot be read at all (too large, empty,
// of another kind) is an error; a file whose columns are not recognised
// is a preview with Problem set, for the user to map its columns.
func PreviewFile(path string, opt Options, n int) (*Preview, error) {
	o, err := open(path, opt)
	if err != nil {
		return nil, err
	}
	p := &Preview{File: o.name, Size: o.size}
	src, err := previewSource(o, path, opt, p)
	if err != nil {
		return nil, err
	}
	defer src.close()
	xlsx := p.Format == FormatXLSX
	h, err := findHeader(src, opt, xlsx)
	var prob *Problem
	switch {
	case errors.As(err, &prob):
		// Show the first rows as they are, for the user to map.
		p.Problem = prob.Reason
		if prob.Row > 0 {
			p.Problem = prob.Error()
		}
		p.Layout = ""
		p.Columns = noColumns()
		if err := restart(&src, path, o, p, opt); err != nil {
			return nil, err
		}
		h = &header{}
	case err != nil:
		return nil, asError(o.name, err, xlsx)
	default:
		p.Recognised = true
		p.Layout, p.HeaderRow, p.Header, p.Columns, p.Notes = h.layout, h.row, capCells(h.cells), h.cols, h.notes
	}
	p.readRows(src, h.pending, n)
	if !p.Recognised && len(p.Rows) > 0 && p.Header == nil {
		// The first non-empty row is most likely the header.
		p.Header, p.HeaderRow = p.Rows[0], p.RowNumbers[0]
		p.Rows, p.RowNumbers = p.Rows[1:], p.RowNumbers[1:]
	}
	if p.Currency() == "CAD" {
		p.Notes = append(p.Notes, p.cadNote())
	}
	return p, nil
}

// previewSource opens the rows of the file o as the preview p shows them,
// and records in p its format, sheet, encoding and delimiter. A text file
// that is not UTF-8 is read as Latin-1 unless opt says otherwise, and p
// suggests Latin-1.
func previewSource(o *opened, path string, opt Options, p *Preview) (source, error) {
	switch o.kind {
	case kindZip:
		s, sheet, sheets, err := openXLSX(o, path, opt)
		if err != nil {
			return nil, err
		}
		p.Format, p.Sheet, p.Sheets = FormatXLSX, sheet, sheets
		return s, nil
	case kindJSON:
		p.Format = FormatJSON
		return openJSON(o.f, o.size), nil
	}
	enc := opt.Encoding
	if o.kind == kindText && enc != Latin1 {
		if line := invalidUTF8(o.head); line > 0 {
			p.SuggestedEncoding = Latin1
			p.EncodingProblem = "line " + itoa(line) + " is not valid UTF-8: the file looks like Latin-1 (Windows-1252)"
			if enc == "" {
				enc = Latin1
			}
		}
	}
	if enc == "" {
		enc = UTF8
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = detectDelimiter(decodeHead(o.head, o.kind, enc))
	}
	s := openCSV(o.f, o.size, o.kind, enc, delim)
	s.checkUTF = false // the preview shows what it can
	p.Format, p.Encoding, p.Delimiter = FormatCSV, s.enc, delim
	return s, nil
}

// readRows adds to p the first n data rows: pending (read by the header
// search), then src's, noting a row that cannot be read and columns past
// MaxPreviewColumns.
func (p *Preview) readRows(src source, pending []record, n int) {
	wide := 0
	add := func(rec []string, row int) {
		wide = max(wide, len(rec))
		p.Rows = append(p.Rows, capCells(rec))
		p.RowNumbers = append(p.RowNumbers, row)
		p.Width = max(p.Width, min(len(rec), MaxPreviewColumns))
	}
	for _, r := range pending {
		if len(p.Rows) < n {
			add(r.cells, r.row)
		}
	}
	for len(p.Rows) < n {
		rec, row, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *Problem
			if errors.As(err, &pe) {
				p.Notes = append(p.Notes, pe.Error())
			}
			break
		}
		if !blank(rec) {
			add(rec, row)
		}
	}
	p.Width = max(p.Width, len(p.Header))
	if wide > MaxPreviewColumns {
		p.Notes = append(p.Notes, "only the first "+itoa(MaxPreviewColumns)+" of "+itoa(wide)+" columns are shown")
	}
}

// cadNote says how to import values in Canadian dollars.
func (p *Preview) cadNote() string {
	if p.Layout == LayoutCIMT {
		return "Statistics Canada values are in Canadian dollars: import them as C$ with your exchange rate"
	}
	return "the value column says Canadian dollars: import them as C$ with your exchange rate"
}

// restart reopens the file at its start after a failed header search.
func restart(src *source, path string, o *opened, p *Preview, opt Options) error {
	(*src).close()
	if p.Format == FormatXLSX {
		wb, err := openWorkbook(path, opt.now())
		if err != nil {
			return asError(o.name, err, false)
		}
		s, err := openSheet(wb, p.Sheet)
		if err != nil {
			wb.Close()
			return asError(o.name, err, true)
		}
		*src = s
		return nil
	}
	o2, err := open(path, opt)
	if err != nil {
		return err
	}
	if p.Format == FormatJSON {
		*src = openJSON(o2.f, o2.size)
		return nil
	}
	s := openCSV(o2.f, o2.size, o2.kind, p.Encoding, p.Delimiter)
	s.checkUTF = false
	*src = s
	return nil
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// ColumnLabel names column i of a preview for a picker: its number or
// letter and its header name.
func (p *Preview) ColumnLabel(i int) string {
	name := columnName(p.Format == FormatXLSX, i)
	if i < len(p.Header) {
		if h := strings.TrimSpace(p.Header[i]); h != "" {
			return name + ": " + h
		}
	}
	return name
}

// ColumnRef returns how a mapping names column i: by its header name
// where that is unique and holds no comma or '=', else by its 1-based
// number.
func (p *Preview) ColumnRef(i int) string {
	if i < len(p.Header) {
		h := strings.TrimSpace(p.Header[i])
		same := 0
		for _, o := range p.Header {
			if strings.EqualFold(strings.TrimSpace(o), h) || (norm(o) == norm(h) && norm(h) != "") {
				same++
			}
		}
		if h != "" && same == 1 && !strings.ContainsAny(h, ",=") && len(h) < MaxPreviewCell {
			return h
		}
	}
	return itoa(i + 1)
}

// MaxPreviewCell is the most bytes a cell of a preview holds; a longer
// cell is cut and ends in "…", so that no dialog or terminal lays out or
// prints a huge one.
const MaxPreviewCell = 200

// MaxPreviewColumns is the most columns a preview shows.
const MaxPreviewColumns = 64

// capCells returns a copy of rec's first MaxPreviewColumns cells, whose cells hold at most MaxPreviewCell
// bytes each (cut at a character, ending in "…").
func capCells(rec []string) []string {
	out := make([]string, min(len(rec), MaxPreviewColumns))
	for i, c := range rec[:len(out)] {
		out[i] = CapCell(c, MaxPreviewCell)
	}
	return out
}

// CapCell returns s cut to at most n bytes at a character boundary, with
// "…" after it when it was cut.
func CapCell(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// valueHeader is the header of the value column, or "".
func (p *Preview) valueHeader() string {
	if i := p.Columns.Value; i >= 0 && i < len(p.Header) {
		return p.Header[i]
	}
	return ""
}

// Currency is "CAD" when the previewed file's values are in Canadian
// dollars (see Result.Currency), else "".
func (p *Preview) Currency() string {
	if !p.Recognised {
		return ""
	}
	return fileCurrency(p.Layout, p.valueHeader())
}
