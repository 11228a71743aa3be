package report_test

import (
	"archive/zip"
	"bytes"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

var created = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

func TestDeckSlides(t *testing.T) {
	tests := []struct {
		name       string
		refs       []string
		widescreen bool
		titles     []string // chart slide titles in order
		slides     int      // slides in the file, title and sources included
		width      int      // picture width in pixels
	}{
		{"one scenario", []string{"aug-2025"}, true, []string{
			"At a glance: August 2025: 35% on non-CUSMA goods",
			"Duty at stake by sector", "Top products by duty at stake", "Duty by sector and programme", "What a CUSMA claim spares, by sector", "Effective tariff rate by month", "What moves the totals: sensitivity",
		}, 9, 1920},
		// The two scenarios have the same CUSMA shares: one dutiable-trade
		// slide names both.
		{"two scenarios, 4:3", []string{"aug-2025", "Sectoral deal (on the August 2025 regime)"}, false, []string{
			"At a glance: August 2025: 35% on non-CUSMA goods", "At a glance: Sectoral deal (on the August 2025 regime)",
			"Duty at stake by sector", "Top products by duty at stake", "Duty by sector and programme", "What a CUSMA claim spares, by sector", "Effective tariff rate by month", "What moves the totals: sensitivity",
			"Duty at stake by sector", "Top products by duty at stake", "Duty by sector and programme", "Effective tariff rate by month", "What moves the totals: sensitivity",
			"Duty at stake by sector: 2 scenarios compared", "What the proposal gets and gives Canada",
		}, 17, 1600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := report.Deck(shared, tt.refs, report.DeckOptions{Widescreen: tt.widescreen, Today: today, Created: created})
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(d.Title, "August 2025: 35% on non-CUSMA goods") || d.Widescreen != tt.widescreen ||
				!strings.Contains(d.Subtitle, "As of 2025-08-15") || !strings.Contains(d.Subtitle, "Prepared 22 November 2026") || strings.Contains(d.Title+d.Subtitle, "w.parley") {
				t.Errorf("title slide %q / %q", d.Title, d.Subtitle)
			}
			if len(d.Slides) != len(tt.titles) {
				t.Fatalf("%d chart slides, want %d", len(d.Slides), len(tt.titles))
			}
			for i, s := range d.Slides {
				if s.Title != tt.titles[i] {
					t.Errorf("slide %d: title %q, want %q", i+2, s.Title, tt.titles[i])
				}
				summary := len(s.Panels) > 0
				bothWays := s.Title == "What the proposal gets and gives Canada"
				if s.Subtitle == "" || !strings.Contains(s.Subtitle, "baseline 2024 trade") || (!summary && !bothWays && !strings.Contains(s.Subtitle, "Canada → US")) {
					t.Errorf("slide %d: subtitle %q", i+2, s.Subtitle)
				}
				if !strings.Contains(s.Footnote, "US DOT Bureau of Transportation Statistics") ||
					!strings.Contains(s.Footnote, "Import demand elasticities (hauk2012)") || !strings.Contains(s.Footnote, "Evidence: ") {
					t.Errorf("slide %d: footnote lacks its sources:\n%s", i+2, s.Footnote)
				}
				if s.AltText == "" || s.Notes == "" {
					t.Errorf("slide %d: no alt text or notes", i+2)
				}
				native := true // the timeline and the tornado too
				switch {
				case summary:
					if s.Chart != nil || s.Picture != nil || !strings.HasPrefix(s.Title, "At a glance") {
						t.Errorf("slide %d (%s): a summary with a chart or picture", i+2, s.Title)
					}
				case native && (s.Chart == nil || s.Picture != nil):
					t.Errorf("slide %d (%s): want a native chart", i+2, s.Title)
				case !native && (s.Chart != nil || s.Picture == nil):
					t.Errorf("slide %d (%s): want a picture", i+2, s.Title)
				case !native:
					cfg, err := png.DecodeConfig(bytes.NewReader(s.Picture))
					if err != nil || cfg.Width != tt.width || cfg.Height < charts.MinSide || cfg.Height > tt.width*3/4 {
						t.Errorf("slide %d: picture %dx%d (%v), want %d wide", i+2, cfg.Width, cfg.Height, err, tt.width)
					}
				}
			}
			var buf bytes.Buffer
			if err := deck.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			// The title slide, the chart slides and one or two pages of sources.
			if n := slideParts(t, buf.Bytes()); n < tt.slides || n > tt.slides+1 {
				t.Errorf("%d slides in the file, want %d or %d", n, tt.slides, tt.slides+1)
			}
		})
	}
}

// slideParts counts the slides of a .pptx file.
func slideParts(t *testing.T, data []byte) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	re := regexp.MustCompile(`^ppt/slides/slide\d+\.xml$`)
	for _, f := range zr.File {
		if re.MatchString(f.Name) {
			n++
		}
	}
	return n
}

