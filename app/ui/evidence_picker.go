package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
	"parley/storage"
)

// addExcerptDialog adds one of the library's saved excerpts as evidence.
func (f *measureForm) addExcerptDialog() {
	u := f.u
	id := f.id
	if id == "" {
		return
	}
	list, err := u.ws.Excerpts("")
	if err != nil {
		u.showError("list the excerpts", err)
		return
	}
	if len(list) == 0 {
		u.confirm("No saved excerpts", "The evidence library has no saved excerpts yet. Open the Evidence view to search the documents and save passages?", "Open Evidence",
			func() { u.tabs.SelectIndex(1) })
		return
	}
	titles := u.documentTitles()
	chosen := -1
	items := newKeyList(func() int { return len(list) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := list[i]
			o.(*widget.Label).SetText(fmt.Sprintf("“%s”\n— %s%s", shorten(x.Quote, 220), titles[x.Document], tagsText(x.Tags)))
		})
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm("Add a saved excerpt as evidence", "Add", "Cancel", scrollOf(items, 640, 380), func(ok bool) {
		if !ok || chosen < 0 {
			return
		}
		x := list[chosen]
		if err := u.addEvidence(id, scenarios.Evidence{Document: x.Document, Quote: x.Quote, Excerpt: x.ID}); err != nil {
			u.showError("add the excerpt", err)
		}
	}, u.win)
	items.OnSelected = func(i widget.ListItemID) { chosen = i }
	items.onEscape, items.onEnter = d.Hide, d.Confirm
	u.track(d, nil)
	d.Resize(fyne.NewSize(700, 480))
}

// tagsText lists an excerpt's tags after a separator, or returns "".
func tagsText(tags []storage.Tag) string {
	if len(tags) == 0 {
		return ""
	}
	var parts []string
	for _, t := range tags {
		parts = append(parts, t.Kind+": "+t.Value)
	}
	return " · " + strings.Join(parts, ", ")
}

// documentTitles maps document ids to their titles.
func (u *UI) documentTitles() map[string]string {
	out := map[string]string{}
	docs, err := u.ws.Documents()
	if err != nil {
		return out
	}
	for _, d := range docs {
		out[d.ID] = d.Title
	}
	return out
}

// addQuoteDialog adds a quote from a document as evidence; the quote must be
// in the document.
func (f *measureForm) addQuoteDialog() {
	u := f.u
	id := f.id
	if id == "" {
		return
	}
	docs, err := u.ws.Documents()
	if err != nil {
		u.showError("list the documents", err)
		return
	}
	var names []string
	byName := map[string]string{}
	for _, d := range docs {
		n := fmt.Sprintf("%s (%s)", shorten(d.Title, 70), d.ID)
		names = append(names, n)
		byName[n] = d.ID
	}
	doc := widget.NewSelect(names, nil)
	doc.PlaceHolder = "Choose a document"
	quote := newMultiField(u.win, "Paste the passage exactly as it appears in the document", 4)
	u.showForm(formSpec{
		title: "Add a quote as evidence", confirm: "Add quote", what: "add the quote",
		items: []*widget.FormItem{
			{Text: "Document", Widget: doc},
			{Text: "Quote", Widget: quote, HintText: "Tip: search the Evidence view, select a passage and save it as an excerpt"},
		},
		fields: []*field{quote}, focus: quote, size: fyne.NewSize(640, 0),
		submit: func() error {
			if doc.Selected == "" {
				return fmt.Errorf("choose the document the quote comes from")
			}
			return u.addEvidence(id, scenarios.Evidence{Document: byName[doc.Selected], Quote: strings.TrimSpace(quote.Text)})
		},
	})
}

// addCitationDialog adds a citation of an outside source as evidence.
func (f *measureForm) addCitationDialog() {
	u := f.u
	id := f.id
	if id == "" {
		return
	}
	cite := newField(u.win, "e.g. Proclamation 10947 (Section 232, copper)")
	url := newField(u.win, "https://… (optional)")
	u.showForm(formSpec{
		title: "Add a citation as evidence", confirm: "Add citation", what: "add the citation",
		items: []*widget.FormItem{
			{Text: "Citation", Widget: cite},
			{Text: "Address", Widget: url},
		},
		fields: []*field{cite, url}, focus: cite, size: fyne.NewSize(600, 0),
		submit: func() error {
			if strings.TrimSpace(cite.Text) == "" {
				return fmt.Errorf("type the citation: the legal instrument, notice or publication")
			}
			return u.addEvidence(id, scenarios.Evidence{Citation: strings.TrimSpace(cite.Text), URL: strings.TrimSpace(url.Text)})
		},
	})
}
