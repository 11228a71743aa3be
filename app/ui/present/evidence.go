package present

import (
	"strings"
	"time"

	"parley/storage/evidence"
)

// DocLine describes a document in one line.
func DocLine(d evidence.Document) string {
	var parts []string
	for _, s := range []string{d.Publisher, d.Date, d.Kind} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, ExcerptCount(d.Excerpts), QuotedBy(d.Citations))
	return strings.Join(parts, " · ")
}

// ExcerptCount says in words how many excerpts a document has.
func ExcerptCount(n int) string {
	if n == 0 {
		return "no saved excerpts"
	}
	return Plural(n, "saved excerpt")
}

// QuotedBy says in words how many measures quote a document.
func QuotedBy(n int) string {
	if n == 0 {
		return "not quoted by any measure yet"
	}
	return "quoted by " + Plural(n, "measure")
}

// LocalTime writes a stored time in the computer's time zone, for people:
// "1 Dec 2026, 16:23"; no time is "".
func LocalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 Jan 2006, 15:04")
}

// MaxHits is how many passages a search of the evidence library shows.
const MaxHits = 40
