package csvsafe_test

import (
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/storage/csvsafe"
)

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Steel", "Steel"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1+1", "'+1+1"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-12.5", "-12.5"},
		{"+12", "+12"},
		{"-1e-05", "-1e-05"},
		{"-0.35", "-0.35"},
		{"-", "'-"},
		{"-Inf", "'-Inf"},
		{"12=3", "12=3"},
		{" =1", " =1"},
	}
	for _, tc := range tests {
		if got := csvsafe.Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCommentLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Source: BTS TransBorder, 2024", []string{"# Source: BTS TransBorder, 2024"}},
		{"a\rb", []string{"# a", "# b"}},
		{"a\r\n\r\nb\n", []string{"# a", "# b"}},
		{"x\u2028=1+1", []string{"# x", "# =1+1"}},
		{"name,=1+1", []string{"# name,'=1+1"}},
		{"name, \"=1+1\"", []string{"# name, \"'=1+1\""}},
		{"a;@x,-3", []string{"# a;'@x,-3"}},
		{"a\tb", []string{"# a b"}},
		{"elasticity, -1.07", []string{"# elasticity, -1.07"}},
	}
	for _, tc := range tests {
		if got := csvsafe.CommentLines(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("CommentLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNoCellStartsAFormula reads comment lines as a spreadsheet would, as
// CSV, and checks every cell.
func TestNoCellStartsAFormula(t *testing.T) {
	for _, in := range []string{"x,=1", "x, =1", `x,"=1"`, "x;+1", "=a,=b,@c\r-d", "-5,-6"} {
		text := strings.Join(csvsafe.CommentLines(in), "\n")
		for _, comma := range []rune{',', ';'} {
			r := csv.NewReader(strings.NewReader(text))
			r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, true
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, rec := range recs {
				for _, cell := range rec {
					c := strings.TrimLeft(cell, " ")
					if _, err := strconv.ParseFloat(c, 64); err == nil {
						continue // a number, not a formula
					}
					if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
						t.Errorf("%q: cell %q starts a formula", in, cell)
					}
				}
			}
		}
	}
}
