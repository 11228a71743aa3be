package scenarios_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// statusFile is a /2 file with a threatened duty, an expired duty and a ban,
// and include_threats.
const statusFile = `{
  "format": "parley.scenario/2",
  "name": "Threats and bans",
  "as_of": "2026-10-01",
  "assumptions": {
    "include_threats": true
  },
  "measures": [
    {"id": "threat", "imposer": "US", "program": "S232", "status": "threatened", "rate": 0.5,
     "sectors": {"AUTOS": 1}, "effective_from": "2027-01-01", "evidence": [{"citation": "statement"}]},
    {"id": "old", "imposer": "US", "program": "S122", "status": "expired", "kind": "duty", "rate": 0.1,
     "effective_from": "2026-02-24", "effective_to": "2026-07-23", "evidence": [{"citation": "Proclamation"}]},
    {"id": "ban", "imposer": "US", "program": "S338", "kind": "ban", "rate": 0,
     "products": {"include": ["2203"]}, "effective_from": "2026-09-29", "evidence": [{"citation": "Proclamation 11056"}]}
  ]
}`

func TestStatusFileRoundTrip(t *testing.T) {
	f, err := scenariofile.Decode([]byte(statusFile))
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Scenario
	if !sc.Assumptions.IncludeThreats {
		t.Error("include_threats not read")
	}
	got := [][2]string{}
	for _, m := range sc.Measures {
		got = append(got, [2]string{m.Status, m.Kind})
	}
	want := [][2]string{{"threatened", ""}, {"expired", "duty"}, {"", "ban"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("status and kind = %v, want %v", got, want)
	}
	if errs := scenarios.Validate(&sc, testCatalog); len(errs) > 0 {
		t.Fatalf("valid file refused: %v", errs)
	}
	var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, &sc, sc.AsOf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"include_threats": true`, `"status": "threatened"`, `"status": "expired"`, `"kind": "duty"`, `"kind": "ban"`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("written file lacks %s:\n%s", s, buf.String())
		}
	}
	g, err := scenariofile.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	scenariofile.Encode(&again, &g.Scenario, g.Scenario.AsOf)
	if again.String() != buf.String() {
		t.Errorf("round trip changed the file:\n%s\n%s", buf.String(), again.String())
	}
	for i, m := range g.Scenario.Measures {
		if m.Status != sc.Measures[i].Status || m.Kind != sc.Measures[i].Kind {
			t.Errorf("measure %s: status %q kind %q after the round trip", m.ID, m.Status, m.Kind)
		}
	}
	if !g.Scenario.Assumptions.IncludeThreats {
		t.Error("include_threats lost in the round trip")
	}
	// A scenario without threats or statuses writes none of the keys.
	plain := sc.Clone()
	plain.Assumptions.IncludeThreats = false
	plain.Measures = plain.Measures[:1]
	plain.Measures[0].Status = ""
	buf.Reset()
	scenariofile.Encode(&buf, &plain, plain.AsOf)
	for _, s := range []string{"include_threats", `"status"`, `"kind"`} {
		if strings.Contains(buf.String(), s) {
			t.Errorf("plain scenario writes %s", s)
		}
	}
	// Clone copies status, kind and include_threats.
	c := sc.Clone()
	if !c.Assumptions.IncludeThreats || c.Measures[0].Status != "threatened" || c.Measures[2].Kind != "ban" {
		t.Errorf("clone lost status or kind: %+v", c)
	}
}

// TestStatusFileErrors: bad status or kind, a ban with a rate, content or
// cusma_exempt, and the /2 keys in a /1 file, each named with its position.
func TestStatusFileErrors(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string
		want      []string // substrings of the one message
		v1        bool     // also turn the file into /1
		decodeErr bool     // refused by DecodeFile rather than Validate
	}{
		{"unknown status", `"status": "threatened"`, `"status": "rumoured"`,
			[]string{"measures[0].status", `unknown status "rumoured"`, "line 9"}, false, false},
		{"status not a string", `"status": "threatened"`, `"status": true`,
			[]string{"measures[0].status", "must be a string", "line 9"}, false, true},
		{"unknown kind", `"kind": "duty"`, `"kind": "quota"`,
			[]string{"measures[1].kind", `unknown kind "quota"`, "line 11"}, false, false},
		{"ban with a rate", `"kind": "ban", "rate": 0,`, `"kind": "ban", "rate": 0.5,`,
			[]string{"measures[2].rate", "a ban", "rate 0", "line 13"}, false, false},
		{"ban with content", `"kind": "ban", "rate": 0,`, `"kind": "ban", "rate": 0, "content": "steel",`,
			[]string{"measures[2].content", "not allowed on a ban", "line 13"}, false, false},
		{"ban with cusma_exempt", `"kind": "ban", "rate": 0,`, `"kind": "ban", "rate": 0, "cusma_exempt": true,`,
			[]string{"measures[2].cusma_exempt", "not allowed on a ban", "line 13"}, false, false},
		{"include_threats not a boolean", `"include_threats": true`, `"include_threats": "yes"`,
			[]string{"assumptions.include_threats", "must be true or false", "line 6"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(statusFile, tt.old, tt.new, 1)
			if data == statusFile {
				t.Fatalf("%q not in the file", tt.old)
			}
			f, err := scenariofile.Decode([]byte(data))
			var msg string
			switch {
			case tt.decodeErr:
				if err == nil {
					t.Fatal("decoded")
				}
				msg = err.Error()
			case err != nil:
				t.Fatal(err)
			default:
				errs := f.Locate(scenarios.Validate(&f.Scenario, testCatalog))
				if len(errs) != 1 {
					t.Fatalf("errors = %v, want one", errs)
				}
				msg = errs.Error()
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
		})
	}
}

// TestStatusKeysInV1File: status, kind and include_threats are keys of /2;
// a /1 file that carries them is refused, naming each with its position.
func TestStatusKeysInV1File(t *testing.T) {
	data := strings.Replace(statusFile, "parley.scenario/2", "parley.scenario/1", 1)
	// /1 requires sectors: give every measure some, so only the /2 keys fail.
	data = strings.Replace(data, `"products": {"include": ["2203"]}`, `"sectors": {"*": 1}`, 1)
	data = strings.Replace(data, `"program": "S122",`, `"program": "S122", "sectors": {"*": 1},`, 1)
	_, err := scenariofile.Decode([]byte(data))
	if err == nil {
		t.Fatal("a /1 file with /2 keys decoded")
	}
	for _, w := range []string{
		`assumptions.include_threats: "include_threats" is a key of "parley.scenario/2"`, "line 6",
		`measures[0].status: "status" is a key`, "line 9",
		`measures[1].kind: "kind" is a key`, `measures[1].status`, "line 11",
		`measures[2].kind`, "line 13",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}
