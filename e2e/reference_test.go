package e2e

// The one reader of the reference data in ../shared/data that both
// independent implementations of the calculation (cli_e2e_test.go at chapter
// level, spec_lines_test.go over trade lines) start from, and slReadCSV,
// the record reader the other tests of the reference files use. It reads the
// raw files, never Parley's code or its embedded copies of them.

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"parley/storage/storagetest"
)

// slLine is one trade line of a direction's baseline.
type slLine struct {
	code, sector, desc string
	v                  float64
}

// sharedRef is the chapter-level data of ../shared/data that docs/SPEC.md
// section 2 needs: sectors, chapter trade, CUSMA share presets, elasticities.
type sharedRef struct {
	sectors     []string                    // the 26 sector codes, in file order
	sectorOf    map[string]string           // HS2 -> sector
	chapters    map[int]map[string][]slLine // year -> direction -> chapter lines
	sectorShare map[string]float64          // preset h2-2025-sector
	monthShare  map[string]float64          // month preset -> all-goods share
	elast       map[string]float64          // hauk2012, FERT and SPECIAL imputed
}

// slFloat parses a number of the reference data; anything else fails the test.
func slFloat(t *testing.T, s, what string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", what, s)
	}
	return v
}

// loadSharedRef reads the chapter-level reference data (see
// storagetest.SharedPath for when ../shared is missing).
func loadSharedRef(t *testing.T) *sharedRef {
	t.Helper()
	ref := &sharedRef{sectorOf: map[string]string{}, chapters: map[int]map[string][]slLine{},
		sectorShare: map[string]float64{}, monthShare: map[string]float64{}, elast: map[string]float64{}}
	for _, r := range storagetest.SharedCSV(t, "sector_hs2_mapping.csv") {
		if !slices.Contains(ref.sectors, r["sector_code"]) {
			ref.sectors = append(ref.sectors, r["sector_code"])
		}
		ref.sectorOf[r["hs2"]] = r["sector_code"]
	}
	if len(ref.sectors) != 26 {
		t.Fatalf("%d sectors in sector_hs2_mapping.csv, want 26", len(ref.sectors))
	}
	for _, r := range storagetest.SharedCSV(t, "bts_transborder_us_canada_hs2_2023_2025.csv") {
		y, err := strconv.Atoi(r["year"])
		if err != nil {
			t.Fatalf("bts year %q", r["year"])
		}
		if ref.chapters[y] == nil {
			ref.chapters[y] = map[string][]slLine{}
		}
		hs2 := r["hs2"]
		ref.chapters[y]["ca_to_us"] = append(ref.chapters[y]["ca_to_us"],
			slLine{code: hs2, sector: ref.sectorOfLine(t, hs2), desc: r["commodity"], v: slFloat(t, r["us_imports_from_canada_usd"], "bts")})
		ref.chapters[y]["us_to_ca"] = append(ref.chapters[y]["us_to_ca"],
			slLine{code: hs2, sector: ref.sectorOfLine(t, hs2), desc: r["commodity"], v: slFloat(t, r["us_exports_to_canada_usd"], "bts")})
	}
	for _, r := range storagetest.SharedCSV(t, "derived_usmca_claim_share_canada_by_sector_H2_2025.csv") {
		ref.sectorShare[r["sector_code"]] = slFloat(t, r["usmca_share"], "sector share")
	}
	for _, r := range storagetest.SharedCSV(t, "derived_usmca_claim_share_canada_monthly_2025_2026.csv") {
		ref.monthShare[r["month"]] = slFloat(t, r["usmca_share"], "monthly share")
	}
	var known []float64
	for _, r := range storagetest.SharedCSV(t, "sector_baseline_2024.csv") {
		if s := strings.TrimSpace(r["hauk_us_import_demand_elast_median"]); s != "" {
			v := slFloat(t, s, "hauk")
			ref.elast[r["sector_code"]] = v
			known = append(known, v)
		}
	}
	sort.Float64s(known)
	var median float64
	if n := len(known); n%2 == 1 {
		median = known[n/2]
	} else {
		median = (known[n/2-1] + known[n/2]) / 2
	}
	for _, s := range ref.sectors {
		if _, ok := ref.elast[s]; !ok {
			ref.elast[s] = median
		}
	}
	return ref
}

// slReadCSV reads a CSV of ../shared with a real CSV reader, every record
// (no header handling), for files with a varying number of fields or none.
func slReadCSV(t *testing.T, rel string) [][]string {
	t.Helper()
	b, err := os.ReadFile(storagetest.SharedPath(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", rel, err)
	}
	return recs
}

// sectorOfLine is the sector of a chapter or line code (its first two
// digits); a chapter with no sector fails the test.
func (ref *sharedRef) sectorOfLine(t *testing.T, code string) string {
	t.Helper()
	s, ok := ref.sectorOf[code[:2]]
	if !ok {
		t.Fatalf("line %s: chapter %s has no sector", code, code[:2])
	}
	return s
}
