package deck

import (
	"strings"
	"testing"
)

// TestChartFootnoteCut checks that a chart slide's long footnote takes at
// most maxFootnoteLines on the slide, keeps its first lines, says where
// the rest is, and that the speaker notes give it in full.
func TestChartFootnoteCut(t *testing.T) {
	long := strings.Repeat("Baseline trade 2024 (US$), Canada → US by HTS10 product: US Census Bureau international trade API. ", 8)
	tests := []struct {
		name     string
		footnote string
		cut      bool
	}{
		{"short", "≤ upper bound.\nSource: BTS.", false},
		{"first line kept, sources to the notes", "≤ upper bound: the measure covers only part of the sector.\n" + long, true},
		{"one long line, cut at a word", long, true},
	}
	for _, tt := range tests {
		for _, w := range []int64{WidescreenWidth, StandardWidth} {
			t.Run(tt.name, func(t *testing.T) {
				s := &Slide{Title: "Duty", Lead: "Autos carry most.", Footnote: tt.footnote, Notes: "Quote.",
					Chart: &Chart{Categories: []string{"a"}, Series: []Series{{Values: []float64{1}}}}}
				l := layoutChartSlide(s, w, SlideHeight)
				if l.footnoteCut != tt.cut {
					t.Fatalf("cut = %v, want %v", l.footnoteCut, tt.cut)
				}
				notes := notesWithFootnote(s, l)
				if !tt.cut {
					if l.footnoteText != tt.footnote || notes != s.Notes {
						t.Errorf("footnote %q, notes %q: want them unchanged", l.footnoteText, notes)
					}
					return
				}
				inner := l.footnote.cx - 2*insetX
				if n := lineCount(l.footnoteText, sizeFootnoteLong, false, inner); n > maxFootnoteLines {
					t.Errorf("footnote takes %d lines, want at most %d: %q", n, maxFootnoteLines, l.footnoteText)
				}
				first := lines(tt.footnote)[0]
				if got := lines(l.footnoteText); got[len(got)-1] != moreFootnote ||
					!(got[0] == first || strings.HasPrefix(first, strings.TrimSuffix(got[0], "…"))) {
					t.Errorf("footnote %q: want the first line, then %q", l.footnoteText, moreFootnote)
				}
				if !strings.HasPrefix(notes, s.Notes) || !strings.HasSuffix(notes, tt.footnote) {
					t.Errorf("notes %q: want the notes, then the footnote in full", notes)
				}
			})
		}
	}
}

// TestChartLabelModel checks the label layout the rule tests rely on:
// sparse column labels get the room of the columns up to the next, and a
// horizontal chart with more categories than its plot holds at 12 pt
// reports labels under 12 pt.
func TestChartLabelModel(t *testing.T) {
	cats := make([]string, 40)
	for i := range cats {
		if i%3 == 0 && i < len(cats)-1 {
			cats[i] = "Jul"
		}
	}
	vals := make([]float64, 40)
	cols := &Slide{Title: "Rate", Footnote: "F", Chart: &Chart{Categories: cats, Series: []Series{{Values: vals}}}}
	dense := &Slide{Title: "Rate", Footnote: "F", Chart: &Chart{Categories: strings.Split(strings.Repeat("Jul,", 40)[:159], ","), Series: []Series{{Values: vals}}}}
	many := make([]string, 40)
	for i := range many {
		many[i] = "Sector"
	}
	bars := &Slide{Title: "Duty", Footnote: "F", Chart: &Chart{Categories: many, Horizontal: true, Series: []Series{{Values: vals}}}}
	for _, wide := range []bool{true, false} {
		if cl := cols.ChartLabels(wide); cl.Points < MinProjectedPoints || len(cl.Overlaps) > 0 {
			t.Errorf("quarterly labels (wide %v): %+v, want at least %d pt", wide, cl, MinProjectedPoints)
		}
		if cl := dense.ChartLabels(wide); cl.Points >= MinProjectedPoints {
			t.Errorf("monthly labels (wide %v): %+v, want under %d pt", wide, cl, MinProjectedPoints)
		}
		if cl := bars.ChartLabels(wide); cl.Points >= MinProjectedPoints {
			t.Errorf("40 bars (wide %v): %+v, want under %d pt", wide, cl, MinProjectedPoints)
		}
	}
}
