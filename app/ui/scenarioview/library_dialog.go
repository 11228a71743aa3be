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

// libraryDialog lets the user pick a measure of the measure library and add
// it to the scenario; entries that were announced but never implemented have
// no dates, so the dialog asks for them (the scenario's date by default).
func (v *scenarioView) libraryDialog() {
	h := v.h
	if h.sess.Draft() == nil {
		return
	}
	all, err := h.sess.Workspace().Library()
	if err != nil {
		h.showError("read the measure library", err)
		return
	}
	p := newLibraryPicker(v, all)
	split := container.NewHSplit(p.list, container.NewBorder(nil, p.dates, nil, nil, container.NewVScroll(p.detail)))
	split.Offset = 0.45
	empty := widget.NewButtonWithIcon("Start from an empty measure", theme.ContentAddIcon(), func() {
		p.d.Hide()
		v.addMeasure()
	})
	empty.Importance = widget.LowImportance
	intro := widget.NewLabel("Start from a measure of the library (its rate, dates, scope and sources come with it), or from an empty measure that duties nothing until you pick its sectors.")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(intro, p.search, container.NewBorder(nil, nil, nil, empty, p.found)), nil, nil, nil, split)
	p.filter("")
	p.d = dialog.NewCustomConfirm("Add a measure", "Add to scenario", "Cancel", body, p.confirm, h.win)
	p.from.OnEscape, p.to.OnEscape, p.list.OnEscape, p.search.OnEscape = p.d.Hide, p.d.Hide, p.d.Hide, p.d.Hide
	p.list.OnEnter = p.d.Confirm
	p.search.OnSubmitted = func(string) {
		if len(p.lib) > 0 {
			p.list.Select(0)
			h.win.Canvas().Focus(p.list)
		}
	}
	p.from.OnSubmitted = func(string) { p.d.Confirm() }
	p.to.OnSubmitted = func(string) { p.d.Confirm() }
	p.d.Resize(h.dialogSize())
	h.track(p.d, nil)
	h.win.Canvas().Focus(p.search)
}

// libraryPicker is the library dialog's state: the entries that match the
// search, the one chosen and the dates asked for an entry without any.
type libraryPicker struct {
	v         *scenarioView
	all, lib  []storage.LibraryMeasure
	chosen    int
	detail    *widget.Label
	from, to  *kit.Field
	datesNote *widget.Label
	dates     *fyne.Container
	list      *kit.KeyList
	search    *kit.Field
	found     *widget.Label
	d         *dialog.ConfirmDialog
}

func newLibraryPicker(v *scenarioView, all []storage.LibraryMeasure) *libraryPicker {
	h := v.h
	p := &libraryPicker{v: v, all: all, lib: all, chosen: -1}
	p.detail = widget.NewLabel("Select a measure to see its legal basis, scope and source.")
	p.detail.Wrapping = fyne.TextWrapWord
	p.from = kit.NewField(h.win, "YYYY-MM-DD")
	p.from.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	p.to = kit.NewField(h.win, "open-ended")
	p.to.Validator = func(s string) error { _, err := present.ParseDate(s, true); return err }
	p.datesNote = widget.NewLabel("")
	p.datesNote.Wrapping = fyne.TextWrapWord
	p.datesNote.Importance = widget.WarningImportance
	p.dates = container.NewVBox(p.datesNote, container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("In force from"), nil, p.from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, p.to)))
	p.dates.Hide()
	p.search = kit.NewField(h.win, "Search the library: steel, S232, Canada counter-tariffs…")
	p.found = widget.NewLabel("")
	p.found.SizeName = theme.SizeNameCaptionText
	p.search.OnChanged = p.filter
	p.list = kit.NewKeyList(func() int { return len(p.lib) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(libraryLine(p.lib[i])) })
	p.list.OnSelected = p.selected
	return p
}

// filter lists the entries that match q.
func (p *libraryPicker) filter(q string) {
	p.lib = matchLibrary(p.all, q, p.v.h)
	p.chosen = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.detail.SetText("Select a measure to read its legal basis, scope and source in full.")
	p.dates.Hide()
	switch {
	case strings.TrimSpace(q) == "":
		p.found.SetText(fmt.Sprintf("%d measures in the library.", len(p.all)))
	case len(p.lib) == 0:
		p.found.SetText(fmt.Sprintf("No measure matches “%s”.", strings.TrimSpace(q)))
	default:
		p.found.SetText(fmt.Sprintf("%s of %d match “%s”.", present.Plural(len(p.lib), "measure"), len(p.all), strings.TrimSpace(q)))
	}
}

// libraryLine is an entry's line in the list.
func libraryLine(lm storage.LibraryMeasure) string {
	rate := present.Percent(lm.Measure.Rate)
	if lm.Measure.IsBan() {
		rate = "import ban"
	}
	tag := ""
	if st := lm.Measure.StatusOrDefault(); st != scenarios.StatusInForce {
		tag = " [" + present.StatusLabel(st) + "]"
	}
	return fmt.Sprintf("%s%s · %s %s · %s", measureName(&lm.Measure), tag, lm.Measure.Imposer, rate, libraryDates(lm))
}

// selected shows entry i in full, and asks for its dates if it has none.
func (p *libraryPicker) selected(i widget.ListItemID) {
	p.chosen = i
	lm := p.lib[i]
	p.detail.SetText(p.v.h.libraryDetail(lm))
	if lm.Measure.From.IsZero() {
		p.datesNote.SetText(fmt.Sprintf("This measure was %s: it has no dates. Choose when it is in force in this scenario.", statusOr(lm.Remark, "never dated")))
		p.from.SetText(p.v.h.evalDate(p.v.h.sess.Draft()).String())
		p.to.SetText("")
		p.dates.Show()
	} else {
		p.dates.Hide()
	}
}

