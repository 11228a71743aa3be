package tradefile

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is the character encoding of a CSV file.
type Encoding string

// The encodings Parley reads.
const (
	// UTF8 is the default: a file that is not valid UTF-8 is refused, with
	// the suggestion to read it as Latin-1.
	UTF8 Encoding = "utf-8"
	// Latin1 is ISO-8859-1 as Windows writes it (Windows-1252: also € and
	// curly quotes in 0x80–0x9F), the encoding of older exports from Excel
	// and many statistics portals.
	Latin1 Encoding = "latin1"
	// UTF16 is UTF-16 with a byte-order mark, Excel's "Unicode text";
	// it is recognised by its mark whatever the choice.
	UTF16 Encoding = "utf-16"
)

// ParseEncoding reads an encoding name: "utf-8" (or "utf8"), "latin1"
// (or "latin-1", "iso-8859-1", "windows-1252", "cp1252"), "utf-16"; ""
// and "auto" give "".
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252", "ansi":
		return Latin1, nil
	case "utf-16", "utf16":
		return UTF16, nil
	}
	return "", fmt.Errorf("unknown encoding %q (want utf-8 or latin1)", s)
}

// Label names the encoding for people.
func (e Encoding) Label() string {
	switch e {
	case UTF8, "":
		return "UTF-8"
	case Latin1:
		return "Latin-1 (Windows-1252)"
	case UTF16:
		return "UTF-16"
	}
	return string(e)
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to their characters;
// 0 marks the five bytes it leaves undefined (read as Latin-1 controls).
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// latin1Reader decodes Windows-1252 into UTF-8.
type latin1Reader struct {
	r   *bufio.Reader
	buf []byte // decoded, not yet returned
}

func newLatin1Reader(r io.Reader) io.Reader {
	return &latin1Reader{r: bufio.NewReaderSize(r, 64<<10)}
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		chunk := make([]byte, min(len(p), 32<<10))
		n, err := l.r.Read(chunk)
		out := make([]byte, 0, 2*n)
		for _, b := range chunk[:n] {
			switch {
			case b < 0x80:
				out = append(out, b)
			case b < 0xa0 && cp1252[b-0x80] != 0:
				out = utf8.AppendRune(out, cp1252[b-0x80])
			default:
				out = utf8.AppendRune(out, rune(b))
			}
		}
		l.buf = out
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// utf16Reader decodes UTF-16 (after its byte-order mark) into UTF-8.
type utf16Reader struct {
	r     *bufio.Reader
	order binary.ByteOrder
	buf   []byte
	high  uint16 // a high surrogate waiting for its pair
}

func newUTF16Reader(r io.Reader, order binary.ByteOrder) io.Reader {
	return &utf16Reader{r: bufio.NewReaderSize(r, 64<<10), order: order}
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.buf) == 0 {
		var pair [2]byte
		var out []byte
		var err error
		for len(out) < 16<<10 {
			if _, err = io.ReadFull(u.r, pair[:]); err != nil {
				break
			}
			c := u.order.Uint16(pair[:])
			switch {
			case u.high != 0 && utf16.IsSurrogate(rune(c)) && c >= 0xdc00:
				out = utf8.AppendRune(out, utf16.DecodeRune(rune(u.high), rune(c)))
				u.high = 0
			case c >= 0xd800 && c < 0xdc00:
				if u.high != 0 {
					out = utf8.AppendRune(out, utf8.RuneError)
				}
				u.high = c
			default:
				if u.high != 0 {
					out = utf8.AppendRune(out, utf8.RuneError)
					u.high = 0
				}
				out = utf8.AppendRune(out, rune(c))
			}
		}
		u.buf = out
		if len(out) == 0 && err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return 0, err
		}
	}
	n := copy(p, u.buf)
	u.buf = u.buf[n:]
	return n, nil
}
