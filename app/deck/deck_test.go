package deck_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/app/deck"
)

func TestWritePackage(t *testing.T) {
	standard := sampleDeck(t)
	standard.Widescreen = false
	bothSet := sampleDeck(t)
	bothSet.Slides[1].Picture = testPNG(t, 10, 10)
	tests := []struct {
		name       string
		deck       *deck.Deck
		slides     int
		notes      int
		charts     int
		images     int
		width      int
		wantFormat string
	}{
		{"widescreen", sampleDeck(t), 5, 2, 2, 1, deck.WidescreenWidth, "Widescreen"},
		{"standard", standard, 5, 2, 2, 1, deck.StandardWidth, "On-screen Show (4:3)"},
		{"title only", &deck.Deck{Title: "Empty", Created: created}, 1, 0, 0, 0, deck.StandardWidth, "On-screen Show (4:3)"},
		{"chart wins over picture", bothSet, 5, 2, 2, 1, deck.WidescreenWidth, "Widescreen"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := checkPackage(t, writeDeck(t, tc.deck))
			count := func(re string) int {
				n := 0
				for _, name := range p.order {
					if regexp.MustCompile(re).MatchString(name) {
						n++
					}
				}
				return n
			}
			for re, want := range map[string]int{
				`^ppt/slides/slide\d+\.xml$`:                                tc.slides,
				`^ppt/notesSlides/notesSlide\d+\.xml$`:                      tc.notes,
				`^ppt/charts/chart\d+\.xml$`:                                tc.charts,
				`^ppt/embeddings/Microsoft_Excel_Worksheet\d+\.xlsx$`:       tc.charts,
				`^ppt/media/image\d+\.png$`:                                 tc.images,
				`^ppt/notesMasters/notesMaster1\.xml$`:                      1,
				`^ppt/slideMasters/slideMaster1\.xml$`:                      1,
				`^ppt/slideLayouts/slideLayout\d+\.xml$`:                    3,
				`^ppt/theme/theme\d+\.xml$`:                                 2,
				`^docProps/(core|app)\.xml$`:                                2,
				`^ppt/(presentation|presProps|viewProps|tableStyles)\.xml$`: 4,
			} {
				if got := count(re); got != want {
					t.Errorf("%d parts match %s, want %d", got, re, want)
				}
			}
			if got := len(p.slideNames(t)); got != tc.slides {
				t.Errorf("presentation lists %d slides, want %d", got, tc.slides)
			}
			var pres struct {
				Size struct {
					CX int `xml:"cx,attr"`
					CY int `xml:"cy,attr"`
				} `xml:"sldSz"`
			}
			if err := xml.Unmarshal(p.files["ppt/presentation.xml"], &pres); err != nil {
				t.Fatal(err)
			}
			if pres.Size.CX != tc.width || pres.Size.CY != deck.SlideHeight {
				t.Errorf("slide size %dx%d, want %dx%d", pres.Size.CX, pres.Size.CY, tc.width, deck.SlideHeight)
			}
			var app struct {
				Version string `xml:"AppVersion"`
				Format  string `xml:"PresentationFormat"`
				Slides  int    `xml:"Slides"`
				Notes   int    `xml:"Notes"`
			}
			if err := xml.Unmarshal(p.files["docProps/app.xml"], &app); err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`).MatchString(app.Version) {
				t.Errorf("AppVersion %q is not digits and dots", app.Version)
			}
			if app.Format != tc.wantFormat || app.Slides != tc.slides || app.Notes != tc.notes {
				t.Errorf("app.xml: format %q, %d slides, %d notes; want %q, %d, %d",
					app.Format, app.Slides, app.Notes, tc.wantFormat, tc.slides, tc.notes)
			}
		})
	}
}

func TestCoreProperties(t *testing.T) {
	tests := []struct {
		name        string
		author      string
		wantCreator string
	}{
		{"default author", "", "Parley"},
		{"given author", "Trade Policy & Analysis", "Trade Policy & Analysis"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleDeck(t)
			d.Author = tc.author
			p := unzip(t, writeDeck(t, d))
			var core struct {
				Title   string `xml:"title"`
				Creator string `xml:"creator"`
				Created string `xml:"created"`
			}
			if err := xml.Unmarshal(p.files["docProps/core.xml"], &core); err != nil {
				t.Fatal(err)
			}
			if core.Creator != tc.wantCreator || core.Title != d.Title || core.Created != "2025-08-15T09:30:00Z" {
				t.Errorf("core = %+v", core)
			}
		})
	}
}

func TestEscapedTextSurvives(t *testing.T) {
	p := unzip(t, writeDeck(t, sampleDeck(t)))
	slides := p.slideNames(t)
	chart := p.relTarget(t, slides[2], "chart")
	book := unzip(t, p.files[p.relTarget(t, chart, "package")])
	tests := []struct {
		name  string
		part  []byte
		local string
		want  []string
	}{
		{"title slide", p.files[slides[0]], "t", []string{"US tariffs on Canadian goods: " + ampSector, "Scenarios " + curlyQuote + " — 15 August 2025"}},
		{"picture slide", p.files[slides[1]], "t", []string{"Duty at baseline volumes, US$ billions " + angleText, footnoteStr}},
		{"chart slide", p.files[slides[2]], "t", []string{"Duty by sector, " + ampSector + " first"}},
		{"chart categories", p.files[chart], "v", sectors},
		{"chart series", p.files[chart], "v", []string{"Duty " + ampSector}},
		{"workbook", book.files["xl/worksheets/sheet1.xml"], "t", append([]string{"Duty " + ampSector}, sectors...)},
		{"sources", p.files[slides[4]], "t", []string{"Executive order of 2025-07-31 (IEEPA), " + curlyQuote + ".", "Canada Gazette: counter-tariffs of March 2025 " + angleText + "."}},
		{"document title", p.files["docProps/core.xml"], "title", []string{"US tariffs on Canadian goods: " + ampSector}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(t, tc.part, tc.local)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q not found in %q", w, got)
				}
			}
		})
	}
}

func TestInvalidCharacters(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"control character", "Bad\x01char", `Bad\u0001char`},
		{"invalid UTF-8", "Bad\xffbyte", "Bad\uFFFDbyte"},
		{"tab kept", "Tab\there", "Tab\there"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &deck.Deck{Title: tc.in, Created: created, Sources: []string{"x"}}
			p := checkPackage(t, writeDeck(t, d))
			if got := texts(t, p.files[p.slideNames(t)[0]], "t"); !slices.Equal(got, []string{tc.want}) {
				t.Errorf("title %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNotes(t *testing.T) {
	p := unzip(t, writeDeck(t, sampleDeck(t)))
	slides := p.slideNames(t)
	tests := []struct {
		slide int
		want  []string // nil: no notes page
	}{
		{0, nil},
		{1, []string{notesLine1, notesLine2, "Third paragraph."}},
		{2, []string{"Horizontal bars read top to bottom."}},
		{3, nil},
		{4, nil},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("slide %d", tc.slide+1), func(t *testing.T) {
			notes := p.relTarget(t, slides[tc.slide], "notesSlide")
			if tc.want == nil {
				if notes != "" {
					t.Errorf("unexpected notes page %s", notes)
				}
				return
			}
			if notes == "" {
				t.Fatal("no notes page")
			}
			if back := p.relTarget(t, notes, "slide"); back != slides[tc.slide] {
				t.Errorf("notes page points back to %s, want %s", back, slides[tc.slide])
			}
			if p.relTarget(t, notes, "notesMaster") == "" {
				t.Error("notes page has no notes master")
			}
			if got := texts(t, p.files[notes], "t"); !slices.Equal(got, tc.want) {
				t.Errorf("notes = %q, want %q", got, tc.want)
			}
			// The blank line between paragraphs is kept as an empty paragraph.
			if paras := bytes.Count(p.files[notes], []byte("<a:p>")); tc.slide == 1 && paras != 4 {
				t.Errorf("%d paragraphs, want 4", paras)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		deck func() *deck.Deck
	}{
		{"sample", func() *deck.Deck { return sampleDeck(t) }},
		{"many sources", func() *deck.Deck { return manySources(30) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := writeDeck(t, tc.deck()), writeDeck(t, tc.deck())
			if !bytes.Equal(a, b) {
				t.Error("two writes of the same deck differ")
			}
			later := tc.deck()
			later.Created = created.Add(time.Hour)
			if bytes.Equal(a, writeDeck(t, later)) {
				t.Error("a different Created gives the same bytes")
			}
		})
	}
}

// manySources returns a deck with only n sources of varying length.
func manySources(n int) *deck.Deck {
	d := &deck.Deck{Title: "Sources", Created: created, Widescreen: true}
	for i := range n {
		d.Sources = append(d.Sources, fmt.Sprintf("Source %d: %s", i+1, strings.Repeat("trade data ", i%4)))
	}
	return d
}

func TestSourcesSplit(t *testing.T) {
	long := strings.Repeat("A very long citation of a Federal Register notice with its docket number, ", 4)
	tests := []struct {
		name    string
		sources []string
		pages   []int // sources per page
	}{
		{"none", nil, nil},
		{"blank lines only", []string{"", "  "}, nil},
		{"one page", manySources(12).Sources, []int{12}},
		{"two pages", manySources(13).Sources, []int{12, 1}},
		{"three pages", manySources(30).Sources, []int{12, 12, 6}},
		// Each takes four lines of 18 pt: four fill the list's box.
		{"long lines", []string{long, long, long, long, long}, []int{4, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &deck.Deck{Title: "T", Created: created, Widescreen: true, Sources: tc.sources}
			p := checkPackage(t, writeDeck(t, d))
			slides := p.slideNames(t)
			if len(slides) != 1+len(tc.pages) {
				t.Fatalf("%d slides, want %d", len(slides), 1+len(tc.pages))
			}
			var all []string
			for i, n := range tc.pages {
				got := texts(t, p.files[slides[i+1]], "t")
				wantTitle := "Sources"
				if i > 0 {
					wantTitle = "Sources (continued)"
				}
				// Title, the sources, the slide number.
				if len(got) != n+2 || got[0] != wantTitle || got[n+1] != strconv.Itoa(i+2) {
					t.Errorf("page %d: %q; want %q, %d sources, number %d", i+1, got, wantTitle, n, i+2)
					continue
				}
				all = append(all, got[1:n+1]...)
			}
			var want []string
			for _, s := range tc.sources {
				if s = strings.Join(strings.Fields(s), " "); s != "" {
					want = append(want, s)
				}
			}
			if !slices.Equal(all, want) {
				t.Errorf("sources %q, want %q", all, want)
			}
		})
	}
}
