package present

import (
	"log/slog"
	"strings"

	"parley/scenarios"
)

// Likeness says how B is not like A, as a sentence for a view's message,
// and logs it; "" when they are like with like.
func Likeness(log *slog.Logger, view string, a, b scenarios.Compared) string {
	w := scenarios.LikenessWarnings(a, b)
	note := scenarios.LikenessNote(w)
	if note == "" {
		return ""
	}
	if log != nil {
		log.Warn(note, "view", view)
	}
	return note + "."
}

// LikenessAll says how each of several scenarios compared is not like
// the first (A): labelled A, B, C, D in order, one sentence per scenario
// that differs, logged; "" when all are like with like.
func LikenessAll(log *slog.Logger, view string, sides []scenarios.Compared) string {
	var out []string
	for i := 1; i < len(sides); i++ {
		if s := Likeness(log, view, sides[0], sides[i]); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}
