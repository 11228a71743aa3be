package charts_test

import (
	"bytes"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// leverageFixture gives every fixture sector one chapter with round
// figures: sector i has US dependence (i+1)% and Canada's dependence
// (90-i)%; SPECIAL has no Canadian data.
func leverageFixture(t testing.TB, m *scenarios.Model, res *scenarios.Result) ([]scenarios.SectorLeverage, scenarios.SectorLeverage) {
	t.Helper()
	sectors := make([]scenarios.Sector, len(m.Sectors))
	var chs []scenarios.ChapterTrade
	for i, s := range m.Sectors {
		ch := strconv.Itoa(10 + i)
		sectors[i] = s
		sectors[i].Chapters = []string{ch}
		c := scenarios.ChapterTrade{Chapter: ch, USImportsWorld: 100e9, USImportsFromCanada: float64(i+1) * 1e9, HasUS: true}
		if s.Code != "SPECIAL" {
			c.CAExportsWorld, c.CAExportsToUS, c.HasCA = 10e9, float64(90-i)*1e8, true
		}
		chs = append(chs, c)
	}
	rows := scenarios.WithDuty(scenarios.Leverage(sectors, chs), res)
	return rows, scenarios.LeverageTotal(rows)
}

func positionCharts(t testing.TB) map[string]*charts.Chart {
	m := fixtureModel(t, true)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	rows, total := leverageFixture(t, m, &res)
	dealRes := m.Evaluate(sectoralDeal(), aug.AsOf)
	d, err := scenarios.ScoreDeal(&res, &dealRes)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MonteCarlo(aug, aug.AsOf, m.MonteCarloInputs(map[string]scenarios.Range{"AUTOS": {Lo: 0.4, Hi: 0.95}, "MACHINERY": {Lo: 0.3, Hi: 0.9}}), 500, 1)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := m.Timeline(aug, scenarios.MustDate("2025-01-01"), scenarios.MustDate("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := charts.NewTimelineScheduled(pts, scenarios.CAtoUS, meta("Tariffs month by month", "scheduled"), scenarios.MustDate("2025-10-15"))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*charts.Chart{
		"leverage":     charts.NewLeverage(rows, total, m.Sectors, 0, meta("Who depends on whom", "August 2025")),
		"leverage-top": charts.NewLeverage(rows, total, m.Sectors, 10, meta("Who depends on whom", "August 2025")),
		"deal":         charts.NewDeal(d, m.Sectors, 0, meta("What the deal gets and gives", "August 2025 → sectoral deal")),
		"deal-top":     charts.NewDeal(d, m.Sectors, 3, meta("What the deal gets and gives", "August 2025 → sectoral deal")),
		"bands":        charts.NewExposureBands(res, &b, scenarios.CAtoUS, m.Sectors, 10, meta("Duty at stake with ranges", "August 2025")),
		"scheduled":    tl,
	}
}

func TestPositionChartsRender(t *testing.T) {
	for name, ch := range positionCharts(t) {
		for _, size := range []charts.Size{charts.Slide169, charts.Slide43, {W: 800, H: 600}, {W: 300, H: 200}} {
			t.Run(name+"/"+size.String(), func(t *testing.T) {
				var buf bytes.Buffer
				if err := ch.PNG(&buf, size, 1); err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatal(err)
				}
				if w := share(img, white); w < 0.4 || w > 0.995 {
					t.Errorf("white covers %.1f%%", 100*w)
				}
				if name != "scheduled" && share(img, blue) < 0.002 {
					t.Errorf("no blue bars")
				}
				buf.Reset()
				if err := ch.SVG(&buf, size); err != nil {
					t.Fatal(err)
				}
				svgText(t, buf.Bytes())
			})
		}
	}
}

func TestLeverageChart(t *testing.T) {
	cs := positionCharts(t)
	header, rows, comments := readCSV(t, cs["leverage"])
	if len(rows) != 27 || header[2] != "us_dependence_on_canada" || rows[26][0] != "TOTAL" {
		t.Fatalf("%d rows, header %v", len(rows), header)
	}
	us := col(t, header, rows[:25], "us_dependence_on_canada") // SPECIAL (26%) sits first, and is whole
	_ = us
	// Sorted by US dependence, largest first: SPECIAL (26%), then OTHERMFG (25%) ...
	if rows[0][0] != "SPECIAL" || rows[1][0] != "OTHERMFG" || rows[25][0] != "ENERGY" {
		t.Errorf("order %s, %s … %s", rows[0][0], rows[1][0], rows[25][0])
	}
	// All goods: (1+…+26)/2600 = 351/2600 = 13.5%; sectors above it stand out.
	stands := 0
	for _, r := range rows[:26] {
		dep, _ := strconv.ParseFloat(r[2], 64)
		if (r[10] == "true") != (dep > 351.0/2600) {
			t.Errorf("%s: stands out %s at %v", r[0], r[10], dep)
		}
		if r[10] == "true" {
			stands++
		}
	}
	if stands != 13 {
		t.Errorf("%d sectors stand out, want 13 (14%% to 26%%)", stands)
	}
	if rows[0][3] != "" {
		t.Errorf("SPECIAL has no Canadian data, got %q", rows[0][3])
	}
	all := strings.Join(comments, "\n")
	for _, want := range []string{"not mirror-reconciled", "No data: Special", "Bold: the 13 sectors"} {
		if !strings.Contains(all, want) {
			t.Errorf("comments lack %q:\n%s", want, all)
		}
	}
	if _, rows, comments = readCSV(t, cs["leverage-top"]); len(rows) != 11 || !strings.Contains(strings.Join(comments, "\n"), "16 sectors with lower US dependence not shown") {
		t.Errorf("top 10: %d rows, %v", len(rows), comments)
	}
	if !strings.Contains(cs["leverage"].Summary(), "the US buys 13.5% of its imports from Canada") {
		t.Errorf("summary %q", cs["leverage"].Summary())
	}
	// Natively: the two dependences of each sector shown, in percent.
	if tb, ok := cs["leverage"].Table(); !ok || len(tb.Series) != 2 || len(tb.Categories) == 0 || tb.ValueTitle != "Share, %" {
		t.Errorf("the leverage chart's native table: %+v", tb)
	}
}

func TestDealChart(t *testing.T) {
	cs := positionCharts(t)
	header, rows, comments := readCSV(t, cs["deal"])
	if header[2] != "get_usd" || header[3] != "give_usd" || rows[len(rows)-1][0] != "TOTAL" {
		t.Fatalf("header %v", header)
	}
	// The sectoral deal lifts the US's Section 232 steel, aluminum and
	// auto duties; Canada's counter-tariffs stay: Canada gives nothing.
	got := map[string][]string{}
	for _, r := range rows {
		got[r[0]] = r
	}
	for _, code := range []string{"STEEL", "ALUMINUM", "AUTOS"} {
		r := got[code]
		// a bound on the duty into the US makes it "gets at most US$…"
		if r == nil || !strings.HasPrefix(r[len(r)-1], "gets ") || !strings.HasSuffix(r[len(r)-1], "gives nothing") || r[3] != "0" {
			t.Errorf("%s: %v", code, r)
		}
	}
	if len(rows) != 4 { // the three sectors and the total: the others are left out
		t.Errorf("%d rows", len(rows))
	}
	if !strings.Contains(strings.Join(comments, "\n"), "23 sectors where the proposal changes no duty are not shown") {
		t.Errorf("comments %v", comments)
	}
	if _, rows, _ = readCSV(t, cs["deal-top"]); len(rows) != 4 {
		t.Errorf("top 3: %d rows", len(rows))
	}
	if s := cs["deal"].Summary(); !strings.HasPrefix(s, "In total Canada gets ") || !strings.Contains(s, " relief") {
		t.Errorf("summary %q", s)
	}
}

func TestExposureBands(t *testing.T) {
	cs := positionCharts(t)
	header, rows, comments := readCSV(t, cs["bands"])
	p10, p50, p90 := col(t, header, rows[:len(rows)-1], "duty_p10_usd"), col(t, header, rows[:len(rows)-1], "duty_p50_usd"), col(t, header, rows[:len(rows)-1], "duty_p90_usd")
	wide := 0
	for i := range p10 {
		if !(p10[i] <= p50[i] && p50[i] <= p90[i]) {
			t.Errorf("row %d: %v %v %v", i, p10[i], p50[i], p90[i])
		}
		if p90[i] > p10[i] {
			wide++
		}
	}
	if wide == 0 {
		t.Errorf("no sector has a range")
	}
	if last := rows[len(rows)-1]; !strings.HasPrefix(last[1], "All other") || last[len(last)-1] != "" {
		t.Errorf("All other row %v: no range", last)
	}
	if !strings.Contains(strings.Join(comments, "\n"), "500 Monte Carlo draws (seed 1)") || !strings.Contains(cs["bands"].Summary(), "P10–P90: duty") {
		t.Errorf("notes %v, summary %q", comments, cs["bands"].Summary())
	}
	// A picture: no native table.
	if _, ok := cs["bands"].Picture().Table(); ok {
		t.Errorf("Picture() keeps a table")
	}
	if _, ok := cs["bands"].Table(); !ok {
		t.Errorf("the exposure chart lost its table")
	}
}

func TestTimelineScheduled(t *testing.T) {
	cs := positionCharts(t)
	_, _, comments := readCSV(t, cs["scheduled"])
	if !strings.Contains(strings.Join(comments, "\n"), "Months after 2025-10-15 show the steps") || !strings.Contains(strings.Join(comments, "\n"), "from Nov 2025 to Jun 2026") {
		t.Errorf("comments %v", comments)
	}
	m := fixtureModel(t, true)
	aug := august2025()
	pts, _ := m.Timeline(aug, scenarios.MustDate("2025-01-01"), scenarios.MustDate("2025-06-30"))
	ch, _ := charts.NewTimelineScheduled(pts, scenarios.CAtoUS, charts.Meta{}, scenarios.MustDate("2025-08-15"))
	if n := ch.Notes(); len(n) != 1 {
		t.Errorf("no month after the as-of date, yet notes %v", n)
	}
}
