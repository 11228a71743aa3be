package refdata

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"parley/assets"
)

// ReadTable reads the embedded CSV file name: one map per record from
// column name to value.
func ReadTable(name string) ([]map[string]string, error) {
	b, err := fs.ReadFile(assets.Files(), name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out, nil
}

// eachRecord reads the embedded CSV file name (gunzipped when it ends in
// .gz), checks its header is columns, calls size with the number of records
// (at most) before the first, then fn with each record. Fields are
// substrings of the file's text; fn must not keep rec itself. It handles
// the CSV that encoding/csv writes (quoted fields, doubled quotes) quickly.
func eachRecord(name string, columns []string, size func(n int), fn func(rec []string) error) error {
	text, err := embeddedText(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	rec := make([]string, 0, len(columns))
	line := 1
	for text != "" {
		var err error
		start := line
		rec, text, line, err = nextRecord(rec[:0], text, line)
		if err != nil {
			return fmt.Errorf("read %s line %d: %w", name, start, err)
		}
		if len(rec) != len(columns) {
			return fmt.Errorf("read %s line %d: %d fields, want %d", name, start, len(rec), len(columns))
		}
		if start == 1 {
			for i, c := range columns {
				if rec[i] != c {
					return fmt.Errorf("read %s: column %d is %q, want %q", name, i+1, rec[i], c)
				}
			}
			if size != nil {
				size(strings.Count(text, "\n"))
			}
			continue
		}
		if err := fn(rec); err != nil {
			return fmt.Errorf("read %s line %d: %w", name, start, err)
		}
	}
	if line == 1 {
		return fmt.Errorf("read %s: empty", name)
	}
	return nil
}

// nextRecord appends the fields of the first record of text to rec and
// returns the rest of text and the line number after the record: quickly
// for a line with no quote, else through splitRecord.
func nextRecord(rec []string, text string, line int) ([]string, string, int, error) {
	row, rest := text, ""
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		row, rest = text[:i], text[i+1:]
	}
	if strings.IndexByte(row, '"') >= 0 {
		return splitRecord(rec, text, line)
	}
	row = strings.TrimSuffix(row, "\r")
	for {
		i := strings.IndexByte(row, ',')
		if i < 0 {
			return append(rec, row), rest, line + 1, nil
		}
		rec = append(rec, row[:i])
		row = row[i+1:]
	}
}

// splitRecord appends the fields of the first record of text to rec and
// returns the rest of text and the line number after the record.
func splitRecord(rec []string, text string, line int) ([]string, string, int, error) {
	for {
		if text != "" && text[0] == '"' {
			// quoted field: up to the quote that is not doubled
			var b strings.Builder
			i, from := 1, 1
			for {
				j := strings.IndexByte(text[i:], '"')
				if j < 0 {
					return rec, "", line, fmt.Errorf("quoted field not closed")
				}
				i += j
				if i+1 < len(text) && text[i+1] == '"' {
					b.WriteString(text[from : i+1])
					i += 2
					from = i
					continue
				}
				break
			}
			field := text[from:i]
			if b.Len() > 0 {
				b.WriteString(field)
				field = b.String()
			}
			line += strings.Count(text[1:i], "\n")
			rec = append(rec, field)
			text = text[i+1:]
			switch {
			case text == "":
				return rec, "", line + 1, nil
			case text[0] == ',':
				text = text[1:]
				continue
			case text[0] == '\n':
				return rec, text[1:], line + 1, nil
			case strings.HasPrefix(text, "\r\n"):
				return rec, text[2:], line + 1, nil
			}
			return rec, "", line, fmt.Errorf("text after a quoted field")
		}
		end := 0
		for end < len(text) && text[end] != ',' && text[end] != '\n' {
			end++
		}
		if end == len(text) {
			return append(rec, strings.TrimSuffix(text, "\r")), "", line + 1, nil
		}
		if text[end] == '\n' {
			return append(rec, strings.TrimSuffix(text[:end], "\r")), text[end+1:], line + 1, nil
		}
		rec = append(rec, text[:end])
		text = text[end+1:]
	}
}

// embeddedText returns an embedded file's text, gunzipped when its name ends
// in .gz.
func embeddedText(name string) (string, error) {
	raw, err := fs.ReadFile(assets.Files(), name)
	if err != nil {
		return "", err
	}
	if !strings.HasSuffix(name, ".gz") {
		return string(raw), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if len(raw) >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32(raw[len(raw)-4:]))) // ISIZE: the size uncompressed
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	if err := zr.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}
