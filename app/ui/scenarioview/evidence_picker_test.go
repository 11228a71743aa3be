package scenarioview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"
	"parley/storage/evidence"
)

func TestUnevidencedMeasureGetsCitation(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Needs evidence")
	u.view.addMeasure()
	if n := u.sess.Infos()[len(u.sess.Infos())-1].Unevidenced; n != 1 {
		t.Fatalf("list counts %d measures without evidence", n)
	}
	u.view.form.addCitationDialog()
	cite := kittest.FocusedField(t, w)
	test.Type(cite, "Executive order of 2025-07-31 (IEEPA)")
	kittest.Press(cite, fyne.KeyReturn)
	if got := u.sess.Draft().Measures[0].Evidence; len(got) != 1 || got[0].Citation == "" {
		t.Fatalf("evidence %+v (%s)", got, shownText(u))
	}
	if u.view.warn.Visible() {
		t.Errorf("warning still shown")
	}
	// A passage is found and picked, not pasted; a quote rewritten so that
	// it is no longer part of the passage is refused.
	u.view.form.addQuoteDialog()
	dlg := kittest.TopOverlay(t, w)
	q := kittest.FocusedField(t, w)
	kittest.TypeInto(q, "aluminum automobiles")
	kittest.Press(q, fyne.KeyReturn)
	list := kittest.Find[*kit.KeyList](dlg)[0]
	list.Select(0)
	quote := kittest.Find[*kit.Field](dlg)[1]
	kittest.TypeInto(quote, "words that appear in no document")
	test.Tap(kittest.Button(t, dlg, "Add as evidence"))
	if !strings.Contains(shownText(u), "part of the passage") {
		t.Errorf("last error %q", shownText(u))
	}
	if len(u.sess.Draft().Measures[0].Evidence) != 1 {
		t.Errorf("a rewritten quote was added")
	}
}

func TestAddSavedExcerptAsEvidence(t *testing.T) {
	u, w := newTestUI(t)
	hits, err := u.sess.Workspace().Evidence().Search("sectoral pact critical minerals", 1)
	if err != nil || len(hits) == 0 {
		t.Fatalf("search: %v %v", hits, err)
	}
	if _, err := u.sess.Workspace().Evidence().SaveExcerpt(evidence.Excerpt{Document: hits[0].Document, Quote: hits[0].Text, Start: hits[0].Start}); err != nil {
		t.Fatal(err)
	}
	newEmpty(t, u, "Pact")
	u.view.addMeasure()
	u.view.form.addExcerptDialog()
	list := kittest.Find[*kit.KeyList](kittest.TopOverlay(t, w))[0]
	list.Select(0)
	kittest.Press(list, fyne.KeyReturn) // Enter adds it
	ev := u.sess.Draft().Measures[0].Evidence
	if len(ev) != 1 || ev[0].Excerpt == 0 || ev[0].Document != hits[0].Document {
		t.Fatalf("evidence %+v (%s)", ev, shownText(u))
	}
	if !strings.Contains(u.view.form.tabs.Items[len(u.view.form.tabs.Items)-1].Text, "(1)") {
		t.Errorf("evidence tab %q", u.view.form.tabs.Items[len(u.view.form.tabs.Items)-1].Text)
	}
}
