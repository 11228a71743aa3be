package tradefile

import (
	"math"
	"strconv"
	"strings"
)

// SplitCode splits a code cell of a user's file into the code's digits and
// the description after it. It is the one reader of code cells, for trade
// files and product lists alike: dots and spaces are allowed between the
// digits ("0101.21.00"), Excel's ="0101" and '0101 forms are read, a code a
// spreadsheet wrote as a number (1.0121E+9) is read back as its digits, and
// a description may follow after a space, a tab, a colon or a dash
// ("0101.21.00 - Horses", as CIMT writes it), returned on one line. The
// digits are as written: the caller pads and bounds them. ok is false when
// the cell does not start with a code; an empty cell gives no digits and ok.
func SplitCode(s string) (digits, rest string, ok bool) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, `="`) && strings.HasSuffix(t, `"`) && len(t) >= 3 {
		t = t[2 : len(t)-1]
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "'"))
	if t == "" {
		return "", "", true
	}
	if strings.ContainsAny(t, "eE") {
		if f, err := strconv.ParseFloat(t, 64); err == nil && f >= 0 && f < 1e11 && f == math.Trunc(f) {
			t = strconv.FormatFloat(f, 'f', 0, 64)
		}
	}
	end := 0 // past the last digit of the code part
	for i := 0; i < len(t); i++ {
		ch := t[i]
		if ch >= '0' && ch <= '9' {
			end = i + 1
			continue
		}
		if ch != '.' && ch != ' ' {
			break
		}
	}
	if end == 0 {
		return "", "", false
	}
	if rest = t[end:]; rest != "" {
		switch rest[0] {
		case ' ', '\t', '-', ':':
		default:
			if !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") {
				return "", "", false
			}
		}
		rest = strings.Join(strings.Fields(strings.TrimLeft(rest, " \t-:–—")), " ")
	}
	var b strings.Builder
	for i := 0; i < end; i++ {
		if t[i] >= '0' && t[i] <= '9' {
			b.WriteByte(t[i])
		}
	}
	return b.String(), rest, true
}
