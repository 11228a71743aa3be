package deck_test

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"parley/app/deck"
)

func TestValidate(t *testing.T) {
	chart := func(edit func(c *deck.Chart)) *deck.Deck {
		c := &deck.Chart{Categories: []string{"a", "b"}, Series: []deck.Series{{Name: "s", Values: []float64{1, 2}, Color: "00AAff"}}}
		edit(c)
		return chartDeck(c)
	}
	slide := func(edit func(s *deck.Slide)) *deck.Deck {
		s := deck.Slide{Title: "s", Footnote: "Source: x.", Picture: testPNG(t, 20, 10)}
		edit(&s)
		return &deck.Deck{Title: "d", Created: created, Slides: []deck.Slide{s}}
	}
	tests := []struct {
		name string
		deck *deck.Deck
		want []string // substrings of the error; nil for a valid deck
	}{
		{"valid", sampleDeck(t), nil},
		{"no slides", &deck.Deck{Title: "Only a title"}, nil},
		{"empty deck", &deck.Deck{}, nil},
		{"nil deck", nil, []string{"nil deck"}},
		{"no picture, no chart", slide(func(s *deck.Slide) { s.Picture = nil }), []string{"slides[0]: has neither a picture nor a chart"}},
		{"not a PNG", slide(func(s *deck.Slide) { s.Picture = []byte("GIF89a...") }), []string{"slides[0].picture: not a PNG image"}},
		{"no footnote", slide(func(s *deck.Slide) { s.Footnote = " \n" }), []string{"slides[0].footnote: missing"}},
		{"picture ignored with a chart", func() *deck.Deck {
			d := chart(func(*deck.Chart) {})
			d.Slides[0].Picture = []byte("not a PNG")
			return d
		}(), nil},
		{"no categories", chart(func(c *deck.Chart) { c.Categories = nil; c.Series[0].Values = nil }), []string{"slides[0].chart.categories: empty"}},
		{"no series", chart(func(c *deck.Chart) { c.Series = nil }), []string{"slides[0].chart.series: empty"}},
		{"length mismatch", chart(func(c *deck.Chart) { c.Series[0].Values = []float64{1} }), []string{"slides[0].chart.series[0].values: has 1 values for 2 categories"}},
		{"NaN", chart(func(c *deck.Chart) { c.Series[0].Values[1] = math.NaN() }), []string{"slides[0].chart.series[0].values[1]: not a finite number"}},
		{"infinity", chart(func(c *deck.Chart) { c.Series[0].Values[0] = math.Inf(-1) }), []string{"values[0]: not a finite number"}},
		{"hash colour", chart(func(c *deck.Chart) { c.Series[0].Color = "#00AAFF" }), []string{`slides[0].chart.series[0].color: "#00AAFF" is not a colour`}},
		{"named colour", chart(func(c *deck.Chart) { c.Series[0].Color = "red" }), []string{`"red" is not a colour`}},
		{"non-hex colour", chart(func(c *deck.Chart) { c.Series[0].Color = "00AAFG" }), []string{`"00AAFG" is not a colour`}},
		{"hidden series unstacked", chart(func(c *deck.Chart) { c.Series[0].Hidden = true }), []string{"slides[0].chart.series[0].hidden: only a stacked chart"}},
		{"every problem reported", &deck.Deck{Slides: []deck.Slide{{}, {Footnote: "x", Chart: &deck.Chart{}}}},
			[]string{"slides[0].footnote", "slides[0]: has neither", "slides[1].chart.categories", "slides[1].chart.series"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.deck.Validate()
			var buf bytes.Buffer
			werr := deck.Write(&buf, tc.deck)
			if tc.want == nil {
				if err != nil || werr != nil {
					t.Fatalf("Validate: %v; Write: %v", err, werr)
				}
				return
			}
			if err == nil || werr == nil {
				t.Fatalf("Validate: %v; Write: %v; want errors", err, werr)
			}
			if !errors.Is(err, deck.ErrInvalid) || !errors.Is(werr, deck.ErrInvalid) {
				t.Errorf("errors do not wrap ErrInvalid: %v; %v", err, werr)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes of an invalid deck", buf.Len())
			}
		})
	}
}
