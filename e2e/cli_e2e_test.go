package e2e

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCommandLine runs every command of docs/SPEC.md section 4 on the real binary.
func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	steps := []struct {
		name string
		args []string
		code int
		out  []string // substrings of stdout
		err  string   // substring of stderr
	}{
		{"version", []string{"version"}, 0, []string{"parley 0.0.0-test", "commit: e2e", "built: 2026-01-02T03:04:05Z"}, ""},
		{"help", []string{"help"}, 0, []string{"parley compute ID|NAME", "Exit status"}, ""},
		{"scenarios", []string{"--workspace", ws, "scenarios"}, 0, []string{"ID\tAS_OF\tNAME\n", "aug-2025\t2025-08-15\t"}, ""},
		{"workspace flag after the command", []string{"scenarios", "--workspace", ws}, 0, []string{"threat-25\t2025-02-01\t"}, ""},
		{"compute table", []string{"-w", ws, "compute", "threat-25"}, 0, []string{"Threat: 25% on all Canadian goods", "TOTAL"}, ""},
		{"compute json", []string{"-w", ws, "compute", "threat-25", "--format", "json"}, 0, []string{`"scenario": "Threat: 25% on all Canadian goods"`}, ""},
		{"compute csv", []string{"-w", ws, "compute", "threat-25", "--format=csv"}, 0, []string{"direction,sector,sector_name"}, ""},
		{"export", []string{"-w", ws, "export-scenario", "Threat: 25% on all Canadian goods", "--out", filepath.Join(dir, "threat.json")}, 0, nil, ""},
		{"import a duplicate name", []string{"-w", ws, "import", filepath.Join(dir, "threat.json")}, 2, nil, "already exists"},
		{"evidence search", []string{"-w", ws, "evidence", "search", "sectoral duties"}, 0, []string{"004_00f7d1e281d38557", "**sectoral** **duties**"}, ""},
		{"library", []string{"-w", ws, "library"}, 0, []string{"measures as of 2026-10-10, pack", "US-S338\t2026-08-22"}, ""},
		{"library export", []string{"-w", ws, "library", "export", "--out", filepath.Join(dir, "lib.zip")}, 0, []string{"lib.zip"}, ""},
		{"library diff", []string{"-w", ws, "library", "diff", filepath.Join(dir, "lib.zip")}, 0, []string{"no measure or list changes", "ca_to_us: duty"}, ""},
		{"library import", []string{"-w", ws, "library", "import", filepath.Join(dir, "lib.zip")}, 0, []string{"imported 59 measures and 44 lists", "(0 added, 0 removed, 0 changed)"}, ""},
		{"library import of a scenario file", []string{"-w", ws, "library", "import", filepath.Join(dir, "threat.json")}, 2, nil, "threat.json: not a library pack"},
		{"unknown scenario", []string{"-w", ws, "compute", "nope"}, 2, nil, "no scenario"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := run(t, nil, s.args...)
			if r.code != s.code {
				t.Fatalf("exit %d, want %d; stderr %s", r.code, s.code, r.stderr)
			}
			for _, want := range s.out {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, s.err) || (s.err == "" && r.stderr != "") {
				t.Errorf("stderr = %q, want %q", r.stderr, s.err)
			}
		})
	}
	// Import a renamed copy: it computes the same numbers.
	b, err := os.ReadFile(filepath.Join(dir, "threat.json"))
	if err != nil {
		t.Fatal(err)
	}
	copyFile := filepath.Join(dir, "copy.json")
	os.WriteFile(copyFile, []byte(strings.Replace(string(b), `"name": "Threat: 25% on all Canadian goods"`, `"name": "Threat copy"`, 1)), 0o644)
	if r := run(t, nil, "-w", ws, "import", copyFile); r.code != 0 || r.stdout != "threat-copy\n" {
		t.Fatalf("import: %+v", r)
	}
	// Both computations must succeed: two failures print the same nothing.
	ra := run(t, nil, "-w", ws, "compute", "threat-25", "--format", "json")
	rc := run(t, nil, "-w", ws, "compute", "threat-copy", "--format", "json")
	if ra.code != 0 || rc.code != 0 || !strings.Contains(ra.stdout, `"flows"`) {
		t.Fatalf("compute: exit %d %q and %d %q; output %.80q", ra.code, ra.stderr, rc.code, rc.stderr, ra.stdout)
	}
	a, c := ra.stdout, rc.stdout
	if strings.Replace(a, "Threat: 25% on all Canadian goods", "Threat copy", 1) != c {
		t.Error("the re-imported copy computes different numbers")
	}
}

