package scenarios

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPrefixRangeFromIsPrefixRange checks that walking on from the last
// code found gives, for codes in increasing order, the ranges a search from
// the start gives, on tables of lines in and out of code order.
func TestPrefixRangeFromIsPrefixRange(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	code := func(n int) string {
		s := strconv.Itoa(r.IntN(1_000_000_000))
		for len(s) < 10 {
			s = "0" + s
		}
		return s[:n]
	}
	for round := range 50 {
		var lines []Line
		for range r.IntN(300) {
			lines = append(lines, Line{Direction: CAtoUS, Code: code([]int{2, 4, 10, 10, 10}[r.IntN(5)]), Sector: "S"})
		}
		if round%2 == 0 {
			slices.SortFunc(lines, func(a, b Line) int { return strings.Compare(a.Code, b.Code) })
		}
		tb := newLineTable(lines, CAtoUS, len(lines), SectorIndex{"S": 0}, nil)
		var prefixes []string
		for range r.IntN(200) {
			prefixes = append(prefixes, code(2+r.IntN(9)))
		}
		for _, l := range lines[:min(len(lines), 20)] { // prefixes that match
			prefixes = append(prefixes, l.Code[:2], l.Code[:min(4, len(l.Code))], l.Code)
		}
		slices.Sort(prefixes)
		from := 0
		for _, p := range prefixes {
			lo, hi := tb.prefixRangeFrom(p, from)
			wlo, whi := tb.prefixRange(p)
			if lo != wlo || hi != whi {
				t.Fatalf("round %d, %s from %d: [%d, %d), from the start [%d, %d)", round, p, from, lo, hi, wlo, whi)
			}
			from = lo
		}
		// and the walk over the codes, out of order too, marks as the search
		slices.Reverse(prefixes[:len(prefixes)/2])
		walked, searched := make([]uint8, tb.len()), make([]uint8, tb.len())
		tb.markMatches(prefixes, walked)
		for _, p := range prefixes {
			tb.markMatches([]string{p}, searched)
		}
		if !slices.Equal(walked, searched) {
			t.Fatalf("round %d: marks %v, one code at a time %v", round, walked, searched)
		}
	}
}

// TestOrderByKeyIsCodeOrder checks that sorting by codeKey gives the order
// of the codes as text, by index among equal codes, on codes of every
// length from 1 to 10 digits, and that other codes are left to the text
// sort.
func TestOrderByKeyIsCodeOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 30 {
		var lines []Line
		for range 1 + r.IntN(400) {
			s := strconv.Itoa(r.IntN(1000))
			lines = append(lines, Line{Code: (s + "0084010000")[:1+r.IntN(10)], Sector: "S", Direction: CAtoUS})
		}
		tb := newLineTable(lines, CAtoUS, len(lines), SectorIndex{"S": 0}, nil)
		want := make([]int, len(lines))
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(a, b int) int { return strings.Compare(lines[a].Code, lines[b].Code) })
		if !slices.Equal(tb.sorted, want) {
			t.Fatalf("round %d: order %v, want %v", round, tb.sorted, want)
		}
	}
	for _, c := range []string{"", "12345678901", "72a8", " 72"} {
		if _, ok := codeKey(c); ok {
			t.Errorf("codeKey(%q) is a key", c)
		}
	}
	tb := newLineTable([]Line{{Code: "84", Direction: CAtoUS}, {Code: "8x", Direction: CAtoUS}, {Code: "72", Direction: CAtoUS}},
		CAtoUS, 3, SectorIndex{"": 0}, nil)
	if !slices.Equal(tb.sorted, []int{2, 0, 1}) {
		t.Errorf("codes not all digits: order %v, want [2 0 1]", tb.sorted)
	}
}
