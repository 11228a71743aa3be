package gen

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"parley/scenarios"
)

// The Section 232 lists built from the legal texts rather than copied from a
// tracker file: the metals annexes of 2026-04-06 parsed from their text, the
// steel and aluminum articles of the proclamations, the derivative lists at
// the digit level of the Federal Register notice that added them, the
// semiconductor fallback scope, and the auto parts list without the
// subheadings of the semiconductor annex.

// annexText is the text of the metals annexes I-A, I-B, II, III and IV (in
// force 2026-04-06), under the shared folder.
const annexText = "evidence/s232_metals_annexes_text.txt"

// annexCite says where the annex text comes from (../shared/data/SOURCES.md,
// "Legal texts", and updates/2026-12/SOURCES.md, "Evidence files").
const annexCite = "the Section 232 metals annexes of the proclamation of 2026-04-02 (in force 2026-04-06), " +
	"evidence/s232_metals_annexes_text.txt: text of Metals-ANNEXES-I-A-I-B-II-III-IV.pdf, byte copy of " +
	"Budget-Lab-Yale/tariff-rate-tracker docs/s232/annexes_text.txt at commit 8315fff (US federal text; repository MIT); " +
	"SOURCES.md, Legal texts"

// annexSection is one annex of the text: the list it makes and the heading
// line that opens it (the next heading closes it).
type annexSection struct {
	name, title, heading string
}

var annexSections = []annexSection{
	{"us-s232-annex-1a", "Section 232 metals annex I-A: 50% on full value", "Annex I-A:"},
	{"us-s232-annex-1b", "Section 232 metals annex I-B: 25% on full value", "Annex I-B:"},
	{"us-s232-annex-2", "Section 232 metals annex II: removed from scope", "Annex II:"},
	{"us-s232-annex-3", "Section 232 metals annex III: temporary reduction list", "Annex III:"},
}

// annexIVHeading opens annex IV (the HTSUS amendments), which closes annex III.
const annexIVHeading = "Annex IV"

// annexCode is an HTS provision as the annexes write it: a heading (7206),
// a subheading (7302.10), an HTS8 (7216.10.00) or an HTS10 (7216.91.00.10 or
// 7616.99.5170).
var annexCode = regexp.MustCompile(`^\d{4}(\.\d{2}(\.\d{2}(\.\d{2})?|\.\d{4})?)?$`)

// annexLabel is a word of the column labels that may open a line of codes
// ("Steel", "Aluminum Derivatives", "Copper Articles").
var annexLabel = regexp.MustCompile(`^[A-Za-z]+$`)

// annexCodes returns the codes of a line that lists provisions: after at
// most three label words, every token is a code. Description lines, which
// may name a heading in passing, and page numbers give none.
func annexCodes(line string) []string {
	toks := strings.Fields(line)
	i := 0
	for i < len(toks) && i < 3 && annexLabel.MatchString(toks[i]) {
		i++
	}
	if i == len(toks) {
		return nil
	}
	for _, t := range toks[i:] {
		if !annexCode.MatchString(t) {
			return nil
		}
	}
	out := make([]string, 0, len(toks)-i)
	for _, t := range toks[i:] {
		out = append(out, strings.ReplaceAll(t, ".", ""))
	}
	return out
}

// parseAnnexes returns the codes of each annex section of the text, by list
// name, at the digit level the text writes them.
func parseAnnexes(text string) (map[string][]string, error) {
	lines := strings.Split(text, "\n")
	start := map[string]int{}
	for i, l := range lines {
		for _, s := range annexSections {
			if strings.HasPrefix(strings.TrimSpace(l), s.heading) {
				if _, dup := start[s.name]; dup {
					return nil, fmt.Errorf("%s: %q opens two sections", annexText, s.heading)
				}
				start[s.name] = i
			}
		}
	}
	end := len(lines)
	for i, l := range lines {
		if strings.TrimSpace(l) == annexIVHeading {
			end = i
			break
		}
	}
	out := map[string][]string{}
	for k, s := range annexSections {
		from, ok := start[s.name]
		if !ok {
			return nil, fmt.Errorf("%s: no section %q", annexText, s.heading)
		}
		to := end
		if k+1 < len(annexSections) {
			to = start[annexSections[k+1].name]
		}
		if to <= from {
			return nil, fmt.Errorf("%s: section %q out of order", annexText, s.heading)
		}
		var codes []string
		for _, l := range lines[from+1 : to] {
			codes = append(codes, annexCodes(l)...)
		}
		slices.Sort(codes)
		out[s.name] = slices.Compact(codes)
	}
	return out, nil
}

