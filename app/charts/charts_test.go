package charts_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// rgb is a colour to look for in a rendered chart.
type rgb struct{ r, g, b uint8 }

var (
	blue       = rgb{0x00, 0x72, 0xB2}
	orange     = rgb{0xE6, 0x9F, 0x00}
	green      = rgb{0x00, 0x9E, 0x73}
	vermillion = rgb{0xD5, 0x5E, 0x00}
	sky        = rgb{0x56, 0xB4, 0xE9}
	white      = rgb{0xFF, 0xFF, 0xFF}
)

// share returns the fraction of img's pixels within a small distance of c.
func share(img image.Image, c rgb) float64 {
	b := img.Bounds()
	n := 0
	if p, ok := img.(*image.RGBA); ok { // opaque: premultiplied equals plain
		for i := 0; i+3 < len(p.Pix); i += 4 {
			if near(p.Pix[i], c.r) && near(p.Pix[i+1], c.g) && near(p.Pix[i+2], c.b) {
				n++
			}
		}
		return float64(n) / float64(b.Dx()*b.Dy())
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(uint8(r>>8), c.r) && near(uint8(g>>8), c.g) && near(uint8(bl>>8), c.b) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// near reports whether two colour channels differ by less than 6. The
// difference is taken in int: in uint8, 0-255 wraps to 1.
func near(a, b uint8) bool {
	d := int(a) - int(b)
	return d > -6 && d < 6
}

func TestNear(t *testing.T) {
	tests := []struct {
		a, b uint8
		want bool
	}{
		{0, 0, true}, {0, 5, true}, {5, 0, true}, {0, 6, false}, {6, 0, false},
		{0, 255, false}, {255, 0, false}, {1, 255, false}, {250, 255, true}, {255, 249, false},
	}
	for _, tc := range tests {
		if got := near(tc.a, tc.b); got != tc.want {
			t.Errorf("near(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// colorShare is a colour that must cover at least a share of an image.
type colorShare struct {
	c   rgb
	min float64
}

// kindCharts returns a chart of each kind with the colours it must show.
func kindCharts(t testing.TB) []struct {
	name   string
	chart  *charts.Chart
	colors []colorShare
} {
	all := sampleCharts(t)
	return []struct {
		name   string
		chart  *charts.Chart
		colors []colorShare
	}{
		{"exposure", all["exposure"], []colorShare{{blue, 0.004}, {vermillion, 0.0005}}},
		{"exposure-top10", all["exposure-top10"], []colorShare{{blue, 0.004}, {vermillion, 0.0005}}},
		{"dutiable", all["dutiable"], []colorShare{{vermillion, 0.002}, {sky, 0.02}}},
		{"compare", all["compare"], []colorShare{{blue, 0.01}, {orange, 0.003}, {green, 0.001}}},
		{"timeline", all["timeline"], []colorShare{{blue, 0.001}, {orange, 0.05}}},
		{"tornado", all["tornado"], []colorShare{{blue, 0.004}, {orange, 0.004}}},
		{"no-data", all["exposure-empty"], nil},
	}
}

func TestPNG(t *testing.T) {
	sizes := []struct {
		size  charts.Size
		scale float64
	}{
		{charts.Slide169, 1},
		{charts.Slide43, 1},
		{charts.Slide169, 2},
		{charts.Size{W: 800, H: 600}, 1},
	}
	for _, k := range kindCharts(t) {
		for _, sz := range sizes {
			t.Run(k.name+"/"+sz.size.String()+"@"+strconv.FormatFloat(sz.scale, 'g', -1, 64), func(t *testing.T) {
				var buf bytes.Buffer
				if err := k.chart.PNG(&buf, sz.size, sz.scale); err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatalf("decode PNG: %v", err)
				}
				wantW, wantH := int(float64(sz.size.W)*sz.scale), int(float64(sz.size.H)*sz.scale)
				if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
					t.Fatalf("image is %dx%d, want %dx%d", b.Dx(), b.Dy(), wantW, wantH)
				}
				if w := share(img, white); w < 0.4 || w > 0.995 {
					t.Errorf("white covers %.1f%% of the image, want a white background with a chart on it", 100*w)
				}
				for _, c := range k.colors {
					if s := share(img, c.c); s < c.min {
						t.Errorf("colour %02X%02X%02X covers %.3f%% of the image, want at least %.2f%%", c.c.r, c.c.g, c.c.b, 100*s, 100*c.min)
					}
				}
			})
		}
	}
}

func TestImageSmallAndBadSizes(t *testing.T) {
	ch := sampleCharts(t)["exposure"]
	img, err := ch.Image(charts.Size{W: 300, H: 200}, 1)
	if err != nil {
		t.Fatalf("a small window panel must render: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 200 {
		t.Errorf("image is %v", b)
	}
	for _, tc := range []struct {
		name  string
		size  charts.Size
		scale float64
	}{
		{"zero width", charts.Size{W: 0, H: 100}, 1},
		{"zero scale", charts.Slide169, 0},
		{"negative scale", charts.Slide169, -1},
		{"NaN scale", charts.Slide169, math.NaN()},
		{"too large", charts.Size{W: 8000, H: 8000}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ch.Image(tc.size, tc.scale); err == nil {
				t.Error("want an error")
			}
		})
	}
}

// odd is a hand-made result whose sector names need escaping in XML.
func odd() (scenarios.Result, []scenarios.Sector) {
	sectors := []scenarios.Sector{
		{Code: "STEEL", Name: "Steel & Aluminum <x>"},
		{Code: "AUTOS", Name: "Autos \"quoted\" & 'apostrophes'"},
		{Code: "OTHER", Name: "Other > goods"},
	}
	d := scenarios.CAtoUS
	res := scenarios.Result{
		Scenario: "Deal <A> & B",
		AsOf:     scenarios.MustDate("2025-08-15"),
		Flows: []scenarios.Flow{
			{Direction: d, Sector: "STEEL", Baseline: 12e9, Tariff: 0.35, Duty: 4.2e9, TradeChange: -5e9, TradeChangeLow: -2.5e9, TradeChangeHigh: -7.5e9, CUSMAShare: 0.9, UpperBound: true},
			{Direction: d, Sector: "AUTOS", Baseline: 50e9, Tariff: 0.017, Duty: 850e6, TradeChange: -700e6, TradeChangeLow: -350e6, TradeChangeHigh: -1.05e9, CUSMAShare: 0.95},
			{Direction: d, Sector: "OTHER", Baseline: 3e9, CUSMAShare: 0.5},
		},
	}
	res.Totals[0] = scenarios.Totals{Baseline: 65e9, Duty: 5.05e9, TradeChange: -5.7e9, TradeChangeLow: -2.85e9, TradeChangeHigh: -8.55e9, EffectiveRate: 5.05 / 65}
	return res, sectors
}

// svgText returns the character data of an SVG document, checking that it
// is well-formed XML.
func svgText(t *testing.T, doc []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var text strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	if root != "svg" {
		t.Fatalf("root element is %q, want svg", root)
	}
	return text.String()
}

func TestSVG(t *testing.T) {
	res, sectors := odd()
	meta := charts.Meta{Title: "Steel & Aluminum <x> duty", Subtitle: "A < B & C > D", Footnote: []string{"Source: \"quoted\" & <tagged>"}, AllSectors: true}
	res2 := res
	res2.Scenario = "Other & <scenario>"
	cmp, err := charts.NewCompare([]scenarios.Result{res, res2}, scenarios.CAtoUS, sectors, 0, meta)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		chart *charts.Chart
		want  []string
	}{
		{"exposure", charts.NewExposure(res, scenarios.CAtoUS, sectors, 0, meta), []string{"Steel & Aluminum <x>", "≤ US$ 4.2 bn", "US$ 850 M", "Other > goods"}},
		{"dutiable", charts.NewDutiable(res, scenarios.CAtoUS, sectors, meta), []string{"Steel & Aluminum <x>", "Autos \"quoted\" & 'apostrophes'"}},
		{"compare", cmp, []string{"Deal <A> & B", "Other & <scenario>", "Steel & Aluminum <x>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.chart.SVG(&buf, charts.Slide169); err != nil {
				t.Fatal(err)
			}
			text := svgText(t, buf.Bytes())
			for _, w := range append(tc.want, "A < B & C > D", "Source: \"quoted\" & <tagged>") {
				if !strings.Contains(text, w) {
					t.Errorf("SVG text lacks %q", w)
				}
			}
			if !bytes.Contains(buf.Bytes(), []byte(`width="1920" height="1080"`)) {
				t.Error("SVG root has no width and height")
			}
		})
	}
}

// readCSV parses a chart's CSV, skipping '#' lines, and returns the header,
// the rows and the comment lines.
func readCSV(t *testing.T, ch *charts.Chart) (header []string, rows [][]string, comments []string) {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.CSV(&buf); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "#") {
			comments = append(comments, strings.TrimSpace(strings.TrimPrefix(l, "#")))
		}
	}
	r := csv.NewReader(&buf)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(recs) == 0 {
		t.Fatal("CSV is empty")
	}
	return recs[0], recs[1:], comments
}

