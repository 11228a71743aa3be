package tradefile

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"parley/storage/csvsafe"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// headerSearch is how many non-empty rows may come before the header
// (titles, notes, query parameters).
const headerSearch = 60

// sampleRows is how many data rows decide the decimal mark.
const sampleRows = 2000

// headLen is how much of a file is read to tell its kind.
const headLen = 64 << 10

// opened is a file opened for reading, its kind told.
type opened struct {
	f    io.ReadCloser
	name string // base name, for messages
	size int64
	head []byte
	kind kind
}

// open opens path and tells its kind; files too large, empty or of another
// kind are refused before they are read.
func open(path string, opt Options) (*opened, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fileError(name, "a folder, not a file")
	}
	limit := opt.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	if info.Size() > limit {
		return nil, fileError(name, "the file is %s; Parley imports files up to %s (filter the export to the lines you need, or split it)",
			byteSize(info.Size()), byteSize(limit))
	}
	if info.Size() == 0 {
		return nil, fileError(name, "the file is empty")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head, err := readHead(f, headLen)
	if err != nil {
		f.Close()
		return nil, err
	}
	return tell(name, info.Size(), head, f)
}

// tell tells the kind of a file of size bytes from head, its first bytes;
// a file of another kind is closed and refused.
func tell(name string, size int64, head []byte, f io.ReadCloser) (*opened, error) {
	k, what := sniff(head)
	if k == kindOther {
		f.Close()
		return nil, fileError(name, "this is %s, not a CSV or XLSX file of trade data", what)
	}
	return &opened{f: f, name: name, size: size, head: head, kind: k}, nil
}

// byteSize writes a size for people: "512 MB", "2.0 GB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// header is where a file's data starts and how its columns are read.
type header struct {
	row     int // 0: no header row
	cells   []string
	cols    Columns
	layout  Layout
	notes   []string
	pending []record // data rows read while looking for the header
}

// record is a row of a file with its row number.
type record struct {
	cells []string
	row   int
}

// blank reports whether every cell of rec is empty.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// findHeader reads rows until the header: the first row whose names give a
// code and a value column (or that the mapping's names are found in). With
// a mapping by column numbers only, the first row is the header unless it
// holds a code. The error says what the first row holds.
func findHeader(src source, opt Options, xlsx bool) (*header, error) {
	var seen []record
	var first []string
	for len(seen) < headerSearch {
		rec, row, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if blank(rec) {
			continue
		}
		r := record{cells: slices.Clone(rec), row: row}
		seen = append(seen, r)
		if first == nil {
			first = r.cells
		}
		if opt.Mapping != nil {
			if numericMapping(opt.Mapping) {
				return numberedHeader(opt.Mapping, r, seen)
			}
			if cols, err := mapColumns(opt.Mapping, r.cells, len(r.cells)); err == nil {
				return &header{row: r.row, cells: r.cells, cols: cols, layout: LayoutMapped}, nil
			}
			continue
		}
		if cols, layout, notes, ok := recognise(r.cells, opt.Year); ok {
			return &header{row: r.row, cells: r.cells, cols: cols, layout: layout, notes: notes}, nil
		}
	}
	if first == nil {
		return nil, &Problem{Reason: "the file has no rows"}
	}
	if opt.Mapping != nil {
		_, err := mapColumns(opt.Mapping, first, len(first))
		return nil, &Problem{Reason: fmt.Sprintf("the mapping does not fit the file: %v", err)}
	}
	cols, _, _, _ := recognise(first, opt.Year)
	missing := "no code column (HS or HTS codes) and no value column"
	switch {
	case cols.Code >= 0:
		missing = "no value column"
	case cols.Value >= 0:
		missing = "no code column (HS or HTS codes)"
	}
	return nil, &Problem{Reason: fmt.Sprintf("%s found: the first row has %s; name the columns with a mapping such as code=COLUMN,value=COLUMN",
		missing, quoteList(trimAll(first)))}
}

