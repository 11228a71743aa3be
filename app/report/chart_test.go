package report_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

func TestChartMeta(t *testing.T) {
	const aug = "August 2025: 35% on non-CUSMA goods"
	tests := []struct {
		name     string
		req      report.ChartRequest
		title    string
		subtitle string
		foot     []string // substrings of the footnote
	}{
		{"exposure", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}},
			"Duty at stake by sector", aug + " · as of 2025-08-15 · baseline 2024 trade · Canada → US",
			[]string{"Baseline trade 2024 (US$), Canada → US by HTS10 product: US Census Bureau",
				"Baseline trade 2024 (US$), US → Canada by HS chapter (no product-level data for flows into Canada): US DOT Bureau of Transportation Statistics",
				"CUSMA claim shares (h2-2025", "Import demand elasticities (hauk2012)",
				"Evidence: IEEPA EO of 2025-07-31; Product list us-ieepa-energy-ca (294 codes); Product list us-ieepa-potash-ca (7 codes); Hillman: progress in talks after 35% tariff announcement (004_00f7d1e281d38557)",
				"Proclamation 10947 (2025-06-03)"}},
		{"by name", report.ChartRequest{Kind: charts.Dutiable, Scenarios: []string{strings.ToUpper(aug)}},
			"What a CUSMA claim spares, by sector", aug + " · as of 2025-08-15 · baseline 2024 trade · Canada → US", nil},
		{"counter-tariffs pick the direction into Canada", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"ca-counter-2025"}},
			"Duty at stake by sector", "Canada's counter-tariffs of March 2025 · as of 2025-04-15 · baseline 2024 trade · US → Canada",
			[]string{"Evidence: Customs Tariff (US Surtax) Order 2025-1; Surtax order 2025-03-13; Surtax order 2025-04-09."}},
		{"direction given", report.ChartRequest{Kind: charts.Tornado, Scenarios: []string{"aug-2025"}, Direction: scenarios.UStoCA},
			"What moves the totals: sensitivity", aug + " · as of 2025-08-15 · baseline 2024 trade · US → Canada", nil},
		{"as of another date", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}, AsOf: scenarios.MustDate("2025-06-30")},
			"Duty at stake by sector", aug + " · as of 2025-06-30 · baseline 2024 trade · Canada → US", nil},
		{"timeline", report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"today"}, Today: today},
			"Effective tariff rate by month", "Today: the regime in force · 2025-01-01 to 2028-03-31 · baseline 2024 trade · Canada → US", // to the scheduled annex III step of 2028-01-01
			[]string{"SCOTUS 2026-02-20", "Trade Act 1974 s.122"}},
		{"compare names the scenarios in its legend", report.ChartRequest{Kind: charts.Compare, Scenarios: []string{"aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025"}},
			"Duty at stake by sector: 3 scenarios compared", "As of 2025-08-15 · baseline 2024 trade · Canada → US",
			[]string{"Baseline trade 2024 (US$)", "Evidence: "}},
		{"compare on different dates", report.ChartRequest{Kind: charts.Compare, Scenarios: []string{"today", "aug-2025"}, Today: today},
			"Duty at stake by sector: 2 scenarios compared", "As of 2026-11-22, 2025-08-15 (in legend order) · baseline 2024 trade · Canada → US", nil},
		{"dutiable into Canada says there is no claim data", report.ChartRequest{Kind: charts.Dutiable, Scenarios: []string{"ca-counter-2025"}},
			"What a CUSMA claim spares, by sector", "Canada's counter-tariffs of March 2025 · as of 2025-04-15 · baseline 2024 trade · US → Canada",
			[]string{"Flows into Canada have no CUSMA claim-share data"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := report.Chart(shared, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if ch.Kind != tt.req.Kind || ch.Meta.Title != tt.title || ch.Meta.Subtitle != tt.subtitle {
				t.Errorf("got %s %q / %q\nwant %s %q / %q", ch.Kind, ch.Meta.Title, ch.Meta.Subtitle, tt.req.Kind, tt.title, tt.subtitle)
			}
			foot := strings.Join(ch.Meta.Footnote, "\n")
			for _, want := range tt.foot {
				if !strings.Contains(foot, want) {
					t.Errorf("footnote lacks %q:\n%s", want, foot)
				}
			}
			if strings.Contains(foot, "commodity_detail.csv") {
				t.Errorf("a chart's footnote keeps file paths:\n%s", foot)
			}
			if strings.Contains(foot, "; source:") {
				t.Errorf("citations are not cut to their legal reference:\n%s", foot)
			}
		})
	}
}

