package storage_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/defaults"
	"parley/storage/storagetest"
)

func TestSectorsAndBaselineMatchTheReferenceData(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	sectors, err := w.Sectors()
	if err != nil {
		t.Fatal(err)
	}
	mapping := storagetest.SharedCSV(t, "sector_hs2_mapping.csv")
	var order []string
	sectorOf := map[string]string{}
	for _, r := range mapping {
		if !slices.Contains(order, r["sector_code"]) {
			order = append(order, r["sector_code"])
		}
		sectorOf[r["hs2"]] = r["sector_code"]
	}
	if len(sectors) != 26 || len(order) != 26 {
		t.Fatalf("%d sectors, reference has %d", len(sectors), len(order))
	}
	for i, s := range sectors {
		if s.Code != order[i] || s.Short == "" || s.Name == "" || len(s.Chapters) == 0 {
			t.Errorf("sector %d = %+v, want code %s", i, s, order[i])
		}
	}
	for _, year := range []int{2023, 2024, 2025} {
		want := [2]map[string]float64{{}, {}}
		for _, r := range storagetest.SharedCSV(t, "bts_transborder_us_canada_hs2_2023_2025.csv") {
			if r["year"] != strconv.Itoa(year) {
				continue
			}
			im, _ := strconv.ParseFloat(r["us_imports_from_canada_usd"], 64)
			ex, _ := strconv.ParseFloat(r["us_exports_to_canada_usd"], 64)
			want[0][sectorOf[r["hs2"]]] += im
			want[1][sectorOf[r["hs2"]]] += ex
		}
		a := scenarios.DefaultAssumptions()
		a.BaselineYear = year
		a.Granularity = scenarios.GranularityChapter // the BTS chapter lines
		m, err := w.Model(a)
		if err != nil {
			t.Fatal(err)
		}
		for d := 0; d < 2; d++ {
			for i, s := range m.Sectors {
				if got := m.Baseline[d][i]; got != want[d][s.Code] {
					t.Errorf("%d %s direction %d: V = %v, want the exact sum %v", year, s.Code, d, got, want[d][s.Code])
				}
			}
		}
	}
}

