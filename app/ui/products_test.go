package ui

import (
	"parley/app/ui/exposureview"
	"parley/app/ui/session/sessiontest"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
)

// useProductModel makes the scenario shown compute on a hand-made model
// (see sessiontest.UseProductModel) and computes it again.
func useProductModel(t testing.TB, u *UI, n int) *scenarios.Model {
	t.Helper()
	m := sessiontest.UseProductModel(t, u.sess, n)
	u.recompute(time.Now())
	return m
}

// listed waits until the products dialog v has indexed the scenario's
// lines (on a worker) and lists them, running what workers queue for the
// UI goroutine meanwhile.
func listed(t testing.TB, v *exposureview.Products) *exposureview.Products {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for v.Indexing() {
		select {
		case f := <-activeQueue.q:
			f()
		case <-deadline:
			t.Fatal("the products: not indexed within 30 s")
		}
	}
	return v
}

// productScenario is a scenario of the softwood duty and a 35% duty on
// non-CUSMA goods that yields to Section 232.
func productScenario(t testing.TB, u *UI) {
	t.Helper()
	u.openScenario("threat-25")
	d := scenarios.MustDate
	u.sess.Draft().AsOfToday = false
	u.sess.Draft().AsOf = d("2025-11-01")
	u.sess.Draft().Measures = []scenarios.Measure{
		{ID: "softwood", Label: "S232 softwood 10%", Imposer: "US", Program: "S232", Rate: 0.10, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"list:us-s232-softwood"}}},
		{ID: "ieepa", Label: "IEEPA 35% on non-CUSMA goods", Imposer: "US", Program: "IEEPA", Rate: 0.35, CUSMAExempt: true,
			YieldsTo: []string{"S232"}, From: d("2025-08-01"), Sectors: map[string]float64{"*": 1, "ENERGY": 0}},
		{ID: "furniture", Label: "S232 wood furniture 25%", Imposer: "US", Program: "S232", Rate: 0.25, From: d("2025-10-14"),
			Products: &scenarios.ProductScope{Include: []string{"list:us-s232-wood-furniture"}, Exclude: []string{"9401"}}},
	}
}

// displayRow returns the display row of sector code in the exposure table.
func displayRow(t *testing.T, u *UI, code string) int {
	t.Helper()
	p := u.exposure
	for r := 1; r <= len(p.Flows()); r++ {
		if i := p.Table().Row(r); i > 0 && p.Flows()[i-1].Sector == code {
			return r
		}
	}
	t.Fatalf("no row of sector %s", code)
	return 0
}

func TestSectorRowOpensProducts(t *testing.T) {
	u, w := newTestUI(t)
	productScenario(t, u)
	useProductModel(t, u, 50)
	u.exposure.Table().Table.Select(widget.TableCellID{Row: displayRow(t, u, "LUMBER"), Col: 0})
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Products…"))
	d, ok := u.dialogs.top().(*exposureview.ProductsDialog)
	if !ok {
		t.Fatalf("top dialog %T, want the products", u.dialogs.top())
	}
	v := listed(t, d.Products())
	if v.Sector() != "LUMBER" || len(v.Rows()) != 4 {
		t.Fatalf("sector %s, %d rows", v.Sector(), len(v.Rows()))
	}
	// Largest duty first: pine (US$ 2 bn at 10%), then fir, then the rest.
	if got := v.Table().Cell(0, exposureview.ColCode); got != "4407.11.0010" {
		t.Errorf("first row %s", got)
	}
	if got := v.Table().Cell(0, exposureview.ColDuty); got != "200 M" {
		t.Errorf("first row duty %s", got)
	}
	if got := v.Table().Cell(0, exposureview.ColCUSMA); got != "80.0%" {
		t.Errorf("first row CUSMA share %s", got)
	}
	for _, want := range []string{"4407.11.0010 Pine lumber, sawn", "Measures that hit this line:",
		"• S232 softwood 10%: rate 10%, adds 10% to the line's tariff",
		"in list us-s232-softwood “Softwood lumber” (2 codes; source: yale/policy_params.yaml (section_232_headings.softwood))",
		"Precedence: yields to S232 (S232 softwood 10%), which covers 100% of the line",
		"CUSMA relief: claimed share 80% exempt, so 20% of the line is dutiable.",
		"In force but not on this line:", "S232 wood furniture 25%: the line is not in its products (list:us-s232-wood-furniture)"} {
		if !strings.Contains(v.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, v.Detail())
		}
	}
	// Sort by value, then select the joinery line: its measures.
	v.Table().SortBy(exposureview.ColValue)
	if got := v.Table().Cell(0, exposureview.ColCode); got != "4407.11.0010" {
		t.Errorf("by value: first row %s", got)
	}
	v.Table().SortBy(exposureview.ColCode)
	v.Table().SortBy(exposureview.ColCode) // descending
	v.Table().Table.Select(widget.TableCellID{Row: 0, Col: 1})
	if got := v.Table().Cell(0, exposureview.ColCode); got != "4418.99.0000" || !strings.Contains(v.Detail(), "4418.99.0000 Builders' joinery of wood") ||
		!strings.Contains(v.Detail(), "• IEEPA 35% on non-CUSMA goods: rate 35%, adds 0.16%") || !strings.Contains(v.Detail(), "CUSMA claim share 99.6% (the sector's)") {
		t.Errorf("after selecting %s:\n%s", got, v.Detail())
	}
	if !strings.Contains(v.Info(), "Lumber & wood, Canada to US: 4 lines, 4 lines with duty at stake") {
		t.Errorf("info %q", v.Info())
	}

	// Flows into Canada: chapters, said so.
	v.SetDirection(scenarios.UStoCA)
	if !strings.HasPrefix(v.Info(), chapterOnly) || len(v.Rows()) == 0 || len(v.Rows()[0].Code) != 2 {
		t.Errorf("into Canada: info %q, %d rows", v.Info(), len(v.Rows()))
	}
	u.escape()
	if _, open := u.dialogs.top().(*exposureview.ProductsDialog); open {
		t.Error("Escape left the products open")
	}
}

