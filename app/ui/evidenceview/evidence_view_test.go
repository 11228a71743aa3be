package evidenceview

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"
	"parley/app/ui/present"
	"parley/storage/evidence"
)

func TestSearchShowsHighlightedSnippets(t *testing.T) {
	v, _, _ := newTestView(t)
	test.Type(v.query, "aluminum tariffs")
	kittest.Press(v.query, fyne.KeyReturn)
	if len(v.hits) == 0 || len(v.hitCards) != len(v.hits) {
		t.Fatalf("%d hits, %d cards", len(v.hits), len(v.hitCards))
	}
	rts := kittest.Find[*widget.RichText](v.hitCards[0])
	if len(rts) != 1 {
		t.Fatalf("%d rich texts in a result", len(rts))
	}
	var bold []string
	for _, seg := range rts[0].Segments[1:] {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold = append(bold, strings.ToLower(ts.Text))
		}
		if strings.ContainsAny(seg.Textual(), evidence.HighlightStart+evidence.HighlightEnd) {
			t.Errorf("a highlight marker is shown: %q", seg.Textual())
		}
	}
	if len(bold) == 0 || !strings.Contains(strings.Join(bold, " "), "alumin") {
		t.Errorf("matched words not in bold: %q", bold)
	}
	// Opening a hit shows its document with the passage highlighted and
	// proposes the passage as the quote.
	test.Tap(v.hitCards[0])
	h := v.hits[0]
	if v.doc.ID != h.Document {
		t.Fatalf("reader shows %s, want %s", v.doc.ID, h.Document)
	}
	lit := 0
	for _, bg := range v.paraBGs {
		if bg.Visible() {
			lit++
		}
	}
	if lit == 0 {
		t.Errorf("no paragraph highlighted")
	}
	if v.quote.Text != h.Text {
		t.Errorf("quote field %q, want the passage", v.quote.Text)
	}
	// Nothing found.
	kittest.TypeInto(v.query, "zzzqqq")
	v.search()
	if len(v.hits) != 0 || !strings.Contains(v.found.Text, "No passage") {
		t.Errorf("no-hit message %q", v.found.Text)
	}
}

func TestSaveExcerptAndLinkToMeasure(t *testing.T) {
	v, nav, w := newTestView(t)
	if err := v.sess.Open("aluminum-relief"); err != nil {
		t.Fatal(err)
	}
	measure := v.sess.Draft().Measures[0]
	nav.selected = measure.ID
	before := len(measure.Evidence)

	x := saveAluminumExcerpt(t, v, "")
	if !strings.Contains(v.xDetail.Text, "No measure cites") {
		t.Errorf("detail %q", v.xDetail.Text)
	}

	// Link it through the dialog: the current scenario and measure are
	// proposed.
	v.linkDialog()
	dlg := kittest.TopOverlay(t, w)
	selects := kittest.Find[*widget.Select](dlg)
	if len(selects) != 2 || selects[0].Selected == "" || selects[1].Selected == "" {
		t.Fatalf("link dialog: %d selects, %v", len(selects), selects)
	}
	test.Tap(kittest.Button(t, dlg, "Link"))
	if got := len(v.sess.Draft().Measures[0].Evidence); got != before+1 {
		t.Fatalf("measure has %d evidence items, want %d (%s)", got, before+1, nav.errors())
	}
	ev := v.sess.Draft().Measures[0].Evidence[before]
	if ev.Excerpt != x.ID || ev.Document != x.Document {
		t.Errorf("evidence %+v", ev)
	}
	cites, err := v.sess.Workspace().Evidence().ExcerptCitations(x.ID)
	if err != nil || len(cites) != 1 || cites[0].Scenario != "aluminum-relief" || cites[0].Measure != measure.ID {
		t.Fatalf("citations %+v, %v", cites, err)
	}
	if !strings.Contains(v.xDetail.Text, "Cited by 1 measure") {
		t.Errorf("detail %q", v.xDetail.Text)
	}
	// The link is a scenario edit: undo removes it.
	if _, ok, err := v.sess.Undo(); !ok || err != nil {
		t.Fatalf("undo: %v, %v", ok, err)
	}
	if cites, _ := v.sess.Workspace().Evidence().ExcerptCitations(x.ID); len(cites) != 0 {
		t.Errorf("after undo: citations %+v", cites)
	}
}

