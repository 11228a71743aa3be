package scenarios_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// productModel is a small hand-made model at product level:
//
//	ca_to_us lines (sector, V, own H2 claim share):
//	  7208100000 STEEL 100 c=0.2    7308900000 STEEL 50 (no claim: sector c=0.5)
//	  8414510000 MACH  200 c=0.9    8414900000 MACH  40 c=0.0
//	  2204210000 FOOD   80 (none)
//	us_to_ca lines: chapter 84 MACH 300, chapter 22 FOOD 60
//	e: STEEL 2, MACH 1, FOOD 0.5; c(s): STEEL 0.5, MACH 0.6, FOOD 0.1; t0 0
//	content (steel, aluminum, copper, metal): 8414510000 = (0.25, 0.1, 1.4, 0.6);
//	8414900000 has none; list "fans" = 84145, 22042.
func productModel(t *testing.T, o scenarios.Overrides) *scenarios.Model {
	t.Helper()
	sectors := []scenarios.Sector{{Code: "STEEL"}, {Code: "MACH"}, {Code: "FOOD"}}
	us, ca := scenarios.CAtoUS, scenarios.UStoCA
	lines := []scenarios.Line{
		{Direction: us, Code: "7208100000", Sector: "STEEL", Value: 100, Claim: 0.2, HasClaim: true},
		{Direction: us, Code: "7308900000", Sector: "STEEL", Value: 50},
		{Direction: us, Code: "8414510000", Sector: "MACH", Value: 200, Claim: 0.9, HasClaim: true, Description: "Table fans"},
		{Direction: us, Code: "8414900000", Sector: "MACH", Value: 40, Claim: 0, HasClaim: true, Description: "Fan parts"},
		{Direction: us, Code: "2204210000", Sector: "FOOD", Value: 80, Description: "Wine"},
		{Direction: ca, Code: "84", Sector: "MACH", Value: 300},
		{Direction: ca, Code: "22", Sector: "FOOD", Value: 60},
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{
		CUSMAShare: map[string]float64{"STEEL": 0.5, "MACH": 0.6, "FOOD": 0.1},
		Elasticity: map[string]float64{"STEEL": 2, "MACH": 1, "FOOD": 0.5},
		Overrides:  o,
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := &scenarios.Reference{
		Lists:   scenarios.ProductLists{"fans": {Name: "fans", Codes: []string{"22042", "84145"}}},
		Content: scenarios.ContentShares{"8414510000": {0.25, 0.1, 1.4, 0.6}},
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5, Ref: ref})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func ptr(v float64) *float64 { return &v }

func prodMeasure(id, imposer, program string, rate float64, include, exclude []string) scenarios.Measure {
	m := scenarios.Measure{ID: id, Imposer: imposer, Program: program, Rate: rate, From: scenarios.MustDate("2025-01-01")}
	if include != nil || exclude != nil {
		m.Products = &scenarios.ProductScope{Include: include, Exclude: exclude}
	}
	return m
}

type lineWant struct {
	tau  float64
	ub   bool
	duty float64
}

func lineOf(t *testing.T, res scenarios.Result, d scenarios.Direction, code string) (scenarios.LineFlow, bool) {
	t.Helper()
	for _, l := range res.Lines {
		if l.Direction == d && l.Code == code {
			return l, true
		}
	}
	return scenarios.LineFlow{}, false
}

func TestProductRules(t *testing.T) {
	us, ca := scenarios.CAtoUS, scenarios.UStoCA
	tests := []struct {
		name     string
		measures []scenarios.Measure
		lines    map[string]lineWant // ca_to_us by code; absent = no duty
		caLines  map[string]lineWant // us_to_ca by code
	}{
		{
			name:     "an HS4 include covers its lines in full, others not",
			measures: []scenarios.Measure{prodMeasure("m", "US", "P", 0.1, []string{"8414"}, nil)},
			lines: map[string]lineWant{
				"8414510000": {0.1, false, 20}, // 200 * .1
				"8414900000": {0.1, false, 4},
			},
		},
		{
			name:     "a list entry with an exclude code",
			measures: []scenarios.Measure{prodMeasure("m", "US", "P", 0.5, []string{"list:fans", "72"}, []string{"7208.10"})},
			lines: map[string]lineWant{
				"8414510000": {0.5, false, 100}, // in 84145 of the list
				"2204210000": {0.5, false, 40},  // in 22042 of the list
				// 7208100000 is excluded by 720810; 7308900000 is not included; 8414900000 not in the list
			},
		},
		{
			name:     "chapter lines partly in HTS8 entries count as covered, upper bound",
			measures: []scenarios.Measure{prodMeasure("m", "CA", "S", 0.25, []string{"8414.51.00", "2204.21"}, nil)},
			caLines: map[string]lineWant{
				"84": {0.25, true, 75}, // 300 * .25
				"22": {0.25, true, 15},
			},
		},
		{
			name:     "partly in an exclude entry stays covered and is an upper bound",
			measures: []scenarios.Measure{prodMeasure("m", "CA", "S", 0.1, nil, []string{"84145100"})},
			caLines: map[string]lineWant{
				"84": {0.1, true, 30},
				"22": {0.1, false, 6},
			},
		},
		{
			name: "content: clipped share, and a line with no share takes 1 as an upper bound",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := prodMeasure("m", "US", "S232", 0.5, []string{"8414"}, nil)
				m.Content = scenarios.ContentCopper
				return m
			}()},
			lines: map[string]lineWant{
				"8414510000": {0.5, false, 100}, // copper 1.4 clipped to 1
				"8414900000": {0.5, true, 20},   // no share: k = 1, upper bound
			},
		},
		{
			name: "content steel share",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := prodMeasure("m", "US", "S232", 0.5, []string{"84145"}, nil)
				m.Content = scenarios.ContentSteel
				return m
			}()},
			lines: map[string]lineWant{"8414510000": {0.125, false, 25}}, // .5 * .25
		},
		{
			name: "relief: line claim shares and cusma_exempt_share",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := prodMeasure("m", "US", "S232", 0.25, nil, nil)
				m.CUSMAExempt, m.CUSMAExemptShare = true, ptr(0.4)
				return m
			}()},
			lines: map[string]lineWant{
				"7208100000": {0.25 * (1 - 0.2*0.4), false, 100 * 0.25 * (1 - 0.2*0.4)},
				"7308900000": {0.25 * (1 - 0.5*0.4), false, 50 * 0.25 * (1 - 0.5*0.4)}, // no claim: sector share .5
				"8414510000": {0.25 * (1 - 0.9*0.4), false, 200 * 0.25 * (1 - 0.9*0.4)},
				"8414900000": {0.25, false, 10}, // claim 0
				"2204210000": {0.25 * (1 - 0.1*0.4), false, 80 * 0.25 * (1 - 0.1*0.4)},
			},
			caLines: nil, // a US measure adds nothing to flows into Canada
		},
		{
			name: "precedence with content: the other duty falls on the non-metal part",
			measures: []scenarios.Measure{
				func() scenarios.Measure {
					m := prodMeasure("ieepa", "US", "IEEPA", 0.35, nil, nil)
					m.YieldsTo = []string{"S232"}
					return m
				}(),
				func() scenarios.Measure {
					m := prodMeasure("deriv", "US", "S232", 0.5, []string{"8414"}, nil)
					m.Content = scenarios.ContentMetal
					return m
				}(),
			},
			lines: map[string]lineWant{
				// 8414510000: metal .6: ieepa .35*(1-.6) = .14, deriv .5*.6 = .3: tau .44
				"8414510000": {0.44, false, 88},
				// 8414900000: no share: deriv k=1 (upper bound), ieepa yields fully: tau .5
				"8414900000": {0.5, true, 20},
				"7208100000": {0.35, false, 35},
				"7308900000": {0.35, false, 17.5},
				"2204210000": {0.35, false, 28},
			},
		},
		{
			name: "an override fixes the sector's share for every line",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := prodMeasure("m", "US", "X", 0.1, []string{"8414"}, nil)
				m.CUSMAExempt = true
				return m
			}()},
			lines: map[string]lineWant{
				// with MACH overridden to .5 (see the override case below), else own shares .9 and 0
				"8414510000": {0.1 * (1 - 0.9), false, 200 * 0.1 * (1 - 0.9)},
				"8414900000": {0.1, false, 4},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := productModel(t, scenarios.Overrides{})
			res := m.EvaluateWith(&scenarios.Scenario{Name: tt.name, Measures: tt.measures}, day, scenarios.Options{Lines: true})
			check := func(d scenarios.Direction, want map[string]lineWant) {
				n := 0
				for _, l := range res.Lines {
					if l.Direction == d {
						n++
					}
				}
				if n != len(want) {
					t.Errorf("%s: %d lines with duty, want %d: %+v", d, n, len(want), res.Lines)
				}
				for code, w := range want {
					l, ok := lineOf(t, res, d, code)
					if !ok {
						t.Errorf("%s %s: no duty", d, code)
						continue
					}
					if !near(l.Tariff, w.tau) || !near(l.Duty, w.duty) || l.UpperBound != w.ub {
						t.Errorf("%s %s: tau %v duty %v ub %v, want %v %v %v", d, code, l.Tariff, l.Duty, l.UpperBound, w.tau, w.duty, w.ub)
					}
				}
			}
			check(us, tt.lines)
			check(ca, tt.caLines)
			// Sector results are sums of their lines.
			for _, f := range res.Flows {
				sum, ub := 0.0, false
				for _, l := range res.Lines {
					if l.Direction == f.Direction && l.Sector == f.Sector {
						sum += l.Duty
						ub = ub || l.UpperBound
					}
				}
				if !near(f.Duty, sum) || f.UpperBound != ub {
					t.Errorf("%s %s: duty %v ub %v, lines sum %v ub %v", f.Direction, f.Sector, f.Duty, f.UpperBound, sum, ub)
				}
			}
		})
	}
}

