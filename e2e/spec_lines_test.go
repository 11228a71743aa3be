package e2e

// An independent second implementation of docs/SPEC.md section 2 over trade lines
// (product-level lines, product lists, content shares, line-level CUSMA
// shares) and of section 2.1 (a measure's status, include_threats, import
// bans and banned_usd), written from the text of docs/SPEC.md and the raw files in ../shared/data
// only, and an end-to-end test that compares `parley compute ID --format json
// --lines` with it to the cent. Nothing here reads Parley's own code or its
// embedded copies of the data: the built-in product lists are parsed again
// from their source files in ../shared/data/products.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"parley/storage/storagetest"
)

// ---------------------------------------------------------------------------
// Reference data

// slRef is everything of ../shared/data that docs/SPEC.md section 2 needs:
// the chapter-level data of the shared reader and the product-level lines,
// shares and lists.
type slRef struct {
	*sharedRef
	hts2024  []slLine           // Census 2024 HTS10 lines (con_val_2024)
	hts2025  []slLine           // DataWeb 2025 HTS10 lines with value_2025_usd > 0
	desc2024 map[string]string  // HTS10 -> Census short description
	h2Share  map[string]float64 // HTS10 -> usmca_value_h2 / value_h2 where value_h2 > 0
	content  map[string]map[string]float64
	lists    map[string][]string // list name -> codes (digits only, deduplicated, sorted)
	listSets map[string]map[string]bool
}

// slDigits keeps the digits of s.
func slDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func slLoadReference(t *testing.T) *slRef {
	t.Helper()
	ref := &slRef{sharedRef: loadSharedRef(t), desc2024: map[string]string{},
		h2Share: map[string]float64{}, content: map[string]map[string]float64{}}
	for _, r := range storagetest.SharedCSV(t, "products/derived_census_us_imports_from_canada_hts10_2024.csv") {
		code := r["hs10"]
		ref.hts2024 = append(ref.hts2024, slLine{code: code, sector: ref.sectorOfLine(t, code), desc: r["sdesc"], v: slFloat(t, r["con_val_2024"], "census")})
		ref.desc2024[code] = r["sdesc"]
	}
	for _, r := range storagetest.SharedCSV(t, "products/derived_dataweb_us_imports_from_canada_hts10_2025.csv") {
		code := r["hts10"]
		if v := slFloat(t, r["value_2025_usd"], "dataweb"); v > 0 {
			ref.hts2025 = append(ref.hts2025, slLine{code: code, sector: ref.sectorOfLine(t, code), v: v})
		}
		if h2 := slFloat(t, r["value_h2_2025_usd"], "dataweb"); h2 > 0 {
			ref.h2Share[code] = slFloat(t, r["usmca_value_h2_2025_usd"], "dataweb") / h2
		}
	}
	if len(ref.hts2024) != 12203 || len(ref.hts2025) != 12260 {
		t.Fatalf("%d lines in 2024 and %d in 2025, want 12,203 and 12,260 (docs/SPEC.md section 1)", len(ref.hts2024), len(ref.hts2025))
	}
	kinds := []string{"steel", "aluminum", "copper", "metal"}
	for _, k := range kinds {
		ref.content[k] = map[string]float64{}
	}
	for _, r := range storagetest.SharedCSV(t, "products/yale/metal_content_shares_bea_hs10.csv") {
		for _, k := range kinds {
			col := k + "_share"
			if s := strings.TrimSpace(r[col]); s != "" && s != "NA" {
				ref.content[k][r["hs10"]] = slFloat(t, s, col)
			}
		}
	}
	ref.loadLists(t)
	return ref
}

// loadLists parses every built-in list of docs/SPEC.md section 1 from its source file.
func (ref *slRef) loadLists(t *testing.T) {
	t.Helper()
	raw := map[string][]string{}
	column := func(name, col, filterCol, filterVal string) []string {
		var out []string
		for _, r := range storagetest.SharedCSV(t, "products/yale/"+name) {
			if _, ok := r[col]; !ok {
				t.Fatalf("%s has no column %s", name, col)
			}
			if filterCol == "" || r[filterCol] == filterVal {
				out = append(out, r[col])
			}
		}
		return out
	}
	raw["us-ieepa-energy-ca"] = column("fentanyl_carveout_products.csv", "hts8", "category", "energy_ca")
	raw["us-ieepa-potash-ca"] = column("fentanyl_carveout_products.csv", "hts8", "category", "potash_ca")
	raw["us-s232-copper"] = column("s232_copper_products.csv", "hts10", "", "")
	raw["us-s122-exempt"] = column("s122_exempt_products.csv", "hts8", "", "")
	for name, file := range map[string]string{"us-s232-auto-parts": "s232_auto_parts.txt", "us-s232-mhd-parts": "s232_mhd_parts.txt"} {
		b, err := os.ReadFile(storagetest.SharedPath(t, "data/products/yale/"+file))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				raw[name] = append(raw[name], l)
			}
		}
	}
	b, err := os.ReadFile(storagetest.SharedPath(t, "data/products/yale/policy_params.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var params struct {
		Headings map[string]struct {
			Prefixes []string `yaml:"prefixes"`
		} `yaml:"section_232_headings"`
	}
	if err := yaml.Unmarshal(b, &params); err != nil {
		t.Fatalf("policy_params.yaml: %v", err)
	}
	for name, keys := range map[string][]string{
		"us-s232-autos": {"autos_passenger", "autos_light_trucks"}, "us-s232-mhd-vehicles": {"mhd_vehicles"},
		"us-s232-softwood": {"softwood"}, "us-s232-wood-furniture": {"wood_furniture"},
		"us-s232-kitchen-cabinets": {"kitchen_cabinets"}, "us-s232-buses": {"buses"}, "us-s232-semiconductors": {"semiconductors"},
	} {
		for _, k := range keys {
			h, ok := params.Headings[k]
			if !ok || len(h.Prefixes) == 0 {
				t.Fatalf("policy_params.yaml: section_232_headings.%s has no prefixes", k)
			}
			raw[name] = append(raw[name], h.Prefixes...)
		}
	}
	// twt files: the first field of each record; the 338 files have a
	// header (HTSUS), the three Canadian lists have none (and the steel list
	// has quoted multi-line cells).
	for name, file := range map[string]string{
		"us-s338-alcohol": "canada-338-alcohol.csv", "us-s338-dairy": "canada-338-dairy.csv",
		"us-s338-list-3": "canada-338-autos.csv", "us-s338-aircraft-exempt": "canada-338-aircraft-exempt.csv",
		"ca-surtax-list-1": "canada-march-list.csv", "ca-surtax-list-2": "canada-steel-list.csv",
		"ca-proposed-list-125b": "canada-125b-list.csv",
	} {
		recs := slReadCSV(t, "data/products/twt/"+file)
		for i, r := range recs {
			if len(r) == 0 {
				continue
			}
			if i == 0 && strings.ContainsAny(strings.ToLower(r[0]), "abcdefghijklmnopqrstuvwxyz") {
				continue // a header
			}
			raw[name] = append(raw[name], r[0])
		}
	}
	ref.slMetalsLists(t, raw)
	slUpdateLists(t, raw)
	ref.lists = map[string][]string{}
	ref.listSets = map[string]map[string]bool{}
	for name, codes := range raw {
		set := map[string]bool{}
		for _, c := range codes {
			d := slDigits(c)
			if len(d) < 2 || len(d) > 10 {
				t.Fatalf("list %s: code %q has %d digits", name, c, len(d))
			}
			set[d] = true
		}
		ref.listSets[name] = set
		for c := range set {
			ref.lists[name] = append(ref.lists[name], c)
		}
		sort.Strings(ref.lists[name])
	}
}

