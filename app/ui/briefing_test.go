package ui_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui"
)

// These tests drive the window as a user does: they find buttons by their
// text and fields by their placeholder, tap and type.

// open shows Parley on a new workspace in a test window of size.
func open(t *testing.T, size fyne.Size) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	u, err := ui.CreateWith(a, w, filepath.Join(t.TempDir(), "w.parley"), ui.Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	w.Resize(size)
	return w
}

// views returns the window's tabs of views.
func views(t *testing.T, w fyne.Window) *container.AppTabs {
	t.Helper()
	tabs := findAll[*container.AppTabs](w.Content())
	if len(tabs) == 0 {
		t.Fatal("no views")
	}
	return tabs[0]
}

// showView selects the view named name.
func showView(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	v := views(t, w)
	for i, it := range v.Items {
		if it.Text == name {
			v.SelectIndex(i)
			w.Resize(w.Canvas().Size())
			return
		}
	}
	t.Fatalf("no view %q", name)
}

// visible reports whether o and every object above it in root are visible.
func visible(root, o fyne.CanvasObject) bool {
	var path []fyne.CanvasObject
	var walk func(n fyne.CanvasObject) bool
	walk = func(n fyne.CanvasObject) bool {
		if n == nil {
			return false
		}
		path = append(path, n)
		if n == o {
			return true
		}
		var kids []fyne.CanvasObject
		switch c := n.(type) {
		case *fyne.Container:
			kids = c.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(c).Objects()
		}
		for _, k := range kids {
			if walk(k) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if !walk(root) {
		return false
	}
	for _, n := range path {
		if !n.Visible() {
			return false
		}
	}
	return true
}

// tapButton taps the visible button labelled text (its first few words
// suffice) in root.
func tapButton(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	for _, b := range findAll[*widget.Button](root) {
		if strings.HasPrefix(b.Text, text) && visible(root, b) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

// entryOf returns the Entry of a field (a widget.Entry or a widget that
// embeds one), or nil.
func entryOf(o fyne.CanvasObject) *widget.Entry {
	if e, ok := o.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Entry")
	if !f.IsValid() || f.Type() != reflect.TypeOf(widget.Entry{}) {
		return nil
	}
	return f.Addr().Interface().(*widget.Entry)
}

// fieldWith returns the n-th visible field of root whose placeholder starts
// with placeholder.
func fieldWith(t *testing.T, root fyne.CanvasObject, placeholder string, n int) fyne.Focusable {
	t.Helper()
	for _, o := range findAll[fyne.CanvasObject](root) {
		e := entryOf(o)
		if e == nil || !strings.HasPrefix(e.PlaceHolder, placeholder) || !visible(root, o) {
			continue
		}
		if n == 0 {
			return o.(fyne.Focusable)
		}
		n--
	}
	t.Fatalf("no field %q", placeholder)
	return nil
}

// typeInto replaces the text of f as a user does: selects it all, then
// types over it.
func typeInto(f fyne.Focusable, s string) {
	f.FocusGained()
	if sc, ok := f.(fyne.Shortcutable); ok {
		sc.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	if s == "" {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		return
	}
	test.Type(f, s)
}

// labelWith returns the text of the visible labels of root that contain s.
func labelWith(root fyne.CanvasObject, s string) []string {
	var out []string
	for _, l := range findAll[*widget.Label](root) {
		if strings.Contains(l.Text, s) && visible(root, l) {
			out = append(out, l.Text)
		}
	}
	return out
}

// TestAddStartsFromTheLibraryOrEmpty checks "Add…": a searchable library,
// and an empty measure that duties nothing until its sectors are picked.
func TestAddStartsFromTheLibraryOrEmpty(t *testing.T) {
	w := open(t, fyne.NewSize(1280, 690))
	duty := func() string {
		if l := labelWith(w.Content(), "US$"); len(l) > 0 {
			return l[0]
		}
		return ""
	}
	before := duty()
	tapButton(t, w.Content(), "Add…")
	dlg := w.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("Add… opened no dialog")
	}
	for _, tc := range []struct {
		search string
		found  string
	}{
		{"", "measures in the library"},
		{"steel", "match “steel”"},
		{"zzz-no-such-measure", "No measure matches"},
	} {
		typeInto(fieldWith(t, dlg, "Search the library", 0), tc.search)
		if got := labelWith(dlg, tc.found); len(got) == 0 {
			t.Errorf("search %q: no %q in the dialog", tc.search, tc.found)
		}
	}
	tapButton(t, dlg, "Start from an empty measure")
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog is still open")
	}
	if got := labelWith(w.Content(), "no sector yet"); len(got) == 0 {
		t.Errorf("the status does not say the new measure covers no sector yet")
	}
	if after := duty(); after != before {
		t.Errorf("an empty measure changed the duty at stake: %q, then %q", before, after)
	}
}

// TestRateFieldSaysWhatItRefuses types rates into the measure form: a
// rate within the cap is applied; one above it, or no number, is refused
// with a message and the rate stays what it was.
func TestRateFieldSaysWhatItRefuses(t *testing.T) {
	w := open(t, fyne.NewSize(1280, 690))
	rate := fieldWith(t, w.Content(), "25", 0)
	for _, tc := range []struct {
		typed   string
		problem string // "" when applied
	}{
		{"35", ""},
		{"5000", "5000% is above the cap of 1000%. Not applied: the rate stays 35%"},
		{"abc", "type a percentage"},
		{"12.5%", ""},
	} {
		typeInto(rate, tc.typed)
		shown := labelWith(w.Content(), "rate \"")
		switch {
		case tc.problem == "" && len(shown) > 0:
			t.Errorf("%q: refused: %q", tc.typed, shown)
		case tc.problem != "" && (len(shown) == 0 || !strings.Contains(shown[0], tc.problem)):
			t.Errorf("%q: message %q, want %q", tc.typed, shown, tc.problem)
		}
	}
}

// TestWrappingFieldKeepsItsSpaces types a sentence into the wrapping
// description field of a narrow window: every space stays where it was
// typed (Fyne 2.8.1 moves a space typed where the line wraps to the end).
func TestWrappingFieldKeepsItsSpaces(t *testing.T) {
	w := open(t, fyne.NewSize(1024, 610))
	want := "Canadian officials are urging an end to the sectoral duties on steel, aluminum and automobiles, and they are saying so often. " +
		"These conversations are critical and timely: they have an outsized effect on the sectors that matter most."
	// The lines wrap at other words at each width: some space lands where a
	// line wraps.
	for _, width := range []float32{800, 880, 960, 1024, 1100, 1180, 1280} {
		w.Resize(fyne.NewSize(width, 610))
		desc := fieldWith(t, w.Content(), "Describe what this scenario assumes", 0)
		typeInto(desc, want)
		if got := entryOf(desc.(fyne.CanvasObject)).Text; got != want {
			t.Errorf("window %.0f wide: typed %q\ngot   %q", width, want, got)
		}
	}
}

// TestOverridesShowWhatTheyMean types a CUSMA share override as a
// percentage and as a fraction, and one out of range.
func TestOverridesShowWhatTheyMean(t *testing.T) {
	w := open(t, fyne.NewSize(1280, 690))
	showView(t, w, "Assumptions")
	share := fieldWith(t, w.Content(), "%", 0) // Energy's CUSMA share
	for _, tc := range []struct {
		typed, shown string
	}{
		{"50%", "share 50%"},
		{"0.25", "share 25%"},
		{"40", "share 40%"},
		{"5000", "above the cap of 100%"},
	} {
		typeInto(share, tc.typed)
		if got := labelWith(w.Content(), tc.shown); len(got) == 0 {
			t.Errorf("%q: nothing says %q", tc.typed, tc.shown)
		}
	}
	// The refused value was not applied: the share stays 40%.
	if got := labelWith(w.Content(), "share 40%"); len(got) == 0 {
		t.Errorf("after a refused value the share is not 40%% any more")
	}
}

// TestCompareWithOneScenarioShowsNothingStale unticks scenarios until one
// is left: the view asks for another and shows no chart or table.
func TestCompareWithOneScenarioShowsNothingStale(t *testing.T) {
	w := open(t, fyne.NewSize(1280, 690))
	showView(t, w, "Compare")
	groups := findAll[*widget.CheckGroup](w.Content())
	if len(groups) == 0 {
		t.Fatal("no scenarios to choose")
	}
	g := groups[0]
	if len(g.Selected) < 2 || len(findAll[*widget.Table](views(t, w).Selected().Content)) == 0 {
		t.Fatalf("the comparison does not start with two scenarios and tables: %v", g.Selected)
	}
	g.SetSelected(g.Selected[:1])
	if got := labelWith(w.Content(), "Choose at least two scenarios"); len(got) == 0 {
		t.Error("no message asks for a second scenario")
	}
	if n := len(findAll[*widget.Table](views(t, w).Selected().Content)); n != 0 {
		t.Errorf("%d tables still shown for one scenario", n)
	}
}

// TestEvidenceIsPickedNotPasted adds evidence to a measure from its
// Evidence tab: a search, a passage picked, added.
func TestEvidenceIsPickedNotPasted(t *testing.T) {
	w := open(t, fyne.NewSize(1280, 690))
	var tabs *container.AppTabs
	for _, at := range findAll[*container.AppTabs](w.Content()) {
		for _, it := range at.Items {
			if strings.HasPrefix(it.Text, "Evidence (") {
				tabs = at
			}
		}
	}
	if tabs == nil {
		t.Fatal("no Evidence tab in the measure form")
	}
	tabs.SelectIndex(len(tabs.Items) - 1)
	before := tabs.Items[len(tabs.Items)-1].Text
	tapButton(t, w.Content(), "Find passage…")
	dlg := w.Canvas().Overlays().Top()
	q := fieldWith(t, dlg, "Search the documents", 0)
	typeInto(q, "aluminum automobiles")
	q.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := labelWith(dlg, "best first: pick one"); len(got) == 0 {
		t.Fatalf("no passages found: %q", labelWith(dlg, "passage"))
	}
	var list *widget.List
	for _, o := range findAll[fyne.CanvasObject](dlg) {
		v := reflect.ValueOf(o)
		if l, ok := o.(*widget.List); ok {
			list = l
		} else if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("List"); f.IsValid() && f.Type() == reflect.TypeOf(widget.List{}) {
				list = f.Addr().Interface().(*widget.List)
			}
		}
	}
	if list == nil {
		t.Fatal("no list of passages")
	}
	list.Select(0)
	tapButton(t, dlg, "Add as evidence")
	if after := tabs.Items[len(tabs.Items)-1].Text; after == before {
		t.Errorf("the evidence count did not change: %q", after)
	}
}