// TestChartNumbersAreTheCalculation checks that a chart shows the
// calculation's figures and adds none: the exposure chart's rows sum to
// the computed total.
func TestChartNumbersAreTheCalculation(t *testing.T) {
	for _, id := range []string{"aug-2025", "threat-25", "ca-counter-2025"} {
		t.Run(id, func(t *testing.T) {
			ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{id}, FullFootnote: true, AllSectors: true})
			if err != nil {
				t.Fatal(err)
			}
			res, err := shared.Compute(id, scenarios.Date{})
			if err != nil {
				t.Fatal(err)
			}
			dir := scenarios.CAtoUS
			if strings.Contains(ch.Meta.Subtitle, scenarios.UStoCA.Label()) {
				dir = scenarios.UStoCA
			}
			rows, comments := chartCSV(t, ch)
			duty := column(t, rows[0], "duty_usd")
			sum := 0.0
			for _, r := range rows[1:] {
				v, err := strconv.ParseFloat(r[duty], 64)
				if err != nil {
					t.Fatal(err)
				}
				sum += v
			}
			if want := res.Totals[dir.Index()].Duty; math.Abs(sum-want) > 0.01 {
				t.Errorf("rows sum to %.2f, the calculation gives %.2f", sum, want)
			}
			if len(rows) != 1+26 {
				t.Errorf("%d rows, want 26 sectors", len(rows)-1)
			}
			// A CSV asked for in full keeps the source lines as they are.
			sources, _ := shared.SourceLines(scenarios.DefaultAssumptions())
			all := strings.Join(comments, "\n")
			for _, s := range sources {
				if !strings.Contains(all, s) {
					t.Errorf("CSV lacks the source line %q", s)
				}
			}
		})
	}
}

func TestChartTop(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}, Top: 5, AllSectors: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := chartCSV(t, ch)
	if len(rows) != 1+6 || !strings.HasPrefix(rows[6][1], "All other (21 sectors)") {
		t.Errorf("top 5: %d rows, last %v", len(rows)-1, rows[len(rows)-1])
	}
	// By default the sectors with nothing to show are left out, and the
	// footnote says so.
	ch, err = report.Chart(shared, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}})
	if err != nil {
		t.Fatal(err)
	}
	rows, comments := chartCSV(t, ch)
	res, err := shared.Compute("aug-2025", scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	zero := 0
	for _, f := range res.DirectionFlows(scenarios.CAtoUS) {
		if f.Duty == 0 && f.TradeChange == 0 {
			zero++
		}
	}
	if len(rows)-1 != 26-zero {
		t.Errorf("%d rows, want the %d sectors with duty", len(rows)-1, 26-zero)
	}
	if zero > 0 && !strings.Contains(strings.Join(comments, "\n"), "with no duty at stake") {
		t.Errorf("the footnote does not say that %d sectors are left out: %q", zero, comments)
	}
}

