package deck

import (
	"slices"
	"testing"
)

// TestStackedLabelsFitTheirSegments checks that a stacked bar's value
// label is shown only where its segment holds it: the narrow "4.5" of a
// 124-wide bar is left out, wide segments keep theirs, on both slide
// sizes; and that labels are written as the number format shows them.
func TestStackedLabelsFitTheirSegments(t *testing.T) {
	c := &Chart{
		Categories: []string{"Energy", "Motor vehicles & parts", "Machinery", "Special classifications", "Aluminum"},
		Horizontal: true, Stacked: true, DataLabels: true, NumberFormat: "#,##0.0",
		Series: []Series{
			{Name: "Not claimed", Values: []float64{10.6, 2.6, 4.5, 16.8, 0}},
			{Name: "Claimed", Values: []float64{113.3, 47.8, 25.5, 2.7, 11.3}},
		},
	}
	s := &Slide{Title: "What a CUSMA claim spares", Lead: "Most duty falls on claimed goods.", Footnote: "F", Chart: c}
	tests := []struct {
		width     int64
		unclaimed []bool
		claimed   []bool
	}{
		{WidescreenWidth, []bool{false, true, true, false, true}, []bool{false, false, false, true, false}},
		{StandardWidth, []bool{true, true, true, false, true}, []bool{false, false, false, true, true}},
	}
	for _, tt := range tests {
		frame := layoutChartSlide(s, tt.width, SlideHeight).content
		size := dataLabelSize(categoryFontSize(c, frame))
		if got := hiddenLabels(c, c.Series[0], frame, size); !slices.Equal(got, tt.unclaimed) {
			t.Errorf("width %d: unclaimed labels hidden %v, want %v", tt.width, got, tt.unclaimed)
		}
		if got := hiddenLabels(c, c.Series[1], frame, size); !slices.Equal(got, tt.claimed) {
			t.Errorf("width %d: claimed labels hidden %v, want %v", tt.width, got, tt.claimed)
		}
	}
	for _, tt := range []struct {
		v      float64
		format string
		want   string
	}{
		{4.5, "#,##0.0", "4.5"},
		{1234.56, "#,##0.0", "1234.6,"},
		{-7, "0", "-7"},
		{0.125, "General", "0.125"},
	} {
		if got := labelText(tt.v, tt.format); got != tt.want {
			t.Errorf("labelText(%v, %q) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}