// steelArticles are the steel articles of Proclamation 9705 as amended
// ("7206.10 through 7216.50, 7216.99 through 7301.10, 7302.10, 7302.40
// through 7302.90, and 7304.10 through 7306.90"), written as the headings
// and subheadings those HS6 ranges span: a range covers every subheading
// between its ends in HS order, so whole headings where it spans all of them
// (7216.61, .69 and .91 fall outside both ranges, 7303 and 7302.30 outside
// all). The generator checks each against the steel list of annex I-A, which
// names the same provisions.
var steelArticles = []string{
	"7206", "7207", "7208", "7209", "7210", "7211", "7212", "7213", "7214", "7215",
	"721610", "721621", "721622", "721631", "721632", "721633", "721640", "721650", "721699",
	"7217", "7218", "7219", "7220", "7221", "7222", "7223", "7224", "7225", "7226", "7227", "7228", "7229",
	"730110", "730210", "730240", "730290", "7304", "7305", "7306",
}

// aluminumArticles are the aluminum articles of Proclamation 9704 (HS 7601,
// 7604-7609, 7616.99.51.60 and .70), checked against annex I-A's aluminum
// list and U.S. note 16(c)(i) of annex IV.
var aluminumArticles = []string{
	"7601", "7604", "7605", "7606", "7607", "7608", "7609", "7616995160", "7616995170",
}

// derivativeHTS10 are the provisions that 90 FR 40326 (FR doc 2025-15819,
// Annex I: U.S. note 16(n)(3) for steel, note 19(k) for aluminum) adds at the
// 10-digit level and that the tracker's derivative list truncates to their
// HTS8. On the derivative lists such an HTS8 is replaced by the notice's
// HTS10 codes under it.
var derivativeHTS10 = map[string][]string{
	"steel": strings.Fields(`2106909998 2710193050 2711120020 2804290010 2804400000 2901220000 2903421000
		2903710100 3004909244 3824999397 3827610000 3827620000 3827630000 3827640000 3827650000 8202390040
		8207200070 8207306062 8207306095 8401400000 8406904000 8410900000 8412909070 8412909075 8413919055
		8413919060 8413919096 8417900000 8424100000 8443160000 8454200010 8454200060 8455904000 8455908000
		8477908601 8480490010 8480718045 8480718060 8480799010 8482105004 8482105008 8482105012 8482105016
		8482105024 8482105028 8482105032 8482105036 8482105052 8482105056 8482105060 8482105064 8482105068
		8482200064 8482200067 8482200090 8483101010 8483101050 8483405020 8501640110 8502310000 8504909634
		8504909638 8504909642 8607190300 8607301010 8607301050 8607301090 8701210080 8701220080 8701230080
		8701240080 8701290080 8705900010 8705900020 9403999010 9403999015 9403999020 9403999040 9403999045
		9403999051 9403999061`),
	"aluminum": strings.Fields(`2106909998 2710193050 3004909244 3701300000 3824999397 7308200035 8307906000
		8309900020 8309900025 8412909070 8412909075 8419501000 8443160000 8483405020 8483905020 8501640110
		8502310000 8503009546 8503009570 8544492000 8544499000 8544602000 8544606000 8716390040`),
}

const fr40326 = "90 FR 40326 (FR doc 2025-15819, BIS, 2025-08-19), Annex I: U.S. note 16(n)(3) and note 19(k), " +
	"evidence/2025-15819.pdf (SOURCES.md, Legal texts)"

// semiconductorSubheadings are the subheadings of the semiconductor annex
// (U.S. note 39, heading 9903.79.01) that the tracker gives as its fallback
// scope; they are carved out of the auto parts list's heading 8471.
var semiconductorSubheadings = []string{"847150", "847180"}