// numberedHeader is the header of a mapping by column numbers, decided on
// the first non-blank row r (seen: the rows read so far): r is a header
// row when its code cell holds no code, else the first data row.
func numberedHeader(mapping Mapping, r record, seen []record) (*header, error) {
	cols, err := mapColumns(mapping, nil, len(r.cells))
	if err != nil {
		return nil, &Problem{Reason: err.Error()}
	}
	h := &header{cols: cols, layout: LayoutMapped}
	if cols.Code < len(r.cells) {
		if _, _, _, reason := parseCode(r.cells[cols.Code]); reason != "" {
			h.row, h.cells = r.row, r.cells
			return h, nil
		}
	}
	h.pending = seen
	return h, nil
}

// ReadFile reads the trade lines of the file at path. A file that cannot
// be imported is an *Error naming the rows and columns at fault (errors.Is
// ErrBadFile); with Options.SkipBadRows its bad rows are left out and
// listed in the result instead. A cancelled ctx stops the reading.
func ReadFile(ctx context.Context, path string, opt Options) (*Result, error) {
	o, err := open(path, opt)
	if err != nil {
		return nil, err
	}
	// The digest is of the file as it is on the disk, read once more
	// alongside: cheap next to parsing, and independent of the decoders.
	// It stops when ctx is cancelled.
	sum := make(chan string, 1)
	go func() { sum <- digest(ctx, path) }()
	res, err := read(ctx, o, path, opt)
	if err != nil {
		return nil, err // the digest goroutine ends by itself
	}
	digest := <-sum
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	if digest == "" {
		return nil, fmt.Errorf("read %s: cannot compute its digest", o.name)
	}
	res.SHA256 = digest
	return res, nil
}

// digest returns the hex SHA-256 of the file at path, or "" when it cannot
// be read or ctx is cancelled.
func digest(ctx context.Context, path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, 1<<20)
	for {
		if ctx.Err() != nil {
			return ""
		}
		n, err := f.Read(buf)
		h.Write(buf[:n])
		if err == io.EOF {
			return hex.EncodeToString(h.Sum(nil))
		}
		if err != nil {
			return ""
		}
	}
}

func read(ctx context.Context, o *opened, path string, opt Options) (*Result, error) {
	res := &Result{File: o.name, Size: o.size}
	var src source
	if o.kind == kindZip {
		s, sheet, _, err := openXLSX(o, path, opt)
		if err != nil {
			return nil, err
		}
		src, res.Format, res.Sheet = s, FormatXLSX, sheet
	} else if o.kind == kindJSON {
		src, res.Format = openJSON(o.f, o.size), FormatJSON
	} else {
		enc := opt.Encoding
		if enc == "" {
			enc = UTF8
		}
		delim := opt.Delimiter
		if delim == 0 {
			delim = detectDelimiter(decodeHead(o.head, o.kind, enc))
		}
		s := openCSV(o.f, o.size, o.kind, enc, delim)
		src, res.Format, res.Encoding, res.Delimiter = s, FormatCSV, s.enc, delim
	}
	defer src.close()
	xlsx := res.Format == FormatXLSX
	h, err := findHeader(src, opt, xlsx)
	if err != nil {
		return nil, asError(o.name, err, xlsx)
	}
	res.Layout, res.HeaderRow, res.Header, res.Columns = h.layout, h.row, h.cells, h.cols
	res.Notes = append(res.Notes, h.notes...)
	rd := &rowReader{opt: opt, res: res, xlsx: xlsx, plain: xlsx || res.Format == FormatJSON, src: src, pending: h.pending, index: map[string]int{},
		partners: map[string]bool{}, periods: map[string]bool{}, flows: map[string]bool{}, reporters: map[string]bool{}}
	if err := rd.run(ctx); err != nil {
		return nil, asError(o.name, err, xlsx)
	}
	return res, nil
}

