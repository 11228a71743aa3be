package cli

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// What the command line prints comes in part from workspaces and files that
// others made: scenario names, document titles and bodies, measure labels,
// search snippets. A name holding ESC or OSC sequences would drive the
// user's terminal (retitle it, hide text, rewrite the screen) if printed
// raw. Everything printed goes through a textWriter,
// which shows such characters as escapes instead.

// textWriter writes to w what it is given with control characters made
// visible: C0 controls other than tab and line feed, DEL, C1 controls and
// the bidirectional embeddings, overrides and isolates become \uXXXX, and
// bytes that are not UTF-8 become \xNN. The \uXXXX form keeps JSON output
// valid JSON with the same values. A UTF-8 sequence split across two writes
// is held until the next write or flush.
type textWriter struct {
	w     io.Writer
	carry []byte
}

// newTextWriter returns a textWriter on w, or nil for a nil w.
func newTextWriter(w io.Writer) *textWriter {
	if w == nil {
		return nil
	}
	return &textWriter{w: w}
}

// Write implements io.Writer.
func (t *textWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.carry) > 0 {
		data = append(t.carry, p...)
		t.carry = nil
	}
	cut := len(data)
	for i := 1; i <= utf8.UTFMax && i <= len(data); i++ {
		if utf8.RuneStart(data[len(data)-i]) {
			if !utf8.FullRune(data[len(data)-i:]) {
				cut = len(data) - i
			}
			break
		}
	}
	if cut < len(data) {
		t.carry = append([]byte(nil), data[cut:]...)
	}
	if _, err := t.w.Write(safeText(data[:cut])); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes a held incomplete sequence (as \xNN escapes).
func (t *textWriter) flush() {
	if t == nil || len(t.carry) == 0 {
		return
	}
	_, _ = t.w.Write(safeText(t.carry))
	t.carry = nil
}

// safeText returns b with the characters a terminal would act on escaped
// (see textWriter); b itself when there are none.
func safeText(b []byte) []byte {
	clean := true
	for i := 0; i < len(b) && clean; {
		r, size := utf8.DecodeRune(b[i:])
		clean = !(r == utf8.RuneError && size == 1) && !unsafeRune(r)
		i += size
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, b[i])
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// unsafeRune reports whether a terminal could act on r, or r could hide or
// reorder the text around it.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
