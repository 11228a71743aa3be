package scenarioview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
	"parley/storage"
)

func TestScopeEditor(t *testing.T) {
	u, w := newTestUI(t)
	u.openScenario("threat-25")
	useProductModel(t, u, 50)
	id := u.sess.Draft().Measures[0].ID
	u.view.selectMeasure(id)
	f := u.view.form
	f.tabs.SelectIndex(2)
	if f.tabs.Items[2].Text != "Products" || !strings.HasPrefix(f.tabs.Items[3].Text, "Evidence (") {
		t.Fatalf("tabs %q, %q", f.tabs.Items[2].Text, f.tabs.Items[3].Text)
	}
	w.Content().Refresh()
	e := f.scope
	if !strings.HasPrefix(e.summary.Text, "Covers ") || !strings.Contains(e.summary.Text, "of trade in Canada to US") {
		t.Errorf("summary %q", e.summary.Text)
	}

	// Pick a built-in list: the scope and its summary follow.
	kittest.TypeInto(e.listQuery, "softwood")
	if !slices.Equal(e.names, []string{"us-s232-softwood"}) {
		t.Fatalf("lists shown %v", e.names)
	}
	e.lists.Refresh()
	test.Tap(kittest.Button(t, e.lists, "Include"))
	m := u.sess.Draft().Measure(id)
	if m.Products == nil || !slices.Equal(m.Products.Include, []string{"list:us-s232-softwood"}) {
		t.Fatalf("products %+v", m.Products)
	}
	if got := e.summary.Text; got != "Covers 3 lines, US$ 3.5 bn of trade in Canada to US, before precedence and CUSMA relief." {
		t.Errorf("summary %q", got)
	}
	if s := storedMeasure(t, u, id); s.Products == nil || len(s.Products.Include) != 1 {
		t.Errorf("not saved: %+v", s.Products)
	}
	if labels := kittest.Find[*widget.Label](e.include); len(labels) != 1 || labels[0].Text != "list:us-s232-softwood — Softwood lumber (2 codes)" {
		t.Errorf("include rows %d", len(labels))
	}

	// An invalid code: an error under the field, nothing changes.
	for _, bad := range []struct{ text, want string }{
		{"4407.11.00.001", "has 11 digits; an HS code has 2 to 10"},
		{"44AB", "is not an HS code"},
		{"4", "has 1 digit;"},
		{"list:nope", "\"nope\" is not a known list"},
	} {
		kittest.TypeInto(e.codes, bad.text)
		if !e.codesErr.Visible() || !strings.Contains(e.codesErr.Text, bad.want) {
			t.Errorf("%q: error %q (shown %v), want %q", bad.text, e.codesErr.Text, e.codesErr.Visible(), bad.want)
		}
		test.Tap(kittest.Button(t, e.content, "Include"))
		if got := u.sess.Draft().Measure(id).Products.Include; !slices.Equal(got, []string{"list:us-s232-softwood"}) {
			t.Errorf("%q changed the scope: %v", bad.text, got)
		}
		if s := storedMeasure(t, u, id); !slices.Equal(s.Products.Include, []string{"list:us-s232-softwood"}) {
			t.Errorf("%q was saved: %v", bad.text, s.Products.Include)
		}
	}

	// A valid code: previewed, then included.
	kittest.TypeInto(e.codes, "4418")
	if e.codesErr.Visible() || !e.preview.Visible() || e.preview.Text != "These cover 1 line, US$ 300 M of trade of the measure's sectors." {
		t.Errorf("preview %q (shown %v), error %q", e.preview.Text, e.preview.Visible(), e.codesErr.Text)
	}
	test.Tap(kittest.Button(t, e.content, "Include"))
	if got := u.sess.Draft().Measure(id).Products.Include; !slices.Equal(got, []string{"list:us-s232-softwood", "4418"}) || e.codes.Text != "" {
		t.Errorf("include %v, field %q", got, e.codes.Text)
	}
	if !strings.HasPrefix(e.summary.Text, "Covers 4 lines, US$ 3.8 bn") {
		t.Errorf("summary %q", e.summary.Text)
	}
	kittest.TypeInto(e.codes, "4407.11.0020")
	test.Tap(kittest.Button(t, e.content, "Exclude"))
	if got := u.sess.Draft().Measure(id).Products.Exclude; !slices.Equal(got, []string{"4407110020"}) || !strings.HasPrefix(e.summary.Text, "Covers 3 lines, US$ 3.3 bn") {
		t.Errorf("exclude %v, summary %q", got, e.summary.Text)
	}
	u.Undo()
	if p := u.sess.Draft().Measure(id).Products; len(p.Exclude) != 0 || !strings.HasPrefix(e.summary.Text, "Covers 4 lines") {
		t.Errorf("after undo: %+v, summary %q", p, e.summary.Text)
	}
	if got := u.scopeSummary(u.sess.Draft().Measure(id)); !strings.Contains(got, "products: us-s232-softwood, 4418") {
		t.Errorf("table summary %q", got)
	}

	// Content: the summary says what is left after it.
	e.kind.SetSelected(contentChoices[1].label)
	if m := u.sess.Draft().Measure(id); m.Content != scenarios.ContentSteel || !strings.Contains(e.summary.Text, "after content") ||
		!strings.Contains(e.summary.Text, "4 lines upper bound") {
		t.Errorf("content %q, summary %q", m.Content, e.summary.Text)
	}

	// The CUSMA exempt share only with the exemption.
	if !e.share.Disabled() {
		t.Error("exempt share enabled on a measure that exempts nothing")
	}
	f.cusma.SetChecked(true)
	if e.share.Disabled() {
		t.Fatal("exempt share disabled with the exemption")
	}
	kittest.TypeInto(e.share, "40")
	if x := u.sess.Draft().Measure(id).CUSMAExemptShare; x == nil || *x != 0.4 {
		t.Errorf("exempt share %v", x)
	}
	f.cusma.SetChecked(false)
	if m := u.sess.Draft().Measure(id); m.CUSMAExempt || m.CUSMAExemptShare != nil || !e.share.Disabled() {
		t.Errorf("without the exemption: exempt %v share %v", m.CUSMAExempt, m.CUSMAExemptShare)
	}
}

// TestLibraryProductsKept adds a product-scoped library measure: the form
// shows its lists and other edits keep them.
func TestLibraryProductsKept(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("threat-25")
	lib, err := u.sess.Workspace().Library()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(lib, func(lm storage.LibraryMeasure) bool {
		return lm.Measure.Products != nil && len(lm.Measure.Products.Include) > 0
	})
	if i < 0 {
		t.Skip("no product-scoped measure in the library")
	}
	want := lib[i].Measure.Products.Clone()
	if err := u.view.addLibraryMeasure(lib[i].Measure); err != nil {
		t.Fatal(err)
	}
	f := u.view.form
	m := f.measure()
	if len(f.scope.include.Objects) != len(want.Include) {
		t.Errorf("%d include rows for %v", len(f.scope.include.Objects), want.Include)
	}
	f.rate.SetText("12")
	u.flushSave()
	s := storedMeasure(t, u, m.ID)
	if s.Rate != 0.12 || !scopeEqual(s.Products, want) {
		t.Errorf("after a rate edit: rate %v, products %+v, want %+v", s.Rate, s.Products, want)
	}
}