// col returns the values of the named column as numbers.
func col(t *testing.T, header []string, rows [][]string, name string) []float64 {
	t.Helper()
	i := -1
	for j, h := range header {
		if h == name {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("no column %q in %v", name, header)
	}
	out := make([]float64, len(rows))
	for k, r := range rows {
		v, err := strconv.ParseFloat(r[i], 64)
		if err != nil {
			t.Fatalf("row %d column %s: %v", k+1, name, err)
		}
		out[k] = v
	}
	return out
}

func TestCSVExposure(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	meta := meta("Duty at stake", "sub")
	meta.AllSectors = true
	header, rows, comments := readCSV(t, charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, meta))
	if len(rows) != len(fixtureSectors) {
		t.Fatalf("%d rows, want %d", len(rows), len(fixtureSectors))
	}
	duty := col(t, header, rows, "duty_usd")
	trade := col(t, header, rows, "trade_change_usd")
	low := col(t, header, rows, "trade_change_low_usd")
	high := col(t, header, rows, "trade_change_high_usd")
	base := col(t, header, rows, "baseline_usd")
	for i, r := range rows {
		f, ok := res.Flow(scenarios.CAtoUS, r[0])
		if !ok {
			t.Fatalf("row %d: unknown sector %q", i+1, r[0])
		}
		if duty[i] != f.Duty || trade[i] != f.TradeChange || low[i] != f.TradeChangeLow || high[i] != f.TradeChangeHigh || base[i] != f.Baseline {
			t.Errorf("row %s: numbers differ from the flow %+v", r[0], f)
		}
		if i > 0 && duty[i] > duty[i-1] {
			t.Errorf("row %d (%s) duty %v is above the row before (%v): not sorted", i+1, r[0], duty[i], duty[i-1])
		}
	}
	for _, want := range append([]string{"Duty at stake", "≤ upper bound: the measure covers only part of the sector; no source gives the share"}, meta.Footnote...) {
		found := false
		for _, c := range comments {
			found = found || c == want
		}
		if !found {
			t.Errorf("CSV comments lack %q", want)
		}
	}
}