// TestTimelineToday checks that the "today" scenario over January 2025 to
// today shows the history of the measure library month by month, and runs
// on to the step it schedules on 2028-01-01 (annex III at 25%).
func TestTimelineToday(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"today"}, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := chartCSV(t, ch)
	if len(rows) != 1+39 || rows[1][0] != "2025-01" || rows[23][0] != "2026-11" || rows[39][0] != "2028-03" {
		t.Fatalf("months %v … %v (%d)", rows[1][:2], rows[len(rows)-1][:2], len(rows)-1)
	}
	rate := column(t, rows[0], "effective_rate")
	distinct := map[string]bool{}
	for _, r := range rows[1:] {
		distinct[r[rate]] = true
	}
	if rows[1][rate] != "0" || len(distinct) < 8 {
		t.Errorf("January 2025 rate %s, %d distinct rates; want 0 and the library's history", rows[1][rate], len(distinct))
	}

	// A range given on the command line.
	ch, err = report.Chart(shared, report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"aug-2025"},
		From: scenarios.MustDate("2025-03-15"), To: scenarios.MustDate("2025-06-10")})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = chartCSV(t, ch)
	if len(rows) != 1+4 || rows[1][0] != "2025-03" || rows[4][1] != "2025-06-10" {
		t.Errorf("range: %v", rows)
	}
	if !strings.Contains(ch.Meta.Subtitle, "2025-03-01 to 2025-06-10") {
		t.Errorf("subtitle %q", ch.Meta.Subtitle)
	}
}

func TestChartFlagsUnevidencedMeasures(t *testing.T) {
	ws := newWorkspace(t)
	sc := &scenarios.Scenario{
		Name:        "Bare tariff",
		AsOf:        scenarios.MustDate("2025-08-15"),
		Assumptions: scenarios.DefaultAssumptions(),
		Measures: []scenarios.Measure{{
			ID: "bare-10", Label: "A 10% tariff nobody announced", Imposer: scenarios.ImposerUS,
			Sectors: map[string]float64{"*": 1}, Rate: 0.1, From: scenarios.MustDate("2025-01-01"),
		}},
	}
	id, err := ws.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := report.Chart(ws, report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	foot := strings.Join(ch.Meta.Footnote, "\n")
	if !strings.Contains(foot, "No evidence cited for: A 10% tariff nobody announced (bare-10).") || strings.Contains(foot, "Evidence:") {
		t.Errorf("footnote:\n%s", foot)
	}
}

func TestChartErrors(t *testing.T) {
	tests := []struct {
		name string
		req  report.ChartRequest
		msg  string
	}{
		{"unknown kind", report.ChartRequest{Kind: "pie", Scenarios: []string{"aug-2025"}}, `unknown chart kind "pie"`},
		{"no kind", report.ChartRequest{Scenarios: []string{"aug-2025"}}, "unknown chart kind"},
		{"unknown scenario", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"nope"}}, `no scenario with id or name "nope"`},
		{"two for exposure", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025", "today"}}, "takes exactly one scenario, got 2"},
		{"none", report.ChartRequest{Kind: charts.Timeline}, "takes exactly one scenario, got 0"},
		{"one to compare", report.ChartRequest{Kind: charts.Compare, Scenarios: []string{"aug-2025"}}, "takes 2 to 4 scenarios, got 1"},
		{"five to compare", report.ChartRequest{Kind: charts.Compare, Scenarios: []string{"aug-2025", "today", "threat-25", "sectoral-deal", "aluminum-relief"}}, "got 5"},
		{"the same scenario twice", report.ChartRequest{Kind: charts.Compare, Scenarios: []string{"aug-2025", "August 2025: 35% on non-CUSMA goods"}}, "given twice"},
		{"empty reference", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{" "}}, "empty scenario"},
		{"bad direction", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}, Direction: "north"}, `direction "north"`},
		{"negative top", report.ChartRequest{Kind: charts.Exposure, Scenarios: []string{"aug-2025"}, Top: -1}, "top -1"},
		{"range backwards", report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"aug-2025"}, From: scenarios.MustDate("2025-06-01"), To: scenarios.MustDate("2025-01-01")}, "before its start"},
		{"end before the default start", report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"aug-2025"}, To: scenarios.MustDate("2024-01-31"), From: scenarios.MustDate("2025-01-01")}, "before its start"},
		{"range too long", report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"aug-2025"}, From: scenarios.MustDate("1900-01-01")}, "longer than 600 months"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := report.Chart(shared, tt.req)
			if err == nil || ch != nil {
				t.Fatalf("no error (chart %v)", ch)
			}
			if !storage.IsBadInput(err) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q (bad input: %v), want %q", err, storage.IsBadInput(err), tt.msg)
			}
		})
	}
}