// confirm adds the entry chosen, with the dates typed if it has none; on
// an error the dialog comes back as it was.
func (p *libraryPicker) confirm(ok bool) {
	h := p.v.h
	if !ok || p.chosen < 0 {
		return
	}
	again := func() { h.track(p.d, nil) }
	m := p.lib[p.chosen].Measure.Clone()
	if m.From.IsZero() {
		f, err := present.ParseDate(p.from.Text, false)
		if err != nil {
			h.showErrorThen("add the measure", fmt.Errorf("in force from: %w", err), again)
			return
		}
		t, err := present.ParseDate(p.to.Text, true)
		if err != nil {
			h.showErrorThen("add the measure", fmt.Errorf("in force to: %w", err), again)
			return
		}
		m.From, m.To = f, t
	}
	if err := p.v.addLibraryMeasure(m); err != nil {
		h.showErrorThen("add the measure", err, again)
	}
}

// matchLibrary returns the library measures whose name, id, programme,
// rate, scope, legal basis, source or status contain every word of q (case
// ignored); all of them when q is blank.
func matchLibrary(lib []storage.LibraryMeasure, q string, h *host) []storage.LibraryMeasure {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return lib
	}
	var out []storage.LibraryMeasure
	for _, lm := range lib {
		m := lm.Measure
		hay := strings.ToLower(strings.Join([]string{measureName(&m), present.StatusTag(&m), m.ID, m.Program, string(m.Imposer), present.Percent(m.Rate),
			h.sectorsSummary(&m), lm.LegalBasis, lm.Scope, lm.Source, lm.Remark, lm.RateText, libraryDates(lm)}, " "))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, lm)
		}
	}
	return out
}

// addLibraryMeasure adds a copy of a library measure (undoable).
func (v *scenarioView) addLibraryMeasure(m scenarios.Measure) error {
	h := v.h
	m.ID = newMeasureID(h.sess.Draft(), m.ID)
	if err := h.edit("", "adding “"+measureName(&m)+"”", func(sc *scenarios.Scenario) {
		sc.Measures = append(sc.Measures, m)
	}); err != nil {
		return err
	}
	v.selectMeasure(m.ID)
	switch {
	case !m.StatusActive(h.sess.Draft().Assumptions.IncludeThreats):
		why := "it never applies (kept for the record)"
		if m.Status == scenarios.StatusThreatened {
			why = "it applies only when the assumptions include threats"
		}
		h.setStatus(fmt.Sprintf("Added “%s”: %s, %s", measureName(&m), present.StatusLabel(m.StatusOrDefault()), why))
	case !h.sess.Draft().Active(&m, h.evalDate(h.sess.Draft())):
		h.setStatus(fmt.Sprintf("Added “%s”: it is not in force on %s", measureName(&m), h.evalDate(h.sess.Draft())))
	default:
		h.setStatus(fmt.Sprintf("Added “%s”", measureName(&m)))
	}
	return nil
}

func statusOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// libraryDates describes when a library measure is in force.
func libraryDates(lm storage.LibraryMeasure) string {
	if lm.Measure.From.IsZero() {
		return statusOr(lm.Remark, "no dates")
	}
	return present.DateRange(lm.Measure.From, lm.Measure.To)
}

// libraryDetail describes a library measure with its sources.
func (h *host) libraryDetail(lm storage.LibraryMeasure) string {
	m := lm.Measure
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", measureName(&m))
	fmt.Fprintf(&b, "Imposed by %s (%s) · programme %s\n", m.Imposer, present.DirLabel(m.Direction()), m.Program)
	if m.IsBan() {
		fmt.Fprintf(&b, "Import ban: the covered lines' trade stops; they owe no duty (source: %s)\n", lm.RateText)
	} else {
		fmt.Fprintf(&b, "Rate: %s (source: %s)\n", present.Percent(m.Rate), lm.RateText)
	}
	fmt.Fprintf(&b, "Status: %s\n", present.StatusLabel(m.StatusOrDefault()))
	fmt.Fprintf(&b, "Sectors: %s\n", h.scopeSummary(&m))
	cusma := "applies to CUSMA-claimed goods"
	if m.CUSMAExempt {
		cusma = "CUSMA-claimed goods exempt"
	}
	fmt.Fprintf(&b, "CUSMA: %s (source: %s)\n", cusma, lm.CUSMAText)
	fmt.Fprintf(&b, "In force: %s (source: %s)\n", libraryDates(lm), lm.DatesText)
	if lm.Remark != "" {
		fmt.Fprintf(&b, "Remark: %s\n", lm.Remark)
	}
	if len(m.YieldsTo) > 0 {
		fmt.Fprintf(&b, "Yields to: %s\n", strings.Join(m.YieldsTo, ", "))
	}
	fmt.Fprintf(&b, "\nLegal basis: %s\nScope: %s\nSource: %s (confidence: %s)\n", lm.LegalBasis, lm.Scope, lm.Source, lm.Confidence)
	if m.Note != "" {
		fmt.Fprintf(&b, "\nNote: %s\n", m.Note)
	}
	if len(m.UpperBound) > 0 {
		var names []string
		for _, c := range m.UpperBound {
			names = append(names, present.SectorLabel(h.sess.Sectors(), c))
		}
		fmt.Fprintf(&b, "\n≤ Coverage is an upper bound for: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprintf(&b, "\nEvidence:\n")
	for _, e := range m.Evidence {
		fmt.Fprintf(&b, "• %s\n", strings.ReplaceAll(h.describeEvidence(e), "\n", " "))
	}
	return b.String()
}
