package charts_test

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// productModel is a model of three sectors whose flows into the US are
// HTS10 lines (LUMBER has 40 of them, one with a description that needs
// escaping) and whose flows into Canada are chapters, with a softwood list.
func productModel(t testing.TB) *scenarios.Model {
	t.Helper()
	sectors := []scenarios.Sector{
		{Code: "LUMBER", Name: "Lumber & wood products", Short: "Lumber & wood"},
		{Code: "STEEL", Name: "Iron & steel", Short: "Iron & steel"},
		{Code: "OTHERMFG", Name: "Furniture & misc.", Short: "Furniture & misc."},
	}
	n := len(sectors)
	p := scenarios.Params{
		CUSMAShare:     [2][]float64{{0.5, 0.9, 0.8}, make([]float64, n)},
		Elasticity:     []float64{1, 1.2, 1.1},
		BaselineTariff: make([]float64, n),
	}
	lines := []scenarios.Line{
		{Direction: scenarios.CAtoUS, Code: "4407110010", Sector: "LUMBER", Value: 3e9, Description: "Lumber & <pine>, sawn \"rough\""},
		{Direction: scenarios.CAtoUS, Code: "4407120020", Sector: "LUMBER", Value: 1e9, Description: "Fir and spruce lumber"},
		{Direction: scenarios.CAtoUS, Code: "7308900000", Sector: "STEEL", Value: 2e9, Description: "Structures of steel"},
		{Direction: scenarios.CAtoUS, Code: "9403600000", Sector: "OTHERMFG", Value: 5e8, Description: "Wooden furniture"},
		{Direction: scenarios.UStoCA, Code: "44", Sector: "LUMBER", Value: 2e9, Description: "Wood"},
		{Direction: scenarios.UStoCA, Code: "73", Sector: "STEEL", Value: 4e9, Description: "Articles of iron or steel"},
		{Direction: scenarios.UStoCA, Code: "94", Sector: "OTHERMFG", Value: 1e9},
	}
	for i := range 38 {
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: fmt.Sprintf("44189%05d", i), Sector: "LUMBER",
			Value: float64(i+1) * 1e7, Description: fmt.Sprintf("Builders' joinery of wood, kind %d, a long description that goes on and on", i)})
	}
	ref := &scenarios.Reference{Lists: scenarios.ProductLists{
		"us-s232-softwood": {Name: "us-s232-softwood", Title: "Softwood lumber", Source: "yale/policy_params.yaml", Codes: []string{"440711", "440712"}},
	}}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5, Ref: ref})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// productScenario puts 10% on softwood, 25% on the rest of wood (partly
// covered by an HTS8 entry: an upper bound on chapter lines), 50% on steel
// and Canada's 25% on US steel.
func productScenario() *scenarios.Scenario {
	d := scenarios.MustDate
	return &scenarios.Scenario{Name: "Wood & <steel>", AsOf: d("2025-10-15"), Measures: []scenarios.Measure{
		{ID: "softwood", Label: "S232 softwood 10%", Imposer: "US", Program: "S232", Rate: 0.10, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"list:us-s232-softwood"}}},
		{ID: "wood", Label: "S232 wood 25%", Imposer: "US", Program: "S232", Rate: 0.25, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"4418"}}},
		{ID: "steel", Label: "S232 steel 50%", Imposer: "US", Program: "S232", Rate: 0.5, From: d("2025-06-04"),
			Sectors: map[string]float64{"STEEL": 1}},
		{ID: "ca-steel", Label: "Canada on US steel 25%", Imposer: "CA", Program: "CA-SURTAX", Rate: 0.25, From: d("2025-03-13"),
			Products: &scenarios.ProductScope{Include: []string{"73089000"}}},
	}}
}

func productChart(t testing.TB, sel charts.ProductSelection) (*charts.Chart, scenarios.Result) {
	m := productModel(t)
	sc := productScenario()
	res := m.EvaluateWith(sc, sc.AsOf, scenarios.Options{Lines: true})
	if sel.Direction == "" {
		sel.Direction = scenarios.CAtoUS
	}
	sel.Sectors = m.Sectors
	sel.ChapterLevel = !m.ProductLevel(sel.Direction)
	meta := charts.Meta{Title: "Top products & <lines>", Subtitle: sc.Name + " · as of 2025-10-15", Footnote: []string{"Source: Census & USITC <DataWeb>"}}
	return charts.NewProducts(res, sel, meta), res
}

