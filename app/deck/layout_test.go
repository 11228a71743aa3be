package deck_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"parley/app/deck"
)

// shape is a shape on a slide: its name and box in EMU.
type shape struct {
	name           string
	x, y, cx, cy   int64
	fontSizes      []int // sz of its runs, in hundredths of a point
	picture, chart bool
}

// slideShapes returns the shapes of a slide part, in order.
func slideShapes(t *testing.T, body []byte) []shape {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var shapes []shape
	var cur *shape
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return shapes
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			num := func(name string) int64 {
				v, err := strconv.ParseInt(attr(tok, name), 10, 64)
				if err != nil {
					t.Fatalf("<%s %s>: %v", tok.Name.Local, name, err)
				}
				return v
			}
			switch tok.Name.Local {
			case "sp", "pic", "graphicFrame":
				shapes = append(shapes, shape{picture: tok.Name.Local == "pic", chart: tok.Name.Local == "graphicFrame"})
				cur = &shapes[len(shapes)-1]
			case "cNvPr":
				if cur != nil {
					cur.name = attr(tok, "name")
				}
			case "off":
				if cur != nil {
					cur.x, cur.y = num("x"), num("y")
				}
			case "ext":
				if cur != nil {
					cur.cx, cur.cy = num("cx"), num("cy")
				}
			case "rPr":
				if cur != nil {
					cur.fontSizes = append(cur.fontSizes, int(num("sz")))
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "sp", "pic", "graphicFrame":
				cur = nil
			}
		}
	}
}

func TestLayout(t *testing.T) {
	longTitle := "Exposure of Canadian exports to the August 2025 US tariffs by sector, with Section 232 measures"
	longFootnote := strings.Repeat("Source: BTS TransBorder Freight Data 2024; Budget Lab at Yale, USMCA claim shares H2 2025; Hauk (2012) elasticities. ", 3)
	tests := []struct {
		name       string
		widescreen bool
		slide      deck.Slide
		pw, ph     int // picture size; 0 for a chart
		titleSize  int
	}{
		{"wide picture", true, deck.Slide{Title: "Exposure", Subtitle: "US$ billions", Footnote: "Source: BTS."}, 3000, 500, 3200},
		{"tall picture", true, deck.Slide{Title: "Exposure", Footnote: "Source: BTS."}, 600, 1200, 3200},
		{"4:3 picture", false, deck.Slide{Title: "Exposure", Subtitle: "US$ billions", Footnote: "Source: BTS."}, 1600, 900, 3200},
		{"long title and footnote", true, deck.Slide{Title: longTitle, Subtitle: "US$ billions", Footnote: longFootnote}, 1600, 900, 2800},
		{"long title 4:3", false, deck.Slide{Title: longTitle, Footnote: longFootnote}, 1600, 900, 2800},
		{"native chart", true, deck.Slide{Title: "Duty", Subtitle: "US$ billions", Footnote: "Source: BTS.",
			Chart: &deck.Chart{Categories: []string{"A"}, Series: []deck.Series{{Values: []float64{1}}}}}, 0, 0, 3200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.slide
			if s.Chart == nil {
				s.Picture = testPNG(t, tc.pw, tc.ph)
			}
			d := &deck.Deck{Title: "T", Created: created, Widescreen: tc.widescreen, Slides: []deck.Slide{s}}
			p := unzip(t, writeDeck(t, d))
			w := int64(deck.StandardWidth)
			if tc.widescreen {
				w = deck.WidescreenWidth
			}
			shapes := slideShapes(t, p.files[p.slideNames(t)[1]])
			var content shape
			for i, a := range shapes {
				if a.x < 0 || a.y < 0 || a.x+a.cx > w || a.y+a.cy > deck.SlideHeight {
					t.Errorf("%s %+v is off the slide", a.name, a)
				}
				if a.picture || a.chart {
					content = a
				}
				for _, b := range shapes[i+1:] {
					if a.x < b.x+b.cx && b.x < a.x+a.cx && a.y < b.y+b.cy && b.y < a.y+a.cy {
						t.Errorf("%s %+v overlaps %s %+v", a.name, a, b.name, b)
					}
				}
				if strings.HasPrefix(a.name, "Footnote") {
					for _, sz := range a.fontSizes {
						if sz < 1000 {
							t.Errorf("footnote at %d pt, want at least 10 pt", sz/100)
						}
					}
				}
			}
			if got := shapes[0].fontSizes[0]; !strings.HasPrefix(shapes[0].name, "Title") || got != tc.titleSize {
				t.Errorf("first shape %s at %d, want the title at %d", shapes[0].name, got, tc.titleSize)
			}
			if content.cx == 0 {
				t.Fatal("no picture or chart")
			}
			// The picture or chart fills the width or most of the height.
			if content.cx < w-deck.SlideHeight/7 && content.cy < deck.SlideHeight*55/100 {
				t.Errorf("content %+v is too small", content)
			}
			if tc.pw > 0 {
				got := float64(content.cx) / float64(content.cy)
				want := float64(tc.pw) / float64(tc.ph)
				if math.Abs(got/want-1) > 0.002 {
					t.Errorf("picture aspect %.4f, want %.4f", got, want)
				}
			}
		})
	}
}
