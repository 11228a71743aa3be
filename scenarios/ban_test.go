package scenarios_test

import (
	"testing"

	"parley/scenarios"
)

func ban(id, imposer string, sectors map[string]float64, include []string) scenarios.Measure {
	m := prodMeasure(id, imposer, "S338", 0, include, nil)
	m.Kind = scenarios.KindBan
	m.Sectors = sectors
	return m
}

func sectorDuty(id, imposer, sector string, rate float64) scenarios.Measure {
	m := prodMeasure(id, imposer, "D", rate, nil, nil)
	m.Sectors = map[string]float64{sector: 1}
	return m
}

type banWant struct {
	tau, duty, dm, low, high, after, collected, banned float64
	ub                                                 bool
}

func checkBanFlow(t *testing.T, res scenarios.Result, d scenarios.Direction, sector string, w banWant) {
	t.Helper()
	f, ok := res.Flow(d, sector)
	if !ok {
		t.Fatalf("no flow %s %s", d, sector)
	}
	got := []float64{f.Tariff, f.Duty, f.TradeChange, f.TradeChangeLow, f.TradeChangeHigh, f.ValueAfter, f.DutyCollected, f.Banned}
	exp := []float64{w.tau, w.duty, w.dm, w.low, w.high, w.after, w.collected, w.banned}
	names := []string{"tariff", "duty", "dM", "dM low", "dM high", "V1", "R", "banned"}
	for i := range got {
		if !near(got[i], exp[i]) {
			t.Errorf("%s %s %s = %v, want %v", d, sector, names[i], got[i], exp[i])
		}
	}
	if f.UpperBound != w.ub {
		t.Errorf("%s %s upper bound = %v, want %v", d, sector, f.UpperBound, w.ub)
	}
}

