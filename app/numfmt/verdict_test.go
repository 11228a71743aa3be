package numfmt_test

import (
	"testing"

	"parley/app/numfmt"
	"parley/scenarios"
)

func TestVerdict(t *testing.T) {
	ex, most, least, either := scenarios.Exact, scenarios.AtMost, scenarios.AtLeast, scenarios.EitherWay
	for _, c := range []struct {
		get, give float64
		gb, vb    scenarios.Bound
		want      string
	}{
		{0, 0, ex, ex, "no change"},
		{49e3, -49e3, ex, ex, "no change"},
		{1.2e9, 0, ex, ex, "gets US$ 1.2 bn relief, gives nothing"},
		{1.2e9, 3e9, ex, ex, "gets US$ 1.2 bn relief, gives US$ 3.0 bn: gives more than it gets"},
		{1.2e9, 1.2e9 + 10e3, ex, ex, "gets US$ 1.2 bn relief, gives US$ 1.2 bn: gets as much as it gives"},
		{0, 350e6, ex, ex, "gives US$ 350 M, gets nothing"},
		{-2e9, 0, ex, ex, "faces US$ 2.0 bn more US duty, gives nothing"},
		{0, -80e6, ex, ex, "raises its own duties by US$ 80.0 M, gets nothing"},
		{5e8, -1e8, ex, ex, "gets US$ 500 M relief, raises its own duties by US$ 100 M"},
		{999.96e6, 0, ex, ex, "gets US$ 1.0 bn relief, gives nothing"},
		// Bounds: said in words, and no comparison a bound can overturn.
		{20.9e9, 16.7e9, ex, most, "gets US$ 20.9 bn relief, gives at most US$ 16.7 bn: gets more than it gives"},
		{10e9, 16.7e9, ex, most, "gets US$ 10.0 bn relief, gives at most US$ 16.7 bn: cannot tell whether it gives more than it gets"},
		{10e9, 16.7e9, most, least, "gets at most US$ 10.0 bn relief, gives at least US$ 16.7 bn: gives more than it gets"},
		{20e9, 16.7e9, ex, least, "gets US$ 20.0 bn relief, gives at least US$ 16.7 bn: cannot tell whether it gets more than it gives"},
		{20e9, 16.7e9, either, ex, "gets about US$ 20.0 bn relief, gives US$ 16.7 bn: cannot tell whether it gets more than it gives"},
		{1.2e9, 1.2e9, ex, most, "gets US$ 1.2 bn relief, gives at most US$ 1.2 bn: cannot tell whether it gives more than it gets"},
		{0, 16.7e9, ex, most, "gives at most US$ 16.7 bn, gets nothing"},
		{-2e9, 0, most, ex, "faces at most US$ 2.0 bn more US duty, gives nothing"},
	} {
		if got := numfmt.Verdict(scenarios.NewVerdict(c.get, c.give, c.gb, c.vb)); got != c.want {
			t.Errorf("Verdict(%v, %v, %q, %q) = %q, want %q", c.get, c.give, numfmt.Mark(c.gb), numfmt.Mark(c.vb), got, c.want)
		}
	}
}
