package deck

import (
	"strings"
	"testing"
)

// TestPanelsFitAboveFootnote checks that a text slide's panels end above
// its footnote on both slide sizes: a long footnote is cut as on chart
// slides (the notes give it in full), the last panel's lines that do not
// fit are left to the notes, and a last line that does not fit alone is
// cut at a word, with "…".
func TestPanelsFitAboveFootnote(t *testing.T) {
	sentence := "What it costs Canada: at most US$ 16.1 bn a year of lost exports to the US, the trade effect at the low and high elasticity. "
	quote := strings.Repeat("Section 232 annex I-A 50%, copper articles only: “A 50% ad valorem Section 232 tariff shall apply to the full value of the following articles.” ", 6)
	source := "Baseline trade 2024 (US$), Canada → US by HTS10 product: US Census Bureau international trade API. "
	tests := []struct {
		name     string
		footnote string
		key      []string
		wantCut  bool // the footnote cut
		wantEnd  string
		lineCut  bool // the first line of the key evidence cut with "…"
	}{
		{"short footnote, short evidence", "Source: BTS.", []string{"A quote."}, false, "A quote.", false},
		{"long footnote cut", strings.Repeat(source, 7), []string{"A quote."}, true, "A quote.", false},
		{"lines left to the notes", strings.Repeat(source, 7), []string{"First quote.", quote, quote}, true, moreInNotes, false},
		{"one long line cut at a word", strings.Repeat(source, 7), []string{quote + quote}, true, moreInNotes, true},
	}
	for _, tt := range tests {
		for _, wide := range []bool{true, false} {
			t.Run(tt.name, func(t *testing.T) {
				side := []string{sentence + sentence, sentence, sentence + sentence + sentence}
				s := &Slide{
					Title: "At a glance: Sectoral deal: steel, aluminum and auto duties lifted", Lead: "Lumber carries most.",
					Subtitle: "As of 2026-12-07 · baseline 2024 trade · duty at stake at baseline volumes",
					Panels: []Panel{{Heading: "Canada → US", Lines: side}, {Heading: "US → Canada", Lines: side},
						{Heading: "Key evidence", Lines: tt.key, Wide: true}},
					Footnote: tt.footnote, Notes: "Every quote in full.",
				}
				if !s.PanelsFit(wide) {
					t.Fatal("the panels run into the footnote")
				}
				w := int64(StandardWidth)
				if wide {
					w = WidescreenWidth
				}
				l := layoutChartSlide(s, w, SlideHeight)
				if l.footnoteCut != tt.wantCut {
					t.Errorf("footnote cut %v, want %v", l.footnoteCut, tt.wantCut)
				}
				boxes, _ := layoutPanels(s.Panels, l.content)
				got := panelLines(boxes[len(boxes)-1].panel)
				if end := got[len(got)-1]; end != tt.wantEnd {
					t.Errorf("key evidence ends %q, want %q", end, tt.wantEnd)
				}
				if cut := strings.HasSuffix(got[0], "…"); cut != tt.lineCut {
					t.Errorf("first line %q: cut %v, want %v", got[0], cut, tt.lineCut)
				}
				for _, line := range got {
					if strings.HasSuffix(line, "…") && len(strings.Fields(line)) < minPanelWords {
						t.Errorf("line cut to %q, want at least %d words", line, minPanelWords)
					}
				}
			})
		}
	}
}