func TestExposureTop(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	flows := res.DirectionFlows(scenarios.CAtoUS)
	for _, tc := range []struct {
		top      int
		wantRows int
	}{
		{0, 26}, {-1, 26}, {26, 26}, {100, 26}, {1, 2}, {5, 6}, {25, 26},
	} {
		t.Run(strconv.Itoa(tc.top), func(t *testing.T) {
			ch := charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, tc.top, charts.Meta{Title: "t", AllSectors: true})
			header, rows, _ := readCSV(t, ch)
			if len(rows) != tc.wantRows {
				t.Fatalf("%d rows, want %d", len(rows), tc.wantRows)
			}
			duty := col(t, header, rows, "duty_usd")
			total := 0.0
			for _, f := range flows {
				total += f.Duty
			}
			sum := 0.0
			for _, d := range duty {
				sum += d
			}
			if math.Abs(sum-total) > 1e-6*total {
				t.Errorf("rows sum to %v, want the total %v", sum, total)
			}
			if tc.wantRows == len(flows) {
				return
			}
			last := rows[len(rows)-1]
			k := len(flows) - tc.top
			want := "All other (" + strconv.Itoa(k) + " sectors)"
			if k == 1 {
				want = "All other (1 sector)"
			}
			if last[1] != want || last[0] != "" {
				t.Errorf("last row is %q %q, want %q", last[0], last[1], want)
			}
			// The kept rows are the largest, and no kept row is below the
			// largest sector left out.
			shown := map[string]bool{}
			for _, r := range rows[:len(rows)-1] {
				shown[r[0]] = true
			}
			rest := 0.0
			for _, f := range flows {
				if !shown[f.Sector] {
					rest += f.Duty
					if f.Duty > duty[len(duty)-2] {
						t.Errorf("sector %s (%v) left out but larger than a kept sector", f.Sector, f.Duty)
					}
				}
			}
			if math.Abs(duty[len(duty)-1]-rest) > 1e-9*math.Max(rest, 1) {
				t.Errorf("All other is %v, want %v", duty[len(duty)-1], rest)
			}
		})
	}
}