// asError makes err an *Error of file name where it is a Problem.
func asError(name string, err error, xlsx bool) error {
	var e *Error
	if errors.As(err, &e) {
		if e.File == "" {
			e.File = name
		}
		return e
	}
	var p *Problem
	if errors.As(err, &p) {
		// A problem of the file's structure: skipping rows does not mend it.
		return &Error{File: name, Problems: []*Problem{p}}
	}
	var enc *errEncoding
	if errors.As(err, &enc) {
		return &Error{File: name, Problems: []*Problem{{Row: enc.row, Reason: "not valid UTF-8: the file looks like Latin-1 (Windows-1252), as older Excel and statistics-portal exports are; choose the Latin-1 encoding (--encoding latin1)"}}}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// decodeHead returns head as text for delimiter detection.
func decodeHead(head []byte, k kind, enc Encoding) string {
	var r io.Reader
	switch {
	case k == kindUTF16LE || k == kindUTF16BE:
		order := utf16Order(k)
		r = newUTF16Reader(skip(strings.NewReader(string(head)), 2), order)
	case enc == Latin1:
		r = newLatin1Reader(strings.NewReader(string(head)))
	default:
		return string(head)
	}
	b, _ := io.ReadAll(r)
	return string(b)
}

// chooseSheet returns the sheet to read: the one asked for, else the first
// whose header is recognised (a DataWeb workbook starts with its query
// parameters), else the first.
func chooseSheet(wb *excelize.File, opt Options) (string, error) {
	sheets := wb.GetSheetList()
	if opt.Sheet != "" {
		for _, s := range sheets {
			if strings.EqualFold(s, opt.Sheet) {
				return s, nil
			}
		}
		if n, err := strconv.Atoi(opt.Sheet); err == nil && n >= 1 && n <= len(sheets) {
			return sheets[n-1], nil
		}
		return "", &Problem{Reason: fmt.Sprintf("no sheet %q (the workbook has %s)", opt.Sheet, quoteList(sheets))}
	}
	if len(sheets) == 1 || opt.Mapping != nil {
		return sheets[0], nil
	}
	for _, s := range sheets {
		src, err := openSheet(wb, s)
		if err != nil {
			continue
		}
		_, err = findHeader(src, opt, true)
		src.rows.Close()
		if err == nil {
			return s, nil
		}
	}
	return sheets[0], nil
}

// rowReader turns a file's data rows into trade lines.
type rowReader struct {
	opt     Options
	res     *Result
	xlsx    bool
	plain   bool // numbers as programs write them (XLSX, JSON): a decimal point, no grouping
	src     source
	pending []record
	dec     byte
	index   map[string]int // code + "\x00" + region -> position in res.Lines
	tooMany *Problem       // set when the lines pass Options.MaxLines
	// problems are the bad rows found so far.
	problems []*Problem
	more     bool
	padded   int // codes read with a leading zero added
	example  string
	dataType int // rows of another data type left out
	// distinct values of the partner, period, flow and reporter columns
	partners, periods, flows, reporters map[string]bool
}

func (r *rowReader) run(ctx context.Context) error {
	sample, tail := r.readSample()
	if tail != nil && tail != io.EOF {
		var enc *errEncoding
		var p *Problem
		if !errors.As(tail, &enc) && !errors.As(tail, &p) {
			return tail
		}
	}
	r.chooseValue(sample)
	r.chooseDecimal(sample)
	if len(sample) == 0 && (tail == nil || tail == io.EOF) {
		where := "under the header"
		if r.res.HeaderRow > 0 {
			where = fmt.Sprintf("under the header (row %d)", r.res.HeaderRow)
		}
		return &Problem{Reason: "no data rows " + where}
	}
	n := 0
	for _, rec := range sample {
		if err := r.step(ctx, &n, rec); err != nil {
			return r.stopped(err)
		}
	}
	for tail == nil {
		rec, row, err := r.src.next()
		if err != nil {
			tail = err
			break
		}
		if blank(rec) {
			continue
		}
		if err := r.step(ctx, &n, record{cells: rec, row: row}); err != nil {
			return r.stopped(err)
		}
	}
	if tail != io.EOF {
		return r.tailError(tail)
	}
	if r.opt.Progress != nil {
		r.opt.Progress(r.src.done())
	}
	if len(r.problems) > 0 && !r.opt.SkipBadRows {
		return &Error{Problems: r.problems, More: r.more, RowProblems: true}
	}
	return r.finish()
}

// readSample returns the first rows, which decide the decimal mark and
// which value column a Census extract of several months uses, and the error
// that ended them (io.EOF at the end of the file), nil if rows remain.
func (r *rowReader) readSample() (sample []record, tail error) {
	sample = r.pending
	r.pending = nil
	for len(sample) < sampleRows {
		rec, row, err := r.src.next()
		if err != nil {
			return sample, err
		}
		if !blank(rec) {
			sample = append(sample, record{cells: slices.Clone(rec), row: row})
		}
	}
	return sample, nil
}

// chooseDecimal sets the decimal mark: the options', else '.' for a plain
// export, else the one the sample's values use.
func (r *rowReader) chooseDecimal(sample []record) {
	r.dec = r.opt.Decimal
	if r.dec == 0 {
		r.dec = '.'
		if !r.plain {
			var texts []string
			for _, rec := range sample {
				for _, i := range []int{r.res.Columns.Value, r.res.Columns.CUSMA} {
					if i >= 0 && i < len(rec.cells) {
						texts = append(texts, rec.cells[i])
					}
				}
			}
			var conflict bool
			r.dec, conflict = decideDecimal(texts, r.res.Delimiter)
			if conflict {
				r.res.Notes = append(r.res.Notes, "the values mix decimal points and decimal commas; read with a decimal "+markName(r.dec))
			}
		}
	}
	r.res.Decimal = r.dec
}

// step reads one data row, the nth (counted in *n): every 4,096 rows it
// checks ctx and reports progress. It stops (errStop) at the bad rows to
// list unless bad rows are skipped.
func (r *rowReader) step(ctx context.Context, n *int, rec record) error {
	if *n++; *n%4096 == 0 {
		if err := cancelled(ctx); err != nil {
			return err
		}
		if r.opt.Progress != nil {
			r.opt.Progress(r.src.done())
		}
	}
	r.row(rec)
	if r.tooMany != nil {
		return r.tooMany
	}
	if !r.opt.SkipBadRows && len(r.problems) >= maxListed {
		r.more = true
		return errStop
	}
	return nil
}

// tailError is the error of a file that cannot be read on after tail.
func (r *rowReader) tailError(tail error) error {
	var enc *errEncoding
	var p *Problem
	switch {
	case errors.As(tail, &enc):
		if r.opt.SkipBadRows {
			// Nothing after an undecodable row can be trusted.
			return asError("", tail, r.xlsx)
		}
		// Skipping rows cannot mend an encoding: the whole file is refused.
		return &Error{Problems: []*Problem{{Row: enc.row, Reason: "not valid UTF-8: the file looks like Latin-1 (Windows-1252); choose the Latin-1 encoding (--encoding latin1)"}}}
	case errors.As(tail, &p):
		// The file cannot be read on from here: skipping rows does not
		// mend it.
		return &Error{Problems: []*Problem{p}}
	}
	return tail
}

// errStop stops reading at the bad rows to list.
var errStop = errors.New("stop")

// thousands writes n with commas between thousands.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (r *rowReader) stopped(err error) error {
	if err == errStop {
		return &Error{Problems: r.problems, More: true, RowProblems: true}
	}
	return err
}

func markName(d byte) string {
	if d == ',' {
		return "comma"
	}
	return "point"
}

// chooseValue picks a Census extract's value column: the month's value
// when the file holds several months (their sum is the period's), else the
// year to date.
func (r *rowReader) chooseValue(sample []record) {
	c := &r.res.Columns
	if c.monthValue < 0 || c.yearValue < 0 || c.Month < 0 {
		return
	}
	months := map[string]bool{}
	for _, rec := range sample {
		if c.Month < len(rec.cells) {
			months[strings.TrimSpace(rec.cells[c.Month])] = true
		}
	}
	if len(months) > 1 {
		c.Value = c.monthValue
		r.res.Notes = append(r.res.Notes, fmt.Sprintf("the file holds several months: their month values (%s) are summed", r.headerName(c.Value)))
	}
}

func (r *rowReader) headerName(i int) string {
	if i >= 0 && i < len(r.res.Header) && strings.TrimSpace(r.res.Header[i]) != "" {
		return strings.TrimSpace(r.res.Header[i])
	}
	return "column " + columnName(r.xlsx, i)
}

// column names column i for a problem: `"Customs Value" (C)`.
func (r *rowReader) column(i int) string {
	pos := columnName(r.xlsx, i)
	if i < len(r.res.Header) && strings.TrimSpace(r.res.Header[i]) != "" {
		return strconv.Quote(strings.TrimSpace(r.res.Header[i])) + " (" + pos + ")"
	}
	return pos
}

func (r *rowReader) bad(row, col int, format string, a ...any) {
	p := &Problem{Row: row, Reason: fmt.Sprintf(format, a...)}
	if col >= 0 {
		p.Column = r.column(col)
	}
	if r.opt.SkipBadRows {
		r.res.SkippedCount++
		if len(r.res.Skipped) < maxSkipped {
			r.res.Skipped = append(r.res.Skipped, *p)
		}
		return
	}
	r.problems = append(r.problems, p)
}

// row reads one data row into its line, or reports why it is bad.
func (r *rowReader) row(rec record) {
	c := r.res.Columns
	cell := rec.cell
	for _, x := range []struct {
		i   int
		set map[string]bool
	}{{c.Partner, r.partners}, {c.Period, r.periods}, {c.Flow, r.flows}, {c.Reporter, r.reporters}} {
		if v := strings.TrimSpace(cell(x.i)); v != "" && len(x.set) < 64 {
			x.set[v] = true
		}
	}
	if c.DataType >= 0 && otherDataType(cell(c.DataType)) {
		r.dataType++
		return
	}
	r.res.RowsRead++
	raw := cell(c.Code)
	if isTotal(raw) {
		r.bad(rec.row, c.Code, "%s is a total, not a trade line (it would count the trade twice)", quote(raw))
		return
	}
	code, rest, padded, reason := parseCode(raw)
	if reason != "" {
		r.bad(rec.row, c.Code, "%s", reason)
		return
	}
	sector := ""
	if r.opt.Chapters != nil {
		if sector = r.opt.Chapters[code[:2]]; sector == "" {
			r.bad(rec.row, c.Code, "code %s: HS chapter %s is in no sector (chapter 77 is reserved; chapters run 01 to 99)", code, code[:2])
			return
		}
	}
	vText := cell(c.Value)
	v, ok := r.number(rec.row, c.Value, vText, "value")
	if !ok {
		return
	}
	cusma, hasCUSMA, ok := r.cusma(rec, v, vText)
	if !ok {
		return
	}
	if padded {
		r.padded++
		if r.example == "" {
			r.example = strings.TrimSpace(raw) + " → " + code
		}
	}
	desc := csvsafe.Uncell(strings.Join(strings.Fields(cell(c.Description)), " "))
	if desc == "" && rest != "" {
		desc = rest
	}
	region := csvsafe.Uncell(strings.Join(strings.Fields(cell(c.Region)), " "))
	r.add(rec.row, Line{Code: code, Region: region, Sector: sector, Description: desc, Value: v,
		CUSMA: cusma, HasCUSMA: hasCUSMA, Rows: 1})
}

// cusma reads the CUSMA-claimed value of a row of value v (written vText):
// its own column, or all of v for a row of a CUSMA program. ok is false for
// a bad one, which is reported.
func (r *rowReader) cusma(rec record, v float64, vText string) (cusma float64, has, ok bool) {
	c := r.res.Columns
	switch {
	case c.CUSMA >= 0:
		t := strings.TrimSpace(rec.cell(c.CUSMA))
		if t == "" || t == "-" {
			return 0, false, true
		}
		if cusma, ok = r.number(rec.row, c.CUSMA, t, "CUSMA-claimed value"); !ok {
			return 0, false, false
		}
		if cusma > v*(1+1e-9)+0.5 {
			r.bad(rec.row, c.CUSMA, "the CUSMA-claimed value %s is more than the line's value %s", t, strings.TrimSpace(vText))
			return 0, false, false
		}
		return math.Min(cusma, v), true, true
	case c.Program >= 0:
		if cusmaProgram(rec.cell(c.Program)) {
			return v, true, true
		}
		return 0, true, true
	}
	return 0, false, true
}

// add adds line l of a row: summed into the line of the same code and
// region, else a new line unless the dataset has the most it may hold.
func (r *rowReader) add(row int, l Line) {
	key := l.Code + "\x00" + l.Region
	if i, ok := r.index[key]; ok {
		have := &r.res.Lines[i]
		have.Value += l.Value
		if l.HasCUSMA {
			have.CUSMA += l.CUSMA
			have.HasCUSMA = true
		}
		if have.Description == "" {
			have.Description = l.Description
		}
		have.Rows++
		r.res.Merged++
		return
	}
	if most := r.opt.maxLines(); len(r.res.Lines) >= most {
		r.tooMany = &Problem{Row: row, Reason: fmt.Sprintf("the file has more than %s distinct lines (code and region), the most a dataset may hold "+
			"(US HTS10 codes by state are about 19,000 codes × 60 regions); nothing was imported: aggregate the file (by HS6, or without regions) or split it",
			thousands(most))}
		return
	}
	r.index[key] = len(r.res.Lines)
	r.res.Lines = append(r.res.Lines, l)
}

// cell returns the record's cell i, "" when it has none.
func (rec record) cell(i int) string {
	if i < 0 || i >= len(rec.cells) {
		return ""
	}
	return rec.cells[i]
}

// number parses a value cell; a bad one is reported.
func (r *rowReader) number(row, col int, text, what string) (float64, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		r.bad(row, col, "no %s", what)
		return 0, false
	}
	var v float64
	var neg, ok bool
	if r.plain {
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			v, neg, ok = math.Abs(f), f < 0, true
		}
	}
	if !ok {
		v, neg, ok = parseNumber(t, r.dec)
	}
	switch {
	case !ok:
		hint := ""
		if strings.ContainsAny(t, ".,") {
			hint = " with a decimal " + markName(r.dec) + ", as the file's other values"
		}
		r.bad(row, col, "%s is not a number%s", quote(t), hint)
		return 0, false
	case math.IsInf(v, 0) || math.IsNaN(v) || v > 1e15:
		r.bad(row, col, "%s is too large for a trade value", quote(t))
		return 0, false
	case neg:
		r.bad(row, col, "negative %s %s: trade values are 0 or more", what, quote(t))
		return 0, false
	}
	return v, true
}

