package scenarioview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// imposer choices of the measure form.
var imposerChoices = []string{"US (on Canadian goods)", "CA (on US goods)"}

// measureForm edits the selected measure in place: every change is checked,
// applied to the scenario, recomputed and saved, and can be undone.
type measureForm struct {
	h       *host
	v       *scenarioView
	content fyne.CanvasObject
	id      string // measure being edited
	loading bool

	title    *widget.Label
	problem  *widget.Label
	dateMsg  *widget.Label // why a date typed is refused
	label    *kit.Field
	imposer  *widget.RadioGroup
	program  *widget.SelectEntry
	rate     *kit.Field
	slider   *widget.Slider
	kind     *widget.RadioGroup // duty or import ban
	status   *widget.Select     // in force, announced, threatened, ...
	cusma    *widget.Check
	yields   *kit.Field
	from, to *kit.Field
	note     *kit.Field
	upper    *widget.Label
	library  *widget.Label

	sectorRows    []*sectorRow
	scope         *scopeEditor // the Products tab
	evidence      *fyne.Container
	shownID       string               // measure whose evidence is listed
	shownEvidence []scenarios.Evidence // the evidence listed
	tabs          *container.AppTabs
	body          fyne.CanvasObject
	none          *widget.Label
}

// sectorRow is one sector's line in the Sectors tab.
type sectorRow struct {
	code     string
	included *widget.Check
	coverage *kit.Field
	upper    *widget.Check
}

func newMeasureForm(h *host, v *scenarioView) *measureForm {
	f := &measureForm{h: h, v: v}
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.problem = kit.ErrorLabel()

	f.newIdentityFields()
	f.newRateField()
	f.newKindFields()
	f.newTermsFields()
	f.upper = widget.NewLabel("")
	f.upper.Wrapping = fyne.TextWrapWord
	f.upper.Importance = widget.WarningImportance
	f.library = widget.NewLabel("")
	f.library.Wrapping = fyne.TextWrapWord
	f.library.SizeName = theme.SizeNameCaptionText

	pct := widget.NewLabel("%")
	rateBox := container.NewBorder(nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(90, f.rate.MinSize().Height), f.rate), pct), nil, f.slider)
	f.dateMsg = newDateMessage()
	dates := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("from"), nil, f.from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, f.to))
	form := widget.NewForm(
		widget.NewFormItem("Label", f.label),
		widget.NewFormItem("Imposed by", f.imposer),
		widget.NewFormItem("Programme", f.program),
		widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Status", f.status),
		widget.NewFormItem("Rate", rateBox),
		widget.NewFormItem("CUSMA", f.cusma),
		widget.NewFormItem("Yields to", f.yields),
		widget.NewFormItem("In force", container.NewVBox(dates, f.dateMsg)),
		widget.NewFormItem("Note", f.note),
	)
	general := container.NewVScroll(container.NewVBox(form, f.upper, f.library))

	sectors := f.buildSectors()
	f.scope = newScopeEditor(f)
	evidence := f.newEvidenceTab()

	f.tabs = container.NewAppTabs(
		container.NewTabItem("Measure", general),
		container.NewTabItem("Sectors", sectors),
		container.NewTabItem("Products", f.scope.content),
		container.NewTabItem("Evidence", evidence),
	)
	f.body = container.NewBorder(f.title, nil, nil, nil, kit.OverBottom(f.tabs, f.problem))
	f.none = widget.NewLabel("Select a measure in the table, or add one.")
	f.content = container.NewStack(f.body, f.none)
	return f
}

// kindChoices are the kinds of measure the form offers.
var kindChoices = []string{"Duty", "Import ban"}

// showKind disables what a ban has not: a rate and a CUSMA exemption.
func (f *measureForm) showKind() {
	m := f.measure()
	if m == nil {
		return
	}
	was := f.loading
	f.loading = true
	defer func() { f.loading = was }()
	if m.IsBan() {
		f.rate.SetQuiet(present.PercentInput(0))
		f.slider.SetValue(0)
		f.cusma.SetChecked(false)
		f.rate.Disable()
		f.slider.Disable()
		f.cusma.Disable()
		return
	}
	f.rate.Enable()
	f.slider.Enable()
	f.cusma.Enable()
}

// scenarioField returns a one-line field whose changes edit the scenario.
func (f *measureForm) scenarioField(placeholder string) *kit.Field {
	e := kit.NewField(f.h.win, placeholder)
	e.Scenario = true
	return e
}