func TestDeckEvidence(t *testing.T) {
	d, err := report.Deck(shared, []string{"aug-2025", "sectoral-deal-aug-2025"}, report.DeckOptions{Widescreen: true, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	exposure := slideTitled(t, d, "Duty at stake by sector")
	for _, want := range []string{
		// A quote in full with its document.
		"Quote: “the recent announcement of a 35 percent tariff on Canadian goods” (Hillman: progress in talks after 35% tariff announcement, 2025-07 (inferred), document 004_00f7d1e281d38557)",
		// A citation in full, not cut as in the footnote.
		"Citation: Proclamation 10947 (2025-06-03); source: alstontrade.com",
		// The measure with its rate and dates as the scenario gives them.
		"• Section 232 steel & aluminum 50% (US-232-STEEL-ALU-2): 50% additional tariff from 2025-06-04 to 2026-04-05",
		// The measure's note.
		"Note: The steel articles of Proclamation 9705 as amended (7206.10 through 7216.50",
		// The source lines in full.
		"(03-Processed-Data/csv/commodity_detail.csv)",
	} {
		if !strings.Contains(exposure.Notes, want) {
			t.Errorf("notes lack %q:\n%s", want, exposure.Notes)
		}
	}
	if c := exposure.Chart; c == nil || !contains(c.Categories, "Iron & steel") || !(contains(c.Categories, "Machinery") || contains(c.Categories, "Machinery (≤)")) || c.Title != "" {
		t.Errorf("native exposure chart: %+v", c)
	}
	if c := slideTitled(t, d, "What a CUSMA claim spares, by sector").Chart; c == nil || !c.Stacked || len(c.Series) != 2 {
		t.Errorf("native dutiable chart: %+v", c)
	}
	// The native exposure chart marks the upper bounds that the picture
	// marks with ≤: Canada's lists on chapter data.
	ca, err := report.Deck(shared, []string{"ca-counter-2025"}, report.DeckOptions{Widescreen: true, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if c := slideTitled(t, ca, "Duty at stake by sector").Chart; c == nil || !contains(c.Categories, "Motor vehicles & parts (≤)") || !contains(c.Categories, "Iron & steel (≤)") {
		t.Errorf("native exposure chart of the counter-tariffs: %+v", c)
	}
	compare := slideTitled(t, d, "Duty at stake by sector: 2 scenarios compared")
	if c := compare.Chart; c == nil || len(c.Series) != 2 || c.Series[0].Name != "August 2025: 35% on non-CUSMA goods" || c.DataLabels {
		t.Errorf("native compare chart: %+v", c)
	}
	// The legend names the scenarios; the subtitle gives the rest, short.
	if !strings.Contains(compare.Subtitle, "baseline 2024 trade") || strings.Count(compare.Subtitle, "\n") > 0 ||
		compare.Chart == nil || compare.Chart.Series[1].Name != "Sectoral deal (on the August 2025 regime)" {
		t.Errorf("compare subtitle %q", compare.Subtitle)
	}
	if !strings.Contains(compare.Notes, "Canada and U.S. pursue new economic and security pact") {
		t.Errorf("compare notes lack the sectoral deal's evidence:\n%s", compare.Notes)
	}

	sources := strings.Join(d.Sources, "\n")
	for _, want := range []string{
		"US DOT Bureau of Transportation Statistics, TransBorder Freight Data",
		"CUSMA claim shares (h2-2025, flows into the US)",
		"Import demand elasticities (hauk2012): Hauk, W. (2012)",
		"Figures: Parley's calculation from these data and the scenarios' measures (legal bases in the speaker notes).",
		"Quoted: Hillman: progress in talks after 35% tariff announcement. 2025-07 (inferred). (document 004_00f7d1e281d38557)",
		"Quoted: Canada and U.S. pursue new economic and security pact. blog, 2025-05 (inferred). (document 002_6a07a3839574c52e)",
	} {
		if !strings.Contains(sources, want) {
			t.Errorf("sources lack %q:\n%s", want, sources)
		}
	}
}

// slideTitled returns the first slide of d with this title.
func slideTitled(t *testing.T, d *deck.Deck, title string) deck.Slide {
	t.Helper()
	for _, s := range d.Slides {
		if s.Title == title {
			return s
		}
	}
	t.Fatalf("no slide %q", title)
	return deck.Slide{}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDeckOptions(t *testing.T) {
	// Canada's counter-tariffs: every slide shows flows into Canada
	// unless told otherwise.
	d, err := report.Deck(shared, []string{"ca-counter-2025"}, report.DeckOptions{Widescreen: true, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Slides {
		if len(s.Panels) == 0 && !strings.Contains(s.Subtitle, "US → Canada") {
			t.Errorf("%s: subtitle %q", s.Title, s.Subtitle)
		}
	}
	d, err = report.Deck(shared, []string{"ca-counter-2025"}, report.DeckOptions{Direction: scenarios.CAtoUS, Top: 5, AsOf: scenarios.MustDate("2025-09-30"), Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if s := slideTitled(t, d, "Duty at stake by sector"); !strings.Contains(s.Subtitle, "as of 2025-09-30") || !strings.Contains(d.Subtitle, "As of 2025-09-30") {
		t.Errorf("as of: %q / %q", s.Subtitle, d.Subtitle)
	}
	// No duty at stake: the exposure slide falls back to the picture
	// that says so.
	if s := slideTitled(t, d, "Duty at stake by sector"); s.Chart != nil || s.Picture == nil || !strings.Contains(s.AltText, "No duty at stake") {
		t.Errorf("empty exposure: chart %v, picture %d bytes, alt %q", s.Chart, len(s.Picture), s.AltText)
	}
	// The dutiable trade: the five largest sectors and the rest.
	if s := slideTitled(t, d, "What a CUSMA claim spares, by sector"); s.Chart == nil || len(s.Chart.Categories) != 6 || s.Chart.Categories[5] != "All other (21 sectors)" {
		t.Errorf("dutiable: %+v", s.Chart)
	}
	// The top sectors and the rest, marked when the rest holds an upper
	// bound.
	d, err = report.Deck(shared, []string{"ca-counter-2025"}, report.DeckOptions{Top: 5, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if c := slideTitled(t, d, "Duty at stake by sector").Chart; c == nil || len(c.Categories) != 6 || !strings.HasPrefix(c.Categories[5], "All other (") ||
		!strings.HasSuffix(c.Categories[5], " sectors) (≤)") || c.Categories[0] != "Motor vehicles & parts (≤)" {
		t.Errorf("top 5: %+v", c)
	}
	// Five scenarios: no comparison slide (it takes 2 to 4).
	d, err = report.Deck(shared, []string{"threat-25", "aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025", "sectoral-pact-aug-2025"}, report.DeckOptions{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	// A summary, exposure, products, programmes, timeline and tornado slide
	// for each, and one dutiable-trade slide: the five have the same CUSMA
	// shares. And each scenario after the first scored against the first:
	// 4 deal slides.
	if len(d.Slides) != 35 {
		t.Errorf("%d chart slides, want 35", len(d.Slides))
	}
	for _, s := range d.Slides {
		if strings.HasPrefix(s.Title, "Duty at stake by sector:") {
			t.Errorf("a comparison of five scenarios: %q", s.Title)
		}
	}
}

func TestDeckErrors(t *testing.T) {
	tests := []struct {
		name string
		refs []string
		opt  report.DeckOptions
		msg  string
	}{
		{"no scenario", nil, report.DeckOptions{}, "at least one scenario"},
		{"unknown scenario", []string{"aug-2025", "nope"}, report.DeckOptions{}, `no scenario with id or name "nope"`},
		{"twice", []string{"today", "TODAY: THE REGIME IN FORCE"}, report.DeckOptions{}, "given twice"},
		{"bad direction", []string{"today"}, report.DeckOptions{Direction: "east"}, `direction "east"`},
		{"negative top", []string{"today"}, report.DeckOptions{Top: -3}, "top -3"},
		{"unknown slide", []string{"today"}, report.DeckOptions{Slides: []string{"exposure", "pie"}}, `unknown slide "pie"`},
		{"only sources", []string{"today"}, report.DeckOptions{Slides: []string{"sources"}}, "at least one slide besides the sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := report.Deck(shared, tt.refs, tt.opt)
			if err == nil || d != nil {
				t.Fatal("no error")
			}
			if !storage.IsBadInput(err) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q (bad input: %v), want %q", err, storage.IsBadInput(err), tt.msg)
			}
		})
	}
}

func TestNativeChart(t *testing.T) {
	tbl := charts.Table{
		Title:        "Duty",
		Categories:   []string{"Steel", "Autos"},
		Series:       []charts.Series{{Name: "A", Values: []float64{1.5, 2}, Color: "0072B2"}, {Name: "B", Values: []float64{0, 3}, Color: "E69F00"}},
		Horizontal:   true,
		Stacked:      true,
		ValueTitle:   "US$ billions",
		NumberFormat: "#,##0.0",
	}
	c := report.NativeChart(tbl)
	if c.Title != "Duty" || !c.Horizontal || !c.Stacked || c.ValueTitle != "US$ billions" || c.NumberFormat != "#,##0.0" || !c.DataLabels ||
		len(c.Series) != 2 || c.Series[1].Name != "B" || c.Series[1].Values[1] != 3 || c.Series[0].Color != "0072B2" || c.Categories[1] != "Autos" {
		t.Errorf("%+v", c)
	}
	c.Categories[0] = "changed"
	c.Series[0].Values[0] = 99
	if tbl.Categories[0] != "Steel" || tbl.Series[0].Values[0] != 1.5 {
		t.Error("NativeChart shares its slices with the table")
	}
	// Many clustered bars: no value labels.
	many := charts.Table{Categories: make([]string, 16), Series: make([]charts.Series, 2)}
	for i := range many.Series {
		many.Series[i].Values = make([]float64, 16)
	}
	if report.NativeChart(many).DataLabels {
		t.Error("32 clustered bars carry value labels")
	}
	many.Stacked = true
	if !report.NativeChart(many).DataLabels {
		t.Error("16 stacked bars carry no value labels")
	}
}
