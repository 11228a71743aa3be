package scenarios

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names, descriptions and labels come from workspaces and files others
// made. A bidirectional override in a scenario's name ("Proposal
// \u202eTPECCA ton od\u202c v2") makes a slide, a chart or a spreadsheet
// show "Proposal do not ACCEPT v2"; zero-width characters hide text inside
// a word. Every export (charts as SVG and PNG, decks, CSV files) shows such
// characters with ShowHidden instead of writing them raw, as the terminal
// shows them.

// Hidden reports whether r is a character that is invisible and reorders
// or hides the text around it: the bidirectional embeddings, overrides,
// isolates and marks, the zero-width space and word joiner, the invisible
// operators, the byte order mark, the interlinear annotation marks, the
// deprecated format characters, and control characters other than tab,
// line feed and carriage return (DEL and the C1 controls included). The
// zero-width joiner and non-joiner and the soft hyphen, which shape text
// in some scripts and emoji, are not hidden.
func Hidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x180e, r == 0x200b, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x206f:
		return true
	case r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

// ShowHidden returns s with every Hidden character shown as a visible
// \uXXXX escape (U+202E becomes `\u202e`), the form the command line
// prints; s itself when it has none.
func ShowHidden(s string) string {
	if strings.IndexFunc(s, Hidden) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		if Hidden(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Invisible reports whether s shows nothing: it holds only white space,
// controls, format characters (zero-width space and joiners, bidirectional
// marks, the byte order mark), combining marks with no base, variation
// selectors and the blank fillers (Hangul fillers, braille blank).
func Invisible(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		case r == '\u115f', r == '\u1160', r == '\u3164', r == '\uffa0', r == '\u2800', r == '\u180e':
		case unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r), r == utf8.RuneError:
		default:
			return false
		}
	}
	return true
}