// TestComputeMatchesIndependentImplementation checks `parley compute --format
// json` against docs/SPEC.md section 2 implemented here again, straight from the
// reference data in ../shared/data and the exported scenario files, to the cent.
func TestComputeMatchesIndependentImplementation(t *testing.T) {
	ref := loadReference(t)
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	custom := filepath.Join(dir, "custom.json")
	os.WriteFile(custom, []byte(`{"format": "parley.scenario/1", "name": "Custom", "as_of": "2025-09-01",
 "assumptions": {"baseline_year": 2023, "cusma_shares": "2025-02", "elasticities": "hauk2012", "elasticity_low": 0.25, "elasticity_high": 2,
   "overrides": {"cusma_share": {"AUTOS": 0.5, "STEEL": 1}, "elasticity": {"STEEL": 2.0, "FERT": 3}, "baseline_tariff": {"DAIRY": 2.5, "AGRI": 0.1}}},
 "measures": [
  {"id": "a", "imposer": "US", "program": "IEEPA", "sectors": {"*": 1, "ENERGY": 0.5}, "rate": 0.35, "cusma_exempt": true, "yields_to": ["S232", "X"], "effective_from": "2025-08-01"},
  {"id": "b", "imposer": "US", "program": "S232", "sectors": {"STEEL": 0.8, "AUTOS": 0.3}, "rate": 0.5, "effective_from": "2025-06-04", "effective_to": "2025-09-01"},
  {"id": "c", "imposer": "US", "program": "X", "sectors": {"STEEL": 0.9}, "rate": 0.1, "effective_from": "2025-09-02"},
  {"id": "d", "imposer": "CA", "program": "S", "sectors": {"*": 0.5, "DAIRY": 1}, "rate": 3, "cusma_exempt": true, "effective_from": "2025-01-01", "yields_to": ["S"]},
  {"id": "e", "imposer": "CA", "program": "S", "sectors": {"DAIRY": 0.4}, "rate": 2.5, "effective_from": "2025-01-01"}
 ]}`), 0o644)
	if r := run(t, nil, "-w", ws, "import", custom); r.code != 0 {
		t.Fatalf("import custom: %s", r.stderr)
	}
	// This oracle is docs/SPEC.md section 2 at chapter level: what format /1 files
	// mean. The built-in threat, whose measure has no product scope, goes
	// through it as a /1 file; the product-level built-ins are checked by
	// spec_lines_test.go.
	threat := filepath.Join(dir, "threat.json")
	if r := run(t, nil, "-w", ws, "export-scenario", "threat-25", "--out", threat); r.code != 0 {
		t.Fatal(r.stderr)
	}
	b, err := os.ReadFile(threat)
	if err != nil {
		t.Fatal(err)
	}
	v1 := strings.NewReplacer(`"parley.scenario/2"`, `"parley.scenario/1"`, `"granularity": "product",`, "",
		`"name": "Threat: 25% on all Canadian goods"`, `"name": "Threat, format 1"`).Replace(string(b))
	os.WriteFile(threat, []byte(v1), 0o644)
	if r := run(t, nil, "-w", ws, "import", threat); r.code != 0 {
		t.Fatalf("import the threat as a /1 file: %s", r.stderr)
	}
	// A /1 file's "h2-2025" is the sector share for every line.
	h2 := filepath.Join(dir, "h2.json")
	os.WriteFile(h2, []byte(`{"format": "parley.scenario/1", "name": "Custom h2", "as_of": "2025-09-01",
 "measures": [
  {"id": "a", "imposer": "US", "program": "IEEPA", "sectors": {"*": 1, "SPECIAL": 0}, "rate": 0.35, "cusma_exempt": true, "yields_to": ["S232"], "effective_from": "2025-08-01"},
  {"id": "b", "imposer": "US", "program": "S232", "sectors": {"STEEL": 1, "ALUMINUM": 1}, "rate": 0.5, "effective_from": "2025-06-04"}
 ]}`), 0o644)
	if r := run(t, nil, "-w", ws, "import", h2); r.code != 0 {
		t.Fatalf("import custom h2: %s", r.stderr)
	}
	ids := []string{"custom", "custom-h2", "threat-format-1"}
	for _, id := range ids {
		for _, asOf := range []string{"", "2025-03-05", "2025-08-15", "2026-03-01", "2026-09-01"} {
			t.Run(id+"@"+asOf, func(t *testing.T) {
				file := filepath.Join(dir, id+".json")
				if r := run(t, nil, "-w", ws, "export-scenario", id, "--out", file); r.code != 0 {
					t.Fatal(r.stderr)
				}
				args := []string{"-w", ws, "compute", id, "--format", "json"}
				if asOf != "" {
					args = append(args, "--as-of", asOf)
				}
				r := run(t, nil, args...)
				if r.code != 0 {
					t.Fatal(r.stderr)
				}
				var got slResult
				if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
					t.Fatal(err)
				}
				var sc scenarioFile
				b, _ := os.ReadFile(file)
				if err := json.Unmarshal(b, &sc); err != nil {
					t.Fatal(err)
				}
				if asOf == "" {
					asOf = sc.AsOf
				}
				want := ref.compute(sc, asOf)
				if got.AsOf != asOf || got.Scenario != sc.Name || len(got.Flows) != len(want.Flows) {
					t.Fatalf("header %s %s %d flows; want %s %s %d", got.AsOf, got.Scenario, len(got.Flows), asOf, sc.Name, len(want.Flows))
				}
				for i, f := range got.Flows {
					w := want.Flows[i]
					if f.Direction != w.Direction || f.Sector != w.Sector {
						t.Fatalf("flow %d is %s %s, want %s %s", i, f.Direction, f.Sector, w.Direction, w.Sector)
					}
					for k, pair := range [][2]float64{{f.Baseline, w.Baseline}, {f.Duty, w.Duty}, {f.TradeChange, w.TradeChange},
						{f.TradeChangeLow, w.TradeChangeLow}, {f.TradeChangeHigh, w.TradeChangeHigh}, {f.ValueAfter, w.ValueAfter},
						{f.DutyCollected, w.DutyCollected}} {
						if math.Abs(pair[0]-pair[1]) >= 0.005 {
							t.Errorf("%s %s value %d = %.4f, want %.4f", f.Direction, f.Sector, k, pair[0], pair[1])
						}
					}
					if math.Abs(f.Tariff-w.Tariff) > 1e-12 {
						t.Errorf("%s %s tariff = %v, want %v", f.Direction, f.Sector, f.Tariff, w.Tariff)
					}
				}
				for _, d := range []string{"ca_to_us", "us_to_ca"} {
					g, w := got.Totals[d], want.Totals[d]
					for k, pair := range [][2]float64{{g.Baseline, w.Baseline}, {g.Duty, w.Duty}, {g.TradeChange, w.TradeChange},
						{g.TradeChangeLow, w.TradeChangeLow}, {g.TradeChangeHigh, w.TradeChangeHigh}, {g.ValueAfter, w.ValueAfter},
						{g.DutyCollected, w.DutyCollected}} {
						if math.Abs(pair[0]-pair[1]) >= 0.005 {
							t.Errorf("total %s value %d = %.4f, want %.4f", d, k, pair[0], pair[1])
						}
					}
					if math.Abs(g.EffectiveRate-w.EffectiveRate) > 1e-12 {
						t.Errorf("total %s rate = %v, want %v", d, g.EffectiveRate, w.EffectiveRate)
					}
				}
			})
		}
	}
}