// finish sorts the lines and checks what the file says of itself: one
// partner, one year (the one imported), one flow.
func (r *rowReader) finish() error {
	res := r.res
	if len(res.Lines) == 0 {
		if res.SkippedCount > 0 {
			return &Problem{Reason: fmt.Sprintf("every data row is bad (%d skipped; the first: %s)", res.SkippedCount, res.Skipped[0].Error())}
		}
		return &Problem{Reason: "no trade lines in the file"}
	}
	slices.SortFunc(res.Lines, func(a, b Line) int {
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Region, b.Region)
	})
	c := res.Columns
	if len(r.partners) > 1 {
		return &Problem{Column: r.column(c.Partner), Reason: fmt.Sprintf("the file holds several partners (%s): keep the rows of one partner, or import each partner separately", setList(r.partners))}
	}
	if len(r.flows) > 1 {
		return &Problem{Column: r.column(c.Flow), Reason: fmt.Sprintf("the file holds several trade flows (%s): keep the rows of one flow", setList(r.flows))}
	}
	if len(r.reporters) > 1 {
		return &Problem{Column: r.column(c.Reporter), Reason: fmt.Sprintf("the file holds several reporters (%s): keep the rows of one reporter", setList(r.reporters))}
	}
	years := map[int]bool{}
	for p := range r.periods {
		if y := yearOf(p); y > 0 {
			years[y] = true
		}
	}
	for y := range years {
		res.Years = append(res.Years, y)
	}
	slices.Sort(res.Years)
	if len(res.Years) > 1 {
		ys := make([]string, len(res.Years))
		for i, y := range res.Years {
			ys[i] = strconv.Itoa(y)
		}
		return &Problem{Column: r.column(c.Period), Reason: fmt.Sprintf("the file holds several years (%s): keep one year's rows, or import each year as its own dataset", strings.Join(ys, ", "))}
	}
	if len(res.Years) == 1 && r.opt.Year > 0 && res.Years[0] != r.opt.Year {
		return &Problem{Column: r.column(c.Period), Reason: fmt.Sprintf("the file's rows are of %d, not %d", res.Years[0], r.opt.Year)}
	}
	r.direction()
	if r.padded > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%s codes had an odd number of digits (a leading zero lost, as spreadsheets do): read with a leading 0, e.g. %s", thousands(r.padded), r.example))
	}
	if r.dataType > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%s rows of other data types (quantities, duties) left out", thousands(r.dataType)))
	}
	if res.Merged > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%s rows of the same code%s summed into %s lines", thousands(res.Merged+r.mergedLines()), regionWord(res), thousands(r.mergedLines())))
	}
	res.Currency = fileCurrency(res.Layout, r.headerName(res.Columns.Value))
	return nil
}