func TestPresetsMatchTheReferenceData(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	defs, err := w.SectorDefaults(scenarios.DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	shares := map[string]float64{}
	for _, r := range storagetest.SharedCSV(t, "derived_usmca_claim_share_canada_by_sector_H2_2025.csv") {
		shares[r["sector_code"]], _ = strconv.ParseFloat(r["usmca_share"], 64)
	}
	elast := map[string]string{}
	var known []float64
	for _, r := range storagetest.SharedCSV(t, "sector_baseline_2024.csv") {
		elast[r["sector_code"]] = r["hauk_us_import_demand_elast_median"]
		if v, err := strconv.ParseFloat(r["hauk_us_import_demand_elast_median"], 64); err == nil {
			known = append(known, v)
		}
	}
	// The median of the 24 known values is the mean of the 12th and 13th: (1.03 + 1.11) / 2.
	if m := defaults.Median(known); m < 1.0699999 || m > 1.0700001 || len(known) != 24 {
		t.Fatalf("median of %d values = %v, want 1.07", len(known), m)
	}
	for _, d := range defs {
		if d.CUSMAShare != shares[d.Sector] || d.CUSMASource == "" {
			t.Errorf("%s CUSMA share = %v (%s), want %v", d.Sector, d.CUSMAShare, d.CUSMASource, shares[d.Sector])
		}
		if s := elast[d.Sector]; s == "" {
			if !d.ElasticityImputed || d.Elasticity != defaults.Median(known) {
				t.Errorf("%s elasticity = %v imputed %v, want the imputed median", d.Sector, d.Elasticity, d.ElasticityImputed)
			}
		} else if v, _ := strconv.ParseFloat(s, 64); d.Elasticity != v || d.ElasticityImputed {
			t.Errorf("%s elasticity = %v, want %v", d.Sector, d.Elasticity, v)
		}
	}
	for _, s := range []string{"FERT", "SPECIAL"} {
		if elast[s] != "" {
			t.Errorf("%s has a Hauk value now: update this test", s)
		}
	}
	presets, _ := w.CUSMAPresets()
	months := storagetest.SharedCSV(t, "derived_usmca_claim_share_canada_monthly_2025_2026.csv")
	// h2-2025 (by line), h2-2025-sector, one per month, dataset.
	if len(presets) != 3+len(months) || presets[0].Name != "h2-2025" || presets[0].LineShares != "h2-2025" ||
		presets[1].Name != "h2-2025-sector" || presets[1].LineShares != "" || presets[len(presets)-1].Name != "dataset" {
		t.Fatalf("presets = %v", presets)
	}
	a := scenarios.DefaultAssumptions()
	a.CUSMAShares = "2025-01"
	jan, err := w.SectorDefaults(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range jan {
		if d.CUSMAShare != 0.345 {
			t.Errorf("2025-01 %s = %v, want 0.345 for every sector", d.Sector, d.CUSMAShare)
		}
	}
}

func TestBuiltinScenarios(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	list, err := w.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"threat-25", "aug-2025", "sectoral-deal", "aluminum-relief", "sectoral-pact", "ca-counter-2025", "today", "threats-2027",
		"sectoral-deal-aug-2025", "aluminum-relief-aug-2025", "sectoral-pact-aug-2025"}
	if len(list) != len(wantIDs) {
		t.Fatalf("%d scenarios", len(list))
	}
	docs := map[string]string{}
	ds, _ := w.Evidence().Documents()
	for _, d := range ds {
		full, _ := w.Evidence().Document(d.ID)
		docs[d.ID] = full.Body
	}
	for i, info := range list {
		if info.ID != wantIDs[i] || !info.Builtin || info.Unevidenced != 0 {
			t.Errorf("scenario %d = %+v", i, info)
		}
		sc, err := w.Scenario(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sc.Measures {
			if len(m.Evidence) == 0 {
				t.Errorf("%s/%s has no evidence", info.ID, m.ID)
			}
			for _, e := range m.Evidence {
				if e.Document != "" && !scenarios.QuoteIn(e.Quote, docs[e.Document]) {
					t.Errorf("%s/%s: quote %q not in %s", info.ID, m.ID, e.Quote, e.Document)
				}
			}
			if _, all := m.Sectors["*"]; all && m.Sectors["SPECIAL"] != 0 {
				t.Errorf("%s/%s covers SPECIAL", info.ID, m.ID)
			}
			if _, named := m.Sectors["SPECIAL"]; all(m) && !named {
				t.Errorf("%s/%s: a measure on all sectors must name SPECIAL with coverage 0", info.ID, m.ID)
			}
		}
		res, err := w.Compute(info.ID, scenarios.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Totals[0].Duty+res.Totals[1].Duty <= 0 {
			t.Errorf("%s has no duty at stake", info.ID)
		}
		for _, f := range res.Flows {
			if f.Sector == "SPECIAL" && f.Duty != 0 {
				t.Errorf("%s: SPECIAL has duty %v", info.ID, f.Duty)
			}
		}
	}
	today, _ := w.Resolve("today")
	if !today.AsOfToday || today.EvalDate() != scenarios.Today() {
		t.Errorf("today = %+v", today)
	}
	// The scenarios' documents: each seed document 001..004 is quoted.
	quoted := map[string]bool{}
	for _, id := range wantIDs {
		sc, _ := w.Scenario(id)
		for _, m := range sc.Measures {
			for _, e := range m.Evidence {
				quoted[e.Document] = true
			}
		}
	}
	for _, d := range []string{"001_fed2ad31c1cb5dad", "002_6a07a3839574c52e", "003_f8669ab6327d71ba", "004_00f7d1e281d38557"} {
		if !quoted[d] {
			t.Errorf("no built-in scenario quotes %s", d)
		}
	}
}

func all(m scenarios.Measure) bool { _, ok := m.Sectors["*"]; return ok }

func TestLibraryCoversEveryMeasureRow(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	lib, err := w.Library()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, lm := range lib {
		rows[lm.Row] = true
		cited := false
		for _, e := range lm.Measure.Evidence {
			cited = cited || strings.Contains(e.Citation, lm.LegalBasis)
		}
		if !cited {
			t.Errorf("%s: evidence %+v does not cite its legal basis %q", lm.Measure.ID, lm.Measure.Evidence, lm.LegalBasis)
		}
		// An undated measure was never applied, and says so.
		if lm.Measure.From.IsZero() && lm.Remark == "" {
			t.Errorf("%s: no date and no status", lm.Measure.ID)
		}
	}
	for _, r := range storagetest.SharedCSV(t, "tariff_measures_canada_us_2025_2026.csv") {
		if !rows[r["id"]] {
			t.Errorf("row %s is not in the library", r["id"])
		}
	}
}

func TestSourceLines(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	a := scenarios.DefaultAssumptions()
	a.Overrides.CUSMAShare = map[string]float64{"AUTOS": 0.5}
	lines, err := w.SourceLines(a)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"Bureau of Transportation Statistics", "Budget-Lab-Yale", "Hauk", "User assumptions: AUTOS CUSMA share = 0.5"} {
		if !strings.Contains(joined, want) {
			t.Errorf("source lines lack %q:\n%s", want, joined)
		}
	}
}
