package tradefile

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// signatures are the first bytes of file kinds a user may pick by mistake.
var signatures = []struct {
	magic, what string
}{
	{"%PDF-", "a PDF document"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97–2003 workbook (.xls) or another Office binary file: save it as .xlsx or CSV"},
	{"SQLite format 3\x00", "an SQLite database (a Parley workspace?)"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\x1f\x8b", "a gzip archive: unpack it first"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it first"},
	{"Rar!", "a RAR archive: unpack it first"},
	{"{\\rtf", "an RTF document"},
	{"<?xml", "an XML file"},
}

// kind is what the first bytes of a file say it is.
type kind int

const (
	kindText kind = iota
	kindZip       // a ZIP archive: an XLSX workbook, or not
	kindUTF16LE
	kindUTF16BE
	kindJSON  // a JSON array of rows, as the US Census API answers
	kindOther // a file of another kind; what says which
)

// sniff tells what head, the first bytes of a file, holds.
func sniff(head []byte) (k kind, what string) {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return kindZip, ""
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return kindUTF16LE, ""
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return kindUTF16BE, ""
	}
	for _, s := range signatures {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			return kindOther, s.what
		}
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if l := bytes.ToLower(trimmed[:min(len(trimmed), 64)]); bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) {
		return kindOther, "a web page (HTML): save the table as CSV or XLSX"
	}
	// Text has no NUL bytes and few control characters.
	ctrl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return kindOther, "a binary file, not text"
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f':
			ctrl++
		}
	}
	if len(head) > 0 && ctrl*20 > len(head) {
		return kindOther, "a binary file, not text"
	}
	if bytes.HasPrefix(trimmed, []byte("[")) {
		return kindJSON, ""
	}
	return kindText, ""
}

var utf8BOM = []byte("\xef\xbb\xbf")

// invalidUTF8 returns the 1-based line of head's first byte sequence that
// is not UTF-8, or 0. A sequence cut at the end of head is not counted.
func invalidUTF8(head []byte) int {
	line := 1
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			if len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				return 0
			}
			return line
		}
		i += size
	}
	return 0
}

// delimiters are the field separators a CSV file may use.
var delimiters = []rune{',', ';', '\t', '|'}

// detectDelimiter picks the separator that splits the first lines of text
// into the same number of fields, the most fields on a tie; quoted text is
// not counted. A text with one column gives ','.
func detectDelimiter(text string) rune {
	lines := firstLines(text, 30)
	best, bestScore, bestFields := ',', -1, 0
	for _, d := range delimiters {
		counts := map[int]int{}
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				counts[n]++
			}
		}
		mode, modeN := 0, 0
		for n, c := range counts {
			if c > modeN || (c == modeN && n > mode) {
				mode, modeN = n, c
			}
		}
		if modeN > bestScore || (modeN == bestScore && mode > bestFields) {
			best, bestScore, bestFields = d, modeN, mode
		}
	}
	if bestScore <= 0 {
		return ','
	}
	return best
}

// firstLines returns up to n non-empty lines of text, skipping comment
// lines ('#'). A quoted field may span lines: those lines are joined.
func firstLines(text string, n int) []string {
	var out []string
	var cur strings.Builder
	inQuote := false
	for len(text) > 0 && len(out) < n {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		cur.WriteString(line)
		if strings.Count(line, `"`)%2 == 1 {
			inQuote = !inQuote
		}
		if inQuote {
			cur.WriteString("\n")
			continue
		}
		l := strings.TrimRight(cur.String(), "\r")
		cur.Reset()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func countOutsideQuotes(line string, d rune) int {
	n, in := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			in = !in
		case r == d && !in:
			n++
		}
	}
	return n
}

// DelimiterName names a field separator for people.
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	case '|':
		return "vertical bar"
	case 0:
		return ""
	}
	return string(d)
}

// ParseDelimiter reads a separator given by name or as itself: "," or
// "comma", ";" or "semicolon", "tab" or "\t", "|" or "bar".
func ParseDelimiter(s string) (rune, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return 0, true
	case ",", "comma":
		return ',', true
	case ";", "semicolon":
		return ';', true
	case "tab", `\t`, "\t":
		return '\t', true
	case "|", "bar", "pipe":
		return '|', true
	}
	if s == "\t" {
		return '\t', true
	}
	return 0, false
}