// mergedLines counts the lines that several rows were summed into.
func (r *rowReader) mergedLines() int {
	n := 0
	for _, l := range r.res.Lines {
		if l.Rows > 1 {
			n++
		}
	}
	return n
}

func regionWord(res *Result) string {
	if res.Columns.Region >= 0 {
		return " and region"
	}
	return ""
}

// direction tells the direction of trade from a Census or Comtrade file.
func (r *rowReader) direction() {
	res := r.res
	switch res.Layout {
	case LayoutCensus:
		switch h := norm(r.headerName(res.Columns.Code)); h {
		case "icommodity":
			res.Direction, res.DirectionWhy = "ca_to_us", "a Census imports extract (I_COMMODITY): flows into the US"
		case "ecommodity":
			res.Direction, res.DirectionWhy = "us_to_ca", "a Census exports extract (E_COMMODITY): flows out of the US"
		}
	case LayoutComtrade:
		var flow, reporter string
		for f := range r.flows {
			flow = strings.ToUpper(f)
		}
		for rp := range r.reporters {
			reporter = strings.ToUpper(rp)
		}
		imports := flow == "M" || strings.HasPrefix(flow, "IMPORT")
		exports := flow == "X" || strings.HasPrefix(flow, "EXPORT")
		us := reporter == "USA" || reporter == "842" || strings.HasPrefix(reporter, "UNITED STATES")
		ca := reporter == "CAN" || reporter == "124" || reporter == "CANADA"
		switch {
		case (us && imports) || (ca && exports):
			res.Direction = "ca_to_us"
		case (us && exports) || (ca && imports):
			res.Direction = "us_to_ca"
		}
		if res.Direction != "" {
			res.DirectionWhy = fmt.Sprintf("a Comtrade file of %s's %s", titleCase(reporter), strings.ToLower(map[bool]string{true: "imports", false: "exports"}[imports]))
		}
	}
}