// buildSectors makes the Sectors tab: one row per sector (and "all other
// sectors") with a check to include it, its coverage and the upper-bound
// mark.
func (f *measureForm) buildSectors() fyne.CanvasObject {
	rows := container.NewVBox()
	head := container.New(&kit.ColumnsLayout{Widths: sectorWidths}, kit.BoldLabel("Sector"), kit.BoldLabel("Coverage %"), kit.BoldLabel("Upper bound"))
	codes := []string{scenarios.Wildcard}
	for _, s := range f.h.sess.Sectors() {
		codes = append(codes, s.Code)
	}
	for _, code := range codes {
		r := &sectorRow{code: code}
		label := present.SectorLabel(f.h.sess.Sectors(), code)
		if code == scenarios.Wildcard {
			label = "All sectors not named below"
		}
		r.included = widget.NewCheck(label, func(on bool) { f.toggleSector(r, on) })
		r.coverage = f.scenarioField("100")
		r.coverage.Validator = func(s string) error { _, err := present.ParsePercent(s, 1); return err }
		r.coverage.OnChanged = func(s string) {
			c, err := present.ParsePercent(s, 1)
			if err != nil {
				// As for the rate: back to the coverage before the typing.
				back, berr := present.ParsePercent(r.coverage.StartText, 1)
				if berr != nil {
					back = 1
				}
				f.change("cov:"+code, "coverage change", func(m *scenarios.Measure) error {
					if _, named := m.Sectors[code]; named {
						m.Sectors[code] = back
					}
					return nil
				})
				f.h.showProblem(f.problem, fmt.Errorf("coverage of %s %q: %v. Not applied: it stays %s", label, strings.TrimSpace(s), err, present.Percent(back)))
				return
			}
			f.change("cov:"+code, "coverage change", func(m *scenarios.Measure) error {
				if m.Sectors == nil {
					m.Sectors = map[string]float64{}
				}
				m.Sectors[code] = c
				return nil
			})
		}
		r.upper = widget.NewCheck("≤", func(on bool) {
			f.change("", "upper-bound change", func(m *scenarios.Measure) error {
				m.UpperBound = slices.DeleteFunc(m.UpperBound, func(s string) bool { return s == code })
				if on {
					m.UpperBound = append(m.UpperBound, code)
				}
				return nil
			})
		})
		f.sectorRows = append(f.sectorRows, r)
		rows.Add(container.New(&kit.ColumnsLayout{Widths: sectorWidths}, r.included, r.coverage, r.upper))
	}
	help := widget.NewLabel("Coverage is the share of the sector's trade the measure applies to. Name a sector with 0% to exclude it from “all sectors”. Mark ≤ when the coverage is an upper bound (the measure covers part of the sector and no source gives the share).")
	help.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(help, head), nil, nil, nil, container.NewVScroll(rows))
}

// sectorWidths are the widths of the Sectors tab's columns.
var sectorWidths = []float32{0, 110, 120}

// toggleSector names or drops a sector.
func (f *measureForm) toggleSector(r *sectorRow, on bool) {
	f.change("", "sector change", func(m *scenarios.Measure) error {
		if m.Sectors == nil {
			m.Sectors = map[string]float64{}
		}
		if on {
			c, err := present.ParsePercent(r.coverage.Text, 1)
			if err != nil || r.coverage.Text == "" {
				c = 1
			}
			if all, ok := m.Sectors[scenarios.Wildcard]; ok && all == 0 && r.code != scenarios.Wildcard {
				// The first sector of a new measure: "all others at 0"
				// says nothing once a sector is named.
				delete(m.Sectors, scenarios.Wildcard)
			}
			m.Sectors[r.code] = c
		} else {
			delete(m.Sectors, r.code)
			if len(m.Sectors) == 0 {
				// No sector left: the measure duties nothing (and stays a
				// valid measure) until one is picked again.
				m.Sectors = emptyScope()
			}
		}
		return nil
	})
	f.loadSectors()
}

// change applies fn to the measure being edited. It does nothing while the
// form loads; a problem is shown above the form and nothing changes.
func (f *measureForm) change(key, label string, fn func(m *scenarios.Measure) error) {
	if f.loading || f.h.sess.Draft() == nil || f.id == "" {
		return
	}
	id := f.id
	var fnErr error
	if key != "" {
		key = "m:" + id + ":" + key
	}
	err := f.h.edit(key, label, func(sc *scenarios.Scenario) {
		if m := sc.Measure(id); m != nil {
			fnErr = fn(m)
		}
	})
	if fnErr != nil {
		err = fnErr
	}
	f.h.showProblem(f.problem, err)
}

