package e2e

// The oracle's own reading of the lists of the update of 2026-12 (the
// measures since mid-2026): written from the files of
// ../shared/data/updates/2026-12 and their SOURCES.md, not from Parley's
// generator. It selects rows by other columns than the generator where the
// files allow it (Canada's order by instrument and rate, the bans by whether
// the scope says "packaged"), so that a wrong selection on either side shows.

import (
	"strings"
	"testing"
)

// slUpdateDir is the update folder under ../shared/data.
const slUpdateDir = "data/updates/2026-12/"

// slUpdateLists adds to raw the lists built from the update of 2026-12.
func slUpdateLists(t *testing.T, raw map[string][]string) {
	t.Helper()
	rows := func(file string) []map[string]string {
		recs := slReadCSV(t, slUpdateDir+file)
		if len(recs) < 2 {
			t.Fatalf("%s: no rows", file)
		}
		var out []map[string]string
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				if i < len(r) {
					m[strings.TrimSpace(h)] = strings.TrimSpace(r[i])
				}
			}
			out = append(out, m)
		}
		return out
	}
	// Section 301 forced labor: the common exemptions of U.S. note 52(b)-(e)
	// by their condition.
	for _, r := range rows("us_s301_forced_labor_common_exemptions.csv") {
		name := "us-s301fl-exempt-" + r["condition"]
		raw[name] = append(raw[name], r["hts_code"])
	}
	// Section 338 from 2026-09-15: headings 9903.03.12 (alcohol), .13
	// (dairy) and .14 (list 3).
	byHeading := map[string]string{"9903.03.12": "us-s338-alcohol-0915", "9903.03.13": "us-s338-dairy-0915", "9903.03.14": "us-s338-list-3-0915"}
	for _, r := range rows("us_s338_canada_lists_from_2026-09-15.csv") {
		name, ok := byHeading[r["ch99_heading"]]
		if !ok {
			t.Fatalf("Section 338 list: unknown heading %q", r["ch99_heading"])
		}
		raw[name] = append(raw[name], r["hts"])
	}
	// The bans of 2026-09-29: those whose scope is only retail packaging,
	// and the rest.
	for _, r := range rows("us_s338_canada_import_bans_2026-09-29.csv") {
		name := "us-s338-bans"
		if strings.HasPrefix(r["ban_scope"], "packaged") {
			name = "us-s338-bans-retail"
		}
		raw[name] = append(raw[name], r["hts"])
	}
	// Canada's 2026 order (P.C. 2026-0785) by rate, and its steel and
	// aluminum schedules as amended (P.C. 2026-0786) by rate; schedule 4
	// has no rate of its own.
	for _, r := range rows("ca_us_surtax_2026_tariff_items.csv") {
		rate := r["surtax_rate_pct"]
		if rate == "" {
			continue
		}
		name := "ca-surtax-2026-" + rate
		if strings.Contains(r["instrument"], "Steel and Aluminum") {
			name = "ca-surtax-metals-2026-" + rate
		}
		raw[name] = append(raw[name], r["tariff_item"])
	}
	for _, name := range []string{"us-s301fl-exempt-full", "us-s301fl-exempt-ex", "us-s301fl-exempt-aircraft", "us-s301fl-exempt-pharma",
		"us-s338-alcohol-0915", "us-s338-dairy-0915", "us-s338-list-3-0915", "us-s338-bans", "us-s338-bans-retail",
		"ca-surtax-2026-15", "ca-surtax-2026-25", "ca-surtax-2026-50", "ca-surtax-metals-2026-50", "ca-surtax-metals-2026-25"} {
		if len(raw[name]) == 0 {
			t.Fatalf("update list %s: no codes", name)
		}
	}
}