func TestOverrideBeatsLineShares(t *testing.T) {
	m := productModel(t, scenarios.Overrides{CUSMAShare: map[string]float64{"MACH": 0.5}})
	me := prodMeasure("m", "US", "X", 0.1, []string{"8414"}, nil)
	me.CUSMAExempt = true
	res := m.EvaluateWith(&scenarios.Scenario{Measures: []scenarios.Measure{me}}, day, scenarios.Options{Lines: true})
	for _, code := range []string{"8414510000", "8414900000"} {
		l, ok := lineOf(t, res, scenarios.CAtoUS, code)
		if !ok || !near(l.Tariff, 0.05) || l.CUSMAShare != 0.5 {
			t.Errorf("%s: %+v, want tau .05 with c .5", code, l)
		}
	}
}

func TestSectorTariffIsDutyOverValue(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	res := m.Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{prodMeasure("m", "US", "P", 0.1, []string{"84145"}, nil)}}, day)
	f, _ := res.Flow(scenarios.CAtoUS, "MACH")
	// D = 200 * .1 = 20 over V = 240; dM = -1 * 200 * .1 = -20; low -10; high -30; R = .1 * 180
	if !near(f.Baseline, 240) || !near(f.Duty, 20) || !near(f.Tariff, 20.0/240) || !near(f.TradeChange, -20) ||
		!near(f.TradeChangeLow, -10) || !near(f.TradeChangeHigh, -30) || !near(f.DutyCollected, 18) || !near(f.ValueAfter, 220) {
		t.Errorf("MACH = %+v", f)
	}
	if res.Totals[0].UpperBound {
		t.Error("no line is an upper bound, the total is")
	}
}

