// Package csvsafe makes the CSV files Parley writes safe to open in a
// spreadsheet: no cell starts a formula, and no text breaks out of a '#'
// comment line.
//
// Spreadsheets run a cell that starts with '=', '+', '-' or '@' (and, in
// some, a tab or carriage return before them) as a formula, so a scenario or
// sector name such as "=HYPERLINK(...)" from a shared workspace would become
// a live formula in the user's spreadsheet. Cell prefixes such text with a
// single quote, as spreadsheets themselves do, and leaves true numbers such
// as -12.5 alone.
package csvsafe

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"

	"parley/scenarios"
)

// number is a plain decimal number, as Parley writes them: a spreadsheet
// reads it as a number, never as a formula.
var number = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// formulaStart reports whether a spreadsheet would read a cell that starts
// with b as a formula.
func formulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// Cell returns s safe as a CSV cell: the characters that hide or reorder
// text shown as \uXXXX escapes (scenarios.ShowHidden), and prefixed with
// "'" when it starts like a formula and is not a plain number.
func Cell(s string) string {
	s = scenarios.ShowHidden(s)
	if s == "" || !formulaStart(s[0]) || number.MatchString(s) {
		return s
	}
	return "'" + s
}

// Uncell undoes Cell on a cell read back: a "'" before what would start a
// formula is dropped, so that a file Parley wrote imports to the same text.
func Uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaStart(s[1]) {
		return s[1:]
	}
	return s
}

// Row returns the cells of row made safe with Cell, in a new slice.
func Row(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = Cell(c)
	}
	return out
}

// Rows returns rows made safe with Row.
func Rows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = Row(r)
	}
	return out
}

// lineBreaks are what a CSV reader or a spreadsheet may take for the end of
// a line.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// CommentLines returns text as the lines of a '#' comment: one line per
// line of text (CR, LF, CRLF and the Unicode line separators all end a
// line), trimmed, empty ones dropped, each safe (see CommentLine) and
// starting with "# ".
func CommentLines(text string) []string {
	var out []string
	for _, line := range strings.Split(lineBreaks.Replace(text), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, CommentLine(line))
		}
	}
	return out
}

// CommentLine returns "# " and the one-line text, its hidden characters
// shown (see Cell), with its separators defused: a spreadsheet splits a comment line at commas (semicolons, tabs)
// like any other, so text after one must not start a formula either. Tabs
// become spaces; a cell after a separator that would start a formula
// (after spaces or an opening quote) gets the "'" prefix of Cell.
func CommentLine(text string) string {
	text = strings.ReplaceAll(lineBreaks.Replace(text), "\n", " ")
	text = scenarios.ShowHidden(text)
	text = strings.ReplaceAll(text, "\t", " ")
	var b strings.Builder
	b.WriteString("# ")
	for i := 0; i < len(text); i++ {
		c := text[i]
		b.WriteByte(c)
		if c != ',' && c != ';' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '"') {
			j++
		}
		if j < len(text) && formulaStart(text[j]) {
			end := strings.IndexAny(text[j:], ",;")
			if end < 0 {
				end = len(text) - j
			}
			if !number.MatchString(strings.TrimSpace(strings.TrimRight(text[j:j+end], `"`))) {
				b.WriteString(text[i+1 : j])
				b.WriteByte('\'')
				i = j - 1
			}
		}
	}
	return b.String()
}

// WriteComments writes text as '#' comment lines (CommentLines) to w.
func WriteComments(w io.Writer, text string) error {
	for _, l := range CommentLines(text) {
		if _, err := io.WriteString(w, l+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// Writer is a csv.Writer whose cells are made safe with Cell.
type Writer struct{ *csv.Writer }

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer { return &Writer{csv.NewWriter(w)} }

// Write writes one record, its cells made safe.
func (w *Writer) Write(record []string) error { return w.Writer.Write(Row(record)) }

// WriteAll writes records, their cells made safe, and flushes.
func (w *Writer) WriteAll(records [][]string) error { return w.Writer.WriteAll(Rows(records)) }
