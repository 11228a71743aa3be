package evidenceview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage/evidence"
)

// buildExcerptTools makes the panel under the reader: a new excerpt from a
// passage with its tags, and the document's excerpts with their citations.
func (v *View) buildExcerptTools() fyne.CanvasObject {
	v.quote = kit.NewMultiField(v.win, "Select a search result, or select text in the document and press “Use selection”; trim the passage here", 3)
	useSel := widget.NewButtonWithIcon("Use selection", theme.ContentCopyIcon(), func() {
		if s := v.selectedText(); s != "" {
			v.quote.SetText(s)
			return
		}
		v.nav.SetStatus("Select text in the document first (drag across it), or type the passage in the quote field")
	})
	usePassage := widget.NewButton("Use passage", func() {
		if v.passage != "" {
			v.quote.SetText(v.passage)
		}
	})
	v.tagFields = newTagFields(v.win, v.sess, v.programmes)
	save := widget.NewButtonWithIcon("Save excerpt", theme.DocumentSaveIcon(), v.saveExcerpt)
	save.Importance = widget.HighImportance
	tags := v.grid()
	newX := container.NewBorder(
		widget.NewLabelWithStyle("New excerpt", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(container.NewHBox(useSel, usePassage), tags, v.note, save), nil, nil, v.quote)

	v.xList = widget.NewList(func() int { return len(v.xs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := v.xs[i]
			o.(*widget.Label).SetText(fmt.Sprintf("#%d “%s”", x.ID, present.Shorten(x.Quote, 100)))
		})
	v.xList.OnSelected = func(i widget.ListItemID) {
		v.xChosen = i
		v.showExcerpt()
	}
	v.xDetail = widget.NewLabel("Select an excerpt to see the measures that cite it.")
	v.xDetail.Wrapping = fyne.TextWrapWord
	v.linkBtn = widget.NewButtonWithIcon("Link to measure…", theme.MailAttachmentIcon(), v.linkDialog)
	v.editXBtn = widget.NewButtonWithIcon("Edit tags…", theme.DocumentCreateIcon(), v.editTagsDialog)
	v.delXBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.deleteExcerpt)
	v.delXBtn.Importance = widget.LowImportance
	v.linkBtn.Disable()
	v.editXBtn.Disable()
	v.delXBtn.Disable()
	detail := container.NewBorder(nil, container.NewHBox(v.linkBtn, v.editXBtn, v.delXBtn), nil, nil, container.NewVScroll(v.xDetail))
	xs := container.NewVSplit(v.xList, detail)
	xs.Offset = 0.4
	saved := container.NewBorder(widget.NewLabelWithStyle("Excerpts of this document", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, xs)
	split := container.NewHSplit(newX, saved)
	split.Offset = 0.55
	return split
}

// saveExcerpt saves the quote as an excerpt of the open document.
func (v *View) saveExcerpt() {
	q := strings.TrimSpace(v.quote.Text)
	if v.doc.ID == "" {
		v.nav.ShowError("save the excerpt", fmt.Errorf("open a document first"))
		return
	}
	if q == "" {
		v.nav.ShowError("save the excerpt", fmt.Errorf("the quote is empty: select a passage of the document first"))
		return
	}
	id, err := v.sess.Workspace().Evidence().SaveExcerpt(evidence.Excerpt{Document: v.doc.ID, Start: strings.Index(v.doc.Body, q), Quote: q,
		Note: strings.TrimSpace(v.note.Text), Tags: v.tags()})
	if err != nil {
		v.nav.ShowError("save the excerpt", err)
		return
	}
	v.note.SetText("")
	v.refreshExcerpts()
	v.reloadDocs()
	v.chooseExcerpt(id)
	v.nav.SetStatus(fmt.Sprintf("Saved excerpt #%d: link it to a measure with “Link to measure…”", id))
}

// reloadDocs refreshes the document list's counts.
func (v *View) reloadDocs() {
	if docs, err := v.sess.Workspace().Evidence().Documents(); err == nil {
		v.docs = docs
		v.docList.Refresh()
	}
}

// loadDocExcerpts lists the excerpts of the open document.
func (v *View) loadDocExcerpts() {
	xs, err := v.sess.Workspace().Evidence().Excerpts(v.doc.ID)
	if err != nil {
		v.nav.ShowError("list the excerpts", err)
		return
	}
	keep := int64(0)
	if v.xChosen >= 0 && v.xChosen < len(v.xs) {
		keep = v.xs[v.xChosen].ID
	}
	v.xs = xs
	v.xChosen = -1
	v.xList.UnselectAll()
	v.xList.Refresh()
	if keep != 0 {
		v.chooseExcerpt(keep)
	} else {
		v.showExcerpt()
	}
}

// chooseExcerpt selects excerpt id in the document's list.
func (v *View) chooseExcerpt(id int64) {
	for i, x := range v.xs {
		if x.ID == id {
			v.xList.Select(i)
			v.xChosen = i
			v.showExcerpt()
			return
		}
	}
}

// chosen returns the excerpt selected, if any.
func (v *View) chosen() (evidence.Excerpt, bool) {
	if v.xChosen < 0 || v.xChosen >= len(v.xs) {
		return evidence.Excerpt{}, false
	}
	return v.xs[v.xChosen], true
}

// showExcerpt shows the selected excerpt with the measures citing it.
func (v *View) showExcerpt() {
	x, ok := v.chosen()
	if !ok {
		v.xDetail.SetText("Select an excerpt to see the measures that cite it.")
		v.linkBtn.Disable()
		v.editXBtn.Disable()
		v.delXBtn.Disable()
		return
	}
	v.linkBtn.Enable()
	v.editXBtn.Enable()
	v.delXBtn.Enable()
	var b strings.Builder
	fmt.Fprintf(&b, "Excerpt #%d, saved %s\n“%s”\n", x.ID, present.LocalTime(x.Created), x.Quote)
	if len(x.Tags) > 0 {
		fmt.Fprintf(&b, "Tags:%s\n", strings.TrimPrefix(present.TagsText(x.Tags), " ·"))
	}
	if x.Note != "" {
		fmt.Fprintf(&b, "Note: %s\n", x.Note)
	}
	cites, err := v.sess.Workspace().Evidence().ExcerptCitations(x.ID)
	switch {
	case err != nil:
		fmt.Fprintf(&b, "\nCitations unavailable: %v", err)
	case len(cites) == 0:
		b.WriteString("\nNo measure cites this excerpt yet.")
	default:
		fmt.Fprintf(&b, "\nCited by %s:\n", present.Plural(len(cites), "measure"))
		for _, c := range cites {
			fmt.Fprintf(&b, "• %s — %s\n", c.ScenarioName, c.Label)
		}
	}
	v.xDetail.SetText(strings.TrimSpace(b.String()))
	if i := v.xChosen; i >= 0 {
		v.highlight(x.Start, x.Start+len(x.Quote))
	}
}

// deleteExcerpt deletes the selected excerpt; measures keep their quotes.
func (v *View) deleteExcerpt() {
	x, ok := v.chosen()
	if !ok {
		return
	}
	v.nav.Confirm("Delete excerpt", fmt.Sprintf("Delete excerpt #%d? Measures that quote it keep their quote.", x.ID), "Delete", func() {
		if err := v.sess.Workspace().Evidence().DeleteExcerpt(x.ID); err != nil {
			v.nav.ShowError("delete the excerpt", err)
			return
		}
		v.xChosen = -1
		v.refreshExcerpts()
		v.reloadDocs()
	})
}

// measurePicker chooses a scenario, then one of its measures.
type measurePicker struct {
	ids      map[string]string // scenario ids by name
	scen     *widget.Select
	measure  *widget.Select
	measures []scenarios.Measure // of the scenario chosen
}

// newMeasurePicker offers the workspace's scenarios, proposing the one
// shown and its selected measure; the scenario shown is read as edited.
func (v *View) newMeasurePicker() *measurePicker {
	p := &measurePicker{ids: map[string]string{}}
	var names []string
	for _, s := range v.sess.Infos() {
		names = append(names, s.Name)
		p.ids[s.Name] = s.ID
	}
	p.measure = widget.NewSelect(nil, nil)
	p.measure.PlaceHolder = "Choose a measure"
	p.scen = widget.NewSelect(names, func(name string) {
		sc, err := v.sess.Workspace().Scenario(p.ids[name])
		if err != nil {
			return
		}
		if p.ids[name] == v.sess.Current() && v.sess.Draft() != nil {
			sc = v.sess.Draft()
		}
		p.measures = sc.Measures
		var opts []string
		for _, m := range p.measures {
			opts = append(opts, present.MeasureLine(&m))
		}
		p.measure.SetOptions(opts)
		p.measure.ClearSelected()
		if p.ids[name] == v.sess.Current() && v.nav.SelectedMeasure() != "" {
			if m := sc.Measure(v.nav.SelectedMeasure()); m != nil {
				p.measure.SetSelected(present.MeasureLine(m))
			}
		}
	})
	p.scen.PlaceHolder = "Choose a scenario"
	if info, ok := v.sess.Info(v.sess.Current()); ok {
		p.scen.SetSelected(info.Name)
	}
	return p
}

// linkDialog links the selected excerpt to a measure of a scenario: the
// measure gains the quote as evidence (undoable).
func (v *View) linkDialog() {
	x, ok := v.chosen()
	if !ok {
		return
	}
	v.nav.FlushSave()
	p := v.newMeasurePicker()
	scen, measure := p.scen, p.measure
	v.nav.ShowForm(Form{
		Title: fmt.Sprintf("Link excerpt #%d to a measure", x.ID), Confirm: "Link", What: "link the excerpt",
		Items: []*widget.FormItem{
			{Text: "Excerpt", Widget: quoteLabel(x.Quote)},
			{Text: "Scenario", Widget: scen},
			{Text: "Measure", Widget: measure, HintText: "The measure gains this quote as evidence"},
		},
		Size: fyne.NewSize(640, 0),
		Submit: func() error {
			if scen.Selected == "" || measure.SelectedIndex() < 0 {
				return fmt.Errorf("choose a scenario and one of its measures")
			}
			m := p.measures[measure.SelectedIndex()]
			ev := scenarios.Evidence{Document: x.Document, Quote: x.Quote, Excerpt: x.ID}
			if err := v.nav.EditScenario(p.ids[scen.Selected], "link of excerpt #"+fmt.Sprint(x.ID), func(sc *scenarios.Scenario) {
				if me := sc.Measure(m.ID); me != nil {
					me.Evidence = append(me.Evidence, ev)
				}
			}); err != nil {
				return err
			}
			v.showExcerpt()
			v.reloadDocs()
			v.nav.SetStatus(fmt.Sprintf("Excerpt #%d is now evidence for “%s”", x.ID, present.MeasureName(&m)))
			return nil
		},
	})
}
