package storage_test

import (
	"math"
	"path/filepath"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// lawLine evaluates one HTS10 line of flows into the US in a built-in
// scenario on a date, and returns its flow and what each measure adds to its
// tariff, by measure id.
type lawLine struct {
	flow  scenarios.LineFlow
	added map[string]float64
	cover map[string]scenarios.Cover
}

func evalLine(t *testing.T, w *storage.Workspace, id, code, date string, extra ...scenarios.Measure) lawLine {
	t.Helper()
	sc, err := w.Scenario(id)
	if err != nil {
		t.Fatal(err)
	}
	sc.Measures = append(sc.Measures, extra...)
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	found := m.FindLines(scenarios.CAtoUS, code, 0)
	if len(found) != 1 || m.Line(scenarios.CAtoUS, found[0]).Code != code {
		t.Fatalf("line %s: found %v", code, found)
	}
	lf, cs := m.ExplainLine(sc, scenarios.CAtoUS, found[0], scenarios.MustDate(date))
	out := lawLine{flow: lf, added: map[string]float64{}, cover: map[string]scenarios.Cover{}}
	for _, c := range cs {
		out.added[c.Measure.ID] += c.Added
		out.cover[c.Measure.ID] = c.Cover
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// libraryMeasure returns the library measure with the given id.
func libraryMeasure(t *testing.T, w *storage.Workspace, id string) scenarios.Measure {
	t.Helper()
	lib, err := w.Library()
	if err != nil {
		t.Fatal(err)
	}
	for _, lm := range lib {
		if lm.Measure.ID == id {
			return lm.Measure
		}
	}
	t.Fatalf("no library measure %s", id)
	return scenarios.Measure{}
}

// TestLawSection301ForcedLabor: heading 9903.05.29, 10% on products of
// Canada from 2026-07-24 (HTSUS ch.99 U.S. note 52(a)); exempt the
// USMCA-claimed share (note 52(g)), Section 232 articles (note 52(f)) and
// the common exemption list (note 52(b)-(e)). Section 122 (9903.03.01) was
// 10% to 2026-07-23 and never 15%.
func TestLawSection301ForcedLabor(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	// 8606.92.00.00, open rail cars: on no exemption list, no claim share.
	rail := evalLine(t, w, "today", "8606920000", "2026-12-06")
	if !near(rail.added["US-S301FL-CA"], 0.10) || rail.flow.CUSMAShare != 0 {
		t.Errorf("8606.92.00.00 on 2026-12-06: Section 301 adds %v (claim %v), want 10%%", rail.added["US-S301FL-CA"], rail.flow.CUSMAShare)
	}
	before := evalLine(t, w, "today", "8606920000", "2026-07-23")
	if before.added["US-S301FL-CA"] != 0 || !near(before.added["US-S122"], 0.10) {
		t.Errorf("8606.92.00.00 on 2026-07-23: Section 301 %v, Section 122 %v; want 0 and 10%%", before.added["US-S301FL-CA"], before.added["US-S122"])
	}
	if after := evalLine(t, w, "today", "8606920000", "2026-07-24"); after.added["US-S122"] != 0 || !near(after.added["US-S301FL-CA"], 0.10) {
		t.Errorf("8606.92.00.00 on 2026-07-24: Section 122 %v, Section 301 %v", after.added["US-S122"], after.added["US-S301FL-CA"])
	}
	// 9018.39.00.40 has a USMCA-claimed share: only the rest pays.
	cath := evalLine(t, w, "today", "9018390040", "2026-12-06")
	if c := cath.flow.CUSMAShare; c <= 0 || c >= 1 || !near(cath.added["US-S301FL-CA"], 0.10*(1-c)) {
		t.Errorf("9018.39.00.40: claim %v, Section 301 adds %v, want 10%% of the unclaimed share", c, cath.added["US-S301FL-CA"])
	}
	// Section 232 articles pay no Section 301: a passenger vehicle (Section
	// 232 autos) and unwrought aluminum (annex I-A).
	for _, code := range []string{"8703230140", "7601106090"} {
		l := evalLine(t, w, "today", code, "2026-12-06")
		if l.added["US-S301FL-CA"] != 0 {
			t.Errorf("%s is a Section 232 article but pays Section 301 %v", code, l.added["US-S301FL-CA"])
		}
	}
	// Note 52(b), unconditional: natural gas 2711.21.00.00 (no claim share).
	if gas := evalLine(t, w, "today", "2711210000", "2026-12-06"); gas.added["US-S301FL-CA"] != 0 {
		t.Errorf("2711.21.00.00 is exempt under note 52(b) but pays %v", gas.added["US-S301FL-CA"])
	}
	// Note 52(d), civil aircraft: exempt in Today (its conditions taken as
	// met); the conditional variant charges it, the upper bound.
	cond := libraryMeasure(t, w, "US-S301FL-CA-CONDITIONAL")
	jet := evalLine(t, w, "today", "8411124000", "2026-12-06", cond)
	if jet.added["US-S301FL-CA"] != 0 || !near(jet.added["US-S301FL-CA-CONDITIONAL"], 0.10*(1-jet.flow.CUSMAShare)) {
		t.Errorf("8411.12.40.00: Section 301 %v, conditional %v", jet.added["US-S301FL-CA"], jet.added["US-S301FL-CA-CONDITIONAL"])
	}
	// Note 52(c), described articles: charged, and an upper bound.
	pastry := evalLine(t, w, "today", "1905901041", "2026-12-06")
	if pastry.added["US-S301FL-CA"] <= 0 || !pastry.flow.UpperBound {
		t.Errorf("1905.90.10.41 (note 52(c)): Section 301 %v, upper bound %v", pastry.added["US-S301FL-CA"], pastry.flow.UpperBound)
	}
	// Section 122 never pays 15%.
	for _, lm := range mustLibrary(t, w) {
		if lm.Measure.Program == "S122" && lm.Measure.Rate != 0.10 {
			t.Errorf("%s: rate %v, the surcharge was 10%%", lm.Measure.ID, lm.Measure.Rate)
		}
	}
}

func mustLibrary(t *testing.T, w *storage.Workspace) []storage.LibraryMeasure {
	t.Helper()
	lib, err := w.Library()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestLawSection338: collection from 2026-08-22 (Proclamation 11056); the
// lists of 2026-09-15 (Proclamations 11064 and 11065), when the Section 232
// exclusion (9903.03.15) narrows to the dairy list; the bans of 2026-09-29
// (Proclamations 11061-11063).
func TestLawSection338(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	// 2206.00.90.30 (alcohol list 51(b)(1)): nothing on 2026-08-21, 50%
	// from 2026-08-22.
	if l := evalLine(t, w, "today", "2206009030", "2026-08-21"); l.added["US-S338"] != 0 {
		t.Errorf("2206.00.90.30 pays Section 338 %v on 2026-08-21", l.added["US-S338"])
	}
	if l := evalLine(t, w, "today", "2206009030", "2026-08-22"); !near(l.added["US-S338"], 0.5) {
		t.Errorf("2206.00.90.30 on 2026-08-22: Section 338 %v, want 50%%", l.added["US-S338"])
	}
	// 1518.00.40 was added to list 51(b)(1) on 2026-09-15.
	if l := evalLine(t, w, "today", "1518004000", "2026-09-14"); l.flow.Tariff != 0 {
		t.Errorf("1518.00.40.00 on 2026-09-14: tariff %v, want 0", l.flow.Tariff)
	}
	if l := evalLine(t, w, "today", "1518004000", "2026-09-15"); !near(l.added["US-S338-0915"], 0.5) {
		t.Errorf("1518.00.40.00 on 2026-09-15: Section 338 %v, want 50%%", l.added["US-S338-0915"])
	}
	// 8537.10.91.70, a Section 232 auto part on list 51(b)(3) (under
	// 8537.10.91 to 2026-09-14, as a statistical number from 2026-09-15):
	// excluded through 9903.03.15 before 2026-09-15, stacking from then.
	b := evalLine(t, w, "today", "8537109170", "2026-09-14")
	a := evalLine(t, w, "today", "8537109170", "2026-09-15")
	if b.cover["US-S338"].Coverage() != 1 || b.added["US-S338"] >= 0.5 || !near(a.added["US-S338-0915"], 0.5) {
		t.Errorf("8537.10.91.70: Section 338 %v on 2026-09-14 (yields to Section 232), %v on 2026-09-15 (stacks)", b.added["US-S338"], a.added["US-S338-0915"])
	}
	// 8537.10.91.20 left the list when 8537.10.91 was narrowed.
	if l := evalLine(t, w, "today", "8537109120", "2026-09-15"); l.added["US-S338-0915"] != 0 {
		t.Errorf("8537.10.91.20 pays Section 338 %v from 2026-09-15", l.added["US-S338-0915"])
	}
	// The dairy list keeps the exclusion: 0404.10.05.00 pays 50% (no
	// Section 232 on it).
	if l := evalLine(t, w, "today", "0404100500", "2026-12-06"); !near(l.added["US-S338-DAIRY-0915"], 0.5) {
		t.Errorf("0404.10.05.00: Section 338 %v", l.added["US-S338-DAIRY-0915"])
	}
	// Bans from 2026-09-29: 2208.70.00.30 in any container, 2206.00.90.30
	// only when packaged for retail (an upper bound).
	sc, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code, ban string
		partial   bool
	}{{"2208700030", "US-S338-BANS", false}, {"8711500060", "US-S338-BANS", false}, {"2206009030", "US-S338-BANS-RETAIL", true}} {
		var ban *scenarios.Measure
		for i := range sc.Measures {
			if sc.Measures[i].ID == c.ban {
				ban = &sc.Measures[i]
			}
		}
		if ban == nil || ban.Kind != scenarios.KindBan || ban.Rate != 0 || ban.From != scenarios.MustDate("2026-09-29") {
			t.Fatalf("%s in Today: %+v", c.ban, ban)
		}
		i := m.FindLines(scenarios.CAtoUS, c.code, 0)[0]
		one := scenarios.Scenario{Name: "ban", Assumptions: sc.Assumptions, Measures: []scenarios.Measure{*ban}}
		_, cs := m.ExplainLine(&one, scenarios.CAtoUS, i, scenarios.MustDate("2026-09-29"))
		if len(cs) != 1 || cs[0].Cover.Coverage() != 1 {
			t.Errorf("%s: ban %s covers %+v on 2026-09-29", c.code, c.ban, cs)
		}
		if _, cs := m.ExplainLine(&one, scenarios.CAtoUS, i, scenarios.MustDate("2026-09-28")); len(cs) != 0 {
			t.Errorf("%s: ban %s active on 2026-09-28", c.code, c.ban)
		}
		if got := contains(ban.UpperBound, "FOOD"); got != c.partial {
			t.Errorf("%s: FOOD upper bound %v, want %v", c.ban, got, c.partial)
		}
		// In Today: the line's whole trade is banned from 2026-09-29 and
		// owes no duty; the day before it pays the 50%.
		on := evalLine(t, w, "today", c.code, "2026-09-29")
		if on.flow.Banned != on.flow.Baseline || on.flow.Baseline <= 0 || on.flow.Duty != 0 || on.flow.UpperBound != c.partial {
			t.Errorf("%s on 2026-09-29: banned %v of %v, duty %v, upper bound %v", c.code, on.flow.Banned, on.flow.Baseline, on.flow.Duty, on.flow.UpperBound)
		}
		if on.flow.TradeChange != -on.flow.Baseline {
			t.Errorf("%s on 2026-09-29: trade effect %v, want all of %v", c.code, on.flow.TradeChange, on.flow.Baseline)
		}
		before := evalLine(t, w, "today", c.code, "2026-09-28")
		if before.flow.Banned != 0 || !near(before.added["US-S338-0915"], 0.5) || before.flow.Duty < 0.5*before.flow.Baseline*(1-1e-12) {
			t.Errorf("%s on 2026-09-28: banned %v, Section 338 %v, duty %v of %v", c.code, before.flow.Banned, before.added["US-S338-0915"], before.flow.Duty, before.flow.Baseline)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestLawWoodProducts: headings 9903.76.02/.03, 25% from 2025-10-14 to
// 2026-12-31, then 30% and 50% (Proclamation 11000, announced).
func TestLawWoodProducts(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	for _, c := range []struct {
		code         string
		before, from float64
	}{{"9403409060", 0.25, 0.50}, {"9401614031", 0.25, 0.30}} {
		b := evalLine(t, w, "today", c.code, "2026-12-31")
		a := evalLine(t, w, "today", c.code, "2027-01-01")
		if !near(b.flow.Tariff, c.before) || !near(a.flow.Tariff, c.from) {
			t.Errorf("%s: %v on 2026-12-31, %v on 2027-01-01; want %v and %v", c.code, b.flow.Tariff, a.flow.Tariff, c.before, c.from)
		}
	}
	for _, id := range []string{"US-232-WOODPROD-2027-FURN", "US-232-WOODPROD-2027-CAB"} {
		if m := libraryMeasure(t, w, id); m.Status != scenarios.StatusAnnounced {
			t.Errorf("%s: status %q, want announced", id, m.Status)
		}
	}
}

// TestLawThreat: the threatened 50% on Canadian cars, trucks, parts and
// steel (announced 2026-08-24 for 2027-01-01, no instrument) is never active
// in Today and active in Threats of 2027.
func TestLawThreat(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	threat := libraryMeasure(t, w, "US-THREAT-CA-AUTO-STEEL-50")
	if threat.Status != scenarios.StatusThreatened || len(threat.UpperBound) == 0 {
		t.Fatalf("threat: status %q, upper bound %v", threat.Status, threat.UpperBound)
	}
	for _, date := range []string{"2026-12-06", "2027-01-01", "2027-06-30"} {
		if l := evalLine(t, w, "today", "8703230140", date); l.added[threat.ID] != 0 {
			t.Errorf("Today on %s: the threat adds %v", date, l.added[threat.ID])
		}
	}
	th, err := w.Scenario("threats-2027")
	if err != nil {
		t.Fatal(err)
	}
	if !th.Assumptions.IncludeThreats || th.AsOf != scenarios.MustDate("2027-01-01") {
		t.Errorf("threats-2027: include_threats %v, as of %s", th.Assumptions.IncludeThreats, th.AsOf)
	}
	if l := evalLine(t, w, "threats-2027", "8703230140", "2027-01-01"); !near(l.added[threat.ID], 0.5) || !l.flow.UpperBound {
		t.Errorf("Threats of 2027: the threat adds %v (upper bound %v), want 50%%", l.added[threat.ID], l.flow.UpperBound)
	}
}

// TestProposalsOnToday: the deals on today's regime share Today's date,
// baseline year and dataset, and change only what the deal changes.
func TestProposalsOnToday(t *testing.T) {
	w, _ := storagetest.Open(t, storage.Open)
	today, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sectoral-deal", "aluminum-relief", "sectoral-pact"} {
		sc, err := w.Scenario(id)
		if err != nil {
			t.Fatal(err)
		}
		a, b := sc.Assumptions, today.Assumptions
		if !sc.AsOfToday || sc.EvalDate() != today.EvalDate() || a.BaselineYear != b.BaselineYear ||
			a.Granularity != b.Granularity || a.Datasets != b.Datasets || a.CUSMAShares != b.CUSMAShares {
			t.Errorf("%s is not like Today: %s %+v, Today %s %+v", id, sc.EvalDate(), a, today.EvalDate(), b)
		}
	}
	for _, c := range []struct {
		id, code string
		want     float64
	}{
		{"today", "7601106090", 0.5},         // aluminum, annex I-A
		{"sectoral-deal", "7601106090", 0},   // lifted, and no Section 301 either
		{"sectoral-deal", "7408116000", 0.5}, // copper stays
		{"aluminum-relief", "7601106090", 0.25},
		{"aluminum-relief", "7408116000", 0.5},
		{"sectoral-pact", "8606920000", 0.10}, // outside the pact sectors
	} {
		if l := evalLine(t, w, c.id, c.code, "2026-12-06"); !near(l.flow.Tariff, c.want) {
			t.Errorf("%s, %s: tariff %v, want %v (%v)", c.id, c.code, l.flow.Tariff, c.want, l.added)
		}
	}
	// Aluminum relief splits annex I-A by chapter (76 against 72, 73 and
	// 74): that holds only while the annex lists steel, aluminum and copper
	// articles of those chapters.
	lists, err := w.Lists()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range lists["us-s232-annex-1a"].Codes {
		switch code[:2] {
		case "72", "73", "74", "76":
		default:
			t.Errorf("annex I-A lists %s, outside chapters 72-74 and 76: aluminum-relief would charge it twice", code)
		}
	}
	// The pact frees AUTOS of the Section 232 and 301 duties.
	if l := evalLine(t, w, "sectoral-pact", "8703230140", "2026-12-06"); l.flow.Tariff != 0 {
		t.Errorf("sectoral-pact-today, 8703.23.01.40: tariff %v (%v)", l.flow.Tariff, l.added)
	}
}

// TestUpgradeCarriesTheProposals opens a workspace made with the built-ins of
// defaults version 2 (testdata/schema2.parley.gz): the deals the user never
// changed become the proposals on today's regime under their ids, their
// August 2025 versions and Threats of 2027 are added, and Today takes the
// measures since mid-2026.
func TestUpgradeCarriesTheProposals(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.parley")
	gunzipFile(t, "testdata/schema2.parley.gz", path)
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for id, wantToday := range map[string]bool{"sectoral-deal": true, "aluminum-relief": true, "sectoral-pact": true,
		"sectoral-deal-aug-2025": false, "aluminum-relief-aug-2025": false, "sectoral-pact-aug-2025": false} {
		sc, err := w.Scenario(id)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if sc.AsOfToday != wantToday || !wantToday && sc.AsOf != scenarios.MustDate("2025-08-15") {
			t.Errorf("%s: follows today %v, as of %s", id, sc.AsOfToday, sc.AsOf)
		}
	}
	th, err := w.Scenario("threats-2027")
	if err != nil || !th.Assumptions.IncludeThreats {
		t.Errorf("threats-2027: %v, include_threats %v", err, th.Assumptions.IncludeThreats)
	}
	today, err := w.Scenario("today")
	if err != nil {
		t.Fatal(err)
	}
	var s301 bool
	for _, m := range today.Measures {
		s301 = s301 || m.ID == "US-S301FL-CA"
	}
	if !s301 {
		t.Error("Today lacks the Section 301 forced-labor duty after the upgrade")
	}
}