func titleCase(s string) string {
	switch s {
	case "USA", "842":
		return "the United States"
	case "CAN", "124", "CANADA":
		return "Canada"
	}
	return s
}

func setList(m map[string]bool) string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	slices.Sort(s)
	if len(s) > 5 {
		s = append(s[:5], "…")
	}
	return strings.Join(s, ", ")
}

// yearOf returns the year a period cell starts with ("2024", "2024-01",
// "202401", "20240101"), or 0.
func yearOf(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 4 || !allDigits(s[:4]) || (len(s) > 4 && s[4] >= '0' && s[4] <= '9' && len(s) != 6 && len(s) != 8) {
		return 0
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1900 || y > 2100 {
		return 0
	}
	return y
}

// otherDataType reports whether a DataWeb "Data Type" cell names a figure
// other than the trade value (quantities, duties, charges).
func otherDataType(s string) bool {
	n := norm(s)
	for _, w := range []string{"quantity", "duties", "duty", "dutiable", "charges", "landed"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// isTotal reports whether a code cell labels a total row.
func isTotal(s string) bool {
	n := norm(s)
	return strings.Contains(n, "total") || n == "all" || n == "allcommodities"
}

// cusmaProgram reports whether a special-programme cell names CUSMA
// (USMCA; DataWeb's "S" and "S+", NAFTA's "CA" before it).
func cusmaProgram(s string) bool {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u == "" {
		return false
	}
	for _, w := range []string{"USMCA", "CUSMA", "NAFTA", "T-MEC", "ACEUM"} {
		if strings.Contains(u, w) {
			return true
		}
	}
	first := strings.FieldsFunc(u, func(r rune) bool { return r == ' ' || r == '-' || r == ':' || r == '(' || r == ')' || r == ',' })
	if len(first) == 0 {
		return false
	}
	switch first[0] {
	case "S", "S+", "CA":
		return true
	}
	return false
}

// parseCode reads a code cell of a trade file (SplitCode) of 2 to 10
// digits. A code with an odd number of digits lost its leading zero in a
// spreadsheet: it is read with one (padded). reason says why a cell is not
// a code.
func parseCode(s string) (code, rest string, padded bool, reason string) {
	code, rest, ok := SplitCode(s)
	switch {
	case !ok:
		return "", "", false, fmt.Sprintf("%s is not an HS code (2 to 10 digits)", quote(s))
	case code == "":
		return "", "", false, "no code"
	}
	if len(code) > 10 {
		return "", "", false, fmt.Sprintf("%s has %d digits: an HS code has 2 to 10", quote(s), len(code))
	}
	if len(code)%2 == 1 {
		code, padded = "0"+code, true
	}
	return code, rest, padded, ""
}

// utf16Order returns the byte order of a UTF-16 kind.
func utf16Order(k kind) binary.ByteOrder {
	if k == kindUTF16BE {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// openXLSX opens the workbook of o (a zip file) at its chosen sheet, and
// returns the sheet's rows, its name and the workbook's sheets.
func openXLSX(o *opened, path string, opt Options) (src source, sheet string, sheets []string, err error) {
	o.f.Close()
	wb, err := openWorkbook(path, opt.now())
	if err != nil {
		return nil, "", nil, asError(o.name, err, false)
	}
	sheets = wb.GetSheetList()
	if sheet, err = chooseSheet(wb, opt); err != nil {
		wb.Close()
		return nil, "", nil, asError(o.name, err, true)
	}
	s, err := openSheet(wb, sheet)
	if err != nil {
		wb.Close()
		return nil, "", nil, asError(o.name, err, true)
	}
	return s, sheet, sheets, nil
}
