package scenarios_test

import (
	"math"
	"testing"

	"parley/scenarios"
)

// testModel is a small hand-made model: three sectors, two lines in A.
//
//	ca_to_us: A = 100 + 50 = 150, B = 200, C = 0;  us_to_ca: A = 80, B = 40, C = 10
//	e: A = 2, B = 1, C = 1;  c (ca_to_us): A = 0.5, B = 0.2, C = 0;  t0 = 0
func testModel(t *testing.T, o scenarios.Overrides) *scenarios.Model {
	t.Helper()
	sectors := []scenarios.Sector{{Code: "A"}, {Code: "B"}, {Code: "C"}}
	lines := []scenarios.Line{
		{Direction: scenarios.CAtoUS, Code: "01", Sector: "A", Value: 100},
		{Direction: scenarios.CAtoUS, Code: "02", Sector: "A", Value: 50},
		{Direction: scenarios.CAtoUS, Code: "03", Sector: "B", Value: 200},
		{Direction: scenarios.CAtoUS, Code: "04", Sector: "C", Value: 0},
		{Direction: scenarios.UStoCA, Code: "01", Sector: "A", Value: 80},
		{Direction: scenarios.UStoCA, Code: "03", Sector: "B", Value: 40},
		{Direction: scenarios.UStoCA, Code: "04", Sector: "C", Value: 10},
	}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{
		CUSMAShare: map[string]float64{"A": 0.5, "B": 0.2},
		Elasticity: map[string]float64{"A": 2, "B": 1, "C": 1},
		Overrides:  o,
	})
	if err != nil {
		t.Fatal(err)
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var day = scenarios.MustDate("2025-06-01")

func measure(id, imposer, program string, rate float64, sectors map[string]float64) scenarios.Measure {
	return scenarios.Measure{ID: id, Imposer: imposer, Program: program, Rate: rate, Sectors: sectors,
		From: scenarios.MustDate("2025-01-01")}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

type want struct {
	tau, duty, dm, low, high, after, collected float64
}

func checkFlow(t *testing.T, res scenarios.Result, d scenarios.Direction, sector string, w want) {
	t.Helper()
	f, ok := res.Flow(d, sector)
	if !ok {
		t.Fatalf("no flow %s %s", d, sector)
	}
	got := want{f.Tariff, f.Duty, f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh, f.ValueAfter, f.DutyCollected}
	for i, pair := range [][2]float64{{got.tau, w.tau}, {got.duty, w.duty}, {got.dm, w.dm}, {got.low, w.low},
		{got.high, w.high}, {got.after, w.after}, {got.collected, w.collected}} {
		if !near(pair[0], pair[1]) {
			t.Errorf("%s %s: field %d (tau, duty, dM, low, high, V1, R) = %v, want %v", d, sector, i, pair[0], pair[1])
		}
	}
}

func TestEvaluateRules(t *testing.T) {
	tests := []struct {
		name     string
		measures []scenarios.Measure
		flows    map[string]want // ca_to_us by sector
		us       map[string]want // us_to_ca by sector
	}{
		{
			name:     "wildcard with an exception",
			measures: []scenarios.Measure{measure("m", "US", "P", 0.1, map[string]float64{"*": 1, "B": 0})},
			flows: map[string]want{
				// V=150, tau=.1: D=15, dM=max(-150,-2*150*.1)=-30, low e=1: -15, high e=3: -45, V1=120, R=12
				"A": {0.1, 15, -30, -15, -45, 120, 12},
				"B": {0, 0, 0, 0, 0, 200, 0},
				// C has no trade: its tariff D/V is 0 (docs/SPEC.md section 2)
				"C": {0, 0, 0, 0, 0, 0, 0},
			},
		},
		{
			name: "precedence: yields to the largest coverage of the named programme",
			measures: []scenarios.Measure{
				func() scenarios.Measure {
					m := measure("ieepa", "US", "IEEPA", 0.25, map[string]float64{"*": 1})
					m.YieldsTo = []string{"S232"}
					return m
				}(),
				measure("s232a", "US", "S232", 0.5, map[string]float64{"A": 0.4}),
				measure("s232b", "US", "S232", 0.5, map[string]float64{"A": 0.3}),
			},
			flows: map[string]want{
				// tau(A) = .25*1*(1-.4) + .5*.4 + .5*.3 = .15+.2+.15 = .5; D=75; dM=-2*150*.5=-150 (not clipped: max(-150,-150)); low -75; high max(-150,-225)=-150; V1=0; R=0
				"A": {0.5, 75, -150, -75, -150, 0, 0},
				// tau(B) = .25: D=50, dM=-1*200*.25=-50, low -25, high -75, V1=150, R=37.5
				"B": {0.25, 50, -50, -25, -75, 150, 37.5},
			},
		},
		{
			name: "CUSMA exemption uses 1 - c(s) of the direction",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := measure("m", "US", "P", 0.2, map[string]float64{"*": 1})
				m.CUSMAExempt = true
				return m
			}()},
			flows: map[string]want{
				// tau(A) = .2*(1-.5) = .1 -> as the wildcard case
				"A": {0.1, 15, -30, -15, -45, 120, 12},
				// tau(B) = .2*.8 = .16: D=32, dM=-32, low -16, high -48, V1=168, R=26.88
				"B": {0.16, 32, -32, -16, -48, 168, 26.88},
			},
		},
		{
			name:     "clipping at -V",
			measures: []scenarios.Measure{measure("m", "US", "P", 0.8, map[string]float64{"A": 1})},
			flows: map[string]want{
				// D=120; dM=max(-150, -2*150*.8=-240)=-150; low e=1: -120; high -150; V1=0; R=0
				"A": {0.8, 120, -150, -120, -150, 0, 0},
			},
		},
		{
			name:     "a CA measure applies to US goods entering Canada only",
			measures: []scenarios.Measure{measure("m", "CA", "SURTAX", 0.25, map[string]float64{"B": 1})},
			flows:    map[string]want{"B": {0, 0, 0, 0, 0, 200, 0}},
			us: map[string]want{
				// V=40: D=10, dM=-10, low -5, high -15, V1=30, R=7.5
				"B": {0.25, 10, -10, -5, -15, 30, 7.5},
				"A": {0, 0, 0, 0, 0, 80, 0},
			},
		},
		{
			name: "inactive measures add nothing",
			measures: []scenarios.Measure{func() scenarios.Measure {
				m := measure("m", "US", "P", 0.5, map[string]float64{"*": 1})
				m.From = scenarios.MustDate("2025-06-02")
				return m
			}()},
			flows: map[string]want{"A": {0, 0, 0, 0, 0, 150, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testModel(t, scenarios.Overrides{})
			sc := &scenarios.Scenario{Name: tt.name, Measures: tt.measures}
			res := m.Evaluate(sc, day)
			if len(res.Flows) != 6 {
				t.Fatalf("got %d flows, want 6", len(res.Flows))
			}
			for s, w := range tt.flows {
				checkFlow(t, res, scenarios.CAtoUS, s, w)
			}
			for s, w := range tt.us {
				checkFlow(t, res, scenarios.UStoCA, s, w)
			}
		})
	}
}

func TestOverrides(t *testing.T) {
	o := scenarios.Overrides{
		CUSMAShare:     map[string]float64{"B": 0.5},
		Elasticity:     map[string]float64{"A": 4},
		BaselineTariff: map[string]float64{"A": 0.25},
	}
	m := testModel(t, o)
	exempt := func(imposer string) scenarios.Measure {
		me := measure("m-"+imposer, imposer, "P", 0.2, map[string]float64{"*": 1})
		me.CUSMAExempt = true
		return me
	}
	res := m.Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{exempt("US"), exempt("CA")}}, day)
	// ca_to_us A: c=.5 -> tau=.1; e=4, t0=.25: dM = -4*150*.1/1.25 = -48; low e=2: -24; high e=6: -72; V1=102; R=10.2
	checkFlow(t, res, scenarios.CAtoUS, "A", want{0.1, 15, -48, -24, -72, 102, 10.2})
	// ca_to_us B: override c=.5 -> tau=.1; D=20, dM=-20, low -10, high -30, V1=180, R=18
	checkFlow(t, res, scenarios.CAtoUS, "B", want{0.1, 20, -20, -10, -30, 180, 18})
	// us_to_ca B: the override applies in both directions: tau=.1 on V=40: D=4, dM=-4, low -2, high -6, V1=36, R=3.6
	checkFlow(t, res, scenarios.UStoCA, "B", want{0.1, 4, -4, -2, -6, 36, 3.6})
	// us_to_ca A: no share data flows into Canada: c=0 -> tau=.2; e=4, t0=.25: dM=-4*80*.2/1.25=-51.2
	checkFlow(t, res, scenarios.UStoCA, "A", want{0.2, 16, -51.2, -25.6, -76.8, 28.8, 5.76})
}