// ---------------------------------------------------------------------------
// Scenario files (docs/SPEC.md section 3)

type slMeasure struct {
	ID               string             `json:"id"`
	Label            string             `json:"label"`
	Imposer          string             `json:"imposer"`
	Program          string             `json:"program"`
	Sectors          map[string]float64 `json:"sectors"`
	Rate             float64            `json:"rate"`
	CUSMAExempt      bool               `json:"cusma_exempt"`
	CUSMAExemptShare *float64           `json:"cusma_exempt_share"`
	YieldsTo         []string           `json:"yields_to"`
	Products         *struct {
		Include []string `json:"include"`
		Exclude []string `json:"exclude"`
	} `json:"products"`
	Content  string          `json:"content"`
	Status   string          `json:"status"` // docs/SPEC.md section 2.1; "" is in_force
	Kind     string          `json:"kind"`   // docs/SPEC.md section 2.1; "" is duty
	From     string          `json:"effective_from"`
	To       string          `json:"effective_to"`
	Evidence json.RawMessage `json:"evidence"`
}

type slScenario struct {
	Format      string `json:"format"`
	Name        string `json:"name"`
	Description string `json:"description"`
	AsOf        string `json:"as_of"`
	Assumptions struct {
		BaselineYear   int                           `json:"baseline_year"`
		Granularity    string                        `json:"granularity"`
		CUSMAShares    string                        `json:"cusma_shares"`
		Elasticities   string                        `json:"elasticities"`
		ElasticityLow  *float64                      `json:"elasticity_low"`
		ElasticityHigh *float64                      `json:"elasticity_high"`
		Overrides      map[string]map[string]float64 `json:"overrides"`
		Datasets       map[string]string             `json:"datasets"`
		IncludeThreats bool                          `json:"include_threats"`
	} `json:"assumptions"`
	Measures []slMeasure `json:"measures"`
}

// slParseScenario reads a scenario file strictly: a key this oracle does not
// know would be a rule it does not implement.
func slParseScenario(b []byte) (*slScenario, error) {
	var sc slScenario
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sc); err != nil {
		return nil, err
	}
	return &sc, nil
}

// ---------------------------------------------------------------------------
// Output (docs/SPEC.md section 4)

// slAmounts are the numbers (and the bound mark) that a line, a flow and
// a direction's totals all carry.
type slAmounts struct {
	Baseline        float64 `json:"baseline_usd"`
	Duty            float64 `json:"duty_usd"`
	TradeChange     float64 `json:"trade_change_usd"`
	TradeChangeLow  float64 `json:"trade_change_low_usd"`
	TradeChangeHigh float64 `json:"trade_change_high_usd"`
	ValueAfter      float64 `json:"value_after_usd"`
	DutyCollected   float64 `json:"duty_collected_usd"`
	UpperBound      bool    `json:"upper_bound"`
	Banned          float64 `json:"banned_usd"`
}

// nums are the amounts in the order of slNumberNames.
func (a slAmounts) nums() []float64 {
	return []float64{a.Baseline, a.Duty, a.TradeChange, a.TradeChangeLow, a.TradeChangeHigh, a.ValueAfter, a.DutyCollected, a.Banned}
}

type slFlow struct {
	Direction string  `json:"direction"`
	Sector    string  `json:"sector"`
	Tariff    float64 `json:"tariff"`
	slAmounts
}

type slLineOut struct {
	Direction   string  `json:"direction"`
	Code        string  `json:"code"`
	Sector      string  `json:"sector"`
	Description string  `json:"description,omitempty"`
	Tariff      float64 `json:"tariff"`
	slAmounts
}

type slTotals struct {
	EffectiveRate float64 `json:"effective_rate"`
	slAmounts
}

type slResult struct {
	Scenario string              `json:"scenario"`
	AsOf     string              `json:"as_of"`
	Flows    []slFlow            `json:"flows"`
	Totals   map[string]slTotals `json:"totals"`
	Lines    []slLineOut         `json:"lines"`
}

// slSum is Neumaier's compensated sum, so that the oracle's sums are exact
// to far below a cent whatever the order of the lines.
type slSum struct{ s, c float64 }

func (k *slSum) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k slSum) val() float64 { return k.s + k.c }

// slSums are the amounts whose compensated sums are sums, in the order of
// slNumberNames, with the bound mark ub.
func slSums(sums [8]slSum, ub bool) slAmounts {
	return slAmounts{Baseline: sums[0].val(), Duty: sums[1].val(), TradeChange: sums[2].val(), TradeChangeLow: sums[3].val(),
		TradeChangeHigh: sums[4].val(), ValueAfter: sums[5].val(), DutyCollected: sums[6].val(), Banned: sums[7].val(), UpperBound: ub}
}

// ---------------------------------------------------------------------------
// The calculation (docs/SPEC.md section 2)

// slMatcher holds one measure's product entries, expanded.
type slMatcher struct {
	given bool            // include is given
	inc   map[string]bool // include codes
	incPP map[string]bool // proper prefixes (2+ digits) of include codes
	exc   map[string]bool
	excPP map[string]bool
}

func (ref *slRef) matcher(entries []string, what string) (set, pp map[string]bool, err error) {
	set, pp = map[string]bool{}, map[string]bool{}
	addCode := func(c string) {
		set[c] = true
		for n := 2; n < len(c); n++ {
			pp[c[:n]] = true
		}
	}
	for _, e := range entries {
		if name, ok := strings.CutPrefix(e, "list:"); ok {
			l, ok := ref.lists[name]
			if !ok {
				return nil, nil, fmt.Errorf("%s: unknown list %q", what, name)
			}
			for _, c := range l {
				addCode(c)
			}
			continue
		}
		d := slDigits(e)
		if len(d) < 2 || len(d) > 10 || strings.Trim(e, "0123456789. ") != "" {
			return nil, nil, fmt.Errorf("%s: bad product entry %q", what, e)
		}
		addCode(d)
	}
	return set, pp, nil
}

// in reports whether code starts with one of set's codes.
func slIn(code string, set map[string]bool) bool {
	for n := 2; n <= len(code); n++ {
		if set[code[:n]] {
			return true
		}
	}
	return false
}

// prod returns prod(m,l) and whether the line is covered only partly (an
// upper bound).
func (m *slMatcher) prod(code string) (float64, bool) {
	if m == nil {
		return 1, false
	}
	partial := false
	if m.given {
		switch {
		case slIn(code, m.inc):
		case m.incPP[code]:
			partial = true
		default:
			return 0, false
		}
	}
	if slIn(code, m.exc) {
		return 0, false
	}
	if m.excPP[code] {
		partial = true
	}
	return 1, partial
}

