package refdata

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"parley/assets"
)

// A line table is the compact, already parsed form of an HTS10 trade file:
// the generator writes it once (EncodeTable) and a process reads it without
// decompressing or parsing text (openTable). Its layout, integers
// little-endian:
//
//	the header of the source's columns as a CSV line, then "\n"
//	uint32 the number of rows
//	each row: its 10-digit code, one int64 per value column, and the
//	    length of its text as a uint16 when the last column is text
//	the rows' texts, one after the other
//
// The first column is the code, the others whole numbers (US$), but the last
// when it is text.
const codeLen = 10

// EncodeTable writes rows (of columns, the first an HTS10 code, the next
// whole numbers, the last a text when text is true) as a line table.
func EncodeTable(columns []string, text bool, rows [][]string) ([]byte, error) {
	nums := len(columns) - 1
	if text {
		nums--
	}
	if nums < 0 {
		return nil, errors.New("a line table needs a code column and a text column")
	}
	out := []byte(strings.Join(columns, ",") + "\n")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(rows)))
	var texts []byte
	for _, row := range rows {
		if len(row) != len(columns) {
			return nil, fmt.Errorf("row %q: %d fields, want %d", row, len(row), len(columns))
		}
		if len(row[0]) != codeLen || !IsCode(row[0]) {
			return nil, fmt.Errorf("%q is not an HTS10 code", row[0])
		}
		out = append(out, row[0]...)
		for _, s := range row[1 : 1+nums] {
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("value of %s: %w", row[0], err)
			}
			out = binary.LittleEndian.AppendUint64(out, uint64(v))
		}
		if text {
			t := row[len(row)-1]
			if len(t) > math.MaxUint16 {
				return nil, fmt.Errorf("text of %s: %d bytes", row[0], len(t))
			}
			out = binary.LittleEndian.AppendUint16(out, uint16(len(t)))
			texts = append(texts, t...)
		}
	}
	return append(out, texts...), nil
}

// lineTable is a line table's rows, read in place.
type lineTable struct {
	rows     string // n rows of width bytes
	n, width int
	nums     int  // value columns
	text     bool // a text column follows the values
	texts    string
}

// openTable returns the embedded line table name, checking its header is
// columns (with text last when text is true) and its size.
func openTable(name string, columns []string, text bool) (*lineTable, error) {
	data, ok := assets.LineTable(name)
	if !ok {
		return nil, fmt.Errorf("read %s: not an embedded line table", name)
	}
	t, err := parseTable(data, columns, text)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return t, nil
}

// parseTable is openTable on the table's bytes, data.
func parseTable(data string, columns []string, text bool) (*lineTable, error) {
	head := strings.Join(columns, ",") + "\n"
	if !strings.HasPrefix(data, head) {
		got, _, _ := strings.Cut(data, "\n")
		return nil, fmt.Errorf("columns are %q, want %q", got, head[:len(head)-1])
	}
	data = data[len(head):]
	t := &lineTable{nums: len(columns) - 1, text: text}
	if text {
		t.nums--
	}
	t.width = codeLen + 8*t.nums
	if text {
		t.width += 2
	}
	if len(data) < 4 {
		return nil, errors.New("no row count")
	}
	t.n = int(le(data[:4]))
	data = data[4:]
	if len(data) < t.n*t.width {
		return nil, fmt.Errorf("%d rows announced, %d bytes hold fewer", t.n, len(data))
	}
	t.rows, t.texts = data[:t.n*t.width], data[t.n*t.width:]
	return t, nil
}

// code returns the code of row r.
func (t *lineTable) code(r int) string { return t.rows[r*t.width : r*t.width+codeLen] }

// value returns value column i of row r.
func (t *lineTable) value(r, i int) int64 {
	at := r*t.width + codeLen + 8*i
	return int64(le(t.rows[at : at+8]))
}

// each calls size with the number of rows, then fn with each row's code,
// values and text, in order. The code and text are substrings of the
// embedded file; fn must not keep v.
func (t *lineTable) each(size func(n int), fn func(code string, v []int64, text string) error) error {
	if size != nil {
		size(t.n)
	}
	v := make([]int64, t.nums)
	texts := t.texts
	for r := 0; r < t.n; r++ {
		for i := range v {
			v[i] = t.value(r, i)
		}
		var s string
		if t.text {
			l := int(le(t.rows[(r+1)*t.width-2 : (r+1)*t.width]))
			if l > len(texts) {
				return fmt.Errorf("row %d: text runs past the end", r+1)
			}
			s, texts = texts[:l], texts[l:]
		}
		if err := fn(t.code(r), v, s); err != nil {
			return fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	if texts != "" {
		return fmt.Errorf("%d bytes after the last row", len(texts))
	}
	return nil
}

// sorted reports whether the rows are in strictly increasing code order,
// which find needs.
func (t *lineTable) sorted() bool {
	for r := 1; r < t.n; r++ {
		if t.code(r-1) >= t.code(r) {
			return false
		}
	}
	return true
}

// find returns the row of code in a sorted table.
func (t *lineTable) find(code string) (int, bool) {
	return sort.Find(t.n, func(r int) int { return strings.Compare(code, t.code(r)) })
}

// share returns usmca_value_h2 / value_h2 of row r of the 2025 lines, where
// value_h2 > 0.
func (t *lineTable) share(r int) (float64, bool) {
	v, u := t.value(r, 2), t.value(r, 3)
	if v <= 0 {
		return 0, false
	}
	return float64(u) / float64(v), true
}

// le returns the little-endian unsigned integer of the bytes of s (at most 8).
func le(s string) uint64 {
	var v uint64
	for i := len(s) - 1; i >= 0; i-- {
		v = v<<8 | uint64(s[i])
	}
	return v
}
