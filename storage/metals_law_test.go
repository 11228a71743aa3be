package storage_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// annexSection returns the text of one annex of the Section 232 metals
// annexes (in force 2026-04-06): from its heading to the next annex.
func annexSection(t *testing.T, heading string) string {
	t.Helper()
	raw, err := os.ReadFile(storagetest.SharedPath(t, "evidence/s232_metals_annexes_text.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	i := strings.Index(text, heading)
	if i < 0 {
		t.Fatalf("the annex text has no %q", heading)
	}
	rest := text[i+len(heading):]
	if j := strings.Index(rest, "\nAnnex "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// listed reports whether the annex text lists provision (written as in the
// text, e.g. "7306" or "9403.99.9020") as a token of its own.
func listed(section, provision string) bool {
	for _, f := range strings.Fields(section) {
		if f == provision {
			return true
		}
	}
	return false
}

// todayRates returns, for every ca_to_us line of the Today scenario whose
// code starts with prefix, the duty rate each active library measure adds on
// the date (rate * coverage after precedence * dutiable share).
func todayRates(t *testing.T, prefix, date string) map[string]map[string]float64 {
	t.Helper()
	w, _ := storagetest.Open(t, storage.Open)
	sc, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	d, err := scenarios.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]float64{}
	for i := 0; i < m.LineCount(scenarios.CAtoUS); i++ {
		if l := m.Line(scenarios.CAtoUS, i); strings.HasPrefix(l.Code, prefix) {
			out[l.Code] = map[string]float64{}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no line of Today starts with %s", prefix)
	}
	for _, lt := range m.Contributions(sc, scenarios.CAtoUS, d) {
		code := m.Line(scenarios.CAtoUS, lt.Index).Code
		if out[code] == nil {
			continue
		}
		for _, term := range lt.Terms {
			out[code][sc.Measures[term.Measure].ID] += term.Rate * term.Cov * (1 - lt.Share*term.Exempt)
		}
	}
	return out
}

// s232 is the sum of the Section 232 duties of a line.
func s232(rates map[string]float64) float64 {
	s := 0.0
	for id, r := range rates {
		if strings.HasPrefix(id, "US-232-") {
			s += r
		}
	}
	return s
}

// TestMetalsAnnexesAgainstTheText checks Today's Section 232 metals duties
// on lines the annexes of 2026-04-06 name, citing the annex text: annex I-A
// ("50% Section 232 Tariff on Full Value") lists headings 7210, 7225, 7304
// and 7306 among its steel articles, so their lines pay 50%; it does not
// list pig iron (7201), ferroalloys (7202), steel scrap (7204) or refined
// copper cathodes (7403.11); annex II ("will not be subject to Section 232
// aluminum, steel or copper tariffs") lists 9403.99.90.20, which annex I-B
// also lists, and annex II wins.
func TestMetalsAnnexesAgainstTheText(t *testing.T) {
	ia := annexSection(t, "Annex I-A:")
	ib := annexSection(t, "Annex I-B:")
	ii := annexSection(t, "Annex II:")
	for _, p := range []string{"7210", "7225", "7304", "7306"} {
		if !listed(ia, p) {
			t.Fatalf("annex I-A does not list %s", p)
		}
	}
	for _, p := range []string{"7201", "7202", "7204", "7403.11", "7403.11.00"} {
		if listed(ia, p) {
			t.Fatalf("annex I-A lists %s", p)
		}
	}
	if !listed(ib, "9403.99.9020") || !listed(ii, "9403.99.90.20") {
		t.Fatal("9403.99.90.20 is not in both annex I-B and annex II")
	}
	const date = "2026-12-06"
	for _, c := range []struct {
		prefix string
		want   float64
		why    string
	}{
		{"7210490091", 0.5, "annex I-A, heading 7210 (flat-rolled, clad, plated or coated)"},
		{"722592", 0.5, "annex I-A, heading 7225 (flat-rolled alloy steel)"},
		{"7306611000", 0.5, "annex I-A, heading 7306 (tubes, pipes and hollow profiles)"},
		{"7304293110", 0.5, "annex I-A, heading 7304 (seamless casing)"},
		{"7201", 0, "pig iron: no annex"},
		{"7202", 0, "ferroalloys: no annex"},
		{"7204", 0, "steel scrap: no annex"},
		{"740311", 0, "refined copper cathodes: no annex"},
		{"9403999020", 0, "annex II removes it, though annex I-B lists it"},
	} {
		for code, rates := range todayRates(t, c.prefix, date) {
			if got := s232(rates); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("%s on %s: Section 232 metals duty %.4f, want %.2f (%s): %v", code, date, got, c.want, c.why, rates)
			}
			if c.want > 0 && math.Abs(rates["US-232-METALS-ANNEX"]-c.want) > 1e-9 {
				t.Errorf("%s: annex I-A adds %.4f, want %.2f (%s)", code, rates["US-232-METALS-ANNEX"], c.want, c.why)
			}
		}
	}
}

// TestSteelAluminumArticlesBeforeTheAnnexes checks the duty of 2025 on the
// articles the proclamations list: steel articles of Proclamation 9705 as
// amended (7206.10 through 7216.50, ..., 7304.10 through 7306.90, the same
// provisions annex I-A's steel list names) and aluminum articles of
// Proclamation 9704 (7601, 7604-7609), at 50% from 2025-06-04; not pig iron
// (7201), ferroalloys (7202), steel scrap (7204), aluminum waste and scrap
// (7602) or whole chapters.
func TestSteelAluminumArticlesBeforeTheAnnexes(t *testing.T) {
	ia := annexSection(t, "Annex I-A:")
	for _, p := range []string{"7210", "7306", "7601", "7606"} {
		if !listed(ia, p) {
			t.Fatalf("annex I-A does not list %s", p)
		}
	}
	const date = "2025-08-18"
	for _, c := range []struct {
		prefix string
		want   float64
	}{
		{"7210490091", 0.5}, {"7306611000", 0.5}, {"7601", 0.5}, {"7606", 0.5},
		{"7201", 0}, {"7202", 0}, {"7204", 0}, {"7602", 0},
	} {
		for code, rates := range todayRates(t, c.prefix, date) {
			if got := s232(rates); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("%s on %s: Section 232 duty %.4f, want %.2f: %v", code, date, got, c.want, rates)
			}
		}
	}
}

// TestDerivativesOnBothListsPayOnce checks that 3004.90.92 medicaments pay
// at most the 50% of one derivative duty: 90 FR 40326 (FR doc 2025-15819)
// lists 3004.90.9244 as both a steel and an aluminum derivative, not the
// other lines of 3004.90.92, and the duty is owed on the metal content,
// which cannot exceed the good's value.
func TestDerivativesOnBothListsPayOnce(t *testing.T) {
	for _, date := range []string{"2025-08-18", "2026-01-15"} {
		lines := todayRates(t, "30049092", date)
		for code, rates := range lines {
			got := rates["US-232-STEEL-DERIV-AUG"] + rates["US-232-ALU-DERIV-AUG"]
			switch {
			case got > 0.5+1e-9:
				t.Errorf("%s on %s: derivative duties %.4f > 50%%: %v", code, date, got, rates)
			case code == "3004909244" && math.Abs(got-0.5) > 1e-9:
				t.Errorf("%s on %s: %.4f, want one 50%% duty on the full value (no content share): %v", code, date, got, rates)
			case code != "3004909244" && got != 0:
				t.Errorf("%s on %s: derivative duty %.4f, but the notice lists only 3004.90.9244", code, date, got)
			}
		}
		if _, ok := lines["3004909244"]; !ok {
			t.Fatal("no line 3004909244")
		}
	}
}

// TestSemiconductorsNotAutoParts checks that 8471.80.40.00 (units of
// automatic data processing machines, within the 8471.80 scope of the
// semiconductor annex, heading 9903.79.01) pays the 25% semiconductor duty
// and no auto parts duty, and that the mobile industrial equipment of U.S.
// note 16(c)(xi) (8429.51.10, front-end loaders) pays 25% from 2026-06-08
// instead of annex I-B.
func TestSemiconductorsNotAutoParts(t *testing.T) {
	for code, rates := range todayRates(t, "8471804000", "2026-12-06") {
		if rates["US-232-SEMICONDUCTORS"] != 0.25 || rates["US-232-AUTOPARTS"] != 0 {
			t.Errorf("%s: %v, want semiconductors 25%% and no auto parts duty", code, rates)
		}
	}
	for code, rates := range todayRates(t, "8471804000", "2026-01-15") {
		if rates["US-232-SEMICONDUCTORS"] != 0 {
			t.Errorf("%s: semiconductor duty before 2026-01-16: %v", code, rates)
		}
	}
	for code, rates := range todayRates(t, "842951", "2026-12-06") {
		if rates["US-232-METALS-PP11032"] != 0.25 || s232(rates) != 0.25 {
			t.Errorf("%s: %v, want the 25%% of Proclamation 11032 alone", code, rates)
		}
	}
}