type slActive struct {
	m     *slMeasure
	match *slMatcher
	ban   bool // kind "ban" (docs/SPEC.md section 2.1)
}

// slIsActive is docs/SPEC.md section 2.1's status rule with section 2's dates: in_force (or
// no status) and announced measures by their dates; threatened ones by
// their dates only when the assumptions include threats; struck_down and
// expired ones never.
func slIsActive(m *slMeasure, asOf string, includeThreats bool) (bool, error) {
	switch m.Status {
	case "", "in_force", "announced":
	case "threatened":
		if !includeThreats {
			return false, nil
		}
	case "struck_down", "expired":
		return false, nil
	default:
		return false, fmt.Errorf("%s: status %q", m.ID, m.Status)
	}
	return m.From <= asOf && (m.To == "" || asOf <= m.To), nil
}

// compute evaluates sc on asOf, returning the docs/SPEC.md section 4 object with lines.
func (ref *slRef) compute(sc *slScenario, asOf string) (*slResult, error) {
	a := sc.Assumptions
	v1 := sc.Format == "parley.scenario/1"
	if !v1 && sc.Format != "parley.scenario/2" {
		return nil, fmt.Errorf("format %q", sc.Format)
	}
	if len(a.Datasets) > 0 {
		return nil, fmt.Errorf("datasets are not implemented by this oracle")
	}
	if a.Elasticities != "hauk2012" {
		return nil, fmt.Errorf("elasticity preset %q is not implemented by this oracle", a.Elasticities)
	}
	gran := a.Granularity
	if v1 {
		if gran != "" {
			return nil, fmt.Errorf("granularity in a /1 file")
		}
		gran = "chapter"
	} else if gran == "" {
		gran = "product"
	}
	low, high := 0.5, 1.5
	if a.ElasticityLow != nil {
		low = *a.ElasticityLow
	}
	if a.ElasticityHigh != nil {
		high = *a.ElasticityHigh
	}
	preset := a.CUSMAShares
	if preset == "" {
		preset = "h2-2025"
	}
	if _, ok := ref.monthShare[preset]; !ok && preset != "h2-2025" && preset != "h2-2025-sector" {
		return nil, fmt.Errorf("CUSMA preset %q is not implemented by this oracle", preset)
	}
	out := &slResult{Scenario: sc.Name, AsOf: asOf, Totals: map[string]slTotals{}, Lines: []slLineOut{}}
	for _, dir := range []string{"ca_to_us", "us_to_ca"} {
		imposer := map[string]string{"ca_to_us": "US", "us_to_ca": "CA"}[dir]
		var lines []slLine
		switch {
		case gran == "product" && dir == "ca_to_us" && a.BaselineYear == 2024:
			lines = ref.hts2024
		case gran == "product" && dir == "ca_to_us" && a.BaselineYear == 2025:
			lines = ref.hts2025
		default:
			lines = ref.chapters[a.BaselineYear][dir]
		}
		if len(lines) == 0 {
			return nil, fmt.Errorf("no lines for %s %d", dir, a.BaselineYear)
		}
		var active []slActive
		for i := range sc.Measures {
			m := &sc.Measures[i]
			on, err := slIsActive(m, asOf, a.IncludeThreats)
			if err != nil {
				return nil, err
			}
			if m.Imposer != imposer || !on {
				continue
			}
			act := slActive{m: m}
			switch m.Kind {
			case "", "duty":
			case "ban":
				// A ban has rate 0; content and cusma_exempt are not allowed.
				if m.Rate != 0 || m.Content != "" || m.CUSMAExempt {
					return nil, fmt.Errorf("%s: a ban with a rate, content or cusma_exempt", m.ID)
				}
				act.ban = true
			default:
				return nil, fmt.Errorf("%s: kind %q", m.ID, m.Kind)
			}
			if m.Products != nil {
				mt := &slMatcher{given: m.Products.Include != nil}
				var err error
				if mt.inc, mt.incPP, err = ref.matcher(m.Products.Include, m.ID+" include"); err != nil {
					return nil, err
				}
				if mt.exc, mt.excPP, err = ref.matcher(m.Products.Exclude, m.ID+" exclude"); err != nil {
					return nil, err
				}
				act.match = mt
			}
			if m.Content != "" && ref.content[m.Content] == nil {
				return nil, fmt.Errorf("%s: content %q", m.ID, m.Content)
			}
			active = append(active, act)
		}
		sums := map[string]*[8]slSum{} // the seven numbers and banned_usd
		ubSector := map[string]bool{}
		for _, s := range ref.sectors {
			sums[s] = &[8]slSum{}
		}
		cov := make([]float64, len(active))
		part := make([]bool, len(active))
		for _, l := range lines {
			s := l.sector
			// CUSMA share c(l).
			c := 0.0
			if ov, ok := a.Overrides["cusma_share"][s]; ok {
				c = ov
			} else if dir == "ca_to_us" {
				switch {
				case preset == "h2-2025-sector" || (preset == "h2-2025" && v1):
					c = ref.sectorShare[s]
				case preset == "h2-2025":
					if sh, ok := ref.h2Share[l.code]; ok && len(l.code) == 10 {
						c = sh
					} else {
						c = ref.sectorShare[s]
					}
				default:
					c = ref.monthShare[preset]
				}
			}
			e := ref.elast[s]
			if ov, ok := a.Overrides["elasticity"][s]; ok {
				e = ov
			}
			t0 := a.Overrides["baseline_tariff"][s]
			// cov(m,l) for every active measure.
			for i, act := range active {
				m := act.m
				sec := 0.0
				if m.Sectors == nil && !v1 {
					sec = 1
				} else if v, ok := m.Sectors[s]; ok {
					sec = v
				} else if v, ok := m.Sectors["*"]; ok {
					sec = v
				}
				p, partial := act.match.prod(l.code)
				k := 1.0
				if m.Content != "" {
					if sh, ok := ref.content[m.Content][l.code]; ok && len(l.code) == 10 {
						k = math.Min(1, math.Max(0, sh))
					} else {
						partial = true
					}
				}
				cov[i] = sec * p * k
				part[i] = partial
			}
			// B(l): the largest coverage of the active bans; bans do not
			// add. A ban covering the line only partly makes it a bound.
			ban, banUB := 0.0, false
			for i, act := range active {
				if act.ban && cov[i] > 0 {
					ban = math.Max(ban, cov[i])
					banUB = banUB || part[i]
				}
			}
			tau := 0.0
			ub := false
			for i, act := range active {
				m := act.m
				if act.ban {
					continue // rate 0: a ban adds no duty
				}
				cv := cov[i]
				if len(m.YieldsTo) > 0 {
					p := 0.0
					for j, o := range active {
						if j != i && slices.Contains(m.YieldsTo, o.m.Program) {
							p = math.Max(p, cov[j])
						}
					}
					cv *= 1 - p
				}
				d := 1.0
				if m.CUSMAExempt {
					x := 1.0
					if m.CUSMAExemptShare != nil {
						x = *m.CUSMAExemptShare
					}
					d = 1 - c*x
				}
				add := m.Rate * cv * d
				tau += add
				if add > 0 && part[i] {
					ub = true
				}
			}
			v := l.v
			vb := v * ban         // VB(l), the banned value
			rest := v * (1 - ban) // what the duties fall on
			dm := func(el float64) float64 { return -vb + math.Max(-rest, -el*rest*tau/(1+t0)) }
			lo := slLineOut{Direction: dir, Code: l.code, Sector: s, Description: l.desc, Tariff: tau,
				slAmounts: slAmounts{Baseline: v, Duty: rest * tau, TradeChange: dm(e), TradeChangeLow: dm(e * low),
					TradeChangeHigh: dm(e * high), Banned: vb}}
			lo.ValueAfter = v + lo.TradeChange
			lo.DutyCollected = tau * lo.ValueAfter
			lo.UpperBound = (ub && lo.Duty != 0) || (banUB && vb != 0)
			sm := sums[s]
			for i, x := range lo.nums() {
				sm[i].add(x)
			}
			if lo.UpperBound {
				ubSector[s] = true
			}
			if lo.Duty != 0 {
				out.Lines = append(out.Lines, lo)
			}
		}
		var tot [8]slSum
		totUB := false
		for _, s := range ref.sectors {
			sm := sums[s]
			f := slFlow{Direction: dir, Sector: s, slAmounts: slSums(*sm, ubSector[s])}
			if f.Baseline != 0 {
				f.Tariff = f.Duty / f.Baseline
			}
			out.Flows = append(out.Flows, f)
			for i, x := range f.nums() {
				tot[i].add(x)
			}
			totUB = totUB || f.UpperBound
		}
		tt := slTotals{slAmounts: slSums(tot, totUB)}
		if tt.Baseline != 0 {
			tt.EffectiveRate = tt.Duty / tt.Baseline
		}
		out.Totals[dir] = tt
	}
	sort.SliceStable(out.Lines, func(i, j int) bool { return out.Lines[i].Duty > out.Lines[j].Duty })
	return out, nil
}

