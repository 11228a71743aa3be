package storage_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// listScenario is a scenario file whose one measure taxes the products of
// list (a list:NAME entry) at 25% on 2026-10-01.
func listScenario(name, list string) string {
	return fmt.Sprintf(`{
  "format": "parley.scenario/2",
  "name": %q,
  "as_of": "2026-10-01",
  "assumptions": {"baseline_year": 2025, "granularity": "product"},
  "measures": [
    {"id": "duty", "imposer": "US", "program": "S338", "rate": 0.25,
     "products": {"include": [%q]}, "effective_from": "2026-08-19"}
  ]
}`, name, "list:"+list)
}

// dotted writes HTS codes as a tariff schedule prints them (1234.56.7890).
func dotted(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		switch {
		case len(c) > 6:
			out[i] = c[:4] + "." + c[4:6] + "." + c[6:]
		case len(c) > 4:
			out[i] = c[:4] + "." + c[4:]
		default:
			out[i] = c
		}
	}
	return out
}

func totals(t *testing.T, w *storage.Workspace, id string) scenarios.Result {
	t.Helper()
	r, err := w.Compute(id, scenarios.Date{})
	if err != nil {
		t.Fatalf("compute %s: %v", id, err)
	}
	r.Scenario = ""
	for i := range r.Measures {
		r.Measures[i].Label = ""
	}
	return r
}

func TestUserListWorksAsBuiltin(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	builtin, err := w.List("us-s338-dairy")
	if err != nil {
		t.Fatal(err)
	}
	if builtin.User {
		t.Fatal("a built-in list is marked as the user's")
	}
	// The user's copy, dotted, with a repeat: stored as the built-in codes.
	codes := append(dotted(builtin.Codes), builtin.Codes[0])
	if err := w.CreateList(scenarios.ProductList{Name: "my-dairy", Title: "Dairy", Source: "my tracker", Codes: codes}); err != nil {
		t.Fatal(err)
	}
	mine, err := w.List("my-dairy")
	if err != nil {
		t.Fatal(err)
	}
	if !mine.User || mine.Title != "Dairy" || mine.Source != "my tracker" || !reflect.DeepEqual(mine.Codes, builtin.Codes) {
		t.Fatalf("stored list = %+v, want the built-in codes", mine)
	}
	if n := storagetest.Count(t, path, "user_lists"); n != 1 {
		t.Errorf("%d rows in user_lists, want 1", n)
	}

	a, err := w.ImportScenario(strings.NewReader(listScenario("built-in", "us-s338-dairy")))
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.ImportScenario(strings.NewReader(listScenario("mine", "my-dairy")))
	if err != nil {
		t.Fatalf("a scenario naming a user list: %v", err)
	}
	ra, rb := totals(t, w, a), totals(t, w, b)
	if ra.Totals[0].Duty <= 0 {
		t.Fatalf("the dairy list carries no duty: %+v", ra.Totals[0])
	}
	if !reflect.DeepEqual(ra, rb) {
		t.Errorf("user list computes %+v, built-in %+v", rb.Totals, ra.Totals)
	}

	all, err := w.Lists()
	if err != nil {
		t.Fatal(err)
	}
	if all["my-dairy"] == nil || all["us-s338-dairy"] == nil {
		t.Error("Lists lacks the user's list or a built-in one")
	}
	infos, err := w.ListInfos()
	if err != nil {
		t.Fatal(err)
	}
	last := infos[len(infos)-1]
	if last.Name != "my-dairy" || last.Builtin || last.Size != len(builtin.Codes) || last.Created.IsZero() {
		t.Errorf("last list info = %+v", last)
	}

	// Rename: the scenario follows and computes the same.
	if err := w.RenameList("my-dairy", "dairy-2026"); err != nil {
		t.Fatal(err)
	}
	sc, err := w.Scenario(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Measures[0].Products.Include; !reflect.DeepEqual(got, []string{"list:dairy-2026"}) {
		t.Errorf("after rename the measure names %v", got)
	}
	if rc := totals(t, w, b); !reflect.DeepEqual(ra, rc) {
		t.Errorf("after rename computes %+v, want %+v", rc.Totals, ra.Totals)
	}

	// Delete is refused while a scenario uses the list, naming it.
	err = w.DeleteList("dairy-2026")
	if err == nil || !strings.Contains(err.Error(), `"mine"`) || !storage.IsBadInput(err) {
		t.Fatalf("delete of a used list: %v", err)
	}
	if _, err := w.List("dairy-2026"); err != nil {
		t.Fatalf("a refused delete removed the list: %v", err)
	}
	_, rev, err := w.ScenarioRev(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.DeleteScenario(b, rev); err != nil {
		t.Fatal(err)
	}
	if err := w.DeleteList("dairy-2026"); err != nil {
		t.Fatalf("delete of an unused list: %v", err)
	}
	if _, err := w.List("dairy-2026"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if n := storagetest.Count(t, path, "user_lists"); n != 0 {
		t.Errorf("%d rows in user_lists after delete", n)
	}
}

func TestUserListRefused(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	if err := w.CreateList(scenarios.ProductList{Name: "Mine", Codes: []string{"0401"}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		list scenarios.ProductList
		want string
	}{
		{"built-in name", scenarios.ProductList{Name: "us-s338-dairy", Codes: []string{"0401"}}, "ships with Parley"},
		{"built-in name in other case", scenarios.ProductList{Name: "US-S338-Dairy", Codes: []string{"0401"}}, "ships with Parley"},
		{"taken in other case", scenarios.ProductList{Name: "mine", Codes: []string{"0402"}}, "already"},
		{"bad code", scenarios.ProductList{Name: "other", Codes: []string{"0401", "04A1"}}, "code 2"},
		{"one digit", scenarios.ProductList{Name: "other", Codes: []string{"4"}}, "code 1"},
		{"eleven digits", scenarios.ProductList{Name: "other", Codes: []string{"04010000001"}}, "code 1"},
		{"no codes", scenarios.ProductList{Name: "other"}, "at least one code"},
		{"bad name", scenarios.ProductList{Name: "my list", Codes: []string{"0401"}}, "list name"},
		{"no name", scenarios.ProductList{Codes: []string{"0401"}}, "needs a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := w.CreateList(tt.list)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !storage.IsBadInput(err) {
				t.Fatalf("err = %v, want bad input with %q", err, tt.want)
			}
			if n := storagetest.Count(t, path, "user_lists"); n != 1 {
				t.Errorf("%d lists after a refused create", n)
			}
		})
	}
	if err := w.RenameList("Mine", "us-s232-copper"); err == nil {
		t.Error("rename onto a built-in name was accepted")
	}
	if err := w.DeleteList("us-s338-dairy"); err == nil {
		t.Error("delete of a built-in list was accepted")
	}
	if _, err := w.ImportScenario(strings.NewReader(listScenario("x", "nowhere"))); err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("a scenario naming an unknown list: %v", err)
	}
	// Replace keeps the name and changes the codes.
	if err := w.ReplaceList(scenarios.ProductList{Name: "Mine", Title: "t", Codes: []string{"0402", "0401.10"}}); err != nil {
		t.Fatal(err)
	}
	l, err := w.List("Mine")
	if err != nil || !reflect.DeepEqual(l.Codes, []string{"040110", "0402"}) || l.Title != "t" {
		t.Errorf("replaced list = %+v, %v", l, err)
	}
}
