package report_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

func TestLeverageChart(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Leverage, Scenarios: []string{"today"}, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	rows, comments := chartCSV(t, ch)
	if ch.Meta.Title != "Who depends on whom: leverage by sector" || len(rows) != 1+10+1 || rows[1][0] != "ENERGY" {
		t.Fatalf("%q: %d rows, first %v", ch.Meta.Title, len(rows), rows[1])
	}
	all := strings.Join(comments, "\n")
	for _, want := range []string{"not mirror-reconciled", "US Census Bureau", "ISED Trade Data Online", "reuse terms", "Baseline trade 2024"} {
		if !strings.Contains(all, want) {
			t.Errorf("footnote lacks %q:\n%s", want, all)
		}
	}
	// All sectors on request, with today's duty each way.
	ch, err = report.Chart(shared, report.ChartRequest{Kind: charts.Leverage, Scenarios: []string{"today"}, Today: today, AllSectors: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = chartCSV(t, ch)
	res, err := shared.Compute("today", today)
	if err != nil {
		t.Fatal(err)
	}
	hdr := rows[0]
	for _, r := range rows[1 : len(rows)-1] {
		f, _ := res.Flow(scenarios.CAtoUS, r[0])
		if r[column(t, hdr, "duty_ca_to_us_usd")] != strconv.FormatFloat(f.Duty, 'f', -1, 64) {
			t.Errorf("%s: duty %s, want %v", r[0], r[column(t, hdr, "duty_ca_to_us_usd")], f.Duty)
		}
	}
	if len(rows) != 1+26+1 {
		t.Errorf("%d rows with all sectors", len(rows))
	}
}

func TestDealChartRequest(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Deal, Scenarios: []string{"today", "sectoral-deal"}, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ch.Meta.Subtitle, "Baseline Today: the regime in force (as of 2026-11-22) → proposal Sectoral deal") {
		t.Errorf("subtitle %q", ch.Meta.Subtitle)
	}
	rows, _ := chartCSV(t, ch)
	if rows[0][2] != "get_usd" || rows[len(rows)-1][0] != "TOTAL" {
		t.Errorf("rows %v … %v", rows[0], rows[len(rows)-1])
	}
	for _, refs := range [][]string{{"today"}, {"today", "aug-2025", "threat-25"}} {
		_, err := report.Chart(shared, report.ChartRequest{Kind: charts.Deal, Scenarios: refs, Today: today})
		if err == nil || !storage.IsBadInput(err) || !strings.Contains(err.Error(), "a deal chart takes two scenarios") {
			t.Errorf("%v: %v", refs, err)
		}
	}
}

func TestExposureWithRanges(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"today"}, Today: today, Draws: 2000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	rows, comments := chartCSV(t, ch)
	if column(t, rows[0], "duty_p90_usd") < 0 || !strings.Contains(strings.Join(comments, "\n"), "Ranges: the P10–P90 ranges cover the CUSMA claim share into the US within each sector's lowest and highest monthly share of 2025-03 to 2026-02") {
		t.Errorf("header %v, comments %v", rows[0], comments)
	}
	again, _ := report.Chart(shared, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"today"}, Today: today, Draws: 2000, Seed: 9})
	r2, _ := chartCSV(t, again)
	if strings.Join(rows[1], ",") != strings.Join(r2[1], ",") {
		t.Errorf("the same seed gave %v and %v", rows[1], r2[1])
	}
}

// TestTimelineScheduledSteps: today's timeline runs past the as-of date to
// the annex III step of 2028-01-01, drawn as scheduled.
func TestTimelineScheduledSteps(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"today"}, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	rows, comments := chartCSV(t, ch)
	if last := rows[len(rows)-1]; last[0] != "2028-03" {
		t.Errorf("last month %v", last)
	}
	if !strings.Contains(strings.Join(comments, "\n"), "Months after 2026-11-22 show the steps") {
		t.Errorf("comments %v", comments)
	}
}

