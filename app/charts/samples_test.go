package charts_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// sampleCharts returns one chart of each kind (and variants) built on the
// fixture, by file stem.
func sampleCharts(t testing.TB) map[string]*charts.Chart {
	m := fixtureModel(t, true)
	long := fixtureModel(t, false)
	aug := august2025()
	res := m.Evaluate(aug, aug.AsOf)
	sub := aug.Name + " · as of 2025-08-15 · baseline 2024 trade"
	out := map[string]*charts.Chart{
		"exposure":       charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, meta("Duty at stake by sector", sub)),
		"exposure-top10": charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 10, meta("Duty at stake: ten largest sectors", sub)),
		"exposure-long":  charts.NewExposure(long.Evaluate(aug, aug.AsOf), scenarios.CAtoUS, long.Sectors, 0, meta("Duty at stake by sector", sub)),
		"exposure-usca":  charts.NewExposure(res, scenarios.UStoCA, m.Sectors, 0, meta("Canada's counter-tariffs: duty at stake", sub)),
		"exposure-empty": charts.NewExposure(m.Evaluate(aug, scenarios.MustDate("2024-06-30")), scenarios.CAtoUS, m.Sectors, 0, meta("Duty at stake by sector", "no measures in force")),
	}
	longMeta := meta("Duty at stake by sector under the August 2025 regime, with Section 232 measures on steel, aluminum, autos and copper", sub+" · elasticities Hauk (2012) · CUSMA claim shares H2 2025")
	for i := 0; i < 8; i++ {
		longMeta.Footnote = append(longMeta.Footnote, "Evidence "+strconv.Itoa(i+1)+": seed 00"+strconv.Itoa(i%5+1)+" \u201ca long passage quoted from the evidence library that supports the measure and its rate, its dates and its coverage of the sector\u201d; Executive order and Federal Register notice cited in full.")
	}
	out["exposure-notes"] = charts.NewExposure(res, scenarios.CAtoUS, m.Sectors, 0, longMeta)
	deal := sectoralDeal()
	out["dutiable"] = charts.NewDutiable(res, scenarios.CAtoUS, m.Sectors, meta("Trade claimed under CUSMA", sub))
	out["dutiable-usca"] = charts.NewDutiable(res, scenarios.UStoCA, m.Sectors, meta("US goods into Canada: no CUSMA claim data", sub))
	results := []scenarios.Result{m.Evaluate(threat(), threat().AsOf), res, m.Evaluate(deal, aug.AsOf)}
	cmp3, err := charts.NewCompare(results, scenarios.CAtoUS, m.Sectors, 0, meta("Duty at stake: three scenarios", "as of each scenario's date · baseline 2024 trade"))
	if err != nil {
		t.Fatal(err)
	}
	out["compare"] = cmp3
	cmp4, err := charts.NewCompare(append(results, m.Evaluate(aug, scenarios.MustDate("2025-05-01"))), scenarios.CAtoUS, m.Sectors, 10, meta("Duty at stake: four scenarios, ten largest sectors", "baseline 2024 trade"))
	if err != nil {
		t.Fatal(err)
	}
	out["compare-top10"] = cmp4
	pts, err := m.Timeline(aug, scenarios.MustDate("2025-01-01"), scenarios.MustDate("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := charts.NewTimeline(pts, scenarios.CAtoUS, meta("Tariffs on Canadian goods month by month", aug.Name+" · baseline 2024 trade"))
	if err != nil {
		t.Fatal(err)
	}
	out["timeline"] = tl
	pts5, _ := m.Timeline(aug, scenarios.MustDate("2021-01-01"), scenarios.MustDate("2026-06-30"))
	tl5, err := charts.NewTimeline(pts5, scenarios.CAtoUS, meta("Tariffs on Canadian goods since 2021", aug.Name))
	if err != nil {
		t.Fatal(err)
	}
	out["timeline-long"] = tl5
	base, swings := m.Sensitivity(aug, aug.AsOf)
	out["tornado"] = charts.NewTornado(base, swings, scenarios.CAtoUS, meta("What moves the result", sub))
	return out
}

// TestWriteSamples writes every sample chart as PNG (1920x1080, 1600x1200,
// 800x600, and 1920x1080 at scale 2) and SVG into the folder named by
// CHARTS_SAMPLES, for looking at.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CHARTS_SAMPLES")
	if dir == "" {
		t.Skip("set CHARTS_SAMPLES to a folder to write sample charts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, ch := range sampleCharts(t) {
		for _, sz := range []charts.Size{charts.Slide169, charts.Slide43, {800, 600}} {
			f, err := os.Create(filepath.Join(dir, name+"-"+sz.String()+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := ch.PNG(f, sz, 1); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		f, err := os.Create(filepath.Join(dir, name+"-1920x1080@2.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ch.PNG(f, charts.Slide169, 2); err != nil {
			t.Fatal(err)
		}
		f.Close()
		f, err = os.Create(filepath.Join(dir, name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ch.SVG(f, charts.Slide169); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
