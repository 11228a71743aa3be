package e2e

// The oracle's own reading of the Section 232 lists that Parley builds from
// the legal texts rather than copies from a tracker file: written from the
// texts in ../shared/evidence and the raw files, not from Parley's generator.

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"parley/storage/storagetest"
)

// slAnnexToken is an HTS provision as the metals annexes write it.
var slAnnexToken = regexp.MustCompile(`^[0-9]{4}(\.[0-9]{2}){0,3}$|^[0-9]{4}\.[0-9]{2}\.[0-9]{4}$`)

// slAnnexLabels are the column labels that open some lines of codes.
var slAnnexLabels = strings.NewReplacer("Steel", "", "Aluminum", "", "Copper", "", "Derivatives", "", "Derivative", "", "Articles", "")

// slAnnexes reads annexes I-A, I-B, II and III of the metals annexes text:
// a line lists provisions when, its column labels removed, it holds no
// letter and at least one token, every token a provision.
func slAnnexes(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(storagetest.SharedPath(t, "evidence/s232_metals_annexes_text.txt"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"Annex I-A:": "1a", "Annex I-B:": "1b", "Annex II:": "2", "Annex III:": "3"}
	out := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimLeft(line, "\f") // a page break may open a heading
		if strings.HasPrefix(line, "Annex ") {
			cur = ""
			for h, n := range names {
				if strings.HasPrefix(line, h) {
					cur = n
				}
			}
			continue
		}
		if cur == "" {
			continue
		}
		rest := slAnnexLabels.Replace(line)
		if strings.IndexFunc(rest, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) >= 0 {
			continue
		}
		toks := strings.Fields(rest)
		ok := len(toks) > 0
		for _, tk := range toks {
			ok = ok && slAnnexToken.MatchString(tk)
		}
		if ok {
			for _, tk := range toks {
				out[cur] = append(out[cur], slDigits(tk))
			}
		}
	}
	for _, n := range names {
		if len(out[n]) == 0 {
			t.Fatalf("annex %s: no provisions read", n)
		}
	}
	return out
}

// slRange is an HS6 range "from through to" of a proclamation.
type slRange struct{ from, to string }

// slSteelRanges are Proclamation 9705's steel articles as amended; the
// aluminum articles of Proclamation 9704 are single provisions.
var (
	slSteelRanges = []slRange{{"720610", "721650"}, {"721699", "730110"}, {"730210", "730210"},
		{"730240", "730290"}, {"730410", "730690"}}
	slAluminumArticles = []string{"7601", "7604", "7605", "7606", "7607", "7608", "7609", "7616995160", "7616995170"}
)

// slFR40326HTS10 are the provisions 90 FR 40326 (FR doc 2025-15819) lists at
// 10 digits, by metal (note 16(n)(3) steel, note 19(k) aluminum), read from
// the notice's PDF.
var slFR40326HTS10 = map[string]string{
	"steel": `2106909998 2710193050 2711120020 2804290010 2804400000 2901220000 2903421000 2903710100 3004909244
3824999397 3827610000 3827620000 3827630000 3827640000 3827650000 7216910010 7302909000 8202390040 8207200070
8207306062 8207306095 8401400000 8406904000 8410900000 8412909070 8412909075 8413919055 8413919060 8413919096
8417900000 8424100000 8443160000 8454200010 8454200060 8455904000 8455908000 8477908601 8480490010 8480718045
8480718060 8480799010 8482105004 8482105008 8482105012 8482105016 8482105024 8482105028 8482105032 8482105036
8482105052 8482105056 8482105060 8482105064 8482105068 8482200064 8482200067 8482200090 8483101010 8483101050
8483405020 8501640110 8502310000 8504909634 8504909638 8504909642 8607190300 8607301010 8607301050 8607301090
8701210080 8701220080 8701230080 8701240080 8701290080 8705900010 8705900020 9403999010 9403999015 9403999020
9403999040 9403999045 9403999051 9403999061`,
	"aluminum": `2106909998 2710193050 3004909244 3701300000 3824999397 7308200035 7612100000 7612905000 7613000000
8307906000 8309900020 8309900025 8412909070 8412909075 8419501000 8443160000 8483405020 8483905020 8501640110
8502310000 8503009546 8503009570 8544492000 8544499000 8544602000 8544606000 8716390040`,
}

// slCoverageLists are compared with Parley's by the trade lines they cover,
// not code by code: the oracle expands the proclamations' HS6 ranges, Parley
// writes them as headings.
var slCoverageLists = map[string]bool{"us-s232-steel-articles": true}