func TestProductSearch(t *testing.T) {
	u, w := newTestUI(t)
	productScenario(t, u)
	useProductModel(t, u, 50)
	u.findProducts()
	v := listed(t, u.dialogs.top().(*exposureview.ProductsDialog).Products())
	if f := kittest.FocusedField(t, w); f != v.Query() {
		t.Fatal("the search field does not have the focus")
	}
	// Every line with duty, before typing.
	if len(v.Rows()) == 0 || v.Sector() != "" {
		t.Fatalf("%d rows, sector %q", len(v.Rows()), v.Sector())
	}
	kittest.TypeInto(v.Query(), "4407.11")
	if len(v.Rows()) != 2 {
		t.Fatalf("%d lines match 4407.11, want 2", len(v.Rows()))
	}
	for _, l := range v.Rows() {
		if !strings.HasPrefix(l.Code, "440711") {
			t.Errorf("line %s matches 4407.11", l.Code)
		}
	}
	if got := v.Table().Cell(0, exposureview.ColTariff); got != "10.0%" {
		t.Errorf("tariff %s", got)
	}
	if !strings.Contains(v.Detail(), "S232 softwood 10%") || !strings.HasPrefix(v.Info(), "2 lines match “4407.11”") {
		t.Errorf("info %q, detail:\n%s", v.Info(), v.Detail())
	}
	// Words: every word in the description.
	kittest.TypeInto(v.Query(), "kind 4")
	if len(v.Rows()) == 0 || !slices.ContainsFunc(v.Rows(), func(l scenarios.LineFlow) bool { return l.Description == "Furniture and parts, kind 4" }) {
		t.Errorf("%d rows for “kind 4”", len(v.Rows()))
	}
	kittest.TypeInto(v.Query(), "zzz")
	if len(v.Rows()) != 0 || !strings.HasPrefix(v.Info(), "No line of Canada to US matches “zzz”.") || v.Detail() != "" {
		t.Errorf("no match: %d rows, info %q", len(v.Rows()), v.Info())
	}
	// The menu item (Ctrl+Shift+F) opens the same search.
	u.escape()
	var item *fyne.MenuItem
	for _, menu := range u.menu.main.Items {
		for _, it := range menu.Items {
			if it.Label == "Find products…" {
				item = it
			}
		}
	}
	if item == nil || item.Shortcut != exposureview.ShortcutProducts {
		t.Fatalf("menu item %+v", item)
	}
	item.Action()
	if _, ok := u.dialogs.top().(*exposureview.ProductsDialog); !ok {
		t.Errorf("Ctrl+Shift+F opened %T", u.dialogs.top())
	}
}

// TestProductsOfALargeSector times opening a sector of 2,000 lines.
func TestProductsOfALargeSector(t *testing.T) {
	u, _ := newTestUI(t)
	productScenario(t, u)
	useProductModel(t, u, 2000)
	start := time.Now()
	v := listed(t, u.exposure.ShowProducts(scenarios.CAtoUS, "OTHERMFG", ""))
	took := time.Since(start)
	if len(v.Rows()) != 2000 {
		t.Fatalf("%d rows", len(v.Rows()))
	}
	// Furniture (9403...) pays 25%, seats (9401) are excluded: the top row
	// has the largest duty.
	if v.Rows()[v.Table().Row(0)].Duty < v.Rows()[v.Table().Row(1999)].Duty {
		t.Error("not sorted by duty")
	}
	t.Logf("opening 2,000 lines took %v (listing %v)", took, v.LastOpen()) // a figure, not a test: see the benchmark
}

// TestProductsOfTheRealData opens a sector of the built-in product data.
func TestProductsOfTheRealData(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	m, err := u.sess.ModelFor(u.sess.Draft().Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	if !m.ProductLevel(scenarios.CAtoUS) {
		t.Skip("no built-in product data")
	}
	largest, n := "", 0
	for _, s := range u.sess.Sectors() {
		if k := len(m.SectorLines(scenarios.CAtoUS, s.Code)); k > n {
			largest, n = s.Code, k
		}
	}
	start := time.Now()
	v := listed(t, u.exposure.ShowProducts(scenarios.CAtoUS, largest, ""))
	t.Logf("sector %s: %d lines opened in %v (listing %v)", largest, len(v.Rows()), time.Since(start), v.LastOpen())
	if len(v.Rows()) != n {
		t.Errorf("%d rows, the sector has %d lines", len(v.Rows()), n)
	}
	v.Open(scenarios.CAtoUS, "", "4407.11")
	if len(v.Rows()) == 0 {
		t.Fatal("no line matches 4407.11")
	}
	for _, l := range v.Rows() {
		if !strings.HasPrefix(l.Code, "440711") {
			t.Errorf("line %s matches 4407.11", l.Code)
		}
	}
	if !strings.Contains(v.Detail(), "Measures that hit this line:") && !strings.Contains(v.Detail(), "No measure in force hits this line.") {
		t.Errorf("detail:\n%s", v.Detail())
	}
}