// scopeNotes say, for the Section 232 lists still copied from the tracker,
// how far their source is from the legal text.
var scopeNotes = map[string]string{
	"us-s232-copper":       "; checked against the 2026 metals annexes: 76 codes are annex I-A's copper articles and 4 (8544.42.10/.20/.90, 8544.49.10) the articles of copper of U.S. note 16(c)(viii), at the same digit level; note 36(b) of 2025 itself is not in the reference data",
	"us-s232-mhd-parts":    "; the only source is the tracker file (the parts annex of Proclamation 10984 is not in the reference data); its codes are HTS8 and HTS10, the digit level of such an annex",
	"us-s232-autos":        "; the only source is the tracker's parameters (Proclamation 10908's list of passenger vehicles and light trucks is not in the reference data)",
	"us-s232-mhd-vehicles": "; the only source is the tracker's parameters (Proclamation 10984's vehicle list is not in the reference data)",
	"us-s232-buses":        "; the only source is the tracker's parameters: the whole heading 8702 (Proclamation 10984's bus list is not in the reference data)",
}

// builtList is a list the generator derives rather than copies.
type builtList struct {
	entry listEntry
	codes []string
}

// addMetalsLists derives the Section 232 lists of this file, writes their
// codes and appends their index entries.
func (b *builder) addMetalsLists(w *csv.Writer, index *[]listEntry) error {
	lists, err := b.metalsLists()
	if err != nil {
		return err
	}
	for _, l := range lists {
		if len(l.codes) == 0 {
			return fmt.Errorf("list %s: no codes", l.entry.Name)
		}
		for _, c := range l.codes {
			w.Write([]string{l.entry.Name, c})
		}
		l.entry.Codes = len(l.codes)
		*index = append(*index, l.entry)
	}
	return nil
}

func (b *builder) metalsLists() ([]builtList, error) {
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(b.data), filepath.FromSlash(annexText)))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", annexText, err)
	}
	annexes, err := parseAnnexes(string(raw))
	if err != nil {
		return nil, err
	}
	var out []builtList
	for _, s := range annexSections {
		out = append(out, builtList{listEntry{Name: s.name, Title: s.title + " (from 2026-04-06)",
			Source: fmt.Sprintf("%s, section %q, every provision at the digit level the text writes it (a heading covers its subheadings; an HTS8 or HTS10 only itself)", annexCite, s.heading),
			File:   "../" + annexText, EffectiveDate: "2026-04-06"}, annexes[s.name]})
	}

	articles, err := articleLists(annexes)
	if err != nil {
		return nil, err
	}
	out = append(out, articles...)
	out = append(out, chapterDerivatives(annexes))

	// The derivative lists at the notice's digit level.
	steel, err := b.derivativeList("us-s232-steel-derivatives", "Section 232 steel derivatives", "steel")
	if err != nil {
		return nil, err
	}
	alu, err := b.derivativeList("us-s232-aluminum-derivatives", "Section 232 aluminum derivatives", "aluminum")
	if err != nil {
		return nil, err
	}
	both, err := b.bothNoShare(steel.codes, alu.codes)
	if err != nil {
		return nil, err
	}
	out = append(out, steel, alu, both)

	semi, err := b.specList(listSpec{name: "us-s232-semiconductors", title: "Section 232 semiconductors (9903.79.01, U.S. note 39): fallback scope",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"semiconductors"}}, "the tracker's fallback prefixes, wider than the annex of advanced computing chips that note 39 lists")
	if err != nil {
		return nil, err
	}
	parts, err := b.autoParts()
	if err != nil {
		return nil, err
	}
	mobile, err := b.mobileEquipment()
	if err != nil {
		return nil, err
	}
	out = append(out, semi, parts, mobile)
	return out, nil
}