// setSlider moves the slider to rate r without editing.
func (f *measureForm) setSlider(r float64) {
	was := f.loading
	f.loading = true
	f.slider.SetValue(min(r*100, f.slider.Max))
	f.loading = was
}

// focusLabel puts the keyboard focus in the label field.
func (f *measureForm) focusLabel() {
	f.tabs.SelectIndex(0)
	f.h.win.Canvas().Focus(f.label)
}

// load shows measure m (nil: none).
func (f *measureForm) load(m *scenarios.Measure) {
	f.loading = true
	defer func() { f.loading = false }()
	f.problem.Hide()
	f.dateMsg.SetText("")
	if m == nil {
		f.id = ""
		f.body.Hide()
		f.none.Show()
		return
	}
	f.body.Show()
	f.none.Hide()
	f.id = m.ID
	f.title.SetText(present.MeasureName(m))
	f.label.SetQuiet(m.Label)
	if m.Imposer == scenarios.ImposerCA {
		f.imposer.SetSelected(imposerChoices[1])
	} else {
		f.imposer.SetSelected(imposerChoices[0])
	}
	f.program.SetText(m.Program)
	f.rate.SetQuiet(present.PercentInput(m.Rate))
	f.rate.SetValidationError(nil)
	f.slider.SetValue(min(m.Rate*100, f.slider.Max))
	f.cusma.SetChecked(m.CUSMAExempt)
	if m.IsBan() {
		f.kind.SetSelected(kindChoices[1])
	} else {
		f.kind.SetSelected(kindChoices[0])
	}
	f.status.SetSelected(present.StatusLabel(m.StatusOrDefault()))
	f.showKind()
	f.yields.SetQuiet(strings.Join(m.YieldsTo, ", "))
	f.from.SetQuiet(m.From.String())
	f.to.SetQuiet(m.To.String())
	f.note.SetQuiet(m.Note)
	f.loadSectors()
	f.refreshSummary()
}

// loadSectors shows the measure's sectors.
func (f *measureForm) loadSectors() {
	m := f.measure()
	if m == nil {
		return
	}
	was := f.loading
	f.loading = true
	defer func() { f.loading = was }()
	empty := isEmptyScope(m) && len(m.Sectors) == 1
	for _, r := range f.sectorRows {
		c, named := m.Sectors[r.code]
		if empty {
			named = false // "all sectors at 0": nothing picked yet
		}
		r.included.SetChecked(named)
		if named {
			r.coverage.SetQuiet(present.PercentInput(c))
			r.coverage.Enable()
		} else {
			r.coverage.SetQuiet("")
			r.coverage.Disable()
		}
		r.upper.SetChecked(slices.Contains(m.UpperBound, r.code))
	}
}

// measure returns the measure being edited in the current draft.
func (f *measureForm) measure() *scenarios.Measure {
	if f.h.sess.Draft() == nil || f.id == "" {
		return nil
	}
	return f.h.sess.Draft().Measure(f.id)
}

// refreshSummary shows the upper-bound sectors, the library source and the
// evidence list of the measure being edited.
func (f *measureForm) refreshSummary() {
	m := f.measure()
	if m == nil {
		return
	}
	if len(m.UpperBound) > 0 {
		var names []string
		for _, c := range m.UpperBound {
			names = append(names, present.SectorLabel(f.h.sess.Sectors(), c))
		}
		f.upper.SetText("≤ Coverage is an upper bound for: " + strings.Join(names, ", ") + ". Results for these sectors are marked ≤.")
		f.upper.Show()
	} else {
		f.upper.Hide()
	}
	if m.Library != "" {
		f.library.SetText("From the measure library: " + m.Library + ". Id in this scenario: " + m.ID + ".")
	} else {
		f.library.SetText("Id in this scenario: " + m.ID + ".")
	}
	f.scope.refresh(m)
	f.loadEvidence(m)
}

// loadEvidence lists the measure's evidence with a remove button each.
func (f *measureForm) loadEvidence(m *scenarios.Measure) {
	if f.shownID == m.ID && slices.Equal(f.shownEvidence, m.Evidence) && len(f.evidence.Objects) > 0 {
		return // unchanged: keep the widgets
	}
	f.shownID, f.shownEvidence = m.ID, slices.Clone(m.Evidence)
	f.evidence.RemoveAll()
	if len(m.Evidence) == 0 {
		w := widget.NewLabel("⚠ No evidence yet. Every figure should be traceable: add a quote from the evidence library or a citation of the legal source.")
		w.Wrapping = fyne.TextWrapWord
		w.Importance = widget.WarningImportance
		f.evidence.Add(w)
	}
	for i, e := range m.Evidence {
		text := f.h.describeEvidence(e)
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		idx := i
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeEvidence(idx) })
		del.Importance = widget.LowImportance
		f.evidence.Add(container.NewBorder(nil, nil, nil, del, l))
		f.evidence.Add(widget.NewSeparator())
	}
	f.tabs.Items[len(f.tabs.Items)-1].Text = fmt.Sprintf("Evidence (%d)", len(m.Evidence))
	f.tabs.Refresh()
}