// The binary's output is read into slResult (spec_lines_test.go), the one
// reader of docs/SPEC.md section 4 in these tests.

type scenarioFile struct {
	Name        string `json:"name"`
	AsOf        string `json:"as_of"`
	Assumptions struct {
		BaselineYear   int                           `json:"baseline_year"`
		CUSMAShares    string                        `json:"cusma_shares"`
		ElasticityLow  float64                       `json:"elasticity_low"`
		ElasticityHigh float64                       `json:"elasticity_high"`
		Overrides      map[string]map[string]float64 `json:"overrides"`
	} `json:"assumptions"`
	Measures []struct {
		Imposer     string             `json:"imposer"`
		Program     string             `json:"program"`
		Sectors     map[string]float64 `json:"sectors"`
		Rate        float64            `json:"rate"`
		CUSMAExempt bool               `json:"cusma_exempt"`
		YieldsTo    []string           `json:"yields_to"`
		From        string             `json:"effective_from"`
		To          string             `json:"effective_to"`
	} `json:"measures"`
}

// reference is the data of ../shared/data that docs/SPEC.md section 2 needs at
// chapter level, summed by sector from the shared reader's chapters.
type reference struct {
	sectors []string
	value   map[int]map[string]map[string]float64 // year -> direction -> sector -> V
	shares  map[string]map[string]float64         // preset -> sector -> c
	elast   map[string]float64
}