func TestDateBoundaries(t *testing.T) {
	me := measure("m", "US", "P", 0.1, map[string]float64{"*": 1})
	me.From, me.To = scenarios.MustDate("2025-03-04"), scenarios.MustDate("2025-03-06")
	open := me
	open.To = scenarios.Date{}
	tests := []struct {
		day        string
		closed, op bool
	}{
		{"2025-03-03", false, false},
		{"2025-03-04", true, true},
		{"2025-03-06", true, true},
		{"2025-03-07", false, true},
		{"2099-12-31", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			d := scenarios.MustDate(tt.day)
			if got := me.ActiveOn(d, false); got != tt.closed {
				t.Errorf("closed measure ActiveOn(%s) = %v, want %v", d, got, tt.closed)
			}
			if got := open.ActiveOn(d, false); got != tt.op {
				t.Errorf("open measure ActiveOn(%s) = %v, want %v", d, got, tt.op)
			}
			res := testModel(t, scenarios.Overrides{}).Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{me}}, d)
			wantDuty := 0.0
			if tt.closed {
				wantDuty = 35 // 10% of 150 + 200 + 0
			}
			if got := res.Totals[0].Duty; !near(got, wantDuty) {
				t.Errorf("duty on %s = %v, want %v", d, got, wantDuty)
			}
		})
	}
}

