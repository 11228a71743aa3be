package storage_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// TestLibraryCanadaSharesTraceToSources recomputes the sector coverage of
// Canada's surtax lists on chapter data from the reference data: 2024 US
// exports to Canada on the lists' HS6 codes over the sector's 2024 US
// exports to Canada (BTS), clipped to 1.
func TestLibraryCanadaSharesTraceToSources(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	lib, err := w.Library()
	if err != nil {
		t.Fatal(err)
	}
	sectorOf := map[string]string{}
	for _, r := range storagetest.SharedCSV(t, "sector_hs2_mapping.csv") {
		sectorOf[r["hs2"]] = r["sector_code"]
	}
	bts := map[string]float64{}
	for _, r := range storagetest.SharedCSV(t, "bts_transborder_us_canada_hs2_2023_2025.csv") {
		if r["year"] == "2024" {
			v, _ := strconv.ParseFloat(r["us_exports_to_canada_usd"], 64)
			bts[sectorOf[r["hs2"]]] += v
		}
	}
	metal := func(s string) bool { return s == "STEEL" || s == "ALUMINUM" }
	shares := func(file string, keep func(string) bool) map[string]float64 {
		num := map[string]float64{}
		for _, r := range storagetest.SharedCSV(t, "products/twt/"+file) {
			code := r["hs-code"]
			for len(code) < 6 {
				code = "0" + code
			}
			if s := sectorOf[code[:2]]; keep(s) {
				v, _ := strconv.ParseFloat(r["exports"], 64)
				num[s] += v
			}
		}
		out := map[string]float64{}
		for s, v := range num {
			if v > 0 {
				out[s] = math.Min(1, v/bts[s])
			}
		}
		return out
	}
	want := map[string]map[string]float64{
		"CA-CM-1":       shares("canada-US-exports-030425.csv", func(string) bool { return true }),
		"CA-CM-2":       shares("canada-steel-US-exports-031225.csv", metal),
		"CA-CM-2-OTHER": shares("canada-steel-US-exports-031225.csv", func(s string) bool { return !metal(s) }),
	}
	found := 0
	for _, lm := range lib {
		w, ok := want[lm.Measure.ID]
		if !ok {
			continue
		}
		found++
		got := lm.Measure.Sectors
		if len(got) != len(w) {
			t.Errorf("%s: %d sectors, want %d: %v", lm.Measure.ID, len(got), len(w), got)
		}
		for s, v := range w {
			if math.Abs(got[s]-v) > 1e-12 {
				t.Errorf("%s %s: coverage %v, the sources give %v", lm.Measure.ID, s, got[s], v)
			}
		}
		if len(lm.Measure.UpperBound) != len(w) {
			t.Errorf("%s: upper bound on %v, want every covered sector", lm.Measure.ID, lm.Measure.UpperBound)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d measures", found, len(want))
	}
}

// TestLibraryScopes checks that every library measure is valid, cites the
// source of each list it names, and that the legal scopes of docs/SPEC.md section 1
// are kept: the IEEPA duties exclude the energy and potash lists, Section
// 338 takes its three lists and excludes aircraft, derivatives carry content.
func TestLibraryScopes(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	lib, err := w.Library()
	if err != nil {
		t.Fatal(err)
	}
	lists, err := w.Lists()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]scenarios.Measure{}
	for _, lm := range lib {
		m := lm.Measure
		byID[m.ID] = m
		if m.Products == nil {
			continue
		}
		for _, e := range append(append([]string(nil), m.Products.Include...), m.Products.Exclude...) {
			name, ok := strings.CutPrefix(e, scenarios.ListPrefix)
			if !ok {
				continue
			}
			l := lists[name]
			if l == nil {
				t.Errorf("%s names unknown list %s", m.ID, name)
				continue
			}
			cited := false
			for _, ev := range m.Evidence {
				if strings.Contains(ev.Citation, "Product list "+name) && strings.Contains(ev.Citation, l.Source) {
					cited = true
				}
			}
			if !cited {
				t.Errorf("%s does not cite the source of list %s", m.ID, name)
			}
		}
	}
	has := func(entries []string, e string) bool {
		for _, x := range entries {
			if x == e {
				return true
			}
		}
		return false
	}
	for _, id := range []string{"US-IEEPA-1", "US-IEEPA-4"} {
		p := byID[id].Products
		if p == nil || !has(p.Exclude, "list:us-ieepa-energy-ca") || !has(p.Exclude, "list:us-ieepa-potash-ca") {
			t.Errorf("%s does not exclude the energy and potash lists: %+v", id, p)
		}
	}
	s338 := byID["US-S338"]
	if p := s338.Products; p == nil || !has(p.Include, "list:us-s338-alcohol") || !has(p.Include, "list:us-s338-dairy") ||
		!has(p.Include, "list:us-s338-list-3") || !has(p.Exclude, "list:us-s338-aircraft-exempt") || !has(s338.YieldsTo, "S232") {
		t.Errorf("US-S338 scope = %+v, yields %v", p, s338.YieldsTo)
	}
	for id, kind := range map[string]string{"US-232-STEEL-DERIV-AUG": "steel", "US-232-ALU-DERIV-AUG": "aluminum", "US-232-COPPER": "copper"} {
		if byID[id].Content != kind {
			t.Errorf("%s content = %q, want %s", id, byID[id].Content, kind)
		}
	}
	autos := byID["US-232-AUTOS"]
	if !autos.CUSMAExempt || autos.CUSMAExemptShare == nil || *autos.CUSMAExemptShare != 0.4 {
		t.Errorf("US-232-AUTOS: exempt %v share %v, want the tracker's 0.40 US content", autos.CUSMAExempt, autos.CUSMAExemptShare)
	}
	for _, id := range []string{"US-232-METALS-ANNEX", "US-232-METALS-ANNEX-1B", "US-232-METALS-ANNEX-3"} {
		if m := byID[id]; m.Content != "" || m.From.String() != "2026-04-06" {
			t.Errorf("%s: content %q from %s; the annexes apply to full value from 2026-04-06", id, m.Content, m.From)
		}
	}
}
