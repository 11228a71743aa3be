package scenarioview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// addExcerptDialog adds one of the library's saved excerpts as evidence.
func (f *measureForm) addExcerptDialog() {
	h := f.h
	id := f.id
	if id == "" {
		return
	}
	list, err := h.sess.Workspace().Excerpts("")
	if err != nil {
		h.showError("list the excerpts", err)
		return
	}
	if len(list) == 0 {
		h.confirm("No saved excerpts", "The evidence library has no saved excerpts yet. Open the Evidence view to search the documents and save passages?", "Open Evidence",
			h.nav.ShowEvidence)
		return
	}
	titles := h.documentTitles()
	chosen := -1
	items := kit.NewKeyList(func() int { return len(list) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := list[i]
			o.(*widget.Label).SetText(fmt.Sprintf("“%s”\n— %s%s", present.Shorten(x.Quote, 220), titles[x.Document], present.TagsText(x.Tags)))
		})
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm("Add a saved excerpt as evidence", "Add", "Cancel", scrollOf(items, 640, 380), func(ok bool) {
		if !ok || chosen < 0 {
			return
		}
		x := list[chosen]
		if err := h.addEvidence(id, scenarios.Evidence{Document: x.Document, Quote: x.Quote, Excerpt: x.ID}); err != nil {
			h.showError("add the excerpt", err)
		}
	}, h.win)
	items.OnSelected = func(i widget.ListItemID) { chosen = i }
	items.OnEscape, items.OnEnter = d.Hide, d.Confirm
	h.track(d, nil)
	d.Resize(fyne.NewSize(700, 480))
}

// documentTitles maps document ids to their titles.
func (h *host) documentTitles() map[string]string {
	out := map[string]string{}
	docs, err := h.sess.Workspace().Documents()
	if err != nil {
		return out
	}
	for _, d := range docs {
		out[d.ID] = d.Title
	}
	return out
}

// addQuoteDialog adds a passage of the evidence library as evidence, in one
// step: the user searches the documents, picks a passage among the results
// (its document and context shown), may shorten it, and adds it. Nothing is
// pasted or retyped, so the quote is always in its document.
func (f *measureForm) addQuoteDialog() {
	h := f.h
	id := f.id
	if id == "" {
		return
	}
	m := f.measure()
	var hits []storage.Hit
	chosen := -1
	query := kit.NewField(h.win, "Search the documents, e.g. steel aluminum 50 percent")
	if m != nil {
		query.SetText(passageQuery(m))
	}
	found := widget.NewLabel("")
	found.Wrapping = fyne.TextWrapWord
	quote := kit.NewMultiField(h.win, "Pick a passage in the results; you may shorten it here", 3)
	source := widget.NewLabel("")
	source.Wrapping = fyne.TextWrapWord
	source.SizeName = theme.SizeNameCaptionText
	titles := h.documentTitles()
	list := kit.NewKeyList(func() int { return len(hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			hit := hits[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s%s\n“%s”", hit.Title, pageSuffix(hit.Page), present.Shorten(hit.Text, 200)))
		})
	run := func() {
		q := strings.TrimSpace(query.Text)
		hits, chosen = nil, -1
		list.UnselectAll()
		quote.SetText("")
		source.SetText("")
		if q == "" {
			found.SetText("Type words to find; \"quoted words\" find a phrase.")
			list.Refresh()
			return
		}
		var err error
		if hits, err = h.sess.Workspace().Search(q, maxPassages); err != nil {
			found.SetText(present.Capitalize(err.Error()))
		} else if len(hits) == 0 {
			found.SetText(fmt.Sprintf("No passage matches “%s”: try other words.", q))
		} else {
			found.SetText(fmt.Sprintf("%s for “%s”, best first: pick one.", present.Plural(len(hits), "passage"), q))
		}
		list.Refresh()
		for i := range hits {
			list.SetItemHeight(i, 84)
		}
	}
	list.OnSelected = func(i widget.ListItemID) {
		chosen = i
		hit := hits[i]
		quote.SetText(strings.TrimSpace(hit.Text))
		source.SetText("From “" + titles[hit.Document] + "” (" + hit.Document + "). The quote must stay a part of this passage.")
	}
	query.OnSubmitted = func(string) { run() }
	searchBtn := widget.NewButtonWithIcon("Search", theme.SearchIcon(), run)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, searchBtn, query), found)
	bottom := container.NewVBox(boldLabel("Quote"), quote, source)
	body := container.NewBorder(top, bottom, nil, nil, list)
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm("Add a passage of the evidence library", "Add as evidence", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		if chosen < 0 || chosen >= len(hits) {
			h.showErrorThen("add the passage", fmt.Errorf("pick a passage in the search results first"), func() { h.track(d, nil) })
			return
		}
		hit := hits[chosen]
		q := strings.TrimSpace(quote.Text)
		if q == "" || !scenarios.QuoteIn(q, hit.Text) {
			h.showErrorThen("add the passage", fmt.Errorf("the quote must be a part of the passage picked: shorten it, do not rewrite it"), func() { h.track(d, nil) })
			return
		}
		if err := h.addEvidence(id, scenarios.Evidence{Document: hit.Document, Quote: q}); err != nil {
			h.showError("add the passage", err)
		}
	}, h.win)
	query.OnEscape, list.OnEscape, quote.OnEscape = d.Hide, d.Hide, d.Hide
	list.OnEnter = d.Confirm
	d.Resize(h.dialogSize())
	h.track(d, nil)
	h.win.Canvas().Focus(query)
	run()
}

// passageQuery is the first search of the passage dialog: the measure's
// label without its rate and dates, which name its subject.
func passageQuery(m *scenarios.Measure) string {
	var words []string
	for _, w := range strings.Fields(m.Label) {
		w = strings.Trim(w, "()[],;:")
		if w == "" || strings.ContainsAny(w, "0123456789%") || len(w) < 3 {
			continue
		}
		words = append(words, w)
		if len(words) == 4 {
			break
		}
	}
	return strings.Join(words, " ")
}

// addCitationDialog adds a citation of an outside source as evidence.
func (f *measureForm) addCitationDialog() {
	h := f.h
	id := f.id
	if id == "" {
		return
	}
	cite := kit.NewField(h.win, "e.g. Proclamation 10947 (Section 232, copper)")
	url := kit.NewField(h.win, "https://… (optional)")
	h.showForm(Form{
		Title: "Add a citation as evidence", Confirm: "Add citation", What: "add the citation",
		Items: []*widget.FormItem{
			{Text: "Citation", Widget: cite},
			{Text: "Address", Widget: url},
		},
		Fields: []*kit.Field{cite, url}, Focus: cite, Size: fyne.NewSize(600, 0),
		Submit: func() error {
			if strings.TrimSpace(cite.Text) == "" {
				return fmt.Errorf("type the citation: the legal instrument, notice or publication")
			}
			return h.addEvidence(id, scenarios.Evidence{Citation: strings.TrimSpace(cite.Text), URL: strings.TrimSpace(url.Text)})
		},
	})
}

// maxPassages is how many passages a search of the documents lists, as in
// the Evidence tab.
const maxPassages = 40

// pageSuffix names the page of a passage found in a PDF, or returns "".
func pageSuffix(page int) string {
	if page <= 0 {
		return ""
	}
	return fmt.Sprintf(" · p. %d", page)
}

// boldLabel is a label in bold.
func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