// slMetalsLists adds to raw the lists built from the legal texts, replacing
// the tracker's annex, derivative and auto parts lists.
func (ref *slRef) slMetalsLists(t *testing.T, raw map[string][]string) {
	t.Helper()
	annex := slAnnexes(t)
	for _, a := range []string{"1a", "1b", "2", "3"} {
		raw["us-s232-annex-"+a] = annex[a]
	}
	var lines []string
	for _, l := range append(append([]slLine(nil), ref.hts2024...), ref.hts2025...) {
		lines = append(lines, l.code)
	}
	in := func(c string, set []string) bool {
		for _, p := range set {
			if strings.HasPrefix(c, p) {
				return true
			}
		}
		return false
	}
	// Steel articles: every HS6 of a trade line or of the annexes within a
	// range.
	hs6 := map[string]bool{}
	for _, c := range append(append([]string(nil), lines...), annex["1a"]...) {
		if len(c) >= 6 {
			hs6[c[:6]] = true
		}
	}
	raw["us-s232-steel-articles"] = nil
	for c := range hs6 {
		for _, r := range slSteelRanges {
			if c >= r.from && c <= r.to {
				raw["us-s232-steel-articles"] = append(raw["us-s232-steel-articles"], c)
			}
		}
	}
	raw["us-s232-aluminum-articles"] = slAluminumArticles
	// A provision is a steel article when every HS6 under it lies in a range.
	steelArticle := func(c string) bool {
		n := 0
		for h := range hs6 {
			if strings.HasPrefix(h, c) || strings.HasPrefix(c, h) {
				if !in(h, raw["us-s232-steel-articles"]) {
					return false
				}
				n++
			}
		}
		return n > 0
	}
	for _, a := range []string{"1a", "1b", "2", "3"} {
		for _, c := range annex[a] {
			if (c[:2] == "72" || c[:2] == "73" || c[:2] == "76") && !steelArticle(c) && !in(c, slAluminumArticles) {
				raw["us-s232-ch72-76-derivatives"] = append(raw["us-s232-ch72-76-derivatives"], c)
			}
		}
	}
	// Derivatives: the tracker's codes, an HTS8 that the notice lists at 10
	// digits replaced by those codes unless it was listed before the notice.
	for _, metal := range []string{"steel", "aluminum"} {
		tens := strings.Fields(slFR40326HTS10[metal])
		rows := storagetest.SharedCSV(t, "products/yale/s232_derivative_products.csv")
		before := map[string]bool{} // listed undated: on the list before the notice
		for _, r := range rows {
			if r["derivative_type"] == metal && r["effective_date"] == "" {
				before[slDigits(r["hts_prefix"])] = true
			}
		}
		var codes []string
		for _, r := range rows {
			if r["derivative_type"] != metal {
				continue
			}
			c := slDigits(r["hts_prefix"])
			if before[c] {
				codes = append(codes, c)
				continue
			}
			var under []string
			for _, x := range tens {
				if len(c) == 8 && strings.HasPrefix(x, c) {
					under = append(under, x)
				}
			}
			if len(under) > 0 {
				codes = append(codes, under...)
			} else {
				codes = append(codes, c)
			}
		}
		raw["us-s232-"+metal+"-derivatives"] = codes
	}
	steel, alu := raw["us-s232-steel-derivatives"], raw["us-s232-aluminum-derivatives"]
	raw["us-s232-derivatives-both-no-share"] = nil
	for _, c := range lines {
		if _, share := ref.content["steel"][c]; !share && in(c, steel) && in(c, alu) {
			raw["us-s232-derivatives-both-no-share"] = append(raw["us-s232-derivatives-both-no-share"], c)
		}
	}
	// Auto parts: 8471 without the semiconductor subheadings 8471.50, 8471.80.
	var parts []string
	for _, c := range raw["us-s232-auto-parts"] {
		if slDigits(c) != "8471" {
			parts = append(parts, c)
			continue
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "8471") && !strings.HasPrefix(l, "847150") && !strings.HasPrefix(l, "847180") {
				parts = append(parts, l[:6])
			}
		}
	}
	raw["us-s232-auto-parts"] = parts
	for _, r := range storagetest.SharedCSV(t, "updates/2026-12/us_s232_metals_pp11032_mobile_equipment.csv") {
		raw["us-s232-mobile-equipment"] = append(raw["us-s232-mobile-equipment"], r["hts8"])
	}
	sort.Strings(raw["us-s232-steel-articles"])
}

// compareCoverage checks that Parley's list name covers exactly the trade
// lines the oracle's list covers.
func (ref *slRef) compareCoverage(t *testing.T, ws, name string) {
	t.Helper()
	out := run(t, nil, "-w", ws, "lists", name)
	if out.code != 0 {
		t.Errorf("lists %s: %s", name, out.stderr)
		return
	}
	var got []string
	for _, c := range strings.Fields(out.stdout) {
		if d := slDigits(c); len(d) >= 2 {
			got = append(got, d)
		}
	}
	covered := func(c string, set []string) bool {
		for _, p := range set {
			if strings.HasPrefix(c, p) {
				return true
			}
		}
		return false
	}
	n := 0
	for _, l := range append(append([]slLine(nil), ref.hts2024...), ref.hts2025...) {
		a, b := covered(l.code, got), covered(l.code, ref.lists[name])
		if a != b {
			t.Errorf("list %s: line %s covered by parley %v, by the oracle %v", name, l.code, a, b)
		}
		if b {
			n++
		}
	}
	if n == 0 {
		t.Errorf("list %s covers no trade line", name)
	}
}