// TestTimelineBefore2025 checks that an as-of date before 2025 starts the
// timeline in its own month rather than failing.
func TestTimelineBefore2025(t *testing.T) {
	ch, err := report.Chart(shared, report.ChartRequest{Kind: charts.Timeline, Scenarios: []string{"aug-2025"}, AsOf: scenarios.MustDate("2024-06-15")})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := chartCSV(t, ch)
	if len(rows) != 2 || rows[1][0] != "2024-06" {
		t.Errorf("rows %v", rows)
	}
}

func TestHelpers(t *testing.T) {
	t.Run("compact source", func(t *testing.T) {
		for in, want := range map[string]string{
			"Baseline trade 2024 (US$): US DOT BTS, TransBorder, as processed in unt-clscm/BTS (03-Processed-Data/csv/commodity_detail.csv), summed.": "Baseline trade 2024 (US$): US DOT BTS, TransBorder, as processed in unt-clscm/BTS, summed.",
			`Import demand elasticities (hauk2012): Hauk, W. (2012), "Estimating", EE (imports/hs6imports/hs6elasticities.dta, field x).`:             `Import demand elasticities (hauk2012): Hauk, W. (2012), "Estimating", EE.`,
			"User assumptions: AUTOS CUSMA share = 0.5.":               "User assumptions: AUTOS CUSMA share = 0.5.",
			"No colon at all (a long parenthesis that stays as it is)": "No colon at all (a long parenthesis that stays as it is)",
		} {
			if got := report.CompactSource(in); got != want {
				t.Errorf("CompactSource(%q)\n = %q\nwant %q", in, got, want)
			}
		}
	})
	t.Run("short citation", func(t *testing.T) {
		for in, want := range map[string]string{
			"Proclamation 10947 (2025-06-03); source: alstontrade.com; tariff-rate-tracker": "Proclamation 10947 (2025-06-03)",
			"Executive order of 2025-07-31 (IEEPA)":                                         "Executive order of 2025-07-31 (IEEPA)",
			"IEEPA EO 14193 (Feb 1 2025), source: thompsoncoburn.com/insights/x":            "IEEPA EO 14193 (Feb 1 2025)",
			strings.Repeat("word ", 30):                                                     strings.TrimSpace(strings.Repeat("word ", 17)) + "…",
		} {
			if got := report.ShortCitation(in); got != want {
				t.Errorf("ShortCitation(%q) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("evidence line", func(t *testing.T) {
		items := []string{"aaaa", "bbbb", "cccc"}
		if got := report.EvidenceLine(items, 0, ""); got != "Evidence: aaaa; bbbb; cccc." {
			t.Errorf("all: %q", got)
		}
		if got := report.EvidenceLine(items, 22, " (in the notes)"); got != "Evidence: aaaa; bbbb; and 1 more (in the notes)." {
			t.Errorf("cut: %q", got)
		}
		if got := report.EvidenceLine(items, 1, ""); got != "Evidence: aaaa; and 2 more." {
			t.Errorf("at least one: %q", got)
		}
	})
	t.Run("rate", func(t *testing.T) {
		for in, want := range map[float64]string{0.35: "35%", 0.3519: "35.19%", 0.1: "10%", 0: "0%", 1.5: "150%"} {
			if got := report.RateText(in); got != want {
				t.Errorf("RateText(%v) = %q, want %q", in, got, want)
			}
		}
	})
}