// articleLists returns the articles of the proclamations, checked against
// annex I-A, which lists the same provisions (at 8 digits where a subheading
// has one HTS8: 7216.10.00 for 7216.10).
func articleLists(annexes map[string][]string) ([]builtList, error) {
	ia := annexes["us-s232-annex-1a"]
	for _, set := range [][]string{steelArticles, aluminumArticles} {
		for _, c := range set {
			if !slices.ContainsFunc(ia, func(a string) bool {
				return a == c || strings.TrimRight(a[min(len(a), len(c)):], "0") == "" && strings.HasPrefix(a, c)
			}) {
				return nil, fmt.Errorf("article %s is not in annex I-A of %s", c, annexText)
			}
		}
	}
	return []builtList{
		{listEntry{Name: "us-s232-steel-articles", Title: "Section 232 steel articles (Proclamation 9705 as amended)",
			Source: "Proclamation 9705 as amended: steel articles 7206.10 through 7216.50, 7216.99 through 7301.10, 7302.10, 7302.40 through 7302.90, 7304.10 through 7306.90, written as the headings and subheadings these HS6 ranges span (a spec in the generator, assets/productsgen/gen/annex.go); each checked against the steel list of annex I-A of " + annexCite,
			File:   "../" + annexText}, sortedCopy(steelArticles)},
		{listEntry{Name: "us-s232-aluminum-articles", Title: "Section 232 aluminum articles (Proclamation 9704 as amended)",
			Source: "Proclamation 9704 as amended: aluminum articles 7601, 7604-7609, 7616.99.51.60 and 7616.99.51.70 (a spec in the generator, assets/productsgen/gen/annex.go); each checked against the aluminum list of annex I-A and U.S. note 16(c)(i) of annex IV of " + annexCite,
			File:   "../" + annexText}, sortedCopy(aluminumArticles)},
	}, nil
}

