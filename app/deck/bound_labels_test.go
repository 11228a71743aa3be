package deck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
)

// wellFormed reports whether body is well-formed XML.
func wellFormed(body []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		if _, err := dec.Token(); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// blankPNG returns a w x h PNG.
func blankPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBoundLabels checks that a series' own label texts mark the bars that
// are bounds ("≤ 5.6"), whether or not the chart labels every bar, and that
// a chart with several series has no legend: the slide writes its key, in
// the series' order, after the lead sentence.
func TestBoundLabels(t *testing.T) {
	frame := rect{0, 0, 11 * emuPerInch, 4 * emuPerInch}
	for _, labelled := range []bool{true, false} {
		c := &Chart{
			Categories: []string{"Autos", "Steel", "Aluminum"},
			Series: []Series{
				{Name: "Gets", Values: []float64{5.6, 5.5, 5.3}, Labels: []string{"", "≤ 5.5", ""}},
				{Name: "Gives", Values: []float64{13.4, 5.2, 1.2}},
			},
			Horizontal: true,
			DataLabels: labelled,
		}
		x := string(chartXML(c, frame, "rId1"))
		if err := wellFormed([]byte(x)); err != nil {
			t.Fatalf("labelled %v: %v", labelled, err)
		}
		if !strings.Contains(x, `<c:dLbl><c:idx val="1"/><c:tx><c:rich>`) || !strings.Contains(x, "<a:t>≤ 5.5</a:t>") {
			t.Errorf("labelled %v: the bound's label is not on its bar:\n%s", labelled, x)
		}
		// Unlabelled charts show the bound's label only: the others are
		// deleted.
		deleted := strings.Count(x, `<c:delete val="1"/></c:dLbl>`)
		if want := map[bool]int{true: 0, false: 2}[labelled]; deleted != want {
			t.Errorf("labelled %v: %d labels deleted, want %d", labelled, deleted, want)
		}
		if strings.Contains(x, "<c:legend>") {
			t.Errorf("a legend in the chart")
		}
		s := &Slide{Title: "Deal", Lead: "Canada gets 16.4 and gives 19.8.", Chart: c, Footnote: "Source."}
		var runs []string
		for _, p := range subtitleParagraphs(s) {
			for _, r := range p.runs {
				runs = append(runs, r.text)
			}
		}
		if got := strings.Join(runs, ""); got != "■ Gets    ■ Gives" {
			t.Errorf("key %q, want the series in order", got)
		}
	}
	// A hidden series, which lifts a range off zero, has no entry.
	floating := &Slide{Title: "Range", Lead: "x.", Footnote: "Source.", Chart: &Chart{Categories: []string{"a"}, Stacked: true,
		Series: []Series{{Name: "Base", Values: []float64{1}, Hidden: true}, {Name: "Low", Values: []float64{1}}, {Name: "High", Values: []float64{1}}}}}
	var runs []string
	for _, p := range subtitleParagraphs(floating) {
		for _, r := range p.runs {
			runs = append(runs, r.text)
		}
	}
	if got := strings.Join(runs, ""); got != "■ Low    ■ High" || chartKey(floating.Chart) != got {
		t.Errorf("key %q (%q), want the shown series only", got, chartKey(floating.Chart))
	}
	bad := &Deck{Slides: []Slide{{Title: "x", Footnote: "y", Chart: &Chart{Categories: []string{"a", "b"},
		Series: []Series{{Values: []float64{1, 2}, Labels: []string{"≤ 1"}}}}}}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "labels") {
		t.Errorf("labels of the wrong length: %v", err)
	}
}

// TestPictureTextPoints checks the size on the slide of a picture's
// smallest text: its pixels times the placed width over the picture's.
func TestPictureTextPoints(t *testing.T) {
	s := &Slide{Title: "T", Footnote: "F", Picture: blankPNG(t, 1000, 500), PictureTextPx: 20}
	l := layoutChartSlide(s, WidescreenWidth, SlideHeight)
	placed := fit(l.content, 1000, 500)
	want := 20 * float64(placed.cx) / emuPerPt / 1000
	if got := s.PictureTextPoints(true); got < want-1e-9 || got > want+1e-9 {
		t.Errorf("PictureTextPoints = %v, want %v", got, want)
	}
	if got := (&Slide{Chart: &Chart{}}).PictureTextPoints(true); got != 0 {
		t.Errorf("a native chart: %v", got)
	}
}

// TestPanelsOverflow checks that the lines of a text slide that cannot fit
// above the footnote, even at the smallest size, are left to the notes.
func TestPanelsOverflow(t *testing.T) {
	long := strings.Repeat("A quoted passage of a legal text that runs on and on. ", 6)
	var lines []string
	for range 12 {
		lines = append(lines, long)
	}
	area := rect{0, 0, 9 * emuPerInch, 3 * emuPerInch}
	boxes, _ := layoutPanels([]Panel{{Heading: "Totals", Lines: []string{"One line"}}, {Heading: "Key evidence", Lines: lines, Wide: true}}, area)
	last := boxes[len(boxes)-1]
	if got := panelLines(last.panel); len(got) >= len(lines) || got[len(got)-1] != moreInNotes {
		t.Fatalf("%d lines kept, the last %q", len(got), got[len(got)-1])
	}
	if bottom := last.r.bottom(); bottom > area.bottom() {
		t.Errorf("panels end at %d EMU, below the area's %d", bottom, area.bottom())
	}
	// A panel that fits is left whole.
	boxes, _ = layoutPanels([]Panel{{Heading: "Key evidence", Lines: lines[:1], Wide: true}}, area)
	if got := panelLines(boxes[0].panel); len(got) != 1 || got[0] == moreInNotes {
		t.Errorf("a panel that fits: %q", got)
	}
}
