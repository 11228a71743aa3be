package scenarios

import (
	"strings"
	"unicode"
)

// NormalizeText prepares text for quote matching (docs/SPEC.md section 3): runs of
// white space become one space, letters are lower-cased and curly quotes,
// primes and guillemets become straight quotes.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u0060', '\u00B4':
			r = '\''
		case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
			r = '"'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// QuoteIn reports whether quote occurs in text, ignoring white space runs,
// case and the style of quotation marks. An empty quote never matches.
func QuoteIn(quote, text string) bool {
	q := NormalizeText(quote)
	return q != "" && strings.Contains(NormalizeText(text), q)
}
