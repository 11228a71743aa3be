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
	buf   []byte // text from offset start on
	start int64  // offset in the text of buf[0]
	line  int    // 1-based line of buf[0]
	eof   bool
	limit int
}

func newRecordGuard(r io.Reader) *recordGuard {
	return &recordGuard{r: r, line: 1, limit: MaxRecordBytes}
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if len(g.buf) > g.limit+len(p) {
		return 0, errLongRecord
	}
	n, err := g.r.Read(p)
	g.buf = append(g.buf, p[:n]...)
	if err == io.EOF {
		g.eof = true
	}
	return n, err
}

// mark says the reader's records end at offset off: the text before it is
// dropped.
func (g *recordGuard) mark(off int64) {
	n := int(off - g.start)
	if n <= 0 {
		return
	}
	n = min(n, len(g.buf))
	g.line += bytes.Count(g.buf[:n], []byte{'\n'})
	g.start += int64(n)
	if rest := len(g.buf) - n; rest < n || cap(g.buf) > 4*g.limit {
		g.buf = append(make([]byte, 0, max(rest, 64<<10)), g.buf[n:]...)
	} else {
		g.buf = g.buf[n:]
	}
}

// recordStart returns the line on which the record after the last mark
// starts: past the empty and comment lines the CSV reader skips.
func (g *recordGuard) recordStart(comment byte) int {
	line, b := g.line, g.buf
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
	n := min(max(int(off-g.start), 0), len(g.buf))
	return g.buf[:n]
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
