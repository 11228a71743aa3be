package scenarios_test

import (
	"slices"
	"testing"

	"parley/scenarios"
)

func TestLikenessWarnings(t *testing.T) {
	today := scenarios.MustDate("2026-12-06")
	base := scenarios.DefaultAssumptions()
	y2025 := base
	y2025.BaselineYear = 2025
	mine := base
	mine.Datasets.CAtoUS = "X"
	theirs := base
	theirs.Datasets.UStoCA = "Y"
	for _, c := range []struct {
		name string
		a, b scenarios.Compared
		want []string
	}{
		{"like with like", scenarios.Compared{"A", today, base}, scenarios.Compared{"B", today, base}, nil},
		{"dates", scenarios.Compared{"A", today, base}, scenarios.Compared{"B", scenarios.MustDate("2025-08-15"), base},
			[]string{"A is on 2026-12-06, B on 2025-08-15"}},
		{"baseline year", scenarios.Compared{"A", today, base}, scenarios.Compared{"B", today, y2025},
			[]string{"A uses the 2024 baseline, B 2025"}},
		{"dataset into the US", scenarios.Compared{"A", today, mine}, scenarios.Compared{"B", today, base},
			[]string{`A uses your dataset "X" for flows into the US, B the built-in lines`}},
		{"dataset into Canada", scenarios.Compared{"Today", today, base}, scenarios.Compared{"Deal", today, theirs},
			[]string{`Today uses the built-in lines for flows into Canada, Deal your dataset "Y"`}},
		{"all three", scenarios.Compared{"A", today, mine}, scenarios.Compared{"B", scenarios.MustDate("2025-08-15"), y2025},
			[]string{"A is on 2026-12-06, B on 2025-08-15", "A uses the 2024 baseline, B 2025",
				`A uses your dataset "X" for flows into the US, B the built-in lines`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := scenarios.LikenessWarnings(c.a, c.b)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
			note := scenarios.LikenessNote(got)
			if (note == "") != (len(c.want) == 0) {
				t.Errorf("note %q for %q", note, got)
			}
		})
	}
	if got := scenarios.LikenessNote([]string{"a", "b"}); got != "Not like with like: a; b" {
		t.Errorf("note %q", got)
	}
}