// describeEvidence says what an evidence item is: the quote with its
// document, or the citation.
func (h *host) describeEvidence(e scenarios.Evidence) string {
	if e.IsQuote() {
		title := e.Document
		if d, err := h.sess.Workspace().Evidence().Document(e.Document); err == nil {
			title = d.Title
			if d.Publisher != "" {
				title += ", " + d.Publisher
			}
			if d.Date != "" {
				title += ", " + d.Date
			}
			if p := d.PageOfQuote(e.Quote); p > 0 {
				title += fmt.Sprintf(", p. %d", p)
			}
		}
		s := fmt.Sprintf("“%s”\n— %s", strings.TrimSpace(e.Quote), title)
		if e.Excerpt != 0 {
			s += fmt.Sprintf(" (excerpt #%d)", e.Excerpt)
		}
		return s
	}
	s := "Citation: " + e.Citation
	if e.URL != "" {
		s += "\n" + e.URL
	}
	return s
}

// removeEvidence removes evidence item i (undoable).
func (f *measureForm) removeEvidence(i int) {
	f.change("", "evidence removal", func(m *scenarios.Measure) error {
		if i < len(m.Evidence) {
			m.Evidence = slices.Delete(m.Evidence, i, i+1)
		}
		return nil
	})
}

// addEvidence adds e to the measure being edited (undoable).
func (h *host) addEvidence(measureID string, e scenarios.Evidence) error {
	if e.IsQuote() {
		d, err := h.sess.Workspace().Evidence().Document(e.Document)
		if err != nil {
			return err
		}
		if !scenarios.QuoteIn(e.Quote, d.Body) {
			return fmt.Errorf("the quote is not in “%s”: copy it exactly from the document (spaces, case and quote marks may differ)", d.Title)
		}
	}
	return h.edit("", "evidence added", func(sc *scenarios.Scenario) {
		if m := sc.Measure(measureID); m != nil {
			m.Evidence = append(m.Evidence, e)
		}
	})
}

// newIdentityFields makes the fields that say what the measure is: its
// label and who imposes it; every change is an edit of the scenario.
func (f *measureForm) newIdentityFields() {
	f.label = f.scenarioField("Label shown in tables and charts")
	f.label.OnChanged = func(s string) {
		f.change("label", "label edit", func(m *scenarios.Measure) error { m.Label = s; return nil })
		f.title.SetText(s)
	}
	f.imposer = widget.NewRadioGroup(imposerChoices, func(s string) {
		imp := scenarios.ImposerUS
		if s == imposerChoices[1] {
			imp = scenarios.ImposerCA
		}
		f.change("", "imposer change", func(m *scenarios.Measure) error { m.Imposer = imp; return nil })
	})
	f.imposer.Required = true
}

// newRateField makes the programme and the rate fields: a rate out of
// range is never applied, the rate stays what it was.
func (f *measureForm) newRateField() {
	f.program = widget.NewSelectEntry(present.Programmes)
	f.program.PlaceHolder = "e.g. IEEPA, S232"
	f.program.OnChanged = func(s string) {
		f.change("program", "programme edit", func(m *scenarios.Measure) error { m.Program = strings.TrimSpace(s); return nil })
	}
	f.rate = f.scenarioField("25")
	f.rate.Validator = func(s string) error { _, err := present.ParsePercent(s, scenarios.MaxRate); return err }
	f.rate.OnChanged = func(s string) {
		r, err := present.ParsePercent(s, scenarios.MaxRate)
		if err != nil {
			// Nothing out of range is applied, or kept from the typing
			// that led here: the rate goes back to what it was when the
			// user began typing, and the form says so.
			back, berr := present.ParsePercent(f.rate.StartText, scenarios.MaxRate)
			if berr != nil {
				if m := f.measure(); m != nil {
					back = m.Rate
				}
			}
			f.setSlider(back)
			f.change("rate", "rate change", func(m *scenarios.Measure) error { m.Rate = back; return nil })
			f.h.showProblem(f.problem, fmt.Errorf("rate %q: %v. Not applied: the rate stays %s", strings.TrimSpace(s), err, present.Percent(back)))
			return
		}
		f.setSlider(r)
		f.change("rate", "rate change", func(m *scenarios.Measure) error { m.Rate = r; return nil })
	}
}