func TestMeasureDecomposition(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	ieepa := prodMeasure("ieepa", "US", "IEEPA", 0.35, nil, nil)
	ieepa.YieldsTo = []string{"S232"}
	deriv := prodMeasure("deriv", "US", "S232", 0.5, []string{"8414"}, nil)
	deriv.Content = scenarios.ContentMetal
	res := m.Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{ieepa, deriv}}, day)
	got := map[string]float64{}
	for _, md := range res.Measures {
		got[md.ID] += md.Duty
	}
	// deriv: 200*.5*.6 + 40*.5*1 = 60 + 20; ieepa: the rest of the 188.5 total
	if !near(got["deriv"], 80) || !near(got["ieepa"]+got["deriv"], res.Totals[0].Duty) {
		t.Errorf("decomposition %v, total %v", got, res.Totals[0].Duty)
	}
}

func TestExplainLineMatchesEvaluate(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	ieepa := prodMeasure("ieepa", "US", "IEEPA", 0.35, nil, []string{"list:fans"})
	ieepa.YieldsTo, ieepa.CUSMAExempt = []string{"S232"}, true
	deriv := prodMeasure("deriv", "US", "S232", 0.5, []string{"8414", "2204.21.00.00"}, nil)
	deriv.Content = scenarios.ContentMetal
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{ieepa, deriv}}
	res := m.EvaluateWith(sc, day, scenarios.Options{Lines: true})
	for i := range m.LineCount(scenarios.CAtoUS) {
		lf, parts := m.ExplainLine(sc, scenarios.CAtoUS, i, day)
		want, ok := lineOf(t, res, scenarios.CAtoUS, lf.Code)
		if !ok {
			if lf.Duty != 0 {
				t.Errorf("%s: explained duty %v, evaluated none", lf.Code, lf.Duty)
			}
			continue
		}
		if !near(lf.Tariff, want.Tariff) || lf.UpperBound != want.UpperBound {
			t.Errorf("%s: explained %+v, evaluated %+v", lf.Code, lf, want)
		}
		sum := 0.0
		for _, p := range parts {
			sum += p.Added
		}
		if !near(sum, want.Tariff) {
			t.Errorf("%s: contributions sum to %v, tariff %v", lf.Code, sum, want.Tariff)
		}
	}
	// 8414510000: excluded from ieepa by list:fans; deriv on its metal share .6
	i := m.FindLines(scenarios.CAtoUS, "8414.51", 0)
	if len(i) != 1 {
		t.Fatalf("FindLines 8414.51 = %v", i)
	}
	_, parts := m.ExplainLine(sc, scenarios.CAtoUS, i[0], day)
	if len(parts) != 1 || parts[0].Measure.ID != "deriv" || parts[0].Cover.Content != 0.6 || parts[0].Cover.Included != "8414" {
		t.Errorf("8414510000 contributions = %+v", parts)
	}
	if got := m.FindLines(scenarios.CAtoUS, "fan", 0); len(got) != 2 {
		t.Errorf("FindLines fan = %v", got)
	}
}