func TestProductsCSV(t *testing.T) {
	ch, res := productChart(t, charts.ProductSelection{Sector: "LUMBER", Top: 5})
	if ch.Kind != charts.Products {
		t.Fatalf("kind %s", ch.Kind)
	}
	header, rows, comments := readCSV(t, ch)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want the top 5", len(rows))
	}
	duty := col(t, header, rows, "duty_usd")
	for i := 1; i < len(duty); i++ {
		if duty[i] > duty[i-1] {
			t.Errorf("row %d duty %v above row %d's %v: not sorted", i+1, duty[i], i, duty[i-1])
		}
	}
	// The softwood line (US$ 3 bn at 10%) is largest; then joinery lines at 25%.
	if rows[0][0] != "4407110010" || rows[0][1] != "Lumber & <pine>, sawn \"rough\"" || duty[0] != 3e8 {
		t.Errorf("first row %v", rows[0])
	}
	for _, r := range rows {
		if r[2] != "LUMBER" {
			t.Errorf("row of sector %s in a LUMBER chart", r[2])
		}
	}
	if !strings.Contains(ch.Summary(), "40 lines with duty at stake") || !strings.Contains(ch.Summary(), "top 5 shown") {
		t.Errorf("summary %q", ch.Summary())
	}
	if !strings.Contains(strings.Join(comments, "\n"), "Source: Census & USITC <DataWeb>") {
		t.Errorf("CSV comments lack the source: %v", comments)
	}
	// Every sector: the top lines of the direction.
	all, _ := productChart(t, charts.ProductSelection{})
	_, rows, _ = readCSV(t, all)
	withDuty := 0
	for _, l := range res.Lines {
		if l.Direction == scenarios.CAtoUS {
			withDuty++
		}
	}
	if len(rows) != min(charts.DefaultProducts, withDuty) || rows[0][0] != "7308900000" {
		t.Errorf("all sectors: %d rows (want %d), first %v", len(rows), min(charts.DefaultProducts, withDuty), rows[0])
	}
}

func TestProductsRender(t *testing.T) {
	ch, _ := productChart(t, charts.ProductSelection{Sector: "LUMBER"})
	var buf bytes.Buffer
	if err := ch.PNG(&buf, charts.Slide169, 1); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Errorf("size %v", b)
	}
	if s := share(img, blue); s < 0.01 {
		t.Errorf("blue bars cover %.4f of the image", s)
	}
	buf.Reset()
	if err := ch.SVG(&buf, charts.Slide169); err != nil {
		t.Fatal(err)
	}
	text := svgText(t, buf.Bytes())
	for _, w := range []string{"Top products & <lines>", "4407.11.0010 Lumber & <pine>, sawn \"rough\"", "US$ 300 M · 10.0%", "Duty at stake, US$ millions", "Source: Census & USITC <DataWeb>"} {
		if !strings.Contains(text, w) {
			t.Errorf("SVG text lacks %q", w)
		}
	}
	if tb, ok := ch.Table(); !ok || len(tb.Categories) != charts.DefaultProducts || !tb.Horizontal || tb.Series[0].Values[0] != 300 {
		t.Errorf("table %+v, %v", tb, ok)
	}
}

func TestProductsChapterLevelAndEmpty(t *testing.T) {
	ch, _ := productChart(t, charts.ProductSelection{Direction: scenarios.UStoCA})
	if !strings.Contains(strings.Join(ch.Notes(), " "), "Flows into Canada are by HS chapter") {
		t.Errorf("notes %v", ch.Notes())
	}
	if !strings.Contains(strings.Join(ch.Notes(), " "), "≤ upper bound") {
		t.Errorf("a chapter line partly in an HTS8 entry is not marked: notes %v", ch.Notes())
	}
	_, rows, _ := readCSV(t, ch)
	if len(rows) != 1 || rows[0][0] != "73" || rows[0][len(rows[0])-1] != "true" {
		t.Errorf("rows %v", rows)
	}
	var buf bytes.Buffer
	if err := ch.SVG(&buf, charts.Slide43); err != nil {
		t.Fatal(err)
	}
	if text := svgText(t, buf.Bytes()); !strings.Contains(text, "HS 73 Articles of iron or steel") {
		t.Errorf("chapter label missing from the SVG")
	}
	empty, _ := productChart(t, charts.ProductSelection{Direction: scenarios.UStoCA, Sector: "LUMBER"})
	if msg := empty.Empty(); msg != "No duty at stake on 2025-10-15 in Lumber & wood" {
		t.Errorf("empty message %q", msg)
	}
	if err := empty.PNG(&buf, charts.Slide169, 1); err != nil {
		t.Fatal(err)
	}
}
