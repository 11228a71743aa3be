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
	"parley/storage/evidence"
)

// addExcerptDialog adds one of the library's saved excerpts as evidence.
func (f *measureForm) addExcerptDialog() {
	h := f.h
	id := f.id
	if id == "" {
		return
	}
	list, err := h.sess.Workspace().Evidence().Excerpts("")
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
	d = dialog.NewCustomConfirm("Add a saved excerpt as evidence", "Add", "Cancel", kit.ScrollOf(items, 640, 380), func(ok bool) {
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
	docs, err := h.sess.Workspace().Evidence().Documents()
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
	if f.id == "" {
		return
	}
	p := newPassagePicker(f)
	searchBtn := widget.NewButtonWithIcon("Search", theme.SearchIcon(), p.run)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, searchBtn, p.query), p.found)
	bottom := container.NewVBox(kit.BoldLabel("Quote"), p.quote, p.source)
	body := container.NewBorder(top, bottom, nil, nil, p.list)
	p.d = dialog.NewCustomConfirm("Add a passage of the evidence library", "Add as evidence", "Cancel", body, p.confirm, h.win)
	p.query.OnEscape, p.list.OnEscape, p.quote.OnEscape = p.d.Hide, p.d.Hide, p.d.Hide
	p.list.OnEnter = p.d.Confirm
	p.d.Resize(h.dialogSize())
	h.track(p.d, nil)
	h.win.Canvas().Focus(p.query)
	p.run()
}

// passagePicker is the passage dialog's state: the passages found, the one
// picked and the quote taken from it.
type passagePicker struct {
	f      *measureForm
	id     string // the measure that receives the quote
	hits   []evidence.Hit
	chosen int
	titles map[string]string
	query  *kit.Field
	found  *widget.Label
	quote  *kit.Field
	source *widget.Label
	list   *kit.KeyList
	d      *dialog.ConfirmDialog
}

func newPassagePicker(f *measureForm) *passagePicker {
	h := f.h
	p := &passagePicker{f: f, id: f.id, chosen: -1, titles: h.documentTitles()}
	p.query = kit.NewField(h.win, "Search the documents, e.g. steel aluminum 50 percent")
	if m := f.measure(); m != nil {
		p.query.SetText(passageQuery(m))
	}
	p.found = widget.NewLabel("")
	p.found.Wrapping = fyne.TextWrapWord
	p.quote = kit.NewMultiField(h.win, "Pick a passage in the results; you may shorten it here", 3)
	p.source = widget.NewLabel("")
	p.source.Wrapping = fyne.TextWrapWord
	p.source.SizeName = theme.SizeNameCaptionText
	p.list = kit.NewKeyList(func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			hit := p.hits[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s%s\n“%s”", hit.Title, pageSuffix(hit.Page), present.Shorten(hit.Text, 200)))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.chosen = i
		hit := p.hits[i]
		p.quote.SetText(strings.TrimSpace(hit.Text))
		p.source.SetText("From “" + p.titles[hit.Document] + "” (" + hit.Document + "). The quote must stay a part of this passage.")
	}
	p.query.OnSubmitted = func(string) { p.run() }
	return p
}

// run searches the documents for the words typed.
func (p *passagePicker) run() {
	q := strings.TrimSpace(p.query.Text)
	p.hits, p.chosen = nil, -1
	p.list.UnselectAll()
	p.quote.SetText("")
	p.source.SetText("")
	if q == "" {
		p.found.SetText("Type words to find; \"quoted words\" find a phrase.")
		p.list.Refresh()
		return
	}
	var err error
	if p.hits, err = p.f.h.sess.Workspace().Evidence().Search(q, maxPassages); err != nil {
		p.found.SetText(present.Capitalize(err.Error()))
	} else if len(p.hits) == 0 {
		p.found.SetText(fmt.Sprintf("No passage matches “%s”: try other words.", q))
	} else {
		p.found.SetText(fmt.Sprintf("%s for “%s”, best first: pick one.", present.Plural(len(p.hits), "passage"), q))
	}
	p.list.Refresh()
	for i := range p.hits {
		p.list.SetItemHeight(i, 84)
	}
}

// confirm adds the quote as evidence: it must be a part of the passage
// picked (shortened, not rewritten); else the dialog comes back.
func (p *passagePicker) confirm(ok bool) {
	h := p.f.h
	if !ok {
		return
	}
	again := func() { h.track(p.d, nil) }
	if p.chosen < 0 || p.chosen >= len(p.hits) {
		h.showErrorThen("add the passage", fmt.Errorf("pick a passage in the search results first"), again)
		return
	}
	hit := p.hits[p.chosen]
	q := strings.TrimSpace(p.quote.Text)
	if q == "" || !scenarios.QuoteIn(q, hit.Text) {
		h.showErrorThen("add the passage", fmt.Errorf("the quote must be a part of the passage picked: shorten it, do not rewrite it"), again)
		return
	}
	if err := h.addEvidence(p.id, scenarios.Evidence{Document: hit.Document, Quote: q}); err != nil {
		h.showError("add the passage", err)
	}
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
