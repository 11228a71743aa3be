package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
)

// withPosition is every slide, the opt-in leverage and ranges slides too.
var withPosition = []string{"summary", "exposure", "products", "provinces", "programmes", "dutiable", "timeline", "tornado", "compare", "leverage", "ranges", "deal", "sources"}

// TestDeckRules checks the decks a minister's staff would make (today's
// regime alone, and against the sectoral deal; 16:9 and 4:3; the default
// slides and all of them) as a reader of the file would: every XML part
// parses, every relationship's target exists, no picture's text is under
// 12 pt when projected, every slide says in one sentence what it shows,
// no native chart's label is under 12 pt or runs into its neighbours,
// the deal slide is there, native, for two scenarios, the key evidence is
// ranked by the duty its measures carry, and a chart's key lists the
// scenarios in the order its sentence does.
func TestDeckRules(t *testing.T) {
	tests := []struct {
		name       string
		refs       []string
		widescreen bool
		slides     []string
	}{
		{"today, 16:9", []string{"today"}, true, nil},
		{"today and the sectoral deal, 16:9", []string{"today", "sectoral-deal"}, true, nil},
		{"today, 4:3", []string{"today"}, false, nil},
		{"today and the sectoral deal, 4:3", []string{"today", "sectoral-deal"}, false, nil},
		// The opt-in position slides too.
		{"today, with leverage and ranges, 4:3", []string{"today"}, false, withPosition},
		{"today and the sectoral deal, with leverage and ranges, 16:9", []string{"today", "sectoral-deal"}, true, withPosition},
		{"today and the sectoral deal, with leverage and ranges, 4:3", []string{"today", "sectoral-deal"}, false, withPosition},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := report.DeckOptions{Widescreen: tt.widescreen, Today: today, Created: created, Top: charts.DefaultTop}
			if tt.slides != nil {
				s, err := report.ParseSlides(strings.Join(tt.slides, ","))
				if err != nil {
					t.Fatal(err)
				}
				opt.Slides = s
			}
			d, err := report.Deck(shared, tt.refs, opt)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := deck.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			checkParts(t, buf.Bytes())

			deals := 0
			for i, s := range d.Slides {
				n := i + 2
				// One sentence, from the data, saying what the slide shows.
				if lead := strings.TrimSpace(s.Lead); lead == "" || !strings.HasSuffix(lead, ".") {
					t.Errorf("slide %d (%s): lead %q, want one sentence", n, s.Title, s.Lead)
				}
				if pt := s.PictureTextPoints(tt.widescreen); s.Chart == nil && len(s.Panels) == 0 {
					if s.PictureTextPx <= 0 {
						t.Errorf("slide %d (%s): a picture whose text size is not known", n, s.Title)
					} else if pt < deck.MinProjectedPoints {
						t.Errorf("slide %d (%s): picture text %.1f pt on the slide (%.1f px), want at least %d pt",
							n, s.Title, pt, s.PictureTextPx, deck.MinProjectedPoints)
					}
				}
				if !s.PanelsFit(tt.widescreen) {
					t.Errorf("slide %d (%s): its panels run into the footnote", n, s.Title)
				}
				// A native chart's labels are at least as large as a
				// picture's text, and do not run into each other.
				if s.Chart != nil && len(s.Panels) == 0 {
					cl := s.ChartLabels(tt.widescreen)
					if cl.Points < deck.MinProjectedPoints || (cl.Data > 0 && cl.Data < deck.MinProjectedPoints) {
						t.Errorf("slide %d (%s): chart labels %.1f pt, value labels %.1f pt, want at least %d pt",
							n, s.Title, cl.Points, cl.Data, deck.MinProjectedPoints)
					}
					for _, o := range cl.Overlaps {
						t.Errorf("slide %d (%s): label %s overlaps its neighbours", n, s.Title, o)
					}
				}
				if c := s.Chart; c != nil && s.Title == "Effective tariff rate by month" {
					// A label a quarter: a reader finds the month of a step.
					labelled := 0
					for _, cat := range c.Categories {
						if cat != "" {
							labelled++
						}
					}
					if labelled < len(c.Categories)/3 {
						t.Errorf("timeline: %d of %d months labelled (%q), want one a quarter", labelled, len(c.Categories), c.Categories)
					}
				}
				if s.Title == "What the proposal gets and gives Canada" {
					deals++
					if s.Chart == nil || s.Picture != nil || len(s.Chart.Series) != 2 {
						t.Errorf("slide %d: deal slide not a native chart of gets and gives", n)
						continue
					}
					// Today's duties on autos and Canada's on chapter data
					// are upper bounds: their bars say so in their labels,
					// with compare's marks (≈ where both scenarios' duties
					// are bounds).
					bounds := 0
					for _, ser := range s.Chart.Series {
						for k, l := range ser.Labels {
							if l != "" {
								bounds++
								if !(strings.HasPrefix(l, "≤ ") || strings.HasPrefix(l, "≥ ") || strings.HasPrefix(l, "≈ ")) || ser.Values[k] == 0 {
									t.Errorf("deal slide: label %q on %v", l, ser.Values[k])
								}
							}
						}
					}
					if bounds == 0 {
						t.Error("deal slide: no bar marked as an upper bound")
					}
				}
				if c := s.Chart; c != nil && s.Title == "Duty at stake by sector: 2 scenarios compared" {
					// The sentence names the scenarios in the order of
					// the series, which is the order of the slide's key.
					i0 := strings.Index(s.Lead, c.Series[0].Name)
					i1 := strings.Index(s.Lead, c.Series[1].Name)
					if i0 < 0 || i1 < 0 || i0 > i1 {
						t.Errorf("compare slide: lead %q does not name %q then %q", s.Lead, c.Series[0].Name, c.Series[1].Name)
					}
				}
				if strings.HasPrefix(s.Title, "At a glance") {
					checkKeyEvidence(t, s)
				}
			}
			if want := len(tt.refs) - 1; deals != want {
				t.Errorf("%d deal slides, want %d", deals, want)
			}
			// No chart has a legend of its own: the slide's key, in series
			// order, is the legend.
			zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			for _, f := range zr.File {
				if strings.HasPrefix(f.Name, "ppt/charts/") && strings.Contains(string(readZip(t, f)), "<c:legend>") {
					t.Errorf("%s has a legend", f.Name)
				}
			}
		})
	}
}

