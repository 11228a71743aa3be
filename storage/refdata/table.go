package refdata

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"parley/assets"
)

// A line table is the compact, already parsed form of an HTS10 trade file:
// the generator writes it once (EncodeTable) and a process reads it without
// decompressing or parsing text (eachRow). Its layout, integers
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

// eachRow reads the embedded line table name, checks its header is columns
// (with text last when text is true), calls size with the number of rows,
// then fn with each row's code, values and text. The code and text are
// substrings of the embedded file; fn must not keep v.
func eachRow(name string, columns []string, text bool, size func(n int), fn func(code string, v []int64, text string) error) error {
	data, ok := assets.LineTable(name)
	if !ok {
		return fmt.Errorf("read %s: not an embedded line table", name)
	}
	if err := readTable(data, columns, text, size, fn); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// readTable is eachRow on the table's bytes, data.
func readTable(data string, columns []string, text bool, size func(n int), fn func(code string, v []int64, text string) error) error {
	head := strings.Join(columns, ",") + "\n"
	if !strings.HasPrefix(data, head) {
		got, _, _ := strings.Cut(data, "\n")
		return fmt.Errorf("columns are %q, want %q", got, head[:len(head)-1])
	}
	data = data[len(head):]
	nums := len(columns) - 1
	if text {
		nums--
	}
	width := codeLen + 8*nums
	if text {
		width += 2
	}
	if len(data) < 4 {
		return errors.New("no row count")
	}
	n := int(le(data[:4]))
	rows, texts := data[4:], ""
	if len(rows) < n*width {
		return fmt.Errorf("%d rows announced, %d bytes hold fewer", n, len(rows))
	}
	rows, texts = rows[:n*width], rows[n*width:]
	if size != nil {
		size(n)
	}
	v := make([]int64, nums)
	for r := 0; r < n; r++ {
		row := rows[r*width : (r+1)*width]
		for i := range v {
			v[i] = int64(le(row[codeLen+8*i : codeLen+8*i+8]))
		}
		var t string
		if text {
			l := int(le(row[width-2:]))
			if l > len(texts) {
				return fmt.Errorf("row %d: text runs past the end", r+1)
			}
			t, texts = texts[:l], texts[l:]
		}
		if err := fn(row[:codeLen], v, t); err != nil {
			return fmt.Errorf("row %d: %w", r+1, err)
		}
	}
	if texts != "" {
		return fmt.Errorf("%d bytes after the last row", len(texts))
	}
	return nil
}

// le returns the little-endian unsigned integer of the bytes of s (at most 8).
func le(s string) uint64 {
	var v uint64
	for i := len(s) - 1; i >= 0; i-- {
		v = v<<8 | uint64(s[i])
	}
	return v
}