// newKindFields makes the kind, status and rate slider: a ban has no rate,
// content share or CUSMA exemption.
func (f *measureForm) newKindFields() {
	f.kind = widget.NewRadioGroup(kindChoices, func(s string) {
		f.change("", "kind change", func(m *scenarios.Measure) error {
			if s == kindChoices[1] {
				// A ban has no rate, content share or CUSMA exemption.
				m.Kind, m.Rate, m.RateLow, m.RateHigh = scenarios.KindBan, 0, 0, 0
				m.Content, m.CUSMAExempt, m.CUSMAExemptShare = "", false, nil
			} else if m.Kind == scenarios.KindBan {
				m.Kind = ""
			}
			return nil
		})
		f.showKind()
	})
	f.kind.Horizontal = true
	f.kind.Required = true
	statuses := make([]string, len(scenarios.Statuses))
	for i, st := range scenarios.Statuses {
		statuses[i] = present.StatusLabel(st)
	}
	f.status = widget.NewSelect(statuses, func(s string) {
		f.change("", "status change", func(m *scenarios.Measure) error { m.Status = present.StatusOf(s); return nil })
	})
	f.slider = widget.NewSlider(0, 100)
	f.slider.Step = 0.5
	f.slider.OnChanged = func(p float64) {
		if f.loading {
			return
		}
		r := p / 100
		f.rate.SetQuiet(present.PercentInput(r))
		f.rate.SetValidationError(nil)
		f.change("rate", "rate change", func(m *scenarios.Measure) error { m.Rate = r; return nil })
	}
}

// newTermsFields makes the CUSMA exemption, the precedence, the dates and
// the note.
func (f *measureForm) newTermsFields() {
	f.cusma = widget.NewCheck("CUSMA-claimed goods exempt", func(on bool) {
		f.change("", "CUSMA exemption change", func(m *scenarios.Measure) error {
			m.CUSMAExempt = on
			if !on {
				m.CUSMAExemptShare = nil // only with the exemption
			}
			return nil
		})
	})
	f.yields = f.scenarioField("e.g. S232 (programmes that take precedence)")
	f.yields.OnChanged = func(s string) {
		f.change("yields", "precedence edit", func(m *scenarios.Measure) error { m.YieldsTo = present.SplitList(s); return nil })
	}
	f.from = f.scenarioField("YYYY-MM-DD")
	f.from.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	f.from.OnChanged = func(s string) {
		f.checkDates()
		d, err := present.ParseDate(s, false)
		if err != nil {
			return
		}
		f.change("from", "start date change", func(m *scenarios.Measure) error { m.From = d; return nil })
	}
	f.to = f.scenarioField("open-ended")
	f.to.Validator = func(s string) error { _, err := present.ParseDate(s, true); return err }
	f.to.OnChanged = func(s string) {
		f.checkDates()
		d, err := present.ParseDate(s, true)
		if err != nil {
			return
		}
		f.change("to", "end date change", func(m *scenarios.Measure) error { m.To = d; return nil })
	}
	f.note = kit.NewMultiField(f.h.win, "Why this measure is modelled this way", 2)
	f.note.Scenario = true
	f.note.OnChanged = func(s string) {
		f.change("note", "note edit", func(m *scenarios.Measure) error { m.Note = s; return nil })
	}
}

// newEvidenceTab makes the Evidence tab: the evidence listed and the
// buttons that add a passage, an excerpt or a citation.
func (f *measureForm) newEvidenceTab() fyne.CanvasObject {
	f.evidence = container.NewVBox()
	addExcerpt := widget.NewButtonWithIcon("Excerpt…", theme.ContentAddIcon(), f.addExcerptDialog)
	addQuote := widget.NewButtonWithIcon("Find passage…", theme.SearchIcon(), f.addQuoteDialog)
	addCitation := widget.NewButtonWithIcon("Citation…", theme.ContentAddIcon(), f.addCitationDialog)
	addQuote.Importance = widget.HighImportance
	evidence := container.NewBorder(container.NewVBox(addQuote, container.NewGridWithColumns(2, addExcerpt, addCitation)), nil, nil, nil,
		container.NewVScroll(f.evidence))
	return evidence
}
