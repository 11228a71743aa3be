package dataview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/present"
	"parley/scenarios"
)

// listUsingScenario is a scenario file whose one measure taxes list:NAME.
func listUsingScenario(scenario, list string) string {
	return `{"format": "parley.scenario/2", "name": "` + scenario + `", "as_of": "2026-10-01",
  "assumptions": {"baseline_year": 2025, "granularity": "product"},
  "measures": [{"id": "duty", "label": "Dairy duty 25%", "imposer": "US", "program": "S338", "rate": 0.25,
    "products": {"include": ["list:` + list + `"]}, "effective_from": "2026-08-19"}]}`
}

func TestListsViewCreateFromPastedCodes(t *testing.T) {
	u, nav := newTestView(t)
	nav.changes = 0
	v := u.showLists()
	c := v.newDialog()
	test.Type(c.name, "my-dairy")
	c.title.SetText("Dairy")
	c.codes.SetText("HTS code\tDescription\n0401.10.00\tMilk\n0402 10\tPowder\n")
	test.Tap(c.ok)
	if v.creating != nil {
		t.Fatalf("the form stayed open: %q", c.problem.Text)
	}
	if nav.changes == 0 {
		t.Error("the window was not told to read its models again")
	}
	l, err := u.sess.Workspace().List("my-dairy")
	if err != nil || !l.User || strings.Join(l.Codes, " ") != "04011000 040210" {
		t.Fatalf("stored %+v, %v", l, err)
	}
	cur, ok := v.current()
	if !ok || cur.Name != "my-dairy" {
		t.Fatalf("selected %+v", cur)
	}
	for _, want := range []string{"my-dairy — Dairy", "Your list", "2 codes", "Covers in", "No measure uses it", "0401.10.00"} {
		if !strings.Contains(v.shown+v.codes.Text, want) {
			t.Errorf("details lack %q:\n%s\n%s", want, v.shown, v.codes.Text)
		}
	}
	if strings.Contains(v.shown, "0 lines") {
		t.Errorf("the list covers no baseline line:\n%s", v.shown)
	}
	// The product picker offers it beside the built-in lists.
	m, err := u.sess.ModelFor(scenarios.DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	if m.Lists()["my-dairy"] == nil || m.Lists()["us-s338-dairy"] == nil {
		t.Error("the model's lists lack the new list or a built-in one")
	}
	if !strings.Contains(present.ListCaption(v.infos[0]), "your list") || !strings.Contains(present.ListCaption(v.infos[len(v.infos)-1]), "built-in") {
		t.Errorf("captions %q, %q", present.ListCaption(v.infos[0]), present.ListCaption(v.infos[len(v.infos)-1]))
	}
}

func TestListsViewBadCodeShowsItsRow(t *testing.T) {
	u, _ := newTestView(t)
	v := u.showLists()
	c := v.newDialog()
	c.name.SetText("bad")
	c.codes.SetText("0401\n0402\n04A1\n")
	test.Tap(c.ok)
	if v.creating == nil {
		t.Fatal("the form closed on a bad code")
	}
	if !strings.Contains(c.problem.Text, "Row 3") || !strings.Contains(c.problem.Text, `"04A1"`) || !strings.Contains(c.problem.Text, "nothing was stored") {
		t.Errorf("problem %q", c.problem.Text)
	}
	if _, err := u.sess.Workspace().List("bad"); err == nil {
		t.Error("a list with a bad code was stored")
	}
	// A built-in name is refused in the form too.
	c.name.SetText("us-s338-dairy")
	c.codes.SetText("0401\n")
	test.Tap(c.ok)
	if v.creating == nil || !strings.Contains(c.problem.Text, "ships with Parley") {
		t.Errorf("built-in name: %q", c.problem.Text)
	}
}

func TestListsViewRenameAndDeleteRefusedWhenUsed(t *testing.T) {
	u, _ := newTestView(t)
	if err := u.sess.Workspace().CreateList(scenarios.ProductList{Name: "dairy", Codes: []string{"0401", "0402"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := u.sess.Workspace().ImportScenario(strings.NewReader(listUsingScenario("Dairy duty", "dairy"))); err != nil {
		t.Fatal(err)
	}
	v := u.showLists()
	v.reload("dairy")
	if !strings.Contains(v.shown, "Used by 1 measure") || !strings.Contains(v.shown, "Dairy duty — Dairy duty 25%") {
		t.Errorf("details:\n%s", v.shown)
	}
	if v.rename.Disabled() || v.del.Disabled() {
		t.Error("rename or delete disabled on the user's list")
	}
	if err := v.renameList("dairy-2026"); err != nil {
		t.Fatal(err)
	}
	if cur, _ := v.current(); cur.Name != "dairy-2026" {
		t.Errorf("selected after rename: %q", cur.Name)
	}
	info, err := u.sess.Workspace().Resolve("Dairy duty")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := u.sess.Workspace().Scenario(info.ID)
	if err != nil || sc.Measures[0].Products.Include[0] != "list:dairy-2026" {
		t.Errorf("the scenario names %v after the rename (%v)", sc.Measures[0].Products, err)
	}
	err = v.deleteList()
	if err == nil || !strings.Contains(present.ProblemText(err), `"Dairy duty"`) {
		t.Fatalf("delete of a used list: %v", err)
	}
	if _, err := u.sess.Workspace().List("dairy-2026"); err != nil {
		t.Errorf("a refused delete removed the list: %v", err)
	}
	// A built-in list can be neither renamed nor deleted.
	v.reload("us-s338-dairy")
	if !v.rename.Disabled() || !v.del.Disabled() {
		t.Error("rename or delete enabled on a built-in list")
	}
}
