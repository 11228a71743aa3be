package refdata

import (
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/assets"
	"parley/scenarios"
	"parley/storage/storagetest"
)

// shippedChapters returns the embedded HS2 -> sector mapping.
func shippedChapters(t testing.TB) map[string]string {
	t.Helper()
	rows, err := ReadTable(assets.SectorMappingFile)
	if err != nil {
		t.Fatal(err)
	}
	chapter := map[string]string{}
	for _, r := range rows {
		chapter[r["hs2"]] = r["sector_code"]
	}
	return chapter
}

func shippedProducts(t testing.TB) (*Products, map[string]string) {
	t.Helper()
	chapter := shippedChapters(t)
	p, err := LoadProducts(chapter)
	if err != nil {
		t.Fatal(err)
	}
	return p, chapter
}

// mustLines returns the lines of year.
func mustLines(t testing.TB, p *Products, year int) []scenarios.Line {
	t.Helper()
	lines, err := p.Lines(year)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

func atoi(t testing.TB, s string) int64 {
	t.Helper()
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// bn rounds US$ to billions with two decimals.
func bn(v float64) float64 { return math.Round(v/1e7) / 100 }

func TestProductLines2024MatchTheSource(t *testing.T) {
	src := storagetest.SharedCSV(t, "products/derived_census_us_imports_from_canada_hts10_2024.csv")
	p, chapter := shippedProducts(t)
	lines := mustLines(t, p, 2024)
	if len(lines) != 12203 || len(src) != 12203 {
		t.Fatalf("%d lines, %d in the source; SPEC says 12,203", len(lines), len(src))
	}
	var want int64
	var got float64
	wantCh, gotCh := map[string]int64{}, map[string]float64{}
	for i, r := range src {
		v := atoi(t, r["con_val_2024"])
		want += v
		wantCh[r["hs10"][:2]] += v
		l := lines[i]
		got += l.Value
		gotCh[l.Code[:2]] += l.Value
		if l.Code != r["hs10"] || l.Value != float64(v) || l.Description != r["sdesc"] ||
			l.Direction != scenarios.CAtoUS || l.Sector != chapter[l.Code[:2]] || l.HasClaim || l.Claim != 0 {
			t.Fatalf("line %d = %+v, source %v", i, l, r)
		}
	}
	if got != float64(want) {
		t.Errorf("total %.0f, source %d", got, want)
	}
	if bn(got) != 411.69 {
		t.Errorf("total %.2f bn, SPEC/SOURCES say 411.69", bn(got))
	}
	if len(gotCh) != len(wantCh) {
		t.Errorf("%d chapters, source %d", len(gotCh), len(wantCh))
	}
	for ch, v := range wantCh {
		if gotCh[ch] != float64(v) {
			t.Errorf("chapter %s: %.0f, source %d", ch, gotCh[ch], v)
		}
	}
}

func TestProductLines2025MatchTheSource(t *testing.T) {
	src := storagetest.SharedCSV(t, "products/derived_dataweb_us_imports_from_canada_hts10_2025.csv")
	p, chapter := shippedProducts(t)
	desc := map[string]string{}
	for _, l := range mustLines(t, p, 2024) {
		desc[l.Code] = l.Description
	}
	lines := mustLines(t, p, 2025)
	var value, claimed, h2, h2Claimed int64
	var got float64
	var withH2 int
	i := 0
	for _, r := range src {
		code := r["hts10"]
		v, u := atoi(t, r["value_2025_usd"]), atoi(t, r["usmca_value_2025_usd"])
		hv, hu := atoi(t, r["value_h2_2025_usd"]), atoi(t, r["usmca_value_h2_2025_usd"])
		value, claimed, h2, h2Claimed = value+v, claimed+u, h2+hv, h2Claimed+hu
		if hv > 0 {
			withH2++
			if s, ok := p.H2Share(code); !ok || s != float64(hu)/float64(hv) {
				t.Fatalf("H2 share of %s = %v, %v; source %d / %d", code, s, ok, hu, hv)
			}
		} else if _, ok := p.H2Share(code); ok {
			t.Fatalf("%s has an H2 share with no H2 value", code)
		}
		if v <= 0 {
			continue
		}
		l := lines[i]
		i++
		got += l.Value
		if l.Code != code || l.Value != float64(v) || !l.HasClaim || l.Claim != float64(u)/float64(v) ||
			l.Description != desc[code] || l.Direction != scenarios.CAtoUS || l.Sector != chapter[code[:2]] {
			t.Fatalf("line %+v, source %v", l, r)
		}
	}
	if i != len(lines) || len(lines) != 12260 {
		t.Fatalf("%d lines, %d with value in the source; SPEC says 12,260", len(lines), i)
	}
	if _, ok := p.H2Share("0000000000"); ok || withH2 == 0 {
		t.Errorf("%d lines with H2 value; a code not in the data has an H2 share: %v", withH2, ok)
	}
	if got != float64(value) || bn(got) != 380.32 {
		t.Errorf("total %.0f (%.2f bn), source %d; SOURCES says 380.32 bn", got, bn(got), value)
	}
	if bn(float64(claimed)) != 255.40 {
		t.Errorf("claimed in 2025 %.2f bn, SOURCES says 255.40", bn(float64(claimed)))
	}
	share := math.Round(float64(h2Claimed)/float64(h2)*1000) / 10
	if bn(float64(h2)) != 183.13 || bn(float64(h2Claimed)) != 161.45 || share != 88.2 {
		t.Errorf("July–December: %.2f of %.2f bn claimed (%.1f%%), SOURCES says 161.45 of 183.13 (88.2%%)",
			bn(float64(h2Claimed)), bn(float64(h2)), share)
	}
	var described int
	for _, l := range lines {
		if l.Description != "" {
			described++
		}
	}
	t.Logf("2025: %d of %d lines have a 2024 description", described, len(lines))
}

// TestProductListCounts checks each built-in list's size against SPEC
// section 1's table. Where the de-duplicated source gives another count
// than SPEC states, spec keeps SPEC's figure and why says where the
// difference comes from.
func TestProductListCounts(t *testing.T) {
	p, _ := shippedProducts(t)
	want := []struct {
		name      string
		codes     int
		spec, why string
	}{
		{"us-ieepa-energy-ca", 294, "", ""},
		{"us-ieepa-potash-ca", 7, "", ""},
		{"us-s232-steel-derivatives", 389, "357", "the 49 HTS8 that 90 FR 40326 lists only at 10 digits become its 81 HTS10 codes"},
		{"us-s232-aluminum-derivatives", 211, "211", "85030095 and 94019990 are each listed twice (undated and 2025-08-18); the 20 HTS8 that 90 FR 40326 lists only at 10 digits become its 22 HTS10 codes (85030095, listed before the notice, keeps its HTS8)"},
		{"us-s232-annex-1a", 279, "240", "parsed from the annex text, not the tracker file"},
		{"us-s232-annex-1b", 388, "351", "parsed from the annex text (410 entries, 388 distinct)"},
		{"us-s232-annex-2", 165, "169", "parsed from the annex text (247 entries, 165 distinct)"},
		{"us-s232-annex-3", 47, "39", "parsed from the annex text (48 entries, 47 distinct)"},
		{"us-s232-copper", 80, "", ""},
		{"us-s232-auto-parts", 135, "130", "8471 becomes its six subheadings in the trade lines other than 8471.50 and 8471.80"},
		{"us-s232-steel-articles", 39, "", "Proclamation 9705's ranges as headings and subheadings"},
		{"us-s232-aluminum-articles", 9, "", "Proclamation 9704"},
		{"us-s232-ch72-76-derivatives", 214, "", "chapter 72, 73, 76 provisions of the annexes other than articles"},
		{"us-s232-derivatives-both-no-share", 6, "", "HTS10 lines on both derivative lists with no content share"},
		{"us-s232-semiconductors", 3, "", "the tracker's fallback prefixes"},
		{"us-s232-mobile-equipment", 28, "", "U.S. note 16(c)(xi)"},
		{"us-s232-mhd-parts", 182, "", ""},
		{"us-s232-autos", 17, "", ""},
		{"us-s232-mhd-vehicles", 25, "", ""},
		{"us-s232-softwood", 15, "", ""},
		{"us-s232-wood-furniture", 4, "", ""},
		{"us-s232-kitchen-cabinets", 3, "", ""},
		{"us-s232-buses", 1, "", ""},
		{"us-s122-exempt", 1656, "", "SPEC gives no count: the file's 1,656 codes"},
		{"us-s338-alcohol", 63, "", ""},
		{"us-s338-dairy", 52, "", ""},
		{"us-s338-list-3", 439, "", ""},
		{"us-s338-aircraft-exempt", 554, "", ""},
		{"ca-surtax-list-1", 1270, "1,268", "the file has 1,270 distinct items on 1,270 lines (no header, no final newline)"},
		{"ca-surtax-list-2", 539, "544", "the file has 539 records on 545 lines: four cells span several lines"},
		{"ca-proposed-list-125b", 4416, "", "SPEC gives no count; SOURCES says 4,416"},
		// The lists of the update of 2026-12: the counts its SOURCES.md states.
		{"us-s301fl-exempt-full", 863, "", "note 52(b)"},
		{"us-s301fl-exempt-ex", 16, "", "note 52(c)"},
		{"us-s301fl-exempt-aircraft", 541, "", "note 52(d)"},
		{"us-s301fl-exempt-pharma", 700, "", "note 52(e)"},
		{"us-s338-alcohol-0915", 101, "", "63 + 40 - 2"},
		{"us-s338-dairy-0915", 52, "", "unchanged"},
		{"us-s338-list-3-0915", 513, "", "439 + 82 - 8"},
		{"us-s338-bans", 40, "", "25 alcohol in any container, 14 dairy-list, 1 motorcycles"},
		{"us-s338-bans-retail", 28, "", "alcohol packaged for retail only"},
		{"ca-surtax-2026-15", 21, "", "schedule 1"},
		{"ca-surtax-2026-25", 172, "", "schedule 2"},
		{"ca-surtax-2026-50", 142, "", "schedule 3"},
		{"ca-surtax-metals-2026-50", 271, "", "schedules 1.1 (27) and 2.1 (244)"},
		{"ca-surtax-metals-2026-25", 23, "", "schedules 1 (2) and 2 (21)"},
	}
	if len(p.Ref.Lists) != len(want) {
		t.Errorf("%d lists, want %d: %v", len(p.Ref.Lists), len(want), p.Ref.Lists.Names())
	}
	for _, w := range want {
		l := p.Ref.Lists[w.name]
		if l == nil {
			t.Errorf("no list %s", w.name)
			continue
		}
		if len(l.Codes) != w.codes {
			t.Errorf("%s: %d codes, want %d (SPEC %q: %s)", w.name, len(l.Codes), w.codes, w.spec, w.why)
		}
		if l.Name != w.name || l.Title == "" || !strings.Contains(l.Source, "SOURCES.md") {
			t.Errorf("%s: name %q, title %q, source %q", w.name, l.Name, l.Title, l.Source)
		}
		if !slices.IsSorted(l.Codes) || len(slices.Compact(slices.Clone(l.Codes))) != len(l.Codes) {
			t.Errorf("%s: codes not sorted and unique", w.name)
		}
		for _, c := range l.Codes {
			if n, ok := scenarios.NormalizeCode(c); !ok || n != c {
				t.Errorf("%s: code %q", w.name, c)
			}
		}
	}
}

func TestContentSharesAreRaw(t *testing.T) {
	src := storagetest.SharedCSV(t, "products/yale/metal_content_shares_bea_hs10.csv")
	p, _ := shippedProducts(t)
	content, err := p.Ref.Content.(*lazyContent).load()
	if err != nil {
		t.Fatal(err)
	}
	if len(content) != len(src) {
		t.Fatalf("%d content shares, source %d", len(content), len(src))
	}
	var over int
	for _, r := range src {
		s, ok := content[r["hs10"]]
		if !ok {
			t.Fatalf("no content share for %s", r["hs10"])
		}
		exceeds := false
		for i, k := range scenarios.ContentKinds {
			v, err := strconv.ParseFloat(r[k+"_share"], 64)
			if err != nil {
				t.Fatal(err)
			}
			if s[i] != v {
				t.Fatalf("%s %s share %v, source %v", r["hs10"], k, s[i], v)
			}
			exceeds = exceeds || v > 1
		}
		if exceeds {
			over++
		}
	}
	// 2601200000 (iron ores): steel share 1.19 in the source.
	if s := content["2601200000"]; s[0] <= 1 {
		t.Errorf("steel share of 2601200000 = %v, the source's 1.19 clipped", s[0])
	}
	if over < 1000 {
		t.Errorf("%d lines with a share above 1; SOURCES says about 1,100", over)
	}
}

func TestProductMonthlySectorShares(t *testing.T) {
	p, chapter := shippedProducts(t)
	sectors := map[string]bool{}
	for _, s := range chapter {
		sectors[s] = true
	}
	monthly, err := p.Monthly()
	if err != nil {
		t.Fatal(err)
	}
	var months []string
	for m, bySector := range monthly {
		months = append(months, m)
		for s, v := range bySector {
			if !sectors[s] || v < 0 || v > 1 {
				t.Errorf("%s %s: share %v", m, s, v)
			}
		}
	}
	slices.Sort(months)
	want := []string{"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07",
		"2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"}
	if !slices.Equal(months, want) {
		t.Errorf("months %v", months)
	}
}

func TestLoadProductDataNeedsEveryChapter(t *testing.T) {
	chapter := shippedChapters(t)
	delete(chapter, "27")
	p, err := LoadProducts(chapter)
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2024, 2025} {
		_, err := p.Lines(year)
		if err == nil || !strings.Contains(err.Error(), "chapter 27 has no sector") || !strings.Contains(err.Error(), "HTS10 27") {
			t.Errorf("%d: err = %v, want one naming an HTS10 code of chapter 27", year, err)
		}
	}
}

// TestSplitRecordReadsCSV checks the loader's CSV splitter against
// encoding/csv, on the embedded files and on edge cases.
func TestSplitRecordReadsCSV(t *testing.T) {
	texts := []string{
		"a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n",
		"a,b\r\n\"\",\"\"\"\"\r\n\"multi\nline\",z",
		"a\n\"\"\n",
	}
	for _, name := range []string{assets.MetalContentFile, assets.CUSMASectorMonthlyFile} {
		text, err := embeddedText(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	for i, text := range texts {
		want, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		rest, line := text, 1
		for rest != "" {
			var rec []string
			if rec, rest, line, err = nextRecord(nil, rest, line); err != nil {
				t.Fatalf("text %d line %d: %v", i, line, err)
			}
			got = append(got, rec)
		}
		if len(got) != len(want) {
			t.Fatalf("text %d: %d records, encoding/csv %d", i, len(got), len(want))
		}
		for j := range want {
			if !slices.Equal(got[j], want[j]) {
				t.Fatalf("text %d record %d: %q, encoding/csv %q", i, j, got[j], want[j])
			}
		}
	}
}

// BenchmarkLoadProducts reads what a process that computes at product
// level on the default baseline (2024) reads once.
func BenchmarkLoadProducts(b *testing.B) {
	chapter := shippedChapters(b)
	b.ReportAllocs()
	for b.Loop() {
		p, err := LoadProducts(chapter)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Lines(2024); err != nil {
			b.Fatal(err)
		}
	}
}

// TestH2SharesIsH2Share checks the walking lookup against the search on
// every code of both years and on codes not in the data, asked in code
// order, in the 2024 lines' order (mostly increasing), in reverse and out
// of order.
func TestH2SharesIsH2Share(t *testing.T) {
	p, _ := shippedProducts(t)
	codes := []string{"0000000000", "9999999999", "0101", "9403999999"}
	for _, year := range []int{2024, 2025} {
		for _, l := range mustLines(t, p, year) {
			codes = append(codes, l.Code, l.Code[:9]+"x")
		}
	}
	sorted := slices.Sorted(slices.Values(codes))
	reversed := slices.Clone(sorted)
	slices.Reverse(reversed)
	shuffled := slices.Clone(sorted)
	for i := range shuffled { // a fixed permutation: every 7th from the end
		j := (i * 7919) % len(shuffled)
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	for name, order := range map[string][]string{"input": codes, "sorted": sorted, "reversed": reversed, "shuffled": shuffled} {
		t.Run(name, func(t *testing.T) {
			look, found := p.H2Shares(), 0
			for _, c := range order {
				s, ok := look(c)
				ws, wok := p.H2Share(c)
				if s != ws || ok != wok {
					t.Fatalf("H2Shares(%s) = %v, %v; H2Share %v, %v", c, s, ok, ws, wok)
				}
				if ok {
					found++
				}
			}
			if found == 0 {
				t.Fatal("no code has an H2 share")
			}
		})
	}
}

// TestLines2024SectorsFollowTheChapters checks that the lines of 2024 take
// their sectors from the chapters' sectors they are read with: the
// embedded column, shared, where those are the built-in ones, else a column
// of their own, the embedded one left unchanged.
func TestLines2024SectorsFollowTheChapters(t *testing.T) {
	var builtin [100]string
	for hs2, s := range shippedChapters(t) {
		n, _ := strconv.Atoi(hs2)
		builtin[n] = s
	}
	embedded := assets.Lines2024().Sector
	before := slices.Clone(embedded)
	c, err := readLines2024(&builtin)
	if err != nil {
		t.Fatal(err)
	}
	if &c.Sector[0] != &embedded[0] {
		t.Error("the built-in chapters' sectors: the sector column is not the embedded one")
	}
	own := builtin
	own[72], own[87] = "OTHERMFG", "AGRI" // iron and steel, vehicles: elsewhere
	c, err = readLines2024(&own)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for i, code := range c.Code {
		n, _ := strconv.Atoi(code[:2])
		if c.Sector[i] != own[n] {
			t.Fatalf("line %s: sector %s, want %s", code, c.Sector[i], own[n])
		}
		if own[n] != builtin[n] {
			moved++
		}
	}
	if moved == 0 || !slices.Equal(embedded, before) {
		t.Errorf("%d lines moved; the embedded column changed: %v", moved, !slices.Equal(embedded, before))
	}
}

// TestH2ClaimsAreH2Shares checks that the claim shares the generator
// computed for the lines of 2024 are what H2Share gives each line's code,
// bit for bit, and that no other columns have them.
func TestH2ClaimsAreH2Shares(t *testing.T) {
	p, _ := shippedProducts(t)
	c, err := p.Columns(2024)
	if err != nil {
		t.Fatal(err)
	}
	claim, has, ok := p.H2Claims(c)
	if !ok || len(claim) != len(c.Code) || len(has) != len(c.Code) {
		t.Fatalf("H2Claims of the lines of 2024: %v, %d shares for %d lines", ok, len(claim), len(c.Code))
	}
	with := 0
	for i, code := range c.Code {
		v, hv := p.H2Share(code)
		if claim[i] != v || has[i] != hv {
			t.Fatalf("line %s: share %v (%v), H2Share gives %v (%v)", code, claim[i], has[i], v, hv)
		}
		if hv {
			with++
		}
	}
	if with == 0 {
		t.Error("no line of 2024 has an H2 share")
	}
	c25, err := p.Columns(2025)
	if err != nil {
		t.Fatal(err)
	}
	own := *c
	own.Code = slices.Clone(c.Code)
	for _, other := range []*scenarios.LineColumns{c25, &own, nil} {
		if _, _, ok := p.H2Claims(other); ok {
			t.Error("H2Claims gives shares for columns other than the built-in lines of 2024")
		}
	}
}
