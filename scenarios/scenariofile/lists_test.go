package scenariofile_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

const listsHead = `{"format": "parley.scenario/2", "name": "n", "as_of": "2026-10-01",
 "measures": [{"id": "a", "imposer": "US", "rate": 0.1, "effective_from": "2026-01-01", "products": {"include": ["list:mine"]}}],
 "lists": `

func TestFileLists(t *testing.T) {
	f, err := scenariofile.Decode([]byte(listsHead + `{"mine": {"title": "T", "source": "S", "codes": ["0402", "0401.10.00", "0402"]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []scenarios.ProductList{{Name: "mine", Title: "T", Source: "S", Codes: []string{"04011000", "0402"}, User: true}}
	if !reflect.DeepEqual(f.Lists, want) {
		t.Fatalf("lists = %+v", f.Lists)
	}
	if got := scenarios.ListsUsed(&f.Scenario); !reflect.DeepEqual(got, []string{"mine"}) {
		t.Errorf("ListsUsed = %v", got)
	}
	// Encoded with its lists, the file decodes to the same.
	var buf bytes.Buffer
	lists := []*scenarios.ProductList{&f.Lists[0]}
	if err := scenariofile.EncodeLists(&buf, &f.Scenario, f.Scenario.AsOf, lists); err != nil {
		t.Fatal(err)
	}
	g, err := scenariofile.Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(g.Lists, want) {
		t.Errorf("after a round trip: %+v", g.Lists)
	}
	buf.Reset()
	if err := scenariofile.Encode(&buf, &f.Scenario, f.Scenario.AsOf); err != nil || strings.Contains(buf.String(), `"lists"`) {
		t.Errorf("EncodeFile wrote lists: %v\n%s", err, buf.String())
	}
}

func TestFileListsRefused(t *testing.T) {
	tests := []struct {
		name, lists, path, msg string
	}{
		{"bad code", `{"mine": {"codes": ["0401", "04A1"]}}}`, "lists.mine.codes[1]", `"04A1"`},
		{"no codes", `{"mine": {"title": "t"}}}`, "lists.mine.codes", "missing"},
		{"empty codes", `{"mine": {"codes": []}}}`, "lists.mine.codes", "at least one"},
		{"bad name", `{"my list": {"codes": ["0401"]}}}`, "lists.my list", "list name"},
		{"unknown key", `{"mine": {"codes": ["0401"], "rate": 1}}}`, "lists.mine.rate", "unknown key"},
		{"not an object", `[]}`, "lists", "must be an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenariofile.Decode([]byte(listsHead + tt.lists))
			var errs scenarios.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v", err)
			}
			found := false
			for _, e := range errs {
				if e.Path == tt.path && strings.Contains(e.Msg, tt.msg) && e.Pos.Line == 3 {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %v, want %s: ...%s... on line 3", err, tt.path, tt.msg)
			}
		})
	}
	v1 := strings.Replace(listsHead, "scenario/2", "scenario/1", 1)
	v1 = strings.Replace(v1, `"products": {"include": ["list:mine"]}`, `"sectors": {"*": 1}`, 1)
	if _, err := scenariofile.Decode([]byte(v1 + `{"mine": {"codes": ["0401"]}}}`)); err == nil || !strings.Contains(err.Error(), "lists") {
		t.Errorf("a /1 file with lists: %v", err)
	}
}