func TestCSVOtherKinds(t *testing.T) {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	t.Run("dutiable", func(t *testing.T) {
		header, rows, _ := readCSV(t, charts.NewDutiable(res, scenarios.CAtoUS, m.Sectors, charts.Meta{}))
		base := col(t, header, rows, "baseline_usd")
		share := col(t, header, rows, "cusma_share")
		claimed := col(t, header, rows, "cusma_claimed_usd")
		rest := col(t, header, rows, "not_claimed_usd")
		for i, r := range rows {
			f, _ := res.Flow(scenarios.CAtoUS, r[0])
			if base[i] != f.Baseline || share[i] != f.CUSMAShare || claimed[i] != f.Baseline*f.CUSMAShare || rest[i] != f.Baseline*(1-f.CUSMAShare) {
				t.Errorf("row %s differs from its flow", r[0])
			}
			if i > 0 && base[i] > base[i-1] {
				t.Errorf("row %s: not sorted by baseline", r[0])
			}
		}
	})
	t.Run("compare", func(t *testing.T) {
		r2 := m.Evaluate(threat(), threat().AsOf)
		ch, err := charts.NewCompare([]scenarios.Result{res, r2}, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{})
		if err != nil {
			t.Fatal(err)
		}
		header, rows, _ := readCSV(t, ch)
		a := col(t, header, rows, "duty_usd: "+res.Scenario)
		b := col(t, header, rows, "duty_usd: "+r2.Scenario)
		for i, r := range rows {
			fa, _ := res.Flow(scenarios.CAtoUS, r[0])
			fb, _ := r2.Flow(scenarios.CAtoUS, r[0])
			if a[i] != fa.Duty || b[i] != fb.Duty {
				t.Errorf("row %s differs from the flows", r[0])
			}
			if i > 0 && math.Max(a[i], b[i]) > math.Max(a[i-1], b[i-1]) {
				t.Errorf("row %s: not sorted by the larger duty", r[0])
			}
		}
	})
	t.Run("timeline", func(t *testing.T) {
		pts, err := m.Timeline(aug, scenarios.MustDate("2025-01-01"), scenarios.MustDate("2025-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		ch, err := charts.NewTimeline(pts, scenarios.CAtoUS, charts.Meta{})
		if err != nil {
			t.Fatal(err)
		}
		header, rows, _ := readCSV(t, ch)
		rate := col(t, header, rows, "effective_rate")
		duty := col(t, header, rows, "duty_usd")
		for i, p := range pts {
			if rows[i][0] != p.Month.String()[:7] || rate[i] != p.Result.Totals[0].EffectiveRate || duty[i] != p.Result.Totals[0].Duty {
				t.Errorf("month %s differs from its point", rows[i][0])
			}
		}
	})
	t.Run("tornado", func(t *testing.T) {
		base, swings := m.Sensitivity(aug, aug.AsOf)
		header, rows, _ := readCSV(t, charts.NewTornado(base, swings, scenarios.CAtoUS, charts.Meta{}))
		if len(rows) != len(swings) {
			t.Fatalf("%d rows, want one per swing (%d)", len(rows), len(swings))
		}
		low := col(t, header, rows, "duty_low_usd")
		high := col(t, header, rows, "duty_high_usd")
		for i, r := range rows {
			found := false
			for _, s := range swings {
				if s.Name == r[0] {
					found = true
					if low[i] != s.Low[0].Duty || high[i] != s.High[0].Duty {
						t.Errorf("swing %s differs", r[0])
					}
				}
			}
			if !found {
				t.Errorf("unknown swing %q", r[0])
			}
		}
	})
}

func TestTable(t *testing.T) {
	res, sectors := odd()
	ex := charts.NewExposure(res, scenarios.CAtoUS, sectors, 0, charts.Meta{Title: "Exposure", AllSectors: true})
	tab, ok := ex.Table()
	if !ok {
		t.Fatal("exposure has no table")
	}
	if tab.Title != "Exposure" || !tab.Horizontal || tab.Stacked || tab.ValueTitle != "US$ billions" {
		t.Errorf("table = %+v", tab)
	}
	wantCats := []string{"Steel & Aluminum <x>", "Autos \"quoted\" & 'apostrophes'", "Other > goods"}
	wantVals := []float64{4.2, 0.85, 0}
	if len(tab.Categories) != 3 || len(tab.Series) != 1 || len(tab.Series[0].Values) != 3 {
		t.Fatalf("table = %+v", tab)
	}
	for i := range wantCats {
		if tab.Categories[i] != wantCats[i] || math.Abs(tab.Series[0].Values[i]-wantVals[i]) > 1e-12 {
			t.Errorf("category %d = %q %v, want %q %v", i, tab.Categories[i], tab.Series[0].Values[i], wantCats[i], wantVals[i])
		}
	}
	if tab.Series[0].Color != "0072B2" {
		t.Errorf("colour %q", tab.Series[0].Color)
	}

	cmp, err := charts.NewCompare([]scenarios.Result{res, res}, scenarios.CAtoUS, sectors, 0, charts.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	ct, ok := cmp.Table()
	if !ok || len(ct.Series) != 2 || ct.Series[0].Name == ct.Series[1].Name {
		t.Errorf("compare table = %+v, want two distinctly named series", ct)
	}
	dt, ok := charts.NewDutiable(res, scenarios.CAtoUS, sectors, charts.Meta{}).Table()
	if !ok || !dt.Stacked || len(dt.Series) != 2 {
		t.Errorf("dutiable table = %+v", dt)
	}
	pts := []scenarios.TimelinePoint{{Month: scenarios.MustDate("2025-08-01"), AsOf: scenarios.MustDate("2025-08-31"), Result: res}}
	tl, err := charts.NewTimeline(pts, scenarios.CAtoUS, charts.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if tt, ok := tl.Table(); !ok || len(tt.Categories) != 1 || tt.Categories[0] != "Aug 2025" || len(tt.Series) != 1 {
		t.Errorf("timeline table = %+v, want one month", tt)
	}
	// A tornado with no assumption that moves the duty has nothing to chart.
	if _, ok := charts.NewTornado(res.Totals, nil, scenarios.CAtoUS, charts.Meta{}).Table(); ok {
		t.Error("tornado without swings has a table")
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    charts.Size
		wantErr string
	}{
		{"1920x1080", charts.Size{W: 1920, H: 1080}, ""},
		{" 1600X1200 ", charts.Size{W: 1600, H: 1200}, ""},
		{"320x8000", charts.Size{W: 320, H: 8000}, ""},
		{"1920", charts.Size{}, "want WIDTHxHEIGHT"},
		{"", charts.Size{}, "want WIDTHxHEIGHT"},
		{"axb", charts.Size{}, "whole pixels"},
		{"1920.5x1080", charts.Size{}, "whole pixels"},
		{"1920x", charts.Size{}, "whole pixels"},
		{"319x1080", charts.Size{}, "width 319 is out of range [320, 8000]"},
		{"1920x8001", charts.Size{}, "height 8001 is out of range [320, 8000]"},
		{"-1920x1080", charts.Size{}, "width -1920 is out of range"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := charts.ParseSize(tc.in)
			if tc.wantErr == "" {
				if err != nil || got != tc.want {
					t.Errorf("ParseSize(%q) = %v, %v, want %v", tc.in, got, err, tc.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseSize(%q) error = %v, want one containing %q", tc.in, err, tc.wantErr)
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range charts.Kinds() {
		got, err := charts.ParseKind(" " + strings.ToUpper(string(k)) + " ")
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, err)
		}
	}
	if _, err := charts.ParseKind("pie"); err == nil || !strings.Contains(err.Error(), "exposure, dutiable, compare, timeline, tornado, products, leverage") {
		t.Errorf("ParseKind(pie) error = %v", err)
	}
}

func TestCompareCount(t *testing.T) {
	res, sectors := odd()
	for n := 0; n <= 5; n++ {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			results := make([]scenarios.Result, n)
			for i := range results {
				results[i] = res
			}
			_, err := charts.NewCompare(results, scenarios.CAtoUS, sectors, 0, charts.Meta{})
			if ok := n >= 2 && n <= 4; ok != (err == nil) {
				t.Errorf("%d results: error %v", n, err)
			}
		})
	}
}

func TestTimelineErrors(t *testing.T) {
	res, _ := odd()
	d := scenarios.MustDate
	for _, tc := range []struct {
		name string
		pts  []scenarios.TimelinePoint
	}{
		{"none", nil},
		{"out of order", []scenarios.TimelinePoint{{Month: d("2025-02-01"), Result: res}, {Month: d("2025-01-01"), Result: res}}},
		{"repeated", []scenarios.TimelinePoint{{Month: d("2025-02-01"), Result: res}, {Month: d("2025-02-01"), Result: res}}},
		{"no month", []scenarios.TimelinePoint{{Result: res}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := charts.NewTimeline(tc.pts, scenarios.CAtoUS, charts.Meta{}); err == nil {
				t.Error("want an error")
			}
		})
	}
}

// TestNoData renders every kind for a scenario with no measure in force:
// the charts show a message instead of failing or dividing by zero.
func TestNoData(t *testing.T) {
	m := fixtureModel(t, true)
	none := &scenarios.Scenario{Name: "Nothing in force", AsOf: scenarios.MustDate("2024-06-30")}
	res := m.Evaluate(none, none.AsOf)
	pts, err := m.Timeline(none, scenarios.MustDate("2024-01-01"), scenarios.MustDate("2024-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := charts.NewTimeline(pts, scenarios.CAtoUS, charts.Meta{Title: "Timeline"})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := charts.NewCompare([]scenarios.Result{res, res}, scenarios.CAtoUS, m.Sectors, 5, charts.Meta{Title: "Compare"})
	if err != nil {
		t.Fatal(err)
	}
	base, swings := m.Sensitivity(none, none.AsOf)
	var emptyRes scenarios.Result
	for _, tc := range []struct {
		name  string
		chart *charts.Chart
		msg   string
	}{
		{"exposure", charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, charts.Meta{Title: "Exposure"}), "No duty at stake on 2024-06-30"},
		{"exposure without flows", charts.NewExposure(emptyRes, scenarios.CAtoUS, nil, 3, charts.Meta{}), "No duty at stake"},
		{"compare", cmp, "No duty at stake on 2024-06-30"},
		{"timeline", tl, "No duty at stake from Jan 2024 to Jun 2024"},
		{"tornado", charts.NewTornado(base, swings, scenarios.CAtoUS, charts.Meta{Title: "Tornado"}), "No assumption"},
		{"tornado without swings", charts.NewTornado(base, nil, scenarios.CAtoUS, charts.Meta{}), "No assumptions to vary"},
		{"dutiable without flows", charts.NewDutiable(emptyRes, scenarios.UStoCA, nil, charts.Meta{}), "No baseline trade"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := tc.chart.Image(charts.Slide169, 1)
			if err != nil {
				t.Fatal(err)
			}
			if w := share(img, white); w > 0.995 {
				t.Error("image is blank")
			}
			var buf bytes.Buffer
			if err := tc.chart.SVG(&buf, charts.Slide169); err != nil {
				t.Fatal(err)
			}
			if text := svgText(t, buf.Bytes()); !strings.Contains(text, tc.msg) {
				t.Errorf("chart does not say %q", tc.msg)
			}
			if err := tc.chart.CSV(io.Discard); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestLongFootnotes checks that a chart with many long footnote lines still
// renders its plot.
func TestLongFootnotes(t *testing.T) {
	res, sectors := odd()
	meta := charts.Meta{Title: strings.Repeat("A very long title ", 12), Subtitle: strings.Repeat("subtitle ", 40)}
	for i := 0; i < 30; i++ {
		meta.Footnote = append(meta.Footnote, strings.Repeat("Evidence quoted at length, ", 10))
	}
	ch := charts.NewExposure(res, scenarios.CAtoUS, sectors, 0, meta)
	img, err := ch.Image(charts.Slide169, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s := share(img, blue); s < 0.002 {
		t.Errorf("bars cover %.3f%%: the plot was squeezed out", 100*s)
	}
}

// TestConcurrent renders one chart from several goroutines at once (run
// with -race).
func TestConcurrent(t *testing.T) {
	ch := sampleCharts(t)["exposure"]
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- ch.PNG(io.Discard, charts.Size{W: 960, H: 540}, 1) }()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestBadNumbers checks that values that are not finite draw nothing
// rather than failing.
func TestBadNumbers(t *testing.T) {
	res, sectors := odd()
	res.Flows[1].Duty = math.NaN()
	res.Flows[2].Duty = math.Inf(1)
	res.Flows[2].Baseline = math.Inf(1)
	for _, ch := range []*charts.Chart{
		charts.NewExposure(res, scenarios.CAtoUS, sectors, 0, charts.Meta{}),
		charts.NewDutiable(res, scenarios.CAtoUS, sectors, charts.Meta{}),
	} {
		if err := ch.PNG(io.Discard, charts.Slide169, 1); err != nil {
			t.Error(err)
		}
		if err := ch.SVG(io.Discard, charts.Slide169); err != nil {
			t.Error(err)
		}
	}
}

func benchmarkPNG(b *testing.B, name string) {
	ch := sampleCharts(b)[name]
	b.ReportAllocs()
	for b.Loop() {
		if err := ch.PNG(io.Discard, charts.Slide169, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExposurePNG1920(b *testing.B) { benchmarkPNG(b, "exposure") }
func BenchmarkDutiablePNG1920(b *testing.B) { benchmarkPNG(b, "dutiable") }
func BenchmarkComparePNG1920(b *testing.B)  { benchmarkPNG(b, "compare") }
func BenchmarkTimelinePNG1920(b *testing.B) { benchmarkPNG(b, "timeline") }
func BenchmarkTornadoPNG1920(b *testing.B)  { benchmarkPNG(b, "tornado") }

func BenchmarkExposureImage1920(b *testing.B) {
	ch := sampleCharts(b)["exposure"]
	for b.Loop() {
		if _, err := ch.Image(charts.Slide169, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExposureSVG(b *testing.B) {
	ch := sampleCharts(b)["exposure"]
	for b.Loop() {
		if err := ch.SVG(io.Discard, charts.Slide169); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEdgesClear checks that nothing is drawn in a thin strip along each edge
// of the image: no label, heading or axis title runs off the chart, on
// slides or in a small window panel.
func TestEdgesClear(t *testing.T) {
	type render struct {
		name  string
		image func(*charts.Chart) (image.Image, error)
	}
	renders := []render{
		{"16:9", func(c *charts.Chart) (image.Image, error) { return c.Image(charts.Slide169, 1) }},
		{"4:3", func(c *charts.Chart) (image.Image, error) { return c.Image(charts.Slide43, 1) }},
		{"640x360", func(c *charts.Chart) (image.Image, error) { return c.Image(charts.Size{W: 640, H: 360}, 1) }},
		{"panel", func(c *charts.Chart) (image.Image, error) { return c.ScreenImage(charts.Size{W: 540, H: 225}, 1) }},
		{"panel@2", func(c *charts.Chart) (image.Image, error) { return c.ScreenImage(charts.Size{W: 540, H: 225}, 2) }},
		{"narrow-panel", func(c *charts.Chart) (image.Image, error) { return c.ScreenImage(charts.Size{W: 420, H: 300}, 1) }},
	}
	for _, k := range kindCharts(t) {
		for _, r := range renders {
			t.Run(k.name+"/"+r.name, func(t *testing.T) {
				img, err := r.image(k.chart)
				if err != nil {
					t.Fatal(err)
				}
				b := img.Bounds()
				const strip = 2
				for y := b.Min.Y; y < b.Max.Y; y++ {
					for x := b.Min.X; x < b.Max.X; x++ {
						if x >= b.Min.X+strip && x < b.Max.X-strip && y >= b.Min.Y+strip && y < b.Max.Y-strip {
							continue
						}
						if rr, g, bl, _ := img.At(x, y).RGBA(); rr>>8 < 0xF0 || g>>8 < 0xF0 || bl>>8 < 0xF0 {
							t.Fatalf("pixel (%d,%d) at the edge of the %dx%d image is drawn on", x, y, b.Dx(), b.Dy())
						}
					}
				}
			})
		}
	}
}