func TestTotals(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	res := m.Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{measure("m", "US", "P", 0.1, map[string]float64{"*": 1})}}, day)
	tot := res.Totals[scenarios.CAtoUS.Index()]
	// A: D=15 dM=-30 ; B: D=20 dM=-20 ; C: 0.  V=350.
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"baseline", tot.Baseline, 350},
		{"duty", tot.Duty, 35},
		{"trade change", tot.TradeChange, -50},
		{"low", tot.TradeChangeLow, -25},
		{"high", tot.TradeChangeHigh, -75},
		{"value after", tot.ValueAfter, 300},
		{"duty collected", tot.DutyCollected, 30}, // 12 + 18
		{"effective rate", tot.EffectiveRate, 0.1},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if us := res.Totals[scenarios.UStoCA.Index()]; us.Baseline != 130 || us.Duty != 0 || us.EffectiveRate != 0 {
		t.Errorf("us_to_ca totals = %+v, want baseline 130 and no duty", us)
	}
}

func TestUpperBoundFlag(t *testing.T) {
	m := testModel(t, scenarios.Overrides{})
	me := measure("m", "US", "P", 0.1, map[string]float64{"*": 1, "B": 0})
	me.UpperBound = []string{"*"}
	res := m.Evaluate(&scenarios.Scenario{Measures: []scenarios.Measure{me}}, day)
	for _, c := range []struct {
		sector string
		want   bool
	}{{"A", true}, {"B", false}, {"C", false}} { // C has no trade, so no duty to bound
		f, _ := res.Flow(scenarios.CAtoUS, c.sector)
		if f.UpperBound != c.want {
			t.Errorf("%s upper bound = %v, want %v", c.sector, f.UpperBound, c.want)
		}
	}
}

func TestNewModelErrors(t *testing.T) {
	sectors := []scenarios.Sector{{Code: "A"}}
	p, _ := scenarios.ResolveParams(sectors, scenarios.ParamSources{Elasticity: map[string]float64{"A": 1}})
	for _, tt := range []struct {
		name string
		line scenarios.Line
	}{
		{"unknown sector", scenarios.Line{Direction: scenarios.CAtoUS, Code: "99", Sector: "Z", Value: 1}},
		{"unknown direction", scenarios.Line{Direction: "sideways", Code: "01", Sector: "A", Value: 1}},
		{"negative value", scenarios.Line{Direction: scenarios.CAtoUS, Code: "01", Sector: "A", Value: -1}},
		{"NaN value", scenarios.Line{Direction: scenarios.CAtoUS, Code: "01", Sector: "A", Value: math.NaN()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: []scenarios.Line{tt.line}, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5}); err == nil {
				t.Error("NewModel accepted a bad line")
			}
		})
	}
	if _, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{}); err == nil {
		t.Error("ResolveParams accepted a sector without elasticity")
	}
}