// chapterDerivatives returns the derivative articles of chapters 72, 73
// and 76: every such provision the annexes sort (annex II included: it
// removes provisions that were covered), less the articles.
func chapterDerivatives(annexes map[string][]string) builtList {
	articles := append(sortedCopy(steelArticles), aluminumArticles...)
	var chDeriv []string
	for _, s := range annexSections {
		for _, c := range annexes[s.name] {
			if ch := c[:2]; (ch == "72" || ch == "73" || ch == "76") && !covers(articles, c) {
				chDeriv = append(chDeriv, c)
			}
		}
	}
	slices.Sort(chDeriv)
	chDeriv = slices.Compact(chDeriv)
	return builtList{listEntry{Name: "us-s232-ch72-76-derivatives",
		Title:  "Section 232 derivative articles of chapters 72, 73 and 76 (as the 2026 annexes list them)",
		Source: "the provisions of chapters 72, 73 and 76 that annexes I-A, I-B, II and III list and that are not steel or aluminum articles, from " + annexCite + "; the derivative lists of 2025 (U.S. notes 16(m), 19(j)) are not in the reference data, so this is their reconstruction from the annexes that re-sorted them",
		File:   "../" + annexText}, chDeriv}
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// covers reports whether a code of set is a prefix of c.
func covers(set []string, c string) bool {
	return slices.ContainsFunc(set, func(p string) bool { return strings.HasPrefix(c, p) })
}

// specList reads a list as lists() does, with a note on its source.
func (b *builder) specList(s listSpec, note string) (builtList, error) {
	codes, dates, err := b.listCodes(s)
	if err != nil {
		return builtList{}, fmt.Errorf("list %s: %w", s.name, err)
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	cite, err := b.citation(s)
	if err != nil {
		return builtList{}, fmt.Errorf("list %s: %w", s.name, err)
	}
	if note != "" {
		cite += "; " + note
	}
	l := listEntry{Name: s.name, Title: s.title, Source: cite, File: "products/" + s.file}
	if s.dateColumn != "" {
		if err := dateFields(&l, codes, dates); err != nil {
			return builtList{}, fmt.Errorf("list %s: %w", s.name, err)
		}
	}
	return builtList{l, codes}, nil
}

// derivativeList is the tracker's derivative list of a metal with each HTS8
// that 90 FR 40326 lists only at 10 digits replaced by those HTS10 codes,
// unless the tracker also lists the HTS8 undated (on the list before the
// notice).
func (b *builder) derivativeList(name, title, metal string) (builtList, error) {
	s := listSpec{name: name, title: title,
		file: "yale/s232_derivative_products.csv", repo: tracker, repoPath: "resources/s232_derivative_products.csv", commit: "8315fff",
		column: "hts_prefix", filter: "derivative_type", values: []string{metal}}
	l, err := b.specList(s, "")
	if err != nil {
		return l, err
	}
	t, err := b.table("products/" + s.file)
	if err != nil {
		return l, err
	}
	ix, err := t.cols("hts_prefix", "derivative_type", "effective_date")
	if err != nil {
		return l, err
	}
	dates, undated := derivativeDates(t, ix, metal)
	codes, replaced, err := refineDerivatives(name, metal, l.codes, dates, undated)
	if err != nil {
		return l, err
	}
	slices.Sort(codes)
	l.codes = codes
	l.entry.Source += fmt.Sprintf("; %d HTS8 codes that %s lists only at 10 digits are replaced by those HTS10 codes (e.g. 3004.90.92 by 3004.90.9244)", replaced, fr40326)
	n := 0
	for _, c := range codes {
		if !undated[c] && (dates[c] != "" || dates[c[:min(8, len(c))]] == "2025-08-18") {
			n++
		}
	}
	l.entry.EffectiveDate, l.entry.Dated = "", nil
	l.entry.Title = title
	if n > 0 && n < len(codes) {
		l.entry.Dated = &dated{Codes: n, Date: "2025-08-18"}
		l.entry.Title += fmt.Sprintf(" (%d of %d codes dated 2025-08-18, the others undated in the source)", n, len(codes))
	} else if n == len(codes) {
		l.entry.EffectiveDate = "2025-08-18"
		l.entry.Title += " (from 2025-08-18)"
	}
	return l, nil
}

// derivativeDates returns the dates of the tracker's derivative list of
// metal (table t, columns ix: code, type, date): dates holds the date of a
// code listed with one; undated the codes the tracker also lists without a
// date (on the list before the notice), which keep their HTS8.
func derivativeDates(t *table, ix []int, metal string) (dates map[string]string, undated map[string]bool) {
	dates, undated = map[string]string{}, map[string]bool{}
	for _, r := range t.rows {
		if r[ix[1]] == metal {
			c, _ := scenarios.NormalizeCode(r[ix[0]])
			if r[ix[2]] == "" {
				undated[c] = true
			} else {
				dates[c] = r[ix[2]]
			}
		}
	}
	return dates, undated
}

// refineDerivatives replaces the HTS8 codes of list name that the notice
// lists only at 10 digits by those HTS10 codes, checking that each is dated
// by the notice and that every HTS10 of the notice has its HTS8 listed; it
// returns the codes and the number of HTS8 codes replaced.
func refineDerivatives(name, metal string, listed []string, dates map[string]string, undated map[string]bool) ([]string, int, error) {
	var codes []string
	replaced := 0
	for _, c := range listed {
		var tens []string
		for _, x := range derivativeHTS10[metal] {
			if strings.HasPrefix(x, c) && len(c) == 8 {
				tens = append(tens, x)
			}
		}
		if len(tens) == 0 || undated[c] {
			codes = append(codes, c)
			continue
		}
		if dates[c] != "2025-08-18" {
			return nil, 0, fmt.Errorf("list %s: %s is refined by %s but the tracker dates it %q", name, c, fr40326, dates[c])
		}
		replaced++
		codes = append(codes, tens...)
	}
	for _, x := range derivativeHTS10[metal] {
		if !slices.Contains(codes, x) && !undated[x[:8]] {
			return nil, 0, fmt.Errorf("list %s: %s of %s has no HTS8 on the tracker's list", name, x, fr40326)
		}
	}
	return codes, replaced, nil
}

// bothNoShare lists the HTS10 trade lines (2024 and 2025) that both
// derivative lists cover and that have no metal content share: their steel
// and aluminum content cannot be told apart, and together they are at most
// the full value, so one derivative duty on the full value bounds both.
func (b *builder) bothNoShare(steel, alu []string) (builtList, error) {
	shares := map[string]bool{}
	mc, err := b.table("products/yale/metal_content_shares_bea_hs10.csv")
	if err != nil {
		return builtList{}, err
	}
	hx, err := mc.col("hs10")
	if err != nil {
		return builtList{}, err
	}
	for _, r := range mc.rows {
		shares[r[hx]] = true
	}
	var lines []string
	for _, lt := range lineTables {
		p := lt.projection
		t, err := b.table(p.from)
		if err != nil {
			return builtList{}, err
		}
		cx, err := t.col(p.columns[0])
		if err != nil {
			return builtList{}, err
		}
		for _, r := range t.rows {
			c := r[cx]
			if covers(steel, c) && covers(alu, c) && !shares[c] {
				lines = append(lines, c)
			}
		}
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	return builtList{listEntry{Name: "us-s232-derivatives-both-no-share",
		Title: "Section 232 derivatives on both the steel and the aluminum list with no metal content share",
		Source: "derived: the HTS10 lines of products/derived_census_us_imports_from_canada_hts10_2024.csv and products/derived_dataweb_us_imports_from_canada_hts10_2025.csv " +
			"that lists us-s232-steel-derivatives and us-s232-aluminum-derivatives both cover and that have no row in products/yale/metal_content_shares_bea_hs10.csv (SOURCES.md rows of these files)",
		File: "products/yale/metal_content_shares_bea_hs10.csv"}, lines}, nil
}

// autoParts is the tracker's auto parts list with its heading 8471 (which
// the tracker gives at 4 digits) replaced by the subheadings of 8471 that
// the trade lines hold, less those of the semiconductor annex.
func (b *builder) autoParts() (builtList, error) {
	s := listSpec{name: "us-s232-auto-parts", title: "Section 232 auto parts",
		file: "yale/s232_auto_parts.txt", repo: tracker, repoPath: "resources/s232_auto_parts.txt", commit: "8315fff"}
	l, err := b.specList(s, "the only source of this list is the tracker file (the parts annex of Proclamation 10908 is not in the reference data); its 4-digit entry 8471 is replaced by the subheadings of 8471 in the trade lines other than 8471.50 and 8471.80, which are semiconductor articles (9903.79.01, list us-s232-semiconductors), and its 4-digit entries are coarser than the annex")
	if err != nil {
		return l, err
	}
	subs := map[string]bool{}
	for _, lt := range lineTables {
		p := lt.projection
		t, err := b.table(p.from)
		if err != nil {
			return l, err
		}
		cx, err := t.col(p.columns[0])
		if err != nil {
			return l, err
		}
		for _, r := range t.rows {
			if c := r[cx]; strings.HasPrefix(c, "8471") && len(c) >= 6 {
				subs[c[:6]] = true
			}
		}
	}
	var codes []string
	found := false
	for _, c := range l.codes {
		if c != "8471" {
			codes = append(codes, c)
			continue
		}
		found = true
		for sub := range subs {
			if !slices.Contains(semiconductorSubheadings, sub) {
				codes = append(codes, sub)
			}
		}
	}
	if !found {
		return l, fmt.Errorf("list %s: no entry 8471 to narrow", s.name)
	}
	slices.Sort(codes)
	l.codes = slices.Compact(codes)
	return l, nil
}

// mobileEquipment is the list of U.S. note 16(c)(xi) of Proclamation 11032,
// from the 2026-12 update (a transcription, confidence medium).
func (b *builder) mobileEquipment() (builtList, error) {
	const rel = "updates/2026-12/us_s232_metals_pp11032_mobile_equipment.csv"
	t, err := b.table(rel)
	if err != nil {
		return builtList{}, err
	}
	cx, err := t.col("hts8")
	if err != nil {
		return builtList{}, err
	}
	var codes []string
	for _, r := range t.rows {
		c, ok := scenarios.NormalizeCode(r[cx])
		if !ok || len(c) != 8 {
			return builtList{}, fmt.Errorf("%s: %q is not an HTS8", rel, r[cx])
		}
		codes = append(codes, c)
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	return builtList{listEntry{Name: "us-s232-mobile-equipment",
		Title: "Section 232 mobile industrial equipment, U.S. note 16(c)(xi) (from 2026-06-08)",
		Source: "updates/2026-12/us_s232_metals_pp11032_mobile_equipment.csv: the 28 HTS8 of U.S. note 16(c)(xi) (Proclamation 11032, 91 FR 34085), transcribed from " +
			"brendanxmac/hts-hero tariffs/engine-v2/data/lists/metals.ts @01170bd; facts; confidence medium (updates/2026-12/SOURCES.md)",
		File: "updates/2026-12/us_s232_metals_pp11032_mobile_equipment.csv", EffectiveDate: "2026-06-08"}, codes}, nil
}
