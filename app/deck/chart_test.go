package deck_test

import (
	"encoding/xml"
	"slices"
	"strconv"
	"testing"

	"parley/app/deck"
)

// chartSpace is the part of c:chartSpace the tests look at.
type chartSpace struct {
	Chart struct {
		Title *struct {
			Texts []string `xml:"tx>rich>p>r>t"`
		} `xml:"title"`
		Plot struct {
			Bar struct {
				Dir      val `xml:"barDir"`
				Grouping val `xml:"grouping"`
				Overlap  val `xml:"overlap"`
				Series   []struct {
					Name   []string `xml:"tx>strRef>strCache>pt>v"`
					Color  val      `xml:"spPr>solidFill>srgbClr"`
					Labels *struct {
						Pos    val `xml:"dLblPos"`
						Format struct {
							Code string `xml:"formatCode,attr"`
						} `xml:"numFmt"`
					} `xml:"dLbls"`
					CatRef     string   `xml:"cat>strRef>f"`
					Categories []string `xml:"cat>strRef>strCache>pt>v"`
					ValRef     string   `xml:"val>numRef>f"`
					Values     []string `xml:"val>numRef>numCache>pt>v"`
				} `xml:"ser"`
			} `xml:"barChart"`
			CatAx struct {
				Orientation val `xml:"scaling>orientation"`
				Crosses     val `xml:"crosses"`
			} `xml:"catAx"`
			ValAx struct {
				Orientation val      `xml:"scaling>orientation"`
				Min         *val     `xml:"scaling>min"`
				Max         *val     `xml:"scaling>max"`
				Crosses     val      `xml:"crosses"`
				Title       []string `xml:"title>tx>rich>p>r>t"`
			} `xml:"valAx"`
		} `xml:"plotArea"`
		Legend *struct{} `xml:"legend"`
	} `xml:"chart"`
	External struct {
		ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"externalData"`
}

// val is an element with a val attribute.
type val struct {
	V string `xml:"val,attr"`
}

// chartDeck returns a deck with one native chart slide.
func chartDeck(c *deck.Chart) *deck.Deck {
	return &deck.Deck{Title: "Charts", Created: created, Widescreen: true,
		Slides: []deck.Slide{{Title: "Chart", Footnote: "Source: test.", Chart: c}}}
}

func TestChart(t *testing.T) {
	two := []deck.Series{{Name: "A", Values: []float64{1, 2, 3}, Color: "ff0000"}, {Name: "B", Values: []float64{3, 2, 1}}}
	tests := []struct {
		name        string
		chart       deck.Chart
		dir         string
		grouping    string
		catOrient   string
		valCrosses  string
		legend      bool
		labelPos    string // "" for no labels
		min, max    string // fixed value-axis bounds, "" for automatic
		colors      []string
		wantFormat  string
		wantOverlap string
	}{
		{
			name:  "horizontal single series",
			chart: deck.Chart{Title: "Duty", Categories: []string{"x", "y", "z"}, Horizontal: true, DataLabels: true, NumberFormat: "#,##0.0", ValueTitle: "US$ billions", Series: []deck.Series{{Name: "S", Values: []float64{3, 2, 1}, Color: "0072B2"}}},
			dir:   "bar", grouping: "clustered", catOrient: "maxMin", valCrosses: "max", labelPos: "outEnd", min: "0",
			colors: []string{"0072B2"}, wantFormat: "#,##0.0", wantOverlap: "-10",
		},
		{
			name:  "grouped columns",
			chart: deck.Chart{Categories: []string{"x", "y", "z"}, Series: two},
			dir:   "col", grouping: "clustered", catOrient: "minMax", valCrosses: "autoZero", legend: false, min: "0", // the slide writes the key
			colors: []string{"FF0000", "E69F00"}, wantFormat: "General", wantOverlap: "-10",
		},
		{
			name:  "stacked horizontal with labels",
			chart: deck.Chart{Categories: []string{"x", "y", "z"}, Series: two, Stacked: true, Horizontal: true, DataLabels: true},
			dir:   "bar", grouping: "stacked", catOrient: "maxMin", valCrosses: "max", legend: false, labelPos: "ctr", min: "0",
			colors: []string{"FF0000", "E69F00"}, wantFormat: "General", wantOverlap: "100",
		},
		{
			// A range floats on a hidden series: no fill, and no value
			// labels, whose values would be differences.
			name: "floating range on a hidden series",
			chart: deck.Chart{Categories: []string{"x", "y", "z"}, Stacked: true, Horizontal: true, DataLabels: true,
				Series: []deck.Series{{Name: "base", Values: []float64{1, 2, 3}, Hidden: true}, {Name: "range", Values: []float64{0.5, 1, 0.2}, Color: "E69F00"}}},
			dir: "bar", grouping: "stacked", catOrient: "maxMin", valCrosses: "max", min: "0",
			colors: []string{"", "E69F00"}, wantFormat: "General", wantOverlap: "100",
		},
		{
			name:  "negative values",
			chart: deck.Chart{Categories: []string{"x", "y"}, Series: []deck.Series{{Values: []float64{-1, -2.5}}}},
			dir:   "col", grouping: "clustered", catOrient: "minMax", valCrosses: "autoZero", max: "0",
			colors: []string{"0072B2"}, wantFormat: "General", wantOverlap: "-10",
		},
		{
			name:  "mixed signs",
			chart: deck.Chart{Categories: []string{"x", "y"}, Series: []deck.Series{{Values: []float64{-1, 2}}}},
			dir:   "col", grouping: "clustered", catOrient: "minMax", valCrosses: "autoZero",
			colors: []string{"0072B2"}, wantFormat: "General", wantOverlap: "-10",
		},
		{
			name:  "all zero",
			chart: deck.Chart{Categories: []string{"x"}, Series: []deck.Series{{Values: []float64{0}}}},
			dir:   "col", grouping: "clustered", catOrient: "minMax", valCrosses: "autoZero", min: "0", max: "1",
			colors: []string{"0072B2"}, wantFormat: "General", wantOverlap: "-10",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chart
			p := checkPackage(t, writeDeck(t, chartDeck(&c)))
			chartName := p.relTarget(t, p.slideNames(t)[1], "chart")
			var cs chartSpace
			if err := xml.Unmarshal(p.files[chartName], &cs); err != nil {
				t.Fatal(err)
			}
			plot := cs.Chart.Plot
			if plot.Bar.Dir.V != tc.dir || plot.Bar.Grouping.V != tc.grouping || plot.Bar.Overlap.V != tc.wantOverlap {
				t.Errorf("barDir %q grouping %q overlap %q, want %q %q %q",
					plot.Bar.Dir.V, plot.Bar.Grouping.V, plot.Bar.Overlap.V, tc.dir, tc.grouping, tc.wantOverlap)
			}
			if plot.CatAx.Orientation.V != tc.catOrient || plot.ValAx.Crosses.V != tc.valCrosses {
				t.Errorf("category axis %q, value axis crosses %q; want %q, %q",
					plot.CatAx.Orientation.V, plot.ValAx.Crosses.V, tc.catOrient, tc.valCrosses)
			}
			if plot.ValAx.Orientation.V != "minMax" {
				t.Errorf("value axis orientation %q", plot.ValAx.Orientation.V)
			}
			bound := func(v *val) string {
				if v == nil {
					return ""
				}
				return v.V
			}
			if bound(plot.ValAx.Min) != tc.min || bound(plot.ValAx.Max) != tc.max {
				t.Errorf("value axis bounds [%q, %q], want [%q, %q]", bound(plot.ValAx.Min), bound(plot.ValAx.Max), tc.min, tc.max)
			}
			if (cs.Chart.Legend != nil) != tc.legend {
				t.Errorf("legend %v, want %v", cs.Chart.Legend != nil, tc.legend)
			}
			if (cs.Chart.Title != nil) != (c.Title != "") || (c.Title != "" && !slices.Equal(cs.Chart.Title.Texts, []string{c.Title})) {
				t.Errorf("title %+v, want %q", cs.Chart.Title, c.Title)
			}
			if c.ValueTitle != "" && !slices.Equal(plot.ValAx.Title, []string{c.ValueTitle}) {
				t.Errorf("value axis title %q, want %q", plot.ValAx.Title, c.ValueTitle)
			}
			if cs.External.ID == "" || p.relTarget(t, chartName, "package") == "" {
				t.Error("no embedded workbook")
			}
			if len(plot.Bar.Series) != len(c.Series) {
				t.Fatalf("%d series, want %d", len(plot.Bar.Series), len(c.Series))
			}
			n := len(c.Categories)
			for i, s := range plot.Bar.Series {
				col := string(rune('B' + i))
				if s.Color.V != tc.colors[i] {
					t.Errorf("series %d colour %q, want %q", i, s.Color.V, tc.colors[i])
				}
				wantName := c.Series[i].Name
				if wantName == "" {
					wantName = "Series " + strconv.Itoa(i+1)
				}
				if !slices.Equal(s.Name, []string{wantName}) {
					t.Errorf("series %d name %q, want %q", i, s.Name, wantName)
				}
				if !slices.Equal(s.Categories, c.Categories) {
					t.Errorf("series %d categories %q", i, s.Categories)
				}
				if want := "Sheet1!$A$2:$A$" + strconv.Itoa(n+1); s.CatRef != want {
					t.Errorf("category reference %q, want %q", s.CatRef, want)
				}
				if want := "Sheet1!$" + col + "$2:$" + col + "$" + strconv.Itoa(n+1); s.ValRef != want {
					t.Errorf("value reference %q, want %q", s.ValRef, want)
				}
				for k, v := range s.Values {
					f, err := strconv.ParseFloat(v, 64)
					if err != nil || f != c.Series[i].Values[k] {
						t.Errorf("series %d value %d = %q, want %v", i, k, v, c.Series[i].Values[k])
					}
				}
				switch {
				case tc.labelPos == "" && s.Labels != nil:
					t.Errorf("series %d has data labels", i)
				case tc.labelPos != "" && (s.Labels == nil || s.Labels.Pos.V != tc.labelPos || s.Labels.Format.Code != tc.wantFormat):
					t.Errorf("series %d labels %+v, want at %q in %q", i, s.Labels, tc.labelPos, tc.wantFormat)
				}
			}
		})
	}
}

func TestWorkbook(t *testing.T) {
	c := &deck.Chart{
		Categories:   []string{"Energy", ampSector},
		NumberFormat: `#,##0.0" bn"`,
		Series:       []deck.Series{{Name: "Threat", Values: []float64{1.5, -2}}, {Name: "Deal", Values: []float64{0, 1e9}}},
	}
	p := unzip(t, writeDeck(t, chartDeck(c)))
	chartName := p.relTarget(t, p.slideNames(t)[1], "chart")
	book := unzip(t, p.files[p.relTarget(t, chartName, "package")])
	var sheet struct {
		Rows []struct {
			R     int `xml:"r,attr"`
			Cells []struct {
				Ref    string `xml:"r,attr"`
				Type   string `xml:"t,attr"`
				Style  string `xml:"s,attr"`
				Value  string `xml:"v"`
				Inline string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(book.files["xl/worksheets/sheet1.xml"], &sheet); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range sheet.Rows {
		for _, c := range row.Cells {
			if c.Type == "inlineStr" {
				got[c.Ref] = c.Inline
			} else {
				got[c.Ref] = c.Value + "/s" + c.Style
			}
		}
	}
	want := map[string]string{
		"B1": "Threat", "C1": "Deal",
		"A2": "Energy", "B2": "1.5/s1", "C2": "0/s1",
		"A3": ampSector, "B3": "-2/s1", "C3": "1E+09/s1",
	}
	for ref, w := range want {
		if got[ref] != w {
			t.Errorf("cell %s = %q, want %q", ref, got[ref], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("cells %v, want %v", got, want)
	}
	var styles struct {
		Formats []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Cells []struct {
			Format int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(book.files["xl/styles.xml"], &styles); err != nil {
		t.Fatal(err)
	}
	if len(styles.Formats) != 1 || styles.Formats[0].Code != c.NumberFormat ||
		len(styles.Cells) != 2 || styles.Cells[1].Format != styles.Formats[0].ID {
		t.Errorf("styles %+v: style 1 does not have format %q", styles, c.NumberFormat)
	}
}