func TestScopeSize(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	me := prodMeasure("m", "US", "S232", 0.5, []string{"8414"}, nil)
	me.Content = scenarios.ContentMetal
	got := m.ScopeSize(&me)
	// two lines, V 240, covered 200*.6 + 40*1 = 160, one without a share
	if got.Lines != 2 || !near(got.Value, 240) || !near(got.Covered, 160) || got.UpperBound != 1 {
		t.Errorf("ScopeSize = %+v", got)
	}
}

func TestNormalizeEntry(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"4407.11", "440711", true},
		{" 0105.11.22 ", "01051122", true},
		{"8414 51 00 00", "8414510000", true},
		{"list:us-s232-copper", "list:us-s232-copper", true},
		{"7", "", false},
		{"12345678901", "", false},
		{"84AB", "", false},
		{"list:", "", false},
		{"", "", false},
	} {
		got, err := scenarios.NormalizeEntry(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeEntry(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if scenarios.ClipShare(1.4) != 1 || scenarios.ClipShare(-0.1) != 0 || scenarios.ClipShare(math.NaN()) != 0 || scenarios.ClipShare(0.3) != 0.3 {
		t.Error("ClipShare does not clip to [0, 1]")
	}
}

// TestEmptyIncludeCoversNothing: an include list that is given but empty
// covers no line (docs/SPEC.md section 2: prod = 0 if include is given and the line is
// in no entry), and survives a scenario file round trip.
func TestEmptyIncludeCoversNothing(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	me := prodMeasure("m", "US", "P", 0.1, []string{}, nil)
	sc := &scenarios.Scenario{Name: "empty include", AsOf: day, Assumptions: scenarios.DefaultAssumptions(), Measures: []scenarios.Measure{me}}
	if res := m.Evaluate(sc, day); res.Totals[0].Duty != 0 {
		t.Errorf("an empty include list charged %v", res.Totals[0].Duty)
	}
	if got := m.ScopeSize(&me); got.Lines != 0 {
		t.Errorf("ScopeSize = %+v", got)
	}
	var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, sc, day); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"include": []`) {
		t.Fatalf("the empty include is not written:\n%s", buf.String())
	}
	f, err := scenariofile.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Scenario.Measures[0].Products; !p.HasInclude() || len(p.Include) != 0 {
		t.Errorf("read back as %+v", p)
	}
	if res := m.Evaluate(&f.Scenario, day); res.Totals[0].Duty != 0 {
		t.Errorf("read back, it charges %v", res.Totals[0].Duty)
	}
}