func TestDeckPositionSlides(t *testing.T) {
	d, err := report.Deck(shared, []string{"today", "sectoral-deal"}, report.DeckOptions{Widescreen: true, Today: today, Created: created,
		Slides: []string{report.SlideLeverage, report.SlideRanges, report.SlideDeal, report.SlideSources}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range d.Slides {
		titles = append(titles, s.Title)
		// Every position slide is a native chart.
		if s.Picture != nil || s.Chart == nil || s.Footnote == "" || s.Notes == "" {
			t.Errorf("%s: picture %v, chart %v", s.Title, s.Picture != nil, s.Chart != nil)
			continue
		}
		if strings.HasPrefix(s.Title, "Trade effect") {
			checkRangesSlide(t, s)
		}
	}
	want := []string{"Who depends on whom: leverage by sector", "Trade effect by sector, P10–P90",
		"Who depends on whom: leverage by sector", "Trade effect by sector, P10–P90", "What the proposal gets and gives Canada"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("slides %q", titles)
	}
	if !strings.Contains(d.Slides[4].Notes, "measures both ways in force") {
		t.Errorf("deal notes: %s", d.Slides[4].Notes[:200])
	}
	src := strings.Join(d.Sources, "\n")
	if !strings.Contains(src, "ISED") || !strings.Contains(src, "Ranges: the P10–P90 ranges cover") {
		t.Errorf("sources slide:\n%s", src)
	}
	// Not in a deck by default.
	d, err = report.Deck(shared, []string{"today"}, report.DeckOptions{Today: today, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Slides {
		if strings.Contains(s.Title, "depends") || strings.Contains(s.Title, "P10") {
			t.Errorf("default deck has %q", s.Title)
		}
	}
}

// checkRangesSlide checks a ranges slide as its reader would: each sector's
// fall in imports floats from its P10 to its P90 on a hidden bar, in two
// parts that meet at the central estimate, its label gives the three
// figures, the sentence gives the total's, and the footnote says what the
// ranges cover.
func checkRangesSlide(t *testing.T, s deck.Slide) {
	t.Helper()
	c := s.Chart
	if !c.Stacked || !c.Horizontal || len(c.Series) != 3 || !c.Series[0].Hidden || c.Series[1].Hidden || c.Series[2].Hidden {
		t.Fatalf("%s: not a floating range chart: %+v", s.Title, c)
	}
	label := regexp.MustCompile(`^.+: (≤ ?)?([0-9.,]+) \(([0-9.,]+)–([0-9.,]+)\)$`)
	for k, cat := range c.Categories {
		base, low, high := c.Series[0].Values[k], c.Series[1].Values[k], c.Series[2].Values[k]
		if base < 0 || low < 0 || high < 0 {
			t.Errorf("%s: %s floats on %v, %v, %v", s.Title, cat, base, low, high)
		}
		m := label.FindStringSubmatch(cat)
		if m == nil {
			t.Errorf("%s: category %q gives no central estimate and range", s.Title, cat)
			continue
		}
		for i, v := range []float64{base + low, base, base + low + high} {
			if got, want := m[2+i], strconv.FormatFloat(v, 'f', 1, 64); got != want {
				t.Errorf("%s: category %q gives %s where the bar is at %s", s.Title, cat, got, want)
			}
		}
	}
	if !regexp.MustCompile(`^US imports from Canada fall by (≤ )?US\$ [0-9.]+ (bn|M) at the central estimate, P10–P90 US\$ [0-9.]+ (bn|M) to US\$ [0-9.]+ (bn|M)\.$`).MatchString(s.Lead) {
		t.Errorf("%s: lead %q", s.Title, s.Lead)
	}
	if !strings.Contains(s.Footnote, "P10–P90: the 10th to 90th percentile over 10000 Monte Carlo draws") ||
		!strings.Contains(s.Footnote, "so the ranges are around the point estimate. They cover the CUSMA claim share") {
		t.Errorf("%s: the footnote does not say what the ranges cover:\n%s", s.Title, s.Footnote)
	}
}
