package scenarios

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestColumnTableOrder checks that a model of lines in columns uses the
// code order it is given only where it is that order, and otherwise sorts
// the lines as it does with no order given.
func TestColumnTableOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 500
	c := &LineColumns{Code: make([]string, n), Sector: make([]string, n), Description: make([]string, n),
		Value: make([]float64, n), Claim: make([]float64, n), HasClaim: make([]bool, n)}
	for i := range n {
		c.Code[i] = strconv.Itoa(1_000_000_000 + r.IntN(1000))[:[]int{2, 4, 10}[r.IntN(3)]] // equal codes too
		c.Sector[i] = "S"
	}
	ix := SectorIndex{"S": 0}
	want, err := newColumnTable(c, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	swapped := slices.Clone(want.sorted)
	swapped[0], swapped[n-1] = swapped[n-1], swapped[0]
	repeated := slices.Clone(want.sorted)
	repeated[1] = repeated[0]
	tests := []struct {
		name   string
		order  []int
		shared bool
	}{
		{"the code order", slices.Clone(want.sorted), true},
		{"two lines swapped", swapped, false},
		{"a line twice", repeated, false},
		{"too short", want.sorted[:n-1], false},
		{"the lines' own order", func() []int {
			o := make([]int, n)
			for i := range o {
				o[i] = i
			}
			return o
		}(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			given := *c
			given.Order = tc.order
			got, err := newColumnTable(&given, ix, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.sorted, want.sorted) {
				t.Fatal("the lines are not in code order")
			}
			if shared := &got.sorted[0] == &tc.order[0]; shared != tc.shared {
				t.Errorf("order shared: %v, want %v", shared, tc.shared)
			}
		})
	}
}