// TestBans checks docs/SPEC.md section 2.1 on the product model with figures
// computed by hand. MACH (ca_to_us): 8414510000 V=200 and 8414900000 V=40,
// e=1 (low 0.5, high 1.5); FOOD: 2204210000 V=80, e=0.5; STEEL:
// 7208100000 V=100 and 7308900000 V=50, e=2; us_to_ca: chapter lines
// 84 (MACH, 300) and 22 (FOOD, 60).
func TestBans(t *testing.T) {
	us, ca := scenarios.CAtoUS, scenarios.UStoCA
	tests := []struct {
		name     string
		measures []scenarios.Measure
		dir      scenarios.Direction
		sector   string
		want     banWant
		measure  map[string][2]float64 // id -> duty, banned of the decomposition
		total    float64               // the direction's banned total
	}{
		{
			// B=1: VB=80, D=0, dM=-80 at every elasticity, V1=0, R=0.
			name:     "full ban",
			measures: []scenarios.Measure{ban("b", "US", nil, []string{"2204"})},
			dir:      us, sector: "FOOD",
			want:    banWant{0, 0, -80, -80, -80, 0, 0, 80, false},
			measure: map[string][2]float64{"b": {0, 80}}, total: 80,
		},
		{
			// B=0.5 on both lines, tau=0.1:
			// VB = 100 + 20 = 120; D = 200*.5*.1 + 40*.5*.1 = 12; tariff 12/240
			// dM = (-100 - 1*100*.1) + (-20 - 1*20*.1) = -110 - 22 = -132
			// low (e .5): -105 - 21 = -126; high (e 1.5): -115 - 23 = -138
			// V1 = 240 - 132 = 108; R = .1*108 = 10.8
			name:     "partial coverage, ban and duty on the same lines",
			measures: []scenarios.Measure{ban("b", "US", map[string]float64{"MACH": 0.5}, nil), sectorDuty("d", "US", "MACH", 0.1)},
			dir:      us, sector: "MACH",
			want:    banWant{0.05, 12, -132, -126, -138, 108, 10.8, 120, false},
			measure: map[string][2]float64{"b": {0, 120}, "d": {12, 0}}, total: 120,
		},
		{
			// 8414510000 fully banned (VB 200, no duty); 8414900000 pays
			// .1: D=4, dM=-4 (low -2, high -6), V1 = 0 + 36, R = 3.6.
			name:     "ban and duty, one line banned",
			measures: []scenarios.Measure{sectorDuty("d", "US", "MACH", 0.1), ban("b", "US", nil, []string{"8414.51"})},
			dir:      us, sector: "MACH",
			want:    banWant{4.0 / 240, 4, -204, -202, -206, 36, 3.6, 200, false},
			measure: map[string][2]float64{"b": {0, 200}, "d": {4, 0}}, total: 200,
		},
		{
			// Bans do not add: 8414510000 B = max(.5, 1) = 1 (VB 200, held
			// by b2); 8414900000 B = .5 (VB 20, held by b1); total 220.
			// dM = -220 + 0 (no duty); V1 = 20.
			name: "two bans overlapping",
			measures: []scenarios.Measure{ban("b1", "US", map[string]float64{"MACH": 0.5}, nil),
				ban("b2", "US", nil, []string{"8414.51"})},
			dir: us, sector: "MACH",
			want:    banWant{0, 0, -220, -220, -220, 20, 0, 220, false},
			measure: map[string][2]float64{"b1": {0, 20}, "b2": {0, 200}}, total: 220,
		},
		{
			// The same bans the other way round: the larger coverage
			// still wins (b2 holds 8414510000, b1 8414900000).
			name: "two bans overlapping, larger first",
			measures: []scenarios.Measure{ban("b2", "US", nil, []string{"8414.51"}),
				ban("b1", "US", map[string]float64{"MACH": 0.5}, nil)},
			dir: us, sector: "MACH",
			want:    banWant{0, 0, -220, -220, -220, 20, 0, 220, false},
			measure: map[string][2]float64{"b1": {0, 20}, "b2": {0, 200}}, total: 220,
		},
		{
			// B=0.4 on STEEL, tau=3 (300%), e=2: the rest clips at every
			// elasticity. Lines: rest 60 and 30; D = 180 + 90 = 270;
			// dM = (-40 - 60) + (-20 - 30) = -150 = -V (low e=1 and high
			// e=3 clip too); V1 = 0; R = 0.
			name:     "ban with a duty that clips",
			measures: []scenarios.Measure{ban("b", "US", map[string]float64{"STEEL": 0.4}, nil), sectorDuty("d", "US", "STEEL", 3)},
			dir:      us, sector: "STEEL",
			want:    banWant{1.8, 270, -150, -150, -150, 0, 0, 60, false},
			measure: map[string][2]float64{"b": {0, 60}, "d": {270, 0}}, total: 60,
		},
		{
			// B=0.4, tau=0.5, e=2: rest 60 and 30, D = 30 + 15 = 45;
			// dM = (-40 - 2*60*.5) + (-20 - 2*30*.5) = -100 - 50 = -150
			// low (e=1): (-40 - 30) + (-20 - 15) = -105
			// high (e=3): (-40 - 60) + (-20 - 30) = -150 (both clip)
			// V1 = 0; R = 0.
			name:     "elasticity low and high with a ban",
			measures: []scenarios.Measure{ban("b", "US", map[string]float64{"STEEL": 0.4}, nil), sectorDuty("d", "US", "STEEL", 0.5)},
			dir:      us, sector: "STEEL",
			want:    banWant{0.3, 45, -150, -105, -150, 0, 0, 60, false},
			measure: map[string][2]float64{"b": {0, 60}, "d": {45, 0}}, total: 60,
		},
		{
			// Chapter line 84 (300) is only partly in 8414: covered, an
			// upper bound. VB = 300, dM = -300, V1 = 0.
			name:     "upper bound: a ban partly covering a chapter line",
			measures: []scenarios.Measure{ban("b", "CA", nil, []string{"8414"})},
			dir:      ca, sector: "MACH",
			want:    banWant{0, 0, -300, -300, -300, 0, 0, 300, true},
			measure: map[string][2]float64{"b": {0, 300}}, total: 300,
		},
		{
			// A ban that is not active (threatened, no include_threats)
			// takes nothing: the duty of .1 on 240 is 24, dM -24.
			name: "a threatened ban without include_threats",
			measures: func() []scenarios.Measure {
				b := ban("b", "US", nil, []string{"8414"})
				b.Status = scenarios.StatusThreatened
				return []scenarios.Measure{b, sectorDuty("d", "US", "MACH", 0.1)}
			}(),
			dir: us, sector: "MACH",
			want:    banWant{0.1, 24, -24, -12, -36, 216, 21.6, 0, false},
			measure: map[string][2]float64{"d": {24, 0}}, total: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := productModel(t, scenarios.Overrides{})
			sc := &scenarios.Scenario{Measures: tt.measures}
			if errs := scenarios.Validate(&scenarios.Scenario{Name: "x", AsOf: day, Assumptions: scenarios.DefaultAssumptions(), Measures: tt.measures}, nil); len(errs) > 0 {
				t.Fatalf("invalid measures: %v", errs)
			}
			res := m.EvaluateWith(sc, day, scenarios.Options{Lines: true})
			checkBanFlow(t, res, tt.dir, tt.sector, tt.want)
			tot := res.Totals[tt.dir.Index()]
			if !near(tot.Banned, tt.total) {
				t.Errorf("total banned = %v, want %v", tot.Banned, tt.total)
			}
			if tot.UpperBound != tt.want.ub {
				t.Errorf("total upper bound = %v, want %v", tot.UpperBound, tt.want.ub)
			}
			got := map[string][2]float64{}
			for _, md := range res.Measures {
				got[md.ID] = [2]float64{md.Duty, md.Banned}
			}
			if len(got) != len(tt.measure) {
				t.Errorf("decomposition %v, want %v", got, tt.measure)
			}
			for id, w := range tt.measure {
				if g := got[id]; !near(g[0], w[0]) || !near(g[1], w[1]) {
					t.Errorf("measure %s adds duty %v and banned %v, want %v and %v", id, g[0], g[1], w[0], w[1])
				}
			}
			// The lines are those with duty or banned value, each with
			// its banned value; they sum to the flow.
			var sum banWant
			for _, l := range res.Lines {
				if l.Duty == 0 && l.Banned == 0 {
					t.Errorf("line %s without duty or banned value in the lines", l.Code)
				}
				if l.Direction == tt.dir && l.Sector == tt.sector {
					sum.duty += l.Duty
					sum.dm += l.TradeChange
					sum.banned += l.Banned
				}
				if !near(l.Banned, l.Baseline*l.Ban) {
					t.Errorf("line %s banned %v, V %v B %v", l.Code, l.Banned, l.Baseline, l.Ban)
				}
			}
			if !near(sum.duty, tt.want.duty) || !near(sum.dm, tt.want.dm) || !near(sum.banned, tt.want.banned) {
				t.Errorf("lines sum to duty %v, dM %v, banned %v", sum.duty, sum.dm, sum.banned)
			}
		})
	}
}