// ---------------------------------------------------------------------------
// Comparison

// slReport collects the disagreements of one comparison, capped so that a
// systematic difference does not flood the log.
type slReport struct {
	t      *testing.T
	n      int
	strict bool // upper_bound flags must match (own scenarios)
	ubDiff []string
}

func (r *slReport) errorf(format string, args ...any) {
	r.t.Helper()
	r.n++
	if r.n <= 25 {
		r.t.Errorf(format, args...)
	} else if r.n == 26 {
		r.t.Errorf("... more disagreements not shown")
	}
}

func (r *slReport) upperBound(what string, got, want bool) {
	r.t.Helper()
	if got == want {
		return
	}
	if r.strict {
		r.errorf("%s upper_bound = %v, want %v", what, got, want)
	} else {
		r.ubDiff = append(r.ubDiff, fmt.Sprintf("%s: parley %v, oracle %v", what, got, want))
	}
}

// amounts compares what's amounts to the cent, its rate (named rateName)
// relatively, and its bound mark.
func (r *slReport) amounts(what string, got, want slAmounts, rateName string, gotRate, wantRate float64) {
	r.t.Helper()
	gn, wn := got.nums(), want.nums()
	for i := range gn {
		if !slCent(gn[i], wn[i]) {
			r.errorf("%s %s = %.4f, want %.4f (diff %.4f)", what, slNumberNames[i], gn[i], wn[i], gn[i]-wn[i])
		}
	}
	if !slRel(gotRate, wantRate) {
		r.errorf("%s %s = %.17g, want %.17g", what, rateName, gotRate, wantRate)
	}
	r.upperBound(what, got.UpperBound, want.UpperBound)
}

func slCent(a, b float64) bool { return math.Abs(a-b) < 0.005 }

// slRel compares tariffs and rates to 1e-12 relative (with an absolute
// floor of 1e-15 for values near zero).
func slRel(a, b float64) bool {
	return math.Abs(a-b) <= math.Max(1e-12*math.Max(math.Abs(a), math.Abs(b)), 1e-15)
}

var slNumberNames = []string{"baseline_usd", "duty_usd", "trade_change_usd", "trade_change_low_usd",
	"trade_change_high_usd", "value_after_usd", "duty_collected_usd", "banned_usd"}

func (ref *slRef) compare(r *slReport, got, want *slResult) {
	r.t.Helper()
	if got.Scenario != want.Scenario || got.AsOf != want.AsOf {
		r.errorf("header: scenario %q as_of %s, want %q %s", got.Scenario, got.AsOf, want.Scenario, want.AsOf)
	}
	for _, d := range []string{"ca_to_us", "us_to_ca"} {
		g, ok := got.Totals[d]
		if !ok {
			r.errorf("no totals for %s", d)
			continue
		}
		w := want.Totals[d]
		r.amounts("total "+d, g.slAmounts, w.slAmounts, "effective_rate", g.EffectiveRate, w.EffectiveRate)
	}
	// Flows: one per sector and direction.
	if len(got.Flows) != len(want.Flows) {
		r.errorf("%d flows, want %d", len(got.Flows), len(want.Flows))
	}
	gf := map[string]slFlow{}
	for _, f := range got.Flows {
		k := f.Direction + " " + f.Sector
		if _, dup := gf[k]; dup {
			r.errorf("flow %s twice", k)
		}
		gf[k] = f
	}
	for _, w := range want.Flows {
		k := w.Direction + " " + w.Sector
		g, ok := gf[k]
		if !ok {
			r.errorf("no flow %s", k)
			continue
		}
		r.amounts("flow "+k, g.slAmounts, w.slAmounts, "tariff", g.Tariff, w.Tariff)
	}
	// Lines: the same set, largest duty first, each to the cent.
	gl := map[string]slLineOut{}
	for i, l := range got.Lines {
		k := l.Direction + " " + l.Code
		if _, dup := gl[k]; dup {
			r.errorf("line %s twice", k)
		}
		gl[k] = l
		if i > 0 && l.Duty > got.Lines[i-1].Duty+0.005 {
			r.errorf("lines not largest duty first: %s (%.2f) after %s (%.2f)", k, l.Duty,
				got.Lines[i-1].Direction+" "+got.Lines[i-1].Code, got.Lines[i-1].Duty)
		}
	}
	wl := map[string]bool{}
	var missing []string
	for _, w := range want.Lines {
		k := w.Direction + " " + w.Code
		wl[k] = true
		g, ok := gl[k]
		if !ok {
			missing = append(missing, fmt.Sprintf("%s (duty %.2f)", k, w.Duty))
			continue
		}
		if g.Sector != w.Sector {
			r.errorf("line %s sector %s, want %s", k, g.Sector, w.Sector)
		}
		if w.Direction == "ca_to_us" && len(w.Code) == 10 && w.Description != "" &&
			strings.TrimSpace(g.Description) != strings.TrimSpace(w.Description) {
			r.errorf("line %s description %q, want the Census short description %q", k, g.Description, w.Description)
		}
		r.amounts("line "+k, g.slAmounts, w.slAmounts, "tariff", g.Tariff, w.Tariff)
	}
	var extra []string
	for _, g := range got.Lines {
		if k := g.Direction + " " + g.Code; !wl[k] {
			extra = append(extra, fmt.Sprintf("%s (duty %.2f)", k, g.Duty))
		}
	}
	if len(missing) > 0 {
		r.errorf("%d lines with duty missing from parley's output, e.g. %v", len(missing), missing[:min(8, len(missing))])
	}
	if len(extra) > 0 {
		r.errorf("%d lines in parley's output that have no duty here, e.g. %v", len(extra), extra[:min(8, len(extra))])
	}
}

