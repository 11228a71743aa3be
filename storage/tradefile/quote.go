package tradefile

import (
	"bytes"
	"errors"
	"io"
)

// MaxRecordBytes is the most text one CSV record may hold. A trade file's
// rows are a few hundred bytes; a longer record is almost always a quote
// that is never closed, which would turn the rest of the file into one
// cell.
const MaxRecordBytes = 1 << 20

// errLongRecord stops the CSV reader in a record longer than MaxRecordBytes.
var errLongRecord = errors.New("record too long")

// recordGuard sits between a CSV file's text and the CSV reader. It keeps
// the text the reader has taken since the end of the last record, so that a
// record that runs on (an unclosed quote) is stopped after MaxRecordBytes,
// before it costs memory, and can be reported at the row it starts on.
type recordGuard struct {
	r     io.Reader
	data  []byte // data[off:] is the text from offset start on
	off   int
	start int64 // offset in the text of data[off]
	line  int   // 1-based line of data[off]
	eof   bool
	limit int
}

// text is the text kept: from the end of the last record on.
func (g *recordGuard) text() []byte { return g.data[g.off:] }

func newRecordGuard(r io.Reader) *recordGuard {
	return &recordGuard{r: r, line: 1, limit: MaxRecordBytes}
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if len(g.data)-g.off > g.limit+len(p) {
		return 0, errLongRecord
	}
	n, err := g.r.Read(p)
	g.data = append(g.data, p[:n]...)
	if err == io.EOF {
		g.eof = true
	}
	return n, err
}

// mark says the reader's records end at offset off: the text before it is
// dropped.
func (g *recordGuard) mark(off int64) {
	text := g.text()
	n := min(int(off-g.start), len(text))
	if n <= 0 {
		return
	}
	g.line += bytes.Count(text[:n], []byte{'\n'})
	g.start += int64(n)
	g.off += n
	switch {
	case g.off == len(g.data):
		g.data, g.off = g.data[:0], 0
	case g.off >= 64<<10:
		// Move the little text kept to the front, in place.
		g.data = g.data[:copy(g.data, g.data[g.off:])]
		g.off = 0
	}
	if cap(g.data) > 4*g.limit && len(g.data)-g.off < g.limit {
		g.data, g.off = append([]byte(nil), g.text()...), 0
	}
}

// recordStart returns the line on which the record after the last mark
// starts: past the empty and comment lines the CSV reader skips.
func (g *recordGuard) recordStart(comment byte) int {
	line, b := g.line, g.text()
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break
		}
		l := bytes.TrimSuffix(b[:i], []byte{'\r'})
		if len(l) > 0 && l[0] != comment {
			break
		}
		line++
		b = b[i+1:]
	}
	return line
}

// pending returns the text after the last mark up to offset off.
func (g *recordGuard) pending(off int64) []byte {
	text := g.text()
	return text[:min(max(int(off-g.start), 0), len(text))]
}

// unclosedAtEnd reports whether raw, the text of the file's last record,
// ends inside a quoted cell that spans lines: a quote that was never
// closed, which the lenient CSV reader would otherwise take as a cell
// running to the end of the file.
func unclosedAtEnd(raw []byte, delim rune) bool {
	raw = bytes.TrimRight(raw, "\r\n")
	if !bytes.ContainsRune(raw, '\n') {
		return false
	}
	// Walk the record as the CSV reader does, quotes only.
	inQuote, atStart := false, true
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inQuote && c == '"':
			if i+1 < len(raw) && raw[i+1] == '"' {
				i++
				continue
			}
			inQuote = false
		case !inQuote && atStart && c == '"':
			inQuote = true
		}
		atStart = !inQuote && (rune(c) == delim || c == '\n')
	}
	return inQuote
}