// TestBanExplainAndDecompose checks that the explanation of a line, the
// tariff decomposition, the tornado's rate swings and Monte Carlo agree with
// Evaluate when bans take part.
func TestBanExplainAndDecompose(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	d := sectorDuty("d", "US", "MACH", 0.1)
	d.RateLow, d.RateHigh = 0.05, 0.2
	sc := &scenarios.Scenario{Measures: []scenarios.Measure{
		ban("b1", "US", map[string]float64{"MACH": 0.5}, nil), d, ban("b2", "US", nil, []string{"8414.51"}),
	}}
	res := m.EvaluateWith(sc, day, scenarios.Options{Lines: true})

	// 8414510000: banned by b2 (B = 1), b1 covers it too but adds nothing.
	i := m.FindLines(scenarios.CAtoUS, "8414.51", 0)[0]
	lf, parts := m.ExplainLine(sc, scenarios.CAtoUS, i, day)
	if lf.Ban != 1 || lf.Banned != 200 || lf.Duty != 0 || lf.TradeChange != -200 {
		t.Errorf("8414510000 explained %+v", lf)
	}
	byID := map[string]scenarios.Contribution{}
	for _, p := range parts {
		byID[p.Measure.ID] = p
	}
	if len(parts) != 3 || byID["b2"].Banned != 200 || byID["b1"].Banned != 0 || byID["d"].Added != 0.1 || byID["b2"].Added != 0 {
		t.Errorf("8414510000 contributions %+v", parts)
	}
	// 8414900000: b1 holds B = .5; duty on the other 20.
	j := m.FindLines(scenarios.CAtoUS, "8414.90", 0)[0]
	lf, parts = m.ExplainLine(sc, scenarios.CAtoUS, j, day)
	want, ok := lineOf(t, res, scenarios.CAtoUS, "8414900000")
	if !ok || !near(lf.Duty, 2) || !near(lf.Banned, 20) || !near(want.Duty, lf.Duty) || !near(want.TradeChange, lf.TradeChange) || !near(want.Banned, 20) {
		t.Errorf("8414900000 explained %+v, evaluated %+v", lf, want)
	}
	if len(parts) != 2 {
		t.Errorf("8414900000 contributions %+v", parts)
	}

	// Contributions: both lines, with their ban coverage; bans are no terms.
	cs := m.Contributions(sc, scenarios.CAtoUS, day)
	bans := map[int]float64{}
	for _, lt := range cs {
		bans[lt.Index] = lt.Ban
		for _, tm := range lt.Terms {
			if sc.Measures[tm.Measure].IsBan() {
				t.Errorf("line %d: a ban is a term", lt.Index)
			}
		}
	}
	if bans[i] != 1 || bans[j] != 0.5 {
		t.Errorf("ban coverage by line %v", bans)
	}

	// Tornado: one rate swing (the duty's), bans have no rate; the swing
	// matches re-evaluating with the moved rate.
	base, swings := m.Sensitivity(sc, day)
	if len(swings) != 3 {
		t.Fatalf("%d swings, want elasticity, CUSMA and the duty's rate", len(swings))
	}
	if !near(base[0].Banned, 220) {
		t.Errorf("base banned %v", base[0].Banned)
	}
	moved := sc.Clone()
	moved.Measures[1].Rate = 0.1 * (1 + scenarios.RateStep)
	re := m.Evaluate(&moved, day).Totals[0]
	if hi := swings[2].High[0]; !near(hi.Duty, re.Duty) || !near(hi.TradeChange, re.TradeChange) || !near(hi.DutyCollected, re.DutyCollected) {
		t.Errorf("rate swing high %+v, re-evaluated %+v", hi, re)
	}

	// Monte Carlo with nothing drawn gives the point; with the elasticity
	// drawn, the trade band lies within the low and high effects and
	// always counts the banned value.
	bands, err := m.MonteCarlo(sc, day, scenarios.MonteCarloInputs{}, 7, 1)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := res.Flow(scenarios.CAtoUS, "MACH")
	fb, _ := bands.Flow(scenarios.CAtoUS, "MACH")
	if !near(fb.Duty.P50, f.Duty) || !near(fb.TradeChange.P50, f.TradeChange) || !near(bands.Totals[0].TradeChange.P10, res.Totals[0].TradeChange) {
		t.Errorf("monte carlo point %+v, evaluated duty %v trade %v", fb, f.Duty, f.TradeChange)
	}
	bands, err = m.MonteCarlo(sc, day, scenarios.MonteCarloInputs{Elasticity: scenarios.Range{Lo: m.ElasticityLow, Hi: m.ElasticityHigh}}, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	fb, _ = bands.Flow(scenarios.CAtoUS, "MACH")
	if fb.TradeChange.P90 > f.TradeChangeLow+1e-9 || fb.TradeChange.P10 < f.TradeChangeHigh-1e-9 || fb.TradeChange.P90 > -f.Banned {
		t.Errorf("trade band %+v outside [%v, %v] or above -banned %v", fb.TradeChange, f.TradeChangeHigh, f.TradeChangeLow, -f.Banned)
	}
}

// TestDealWithBans: a proposal that lifts a ban shows the banned value
// under A and none under B beside the duties.
func TestDealWithBans(t *testing.T) {
	m := productModel(t, scenarios.Overrides{})
	a := &scenarios.Scenario{Name: "A", Measures: []scenarios.Measure{ban("b", "US", nil, []string{"2204"}), sectorDuty("d", "US", "FOOD", 0.1)}}
	b := &scenarios.Scenario{Name: "B", Measures: []scenarios.Measure{sectorDuty("d", "US", "FOOD", 0.1)}}
	ra, rb := m.Evaluate(a, day), m.Evaluate(b, day)
	deal, err := scenarios.ScoreDeal(&ra, &rb)
	if err != nil {
		t.Fatal(err)
	}
	var food scenarios.DealRow
	for _, r := range deal.Rows {
		if r.Sector == "FOOD" {
			food = r
		}
	}
	// A: wine (80) banned, no duty; B: 10% of 80 = 8 of duty.
	us := food.Sides[scenarios.CAtoUS.Index()]
	if us.BannedA != 80 || us.BannedB != 0 || us.DutyA != 0 || !near(us.DutyB, 8) || us.TradeA != -80 {
		t.Errorf("FOOD side %+v", us)
	}
	if tot := deal.Totals.Sides[scenarios.CAtoUS.Index()]; tot.BannedA != 80 || tot.BannedB != 0 {
		t.Errorf("totals %+v", tot)
	}
}