func TestImportDocuments(t *testing.T) {
	v, nav, _ := newTestView(t)
	dir := t.TempDir()
	files := map[string]string{
		"brief.md":   "# Dairy brief\n\nSupply management of dairy is a red line in the negotiation.\n",
		"notes.txt":  "Lumber duties under AD/CVD reached 35 percent in 2025.\n",
		"empty.txt":  "",
		"broken.pdf": "%PDF",
		"notes.docx": "PK",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := present.DocumentFiles(dir)
	if err != nil || len(paths) != 4 {
		t.Fatalf("documentFiles: %v %v", paths, err)
	}
	before := len(v.docs)
	im := v.newImporter()
	im.done = make(chan struct{}, 1)
	im.addFiles(paths...)
	im.run()
	wait(t, nav, im.done, "the import")
	if !strings.Contains(im.status.Text, "Imported 2 documents") || !strings.Contains(im.status.Text, "empty.txt") ||
		!strings.Contains(im.status.Text, "broken.pdf: it is not a PDF Parley can read") {
		t.Errorf("status %q", im.status.Text)
	}
	if len(v.docs) != before+2 {
		t.Errorf("%d documents, want %d", len(v.docs), before+2)
	}
	hits, err := v.sess.Workspace().Evidence().Search("dairy red line", 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("imported text not searchable: %v %v", hits, err)
	}
}

// TestImportAsksForDocumentFiles: the import dialog's "Add file…" asks the
// window for a data file among the document types Parley reads.
func TestImportAsksForDocumentFiles(t *testing.T) {
	v, nav, w := newTestView(t)
	v.ImportDialog()
	test.Tap(kittest.Button(t, kittest.TopOverlay(t, w), "Add file…"))
	if !slices.Equal(nav.opened, present.DocumentExts) {
		t.Errorf("asked for %q, want %q", nav.opened, present.DocumentExts)
	}
}

func TestEditExcerptTags(t *testing.T) {
	v, nav, w := newTestView(t)
	x := saveAluminumExcerpt(t, v, "first reading")
	if v.editXBtn.Disabled() {
		t.Fatal("Edit tags is disabled with an excerpt selected")
	}

	test.Tap(v.editXBtn)
	dlg := kittest.TopOverlay(t, w)
	sel := kittest.Find[*widget.Select](dlg)
	entries := kittest.Find[*widget.SelectEntry](dlg)
	fields := kittest.Find[*kit.Field](dlg)
	if len(sel) != 1 || len(entries) != 2 || len(fields) != 2 {
		t.Fatalf("dialog has %d selects, %d select entries, %d fields", len(sel), len(entries), len(fields))
	}
	// The dialog shows what was saved.
	if sel[0].Selected != "Aluminum (ALUMINUM)" || entries[0].Text != "" || entries[1].Text != "supports" ||
		fields[0].Text != "aluminum, flexibility" || fields[1].Text != "first reading" {
		t.Fatalf("dialog shows sector %q, measure %q, stance %q, topics %q, note %q",
			sel[0].Selected, entries[0].Text, entries[1].Text, fields[0].Text, fields[1].Text)
	}
	sel[0].SetSelected(noSector)
	entries[0].SetText("S232")
	entries[1].SetText("concern")
	kittest.TypeInto(fields[0], "aluminum")
	kittest.TypeInto(fields[1], "revised after the call")
	test.Tap(kittest.Button(t, dlg, "Save"))

	got, err := v.sess.Workspace().Evidence().Excerpt(x.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "measure: S232, stance: concern, topic: aluminum"
	if present.TagsText(got.Tags) != " · "+want || got.Note != "revised after the call" {
		t.Errorf("saved tags%q note %q, want %q and the new note", present.TagsText(got.Tags), got.Note, want)
	}
	if !strings.Contains(v.xDetail.Text, want) || !strings.Contains(nav.status, "Saved the tags") {
		t.Errorf("detail %q, status %q", v.xDetail.Text, nav.status)
	}
}

// saveAluminumExcerpt finds a passage on aluminum tariffs, trims it to one
// sentence as a user would, tags it (sector, stance, two topics) and saves
// it with note; it returns the excerpt saved, which is then selected.
func saveAluminumExcerpt(t *testing.T, v *View, note string) evidence.Excerpt {
	t.Helper()
	v.query.SetText("aluminum tariffs")
	v.search()
	v.openHit(0)
	quote := strings.SplitAfter(v.hits[0].Text, ".")[0]
	v.quote.SetText(quote)
	v.sector.SetSelected("Aluminum (ALUMINUM)")
	v.stance.SetText("supports")
	v.topic.SetText("aluminum, flexibility")
	v.note.SetText(note)
	v.saveExcerpt()
	x, ok := v.chosen()
	if !ok {
		t.Fatalf("no excerpt selected after saving: %s", v.nav.(*fakeNav).errors())
	}
	if x.Quote != strings.TrimSpace(quote) || len(x.Tags) != 4 || x.Note != note {
		t.Fatalf("saved %q with tags %v and note %q", x.Quote, x.Tags, x.Note)
	}
	return x
}

// TestPagesInSearchAndReader: a hit in a text with pages (a built-in
// Federal Register notice, extracted from its PDF) says its page, and the
// reader marks where each page starts, the passage's page above it.
func TestPagesInSearchAndReader(t *testing.T) {
	v, _, _ := newTestView(t)
	kittest.TypeInto(v.query, `"f. By amending subdivision (k) to note 19"`)
	v.search()
	if len(v.hits) == 0 || v.hits[0].Document != "fr-2025-15819" {
		t.Fatalf("hits %+v", v.hits)
	}
	if title := v.hitCards[0]; !strings.Contains(kittest.Find[*widget.RichText](title)[0].Segments[0].Textual(), " · p. 3") {
		t.Errorf("hit title %q lacks its page", kittest.Find[*widget.RichText](title)[0].Segments[0].Textual())
	}
	test.Tap(v.hitCards[0])
	var markers []string
	lit := -1
	for i, o := range v.paras.Objects {
		for _, l := range kittest.Find[*widget.Label](o) {
			if strings.HasPrefix(l.Text, "p. ") && l.SizeName == theme.SizeNameCaptionText {
				markers = append(markers, l.Text)
			}
		}
		if v.paraBGs[i].Visible() && lit < 0 {
			lit = i
		}
	}
	if strings.Join(markers, ",") != "p. 1,p. 2,p. 3,p. 4" {
		t.Errorf("page markers %q, want p. 1 to p. 4", markers)
	}
	if lit < 0 || v.doc.PageAt(v.paraStart[lit]) != 3 {
		t.Errorf("the highlighted paragraph %d is not on page 3", lit)
	}
}