// moneyIn finds the amount a key-evidence line gives its measure.
var moneyIn = regexp.MustCompile(`\(US\$ ([0-9.,]+) (bn|M|k)\)`)

// checkKeyEvidence checks that a summary slide's key evidence quotes the
// measures that carry the most duty, in that order.
func checkKeyEvidence(t *testing.T, s deck.Slide) {
	t.Helper()
	var key []string
	for _, p := range s.Panels {
		if p.Heading == "Key evidence" {
			key = p.Lines
		}
	}
	if len(key) == 0 {
		t.Errorf("%s: no key evidence", s.Title)
		return
	}
	prev := -1.0
	for _, l := range key {
		if strings.HasPrefix(l, "No ") {
			continue
		}
		if !strings.Contains(l, "“") {
			t.Errorf("%s: key evidence %q is not a quote", s.Title, l)
		}
		m := moneyIn.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("%s: key evidence %q gives no duty", s.Title, l)
			continue
		}
		v, _ := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		v *= map[string]float64{"bn": 1e9, "M": 1e6, "k": 1e3}[m[2]]
		if prev >= 0 && v > prev {
			t.Errorf("%s: key evidence out of order of duty: %q after one of %.0f", s.Title, l, prev)
		}
		prev = v
	}
}

// checkParts unzips a deck, parses every XML part and checks that the
// target of every internal relationship exists.
func checkParts(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		body := readZip(t, f)
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Local != "Relationship" || !strings.HasSuffix(f.Name, ".rels") {
				continue
			}
			var target, mode string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "Target":
					target = a.Value
				case "TargetMode":
					mode = a.Value
				}
			}
			if mode == "External" {
				continue
			}
			// "ppt/slides/_rels/slide1.xml.rels" is relative to "ppt/slides".
			base := path.Dir(path.Dir(f.Name))
			full := path.Clean(path.Join(base, target))
			if strings.HasPrefix(target, "/") {
				full = strings.TrimPrefix(target, "/")
			}
			if !names[full] {
				t.Errorf("%s: relationship target %s (%s) missing", f.Name, target, full)
			}
		}
	}
}

func readZip(t *testing.T, f *zip.File) []byte {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
