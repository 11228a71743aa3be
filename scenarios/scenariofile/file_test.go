package scenariofile_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

func readExample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/spec_example.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeSpecExample(t *testing.T) {
	f, err := scenariofile.Decode(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Scenario
	if sc.Name != "US 35% on non-CUSMA goods (Aug 2025)" || sc.AsOf.String() != "2025-08-15" || sc.Description != "free text" {
		t.Errorf("header = %q %s %q", sc.Name, sc.AsOf, sc.Description)
	}
	a := sc.Assumptions
	// A /1 file means chapter lines and sector shares (docs/SPEC.md section 3).
	if a.BaselineYear != 2024 || a.Granularity != "chapter" || a.CUSMAShares != "h2-2025-sector" || a.Elasticities != "hauk2012" || a.ElasticityLow != 0.5 || a.ElasticityHigh != 1.5 {
		t.Errorf("assumptions = %+v", a)
	}
	if a.Overrides.CUSMAShare["AUTOS"] != 0.5 || a.Overrides.Elasticity["STEEL"] != 2 || len(a.Overrides.BaselineTariff) != 0 {
		t.Errorf("overrides = %+v", a.Overrides)
	}
	if len(sc.Measures) != 1 {
		t.Fatalf("%d measures", len(sc.Measures))
	}
	m := sc.Measures[0]
	if m.ID != "us-ieepa-35" || m.Imposer != "US" || m.Program != "IEEPA" || m.Rate != 0.35 || !m.CUSMAExempt ||
		!reflect.DeepEqual(m.YieldsTo, []string{"S232"}) || m.From.String() != "2025-08-01" || m.To.String() != "2026-02-23" {
		t.Errorf("measure = %+v", m)
	}
	if !reflect.DeepEqual(m.Sectors, map[string]float64{"*": 1, "ENERGY": 0, "FERT": 0}) {
		t.Errorf("sectors = %v", m.Sectors)
	}
	if len(m.Evidence) != 2 || m.Evidence[0].Document != "004_00f7d1e281d38557" || m.Evidence[1].URL != "https://example.org/eo" {
		t.Errorf("evidence = %+v", m.Evidence)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	f, err := scenariofile.Decode(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, &f.Scenario, f.Scenario.AsOf); err != nil {
		t.Fatal(err)
	}
	g, err := scenariofile.Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("re-decode: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(f.Scenario, g.Scenario) {
		t.Errorf("round trip changed the scenario:\n%+v\n%+v", f.Scenario, g.Scenario)
	}
	var again bytes.Buffer
	scenariofile.Encode(&again, &g.Scenario, g.Scenario.AsOf)
	if again.String() != buf.String() {
		t.Error("encoding is not stable")
	}
	if !strings.Contains(buf.String(), `"format": "parley.scenario/2"`) || !strings.Contains(buf.String(), `"granularity": "chapter"`) {
		t.Errorf("no format line:\n%s", buf.String())
	}
}

func TestDecodeErrors(t *testing.T) {
	example := string(readExample(t))
	tests := []struct {
		name string
		data string
		want []string // substrings of the message
	}{
		{"malformed JSON says where", `{"format": "parley.scenario/1",` + "\n" + `  "name": "x" "as_of": "2025-01-01"}`, []string{"line 2, column 15", "malformed JSON", "expected ',' or '}'"}},
		{"truncated", `{"format": "parley.scenario/1", "name": "x"`, []string{"line 1", "expected ',' or '}'"}},
		{"unknown key", strings.Replace(example, `"description"`, `"descripton"`, 1), []string{"line 4, column 3", `unknown key "descripton"`}},
		{"unknown measure key", strings.Replace(example, `"label"`, `"title"`, 1), []string{"measures[0].title", `unknown key "title"`}},
		{"bad date", strings.Replace(example, `"as_of": "2025-08-15"`, `"as_of": "2025-02-30"`, 1), []string{"as_of", "February 2025 has 28 days", "line 5"}},
		{"date of the wrong type", strings.Replace(example, `"effective_from": "2025-08-01"`, `"effective_from": 20250801`, 1), []string{"measures[0].effective_from", "must be an ISO date string"}},
		{"rate not a number", strings.Replace(example, `"rate": 0.35`, `"rate": "35%"`, 1), []string{"measures[0].rate", "must be a number, not a string"}},
		{"duplicate key", `{"format": "parley.scenario/1", "name": "a", "name": "b", "as_of": "2025-01-01"}`, []string{"appears twice"}},
		{"missing name", `{"format": "parley.scenario/1", "as_of": "2025-01-01"}`, []string{"name: missing"}},
		{"wrong format", strings.Replace(example, "parley.scenario/1", "parley.scenario/3", 1), []string{"format", "parley.scenario/3"}},
		{"not UTF-8", "{\"format\": \"parley.scenario/1\", \"name\": \"caf\xe9\"}", []string{"not UTF-8", "line 1, column 45"}},
		{"empty", "  \n", []string{"empty"}},
		{"not an object", `[1, 2]`, []string{"must be an object"}},
		{"missing measure fields", `{"format": "parley.scenario/1", "name": "a", "as_of": "2025-01-01", "measures": [{"id": "m"}]}`,
			[]string{"measures[0].imposer: missing", "measures[0].rate: missing", "measures[0].sectors: missing", "measures[0].effective_from: missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenariofile.Decode([]byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			var syn *scenariofile.SyntaxError
			var fes scenarios.Errors
			if !errors.As(err, &syn) && !errors.As(err, &fes) {
				t.Errorf("error %T is neither a SyntaxError nor Errors", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