// slCompute runs `parley compute ID --format json --lines [--as-of D]` and
// decodes it, reporting keys outside docs/SPEC.md section 4.
func slCompute(t *testing.T, ws, id, asOf string) *slResult {
	t.Helper()
	args := []string{"-w", ws, "compute", id, "--format", "json", "--lines"}
	if asOf != "" {
		args = append(args, "--as-of", asOf)
	}
	r := run(t, nil, args...)
	if r.code != 0 {
		t.Fatalf("compute %s %s: exit %d: %s", id, asOf, r.code, r.stderr)
	}
	var got slResult
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Errorf("compute %s: output is not exactly docs/SPEC.md section 4's object: %v", id, err)
		got = slResult{}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
	}
	slCheckKeys(t, id, r.stdout)
	return &got
}

// slCheckKeys reports a key of docs/SPEC.md section 4 missing from the output.
func slCheckKeys(t *testing.T, id, out string) {
	t.Helper()
	var raw struct {
		Flows  []map[string]json.RawMessage          `json:"flows"`
		Totals map[string]map[string]json.RawMessage `json:"totals"`
		Lines  []map[string]json.RawMessage          `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	nums := []string{"baseline_usd", "duty_usd", "trade_change_usd", "trade_change_low_usd", "trade_change_high_usd",
		"value_after_usd", "duty_collected_usd", "banned_usd"}
	need := func(what string, obj map[string]json.RawMessage, keys ...string) bool {
		for _, k := range keys {
			if _, ok := obj[k]; !ok {
				t.Errorf("compute %s: %s has no %q", id, what, k)
				return false
			}
		}
		return true
	}
	for _, f := range raw.Flows {
		if !need("a flow", f, append([]string{"direction", "sector", "tariff", "upper_bound"}, nums...)...) {
			break
		}
	}
	for _, d := range []string{"ca_to_us", "us_to_ca"} {
		need("totals."+d, raw.Totals[d], append([]string{"effective_rate", "upper_bound"}, nums...)...)
	}
	for _, l := range raw.Lines {
		if !need("a line", l, append([]string{"direction", "code", "sector", "tariff", "upper_bound"}, nums...)...) {
			break
		}
	}
}

// ---------------------------------------------------------------------------
// The scenarios of this test

// slMeasures is a measure set that exercises every rule of docs/SPEC.md section 2
// over product lines (and, on chapter lines, the partial matches).
const slMeasures = `
 {"id": "us-ieepa-35", "label": "IEEPA 35% on non-CUSMA goods", "imposer": "US", "program": "IEEPA",
  "sectors": {"*": 1, "SPECIAL": 0}, "rate": 0.35, "cusma_exempt": true, "yields_to": ["S232", "IEEPA-10", "CA-S"],
  "products": {"exclude": ["list:us-ieepa-energy-ca", "list:us-ieepa-potash-ca"]},
  "effective_from": "2025-08-01", "effective_to": "2026-02-23"},
 {"id": "us-ieepa-10", "label": "IEEPA 10% on energy and potash", "imposer": "US", "program": "IEEPA-10", "rate": 0.1,
  "cusma_exempt": true, "products": {"include": ["list:us-ieepa-energy-ca", "list:us-ieepa-potash-ca"]},
  "effective_from": "2025-03-07", "effective_to": "2026-02-23"},
 {"id": "us-s232-steel", "label": "S232 steel 50% on steel content", "imposer": "US", "program": "S232", "rate": 0.5,
  "content": "steel", "products": {"include": ["list:us-s232-steel-derivatives", "72", "7306.30.50", "7308.90"], "exclude": ["7204"]},
  "effective_from": "2025-06-04", "effective_to": "2026-04-05"},
 {"id": "us-s232-alu", "label": "S232 aluminum 50% on aluminum content", "imposer": "US", "program": "S232", "rate": 0.5,
  "content": "aluminum", "products": {"include": ["list:us-s232-aluminum-derivatives", "76"]},
  "effective_from": "2025-06-04", "effective_to": "2026-04-05"},
 {"id": "us-s232-copper", "label": "S232 copper 50% on copper content", "imposer": "US", "program": "S232", "rate": 0.5,
  "content": "copper", "products": {"include": ["list:us-s232-copper", "7106.91"]}, "effective_from": "2025-08-01"},
 {"id": "us-s232-autos", "label": "S232 vehicles 25% on non-US content", "imposer": "US", "program": "S232", "rate": 0.25,
  "cusma_exempt": true, "cusma_exempt_share": 0.4, "products": {"include": ["list:us-s232-autos", "list:us-s232-mhd-vehicles"]},
  "effective_from": "2025-04-03"},
 {"id": "us-s232-parts", "label": "S232 auto parts 25%", "imposer": "US", "program": "S232", "rate": 0.25, "cusma_exempt": true,
  "products": {"include": ["list:us-s232-auto-parts"], "exclude": ["8708.29.5060", "4011.10.1010"]}, "effective_from": "2025-05-03"},
 {"id": "us-metal", "label": "Metal content 15%", "imposer": "US", "program": "S232M", "rate": 0.15, "content": "metal",
  "sectors": {"ELECTRONICS": 1, "*": 0.5}, "products": {"include": ["8542.31", "8431", "9401 61", "list:us-s232-annex-1b"]},
  "effective_from": "2026-04-06"},
 {"id": "us-evs", "label": "EVs 15%", "imposer": "US", "program": "EV", "rate": 0.15, "sectors": {"AUTOS": 0.8},
  "products": {"include": ["870380"]}, "effective_from": "2025-10-01"},
 {"id": "us-s122", "label": "Section 122 10%", "imposer": "US", "program": "S122", "rate": 0.1,
  "sectors": {"*": 1, "ENERGY": 0.5}, "products": {"exclude": ["list:us-s122-exempt"]}, "yields_to": ["S232", "S232M"],
  "effective_from": "2026-02-24", "effective_to": "2026-07-23"},
 {"id": "us-s338", "label": "Section 338 50%", "imposer": "US", "program": "S338", "rate": 0.5, "yields_to": ["S232"],
  "products": {"include": ["list:us-s338-alcohol", "list:us-s338-dairy", "list:us-s338-list-3", "4011.10.1010"],
   "exclude": ["list:us-s338-aircraft-exempt", "2204.21", "2203.00.00"]}, "effective_from": "2026-08-19"},
 {"id": "ca-surtax-1", "label": "Canada surtax list 1", "imposer": "CA", "program": "CA-S", "rate": 0.25, "cusma_exempt": true,
  "sectors": {"*": 1, "DAIRY": 0.5}, "products": {"include": ["list:ca-surtax-list-1"]},
  "effective_from": "2025-03-04", "effective_to": "2025-09-01"},
 {"id": "ca-surtax-2", "label": "Canada surtax list 2", "imposer": "CA", "program": "CA-T", "rate": 0.25, "yields_to": ["CA-S", "CA-T"],
  "products": {"include": ["list:ca-surtax-list-2"], "exclude": ["7208.10.00", "94"]}, "effective_from": "2025-03-13"},
 {"id": "ca-steel-content", "label": "Canada 10% on steel content", "imposer": "CA", "program": "CA-S", "rate": 0.1,
  "content": "steel", "yields_to": ["S232"], "products": {"include": ["73"]}, "effective_from": "2025-04-01"}`

// slChapterExtra adds, for the chapter scenario, a chapter fully excluded
// and a chapter fully included.
const slChapterExtra = `,
 {"id": "us-chapters", "label": "5% on chapters 27 and 87", "imposer": "US", "program": "X", "rate": 0.05,
  "products": {"include": ["87", "8703.23", "27"], "exclude": ["27"]}, "effective_from": "2025-01-01"}`

// slBoundMeasures isolate the upper-bound rules on chapter lines: a line
// fully in one include entry and partly in another is not a bound (22, 87,
// 33); partly in an include entry only (24) or partly in an exclude entry (30)
// is; content on a chapter line has no share (74); a partial measure that
// adds no duty (44: its claimed share is 1; 94: it yields to a measure that
// covers the whole chapter) does not make the line a bound.
const slBoundMeasures = `
 {"id": "ca-22", "label": "22 and 2203.00", "imposer": "CA", "program": "X1", "rate": 0.1, "products": {"include": ["22", "2203.00"]},
  "effective_from": "2025-01-01"},
 {"id": "ca-24", "label": "2401.10", "imposer": "CA", "program": "X2", "rate": 0.1, "products": {"include": ["2401.10"]},
  "effective_from": "2025-01-01"},
 {"id": "ca-30", "label": "30, 31, 33 less 3004.90 and 31", "imposer": "CA", "program": "X3", "rate": 0.1,
  "products": {"include": ["30", "31", "33"], "exclude": ["3004.90", "31"]}, "effective_from": "2025-01-01"},
 {"id": "us-74", "label": "copper content of 74", "imposer": "US", "program": "Y1", "rate": 0.5, "content": "copper",
  "products": {"include": ["74"]}, "effective_from": "2025-01-01"},
 {"id": "us-87", "label": "87 and 8703.23", "imposer": "US", "program": "Y2", "rate": 0.1, "products": {"include": ["8703.23", "87"]},
  "effective_from": "2025-01-01"},
 {"id": "us-4407", "label": "4407.11, CUSMA-exempt", "imposer": "US", "program": "Y3", "rate": 0.2, "cusma_exempt": true,
  "products": {"include": ["4407.11"]}, "effective_from": "2025-01-01"},
 {"id": "us-44", "label": "44", "imposer": "US", "program": "Y4", "rate": 0.05, "products": {"include": ["44"]}, "effective_from": "2025-01-01"},
 {"id": "us-9401", "label": "9401.61, yields to Y6", "imposer": "US", "program": "Y5", "rate": 0.2, "yields_to": ["Y6"],
  "products": {"include": ["9401.61"]}, "effective_from": "2025-01-01"},
 {"id": "us-94", "label": "94", "imposer": "US", "program": "Y6", "rate": 0.05, "sectors": {"OTHERMFG": 1},
  "products": {"include": ["94"]}, "effective_from": "2025-01-01"}`

// slBanMeasures exercise docs/SPEC.md section 2.1: a full ban (beer), a partial ban
// (half of wine) overlapped by a full one (2204.21), bans and duties on the
// same lines, a partial ban under a duty that clips (vinegar at 300%), bans
// partly covering Canada's chapter lines (upper bounds) and a full one,
// and every status: threatened duties and bans (one that others yield to),
// an expired and a struck-down duty, an announced one that starts later.
const slBanMeasures = `
 {"id": "us-beer-ban", "label": "beer ban", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
  "products": {"include": ["2203"]}, "effective_from": "2026-09-29"},
 {"id": "us-wine-half", "label": "half of wine banned", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
  "sectors": {"FOOD": 0.5}, "products": {"include": ["2204"]}, "effective_from": "2026-09-29"},
 {"id": "us-spirits-ban", "label": "spirits and 2204.21 banned", "imposer": "US", "program": "S338", "kind": "ban",
  "status": "announced", "rate": 0, "products": {"include": ["2208", "2204.21"]}, "effective_from": "2026-09-29"},
 {"id": "us-22", "label": "25% on chapter 22 and 0401", "imposer": "US", "program": "D", "rate": 0.25, "cusma_exempt": true,
  "products": {"include": ["22", "0401"]}, "effective_from": "2026-01-01"},
 {"id": "us-vinegar-part", "label": "30% of vinegar banned", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
  "sectors": {"*": 0.3}, "products": {"include": ["2209"]}, "effective_from": "2026-09-29"},
 {"id": "us-vinegar-300", "label": "300% on vinegar", "imposer": "US", "program": "V", "rate": 3,
  "products": {"include": ["2209"]}, "effective_from": "2026-01-01"},
 {"id": "us-threat-autos", "label": "threatened 50% on autos", "imposer": "US", "program": "T", "status": "threatened",
  "rate": 0.5, "sectors": {"AUTOS": 1}, "effective_from": "2026-01-01"},
 {"id": "us-threat-milk-ban", "label": "threatened ban on milk powder", "imposer": "US", "program": "T", "kind": "ban",
  "status": "threatened", "rate": 0, "products": {"include": ["0402"]}, "effective_from": "2026-01-01"},
 {"id": "us-fent", "label": "10% yielding to T", "imposer": "US", "program": "F", "rate": 0.1, "yields_to": ["T"],
  "sectors": {"AUTOS": 1, "DAIRY": 1}, "effective_from": "2026-01-01"},
 {"id": "us-expired", "label": "expired 10% on everything", "imposer": "US", "program": "E", "status": "expired",
  "rate": 0.1, "effective_from": "2025-01-01"},
 {"id": "us-struck", "label": "struck-down 35% on lumber", "imposer": "US", "program": "S", "status": "struck_down",
  "rate": 0.35, "products": {"include": ["4407"]}, "effective_from": "2025-01-01"},
 {"id": "us-lumber-2027", "label": "announced 30% on lumber from 2027", "imposer": "US", "program": "W", "status": "announced",
  "rate": 0.3, "products": {"include": ["4407"]}, "effective_from": "2027-01-01"},
 {"id": "ca-ban-partial", "label": "Canada bans 8414 and 2203.00", "imposer": "CA", "program": "CB", "kind": "ban", "rate": 0,
  "products": {"include": ["8414", "2203.00"]}, "effective_from": "2026-09-08"},
 {"id": "ca-ban-24", "label": "Canada bans chapter 24", "imposer": "CA", "program": "CB", "kind": "ban", "status": "in_force",
  "rate": 0, "products": {"include": ["24"]}, "effective_from": "2026-09-08"},
 {"id": "ca-duty", "label": "Canada 25% on 84, 22 and 24", "imposer": "CA", "program": "CD", "kind": "duty", "rate": 0.25,
  "products": {"include": ["84", "22", "24"]}, "effective_from": "2026-01-01"}`

type slCase struct {
	file  string
	body  string
	dates []string
}

// slMayReject names the files whose clear refusal at import (exit 2) is as
// good as computing them as the oracle does.
var slMayReject = map[string]bool{"empty.json": true}

func slV2(name, asOf, assumptions, measures string) string {
	return `{"format": "parley.scenario/2", "name": "` + name + `", "description": "oracle scenario of spec_lines_test.go",
 "as_of": "` + asOf + `", "assumptions": {` + assumptions + `}, "measures": [` + measures + `]}`
}

var slCases = []slCase{
	{"p2024.json", slV2("Oracle lines 2024", "2025-08-15", `"baseline_year": 2024, "granularity": "product", "cusma_shares": "h2-2025",
   "elasticities": "hauk2012", "elasticity_low": 0.25, "elasticity_high": 2,
   "overrides": {"cusma_share": {"AUTOS": 0.5}, "elasticity": {"STEEL": 2.0, "FERT": 3, "SPECIAL": 0.5},
     "baseline_tariff": {"DAIRY": 2.5, "AGRI": 0.1, "STEEL": 0.05}}`, slMeasures),
		[]string{"2025-03-04", "2025-03-13", "2025-08-01", "2025-09-01", "2025-09-02", "2026-02-23", "2026-02-24",
			"2026-04-05", "2026-04-06", "2026-08-19"}},
	{"p2025.json", slV2("Oracle lines 2025", "2026-08-19", `"baseline_year": 2025, "cusma_shares": "h2-2025", "elasticities": "hauk2012"`, slMeasures),
		[]string{"2025-08-18", "2026-03-01", "2026-07-23"}},
	{"p2024sector.json", slV2("Oracle lines 2024 sector shares", "2025-08-15", `"baseline_year": 2024, "granularity": "product",
   "cusma_shares": "h2-2025-sector", "elasticities": "hauk2012", "elasticity_low": 0.5, "elasticity_high": 1.5,
   "overrides": {"cusma_share": {}, "elasticity": {}, "baseline_tariff": {}}`, slMeasures),
		[]string{"2026-04-06"}},
	{"p2025month.json", slV2("Oracle lines 2025 monthly share", "2025-09-01", `"baseline_year": 2025, "granularity": "product",
   "cusma_shares": "2025-10", "elasticities": "hauk2012", "elasticity_low": 0.1, "elasticity_high": 3,
   "overrides": {"cusma_share": {"STEEL": 1, "ENERGY": 0}, "elasticity": {"AUTOS": 40}, "baseline_tariff": {"AUTOS": 0.025}}`, slMeasures),
		[]string{"2026-05-01"}},
	{"p2023.json", slV2("Oracle lines 2023", "2025-08-15", `"baseline_year": 2023, "granularity": "product", "cusma_shares": "h2-2025",
   "elasticities": "hauk2012", "overrides": {"cusma_share": {"ALUMINUM": 0.3}}`, slMeasures),
		[]string{"2026-08-19"}},
	{"chapter.json", slV2("Oracle chapter lines 2024", "2025-08-15", `"baseline_year": 2024, "granularity": "chapter",
   "cusma_shares": "h2-2025", "elasticities": "hauk2012", "elasticity_low": 0.5, "elasticity_high": 1.5,
   "overrides": {"cusma_share": {"AUTOS": 0.5}, "elasticity": {}, "baseline_tariff": {"STEEL": 0.1}}`, slMeasures+slChapterExtra),
		[]string{"2025-04-01", "2026-04-06", "2026-08-19"}},
	{"bounds.json", slV2("Oracle upper bounds on chapters", "2025-08-15", `"baseline_year": 2025, "granularity": "chapter",
   "cusma_shares": "2026-02", "elasticities": "hauk2012", "overrides": {"cusma_share": {"LUMBER": 1}}`, slBoundMeasures),
		[]string{"2025-12-31"}},
	// docs/SPEC.md section 2.1: statuses and bans, with and without threats.
	{"bans.json", slV2("Oracle bans and threats", "2026-10-01", `"baseline_year": 2024, "cusma_shares": "h2-2025",
   "elasticities": "hauk2012", "include_threats": true`, slBanMeasures),
		[]string{"2026-09-01", "2027-02-01"}},
	{"bans-nothreats.json", slV2("Oracle bans without threats", "2026-10-01", `"baseline_year": 2025, "cusma_shares": "h2-2025",
   "elasticities": "hauk2012", "elasticity_low": 0.25, "elasticity_high": 3, "include_threats": false`, slBanMeasures),
		[]string{"2027-02-01"}},
	// docs/SPEC.md section 2: "prod(m,l) = 0 if include is given and the line is
	// neither in nor partly in any include entry": an empty include covers
	// nothing (or the file is refused), it does not cover everything.
	{"empty.json", slV2("Oracle empty include", "2025-08-15", `"baseline_year": 2024, "cusma_shares": "h2-2025", "elasticities": "hauk2012"`,
		`{"id": "us-none", "label": "include given but empty: covers nothing", "imposer": "US", "program": "N", "rate": 0.1,
   "products": {"include": []}, "effective_from": "2025-01-01"},
  {"id": "us-beer", "label": "beer", "imposer": "US", "program": "B", "rate": 0.2, "products": {"include": ["2203 00 00"]},
   "effective_from": "2025-01-01"}`),
		nil},
	{"v1.json", `{"format": "parley.scenario/1", "name": "Oracle format 1", "description": "sector shares, chapter lines",
 "as_of": "2025-08-15",
 "assumptions": {"baseline_year": 2025, "cusma_shares": "h2-2025", "elasticities": "hauk2012", "elasticity_low": 0.5, "elasticity_high": 1.5,
   "overrides": {"cusma_share": {"AUTOS": 0.5, "STEEL": 0.2}, "elasticity": {"AUTOS": 1.5}, "baseline_tariff": {"AUTOS": 0.025}}},
 "measures": [
  {"id": "a", "label": "IEEPA", "imposer": "US", "program": "IEEPA", "sectors": {"*": 1, "ENERGY": 0.1, "SPECIAL": 0}, "rate": 0.35,
   "cusma_exempt": true, "yields_to": ["S232"], "effective_from": "2025-08-01", "effective_to": "2026-02-23"},
  {"id": "b", "label": "S232 metals", "imposer": "US", "program": "S232", "sectors": {"STEEL": 0.8, "ALUMINUM": 1, "COPPER": 0.3},
   "rate": 0.5, "effective_from": "2025-06-04"},
  {"id": "c", "label": "S232 autos", "imposer": "US", "program": "S232", "sectors": {"AUTOS": 0.6}, "rate": 0.25, "cusma_exempt": true,
   "effective_from": "2025-04-03"},
  {"id": "d", "label": "Canada", "imposer": "CA", "program": "CA-S", "sectors": {"*": 0.3, "STEEL": 1}, "rate": 0.25,
   "cusma_exempt": true, "effective_from": "2025-03-04"}
 ]}`, []string{"2025-04-03", "2025-08-01", "2026-02-24"}},
}

// ---------------------------------------------------------------------------
// The test

// docs/SPEC.md section 1's list sizes (where docs/SPEC.md gives one).
var slSpecListSizes = map[string]int{
	"us-ieepa-energy-ca": 294, "us-ieepa-potash-ca": 7, "us-s232-steel-derivatives": 357, "us-s232-aluminum-derivatives": 211,
	"us-s232-annex-1a": 240, "us-s232-annex-1b": 351, "us-s232-annex-2": 169, "us-s232-annex-3": 39, "us-s232-copper": 80,
	"us-s232-auto-parts": 130, "us-s232-mhd-parts": 182, "us-s232-autos": 17, "us-s232-mhd-vehicles": 25, "us-s232-softwood": 15,
	"us-s232-wood-furniture": 4, "us-s232-kitchen-cabinets": 3, "us-s232-buses": 1, "us-s122-exempt": -1,
	"us-s338-alcohol": 63, "us-s338-dairy": 52, "us-s338-list-3": 439, "us-s338-aircraft-exempt": 554,
	"ca-surtax-list-1": -1, "ca-surtax-list-2": -1, "ca-proposed-list-125b": -1,
	"us-s232-steel-articles": -1, "us-s232-aluminum-articles": -1, "us-s232-ch72-76-derivatives": -1,
	"us-s232-derivatives-both-no-share": -1, "us-s232-semiconductors": -1, "us-s232-mobile-equipment": -1,
}

// TestComputeLinesMatchSpec checks `parley compute --format json --lines`
// against the oracle above for scenarios written here (every rule of
// docs/SPEC.md section 2) and for every built-in scenario on several dates.
func TestComputeLinesMatchSpec(t *testing.T) {
	start := time.Now()
	ref := slLoadReference(t)
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")

	t.Run("lists", func(t *testing.T) {
		r := run(t, nil, "-w", ws, "lists")
		if r.code != 0 {
			t.Fatalf("lists: %s", r.stderr)
		}
		counts := map[string]int{}
		for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
			f := strings.Split(l, "\t")
			if len(f) < 2 {
				t.Fatalf("lists: line %q", l)
			}
			counts[f[0]], _ = strconv.Atoi(f[1])
		}
		for name := range slSpecListSizes {
			mine := ref.lists[name]
			if spec := slSpecListSizes[name]; spec >= 0 && spec != len(mine) {
				t.Logf("list %s: %d distinct codes in its source file, docs/SPEC.md's table says %d", name, len(mine), spec)
			}
			n, ok := counts[name]
			if !ok {
				t.Errorf("parley lists has no %s", name)
				continue
			}
			if slCoverageLists[name] {
				ref.compareCoverage(t, ws, name)
				continue
			}
			if n != len(mine) {
				t.Errorf("list %s: parley lists says %d codes, its source file has %d distinct codes", name, n, len(mine))
			}
			out := run(t, nil, "-w", ws, "lists", name)
			if out.code != 0 {
				t.Errorf("lists %s: %s", name, out.stderr)
				continue
			}
			got := map[string]bool{}
			for _, c := range strings.Fields(out.stdout) {
				if d := slDigits(c); d != "" {
					got[d] = true
				}
			}
			var only, lack []string
			for c := range got {
				if !ref.listSets[name][c] {
					only = append(only, c)
				}
			}
			for _, c := range mine {
				if !got[c] {
					lack = append(lack, c)
				}
			}
			if len(only)+len(lack) > 0 {
				sort.Strings(only)
				sort.Strings(lack)
				t.Errorf("list %s: parley has %d codes not in the source (%v), lacks %d (%v)", name, len(only),
					only[:min(5, len(only))], len(lack), lack[:min(5, len(lack))])
			}
		}
		for name := range counts {
			if _, ok := slSpecListSizes[name]; !ok {
				t.Logf("parley lists %s, which docs/SPEC.md section 1 does not name", name)
			}
		}
	})

	// Scenarios written here.
	for _, c := range slCases {
		file := filepath.Join(dir, c.file)
		if err := os.WriteFile(file, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		sc, err := slParseScenario([]byte(c.body))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		r := run(t, nil, "-w", ws, "import", file)
		if slMayReject[c.file] && r.code == 2 && r.stderr != "" {
			t.Logf("import %s refused: %s", c.file, strings.TrimSpace(r.stderr))
			continue
		}
		if r.code != 0 {
			t.Errorf("import %s: exit %d: %s", c.file, r.code, r.stderr)
			continue
		}
		id := strings.TrimSpace(r.stdout)
		for _, d := range append([]string{""}, c.dates...) {
			t.Run("own/"+id+"@"+d, func(t *testing.T) {
				got := slCompute(t, ws, id, d)
				asOf := d
				if asOf == "" {
					asOf = sc.AsOf
				}
				want, err := ref.compute(sc, asOf)
				if err != nil {
					t.Fatal(err)
				}
				ref.compare(&slReport{t: t, strict: true}, got, want)
				ub := 0
				for _, l := range want.Lines {
					if l.UpperBound {
						ub++
					}
				}
				t.Logf("%s on %s: %d lines with duty (%d upper bounds); duty ca_to_us %.2f, us_to_ca %.2f", id, asOf,
					len(want.Lines), ub, want.Totals["ca_to_us"].Duty, want.Totals["us_to_ca"].Duty)
			})
		}
	}

	// Built-in scenarios, exported and recomputed.
	r := run(t, nil, "-w", ws, "scenarios")
	if r.code != 0 {
		t.Fatalf("scenarios: %s", r.stderr)
	}
	own := map[string]bool{}
	for _, c := range slCases {
		sc, _ := slParseScenario([]byte(c.body))
		own[sc.Name] = true
	}
	var builtins []string
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
		f := strings.Split(l, "\t")
		if len(f) == 3 && !own[f[2]] {
			builtins = append(builtins, f[0])
		}
	}
	if len(builtins) < 7 {
		t.Errorf("%d built-in scenarios, docs/SPEC.md section 1 names 7: %v", len(builtins), builtins)
	}
	for _, id := range builtins {
		file := filepath.Join(dir, "builtin-"+id+".json")
		if r := run(t, nil, "-w", ws, "export-scenario", id, "--out", file); r.code != 0 {
			t.Errorf("export %s: %s", id, r.stderr)
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := slParseScenario(b)
		if err != nil {
			t.Errorf("exported %s: %v", id, err)
			continue
		}
		for _, d := range []string{"", "2025-08-18", "2026-04-06", "2026-12-31"} {
			t.Run("builtin/"+id+"@"+d, func(t *testing.T) {
				got := slCompute(t, ws, id, d)
				asOf := d
				if asOf == "" {
					asOf = sc.AsOf
					if got.AsOf != asOf {
						t.Logf("computed on %s, the exported file's as_of is %s", got.AsOf, asOf)
						asOf = got.AsOf
					}
				}
				want, err := ref.compute(sc, asOf)
				if err != nil {
					t.Fatal(err)
				}
				rep := &slReport{t: t}
				ref.compare(rep, got, want)
				if len(rep.ubDiff) > 0 {
					t.Logf("upper_bound differs on %d flows/lines (built-in measures carry notes that files do not), e.g. %v",
						len(rep.ubDiff), rep.ubDiff[:min(6, len(rep.ubDiff))])
				}
			})
		}
	}
	t.Logf("TestComputeLinesMatchSpec took %s", time.Since(start).Round(time.Millisecond))
}