func loadReference(t *testing.T) *reference {
	shared := loadSharedRef(t)
	ref := &reference{sectors: shared.sectors, value: map[int]map[string]map[string]float64{},
		shares: map[string]map[string]float64{}, elast: shared.elast}
	for y, dirs := range shared.chapters {
		ref.value[y] = map[string]map[string]float64{}
		for dir, lines := range dirs {
			ref.value[y][dir] = map[string]float64{}
			for _, l := range lines {
				ref.value[y][dir][l.sector] += l.v
			}
		}
	}
	ref.shares["h2-2025"] = shared.sectorShare
	// What h2-2025 means in format /1; Parley writes it h2-2025-sector in /2.
	ref.shares["h2-2025-sector"] = ref.shares["h2-2025"]
	for month, v := range shared.monthShare {
		ref.shares[month] = map[string]float64{}
		for _, s := range ref.sectors {
			ref.shares[month][s] = v
		}
	}
	return ref
}

func (ref *reference) compute(sc scenarioFile, asOf string) slResult {
	a := sc.Assumptions
	out := slResult{Scenario: sc.Name, AsOf: asOf, Totals: map[string]slTotals{}}
	for _, dir := range []string{"ca_to_us", "us_to_ca"} {
		imposer := map[string]string{"ca_to_us": "US", "us_to_ca": "CA"}[dir]
		type m = struct {
			program  string
			sectors  map[string]float64
			rate     float64
			exempt   bool
			yieldsTo []string
		}
		var active []m
		for _, me := range sc.Measures {
			if me.Imposer == imposer && me.From <= asOf && (me.To == "" || asOf <= me.To) {
				active = append(active, m{me.Program, me.Sectors, me.Rate, me.CUSMAExempt, me.YieldsTo})
			}
		}
		cov := func(me m, s string) float64 {
			if v, ok := me.sectors[s]; ok {
				return v
			}
			return me.sectors["*"]
		}
		var tot slTotals
		for _, s := range ref.sectors {
			c := 0.0
			if dir == "ca_to_us" {
				c = ref.shares[a.CUSMAShares][s]
			}
			if v, ok := a.Overrides["cusma_share"][s]; ok {
				c = v
			}
			e := ref.elast[s]
			if v, ok := a.Overrides["elasticity"][s]; ok {
				e = v
			}
			t0 := a.Overrides["baseline_tariff"][s]
			tau := 0.0
			for i, me := range active {
				cv := cov(me, s)
				if len(me.yieldsTo) > 0 {
					p := 0.0
					for j, k := range active {
						if j != i && slices.Contains(me.yieldsTo, k.program) {
							p = math.Max(p, cov(k, s))
						}
					}
					cv *= 1 - p
				}
				d := 1.0
				if me.exempt {
					d = 1 - c
				}
				tau += me.rate * cv * d
			}
			v := ref.value[a.BaselineYear][dir][s]
			dm := func(el float64) float64 { return math.Max(-v, -el*v*tau/(1+t0)) }
			f := slFlow{Direction: dir, Sector: s, Tariff: tau, slAmounts: slAmounts{Baseline: v, Duty: v * tau, TradeChange: dm(e),
				TradeChangeLow: dm(e * a.ElasticityLow), TradeChangeHigh: dm(e * a.ElasticityHigh)}}
			f.ValueAfter = v + f.TradeChange
			f.DutyCollected = tau * f.ValueAfter
			out.Flows = append(out.Flows, f)
			tot.Baseline += v
			tot.Duty += f.Duty
			tot.TradeChange += f.TradeChange
			tot.TradeChangeLow += f.TradeChangeLow
			tot.TradeChangeHigh += f.TradeChangeHigh
			tot.ValueAfter += f.ValueAfter
			tot.DutyCollected += f.DutyCollected
		}
		tot.EffectiveRate = tot.Duty / tot.Baseline
		out.Totals[dir] = tot
	}
	return out
}
