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
	lib := all // the entries that match the search
	chosen := -1
	detail := widget.NewLabel("Select a measure to see its legal basis, scope and source.")
	detail.Wrapping = fyne.TextWrapWord
	from := kit.NewField(h.win, "YYYY-MM-DD")
	from.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	to := kit.NewField(h.win, "open-ended")
	to.Validator = func(s string) error { _, err := present.ParseDate(s, true); return err }
	datesNote := widget.NewLabel("")
	datesNote.Wrapping = fyne.TextWrapWord
	datesNote.Importance = widget.WarningImportance
	dates := container.NewVBox(datesNote, container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("In force from"), nil, from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, to)))
	dates.Hide()

	var list *kit.KeyList
	search := kit.NewField(h.win, "Search the library: steel, S232, Canada counter-tariffs…")
	found := widget.NewLabel("")
	found.SizeName = theme.SizeNameCaptionText
	filter := func(q string) {
		lib = matchLibrary(all, q, h)
		chosen = -1
		list.UnselectAll()
		list.Refresh()
		detail.SetText("Select a measure to read its legal basis, scope and source in full.")
		dates.Hide()
		switch {
		case strings.TrimSpace(q) == "":
			found.SetText(fmt.Sprintf("%d measures in the library.", len(all)))
		case len(lib) == 0:
			found.SetText(fmt.Sprintf("No measure matches “%s”.", strings.TrimSpace(q)))
		default:
			found.SetText(fmt.Sprintf("%s of %d match “%s”.", present.Plural(len(lib), "measure"), len(all), strings.TrimSpace(q)))
		}
	}
	search.OnChanged = filter
	list = kit.NewKeyList(func() int { return len(lib) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			lm := lib[i]
			rate := present.Percent(lm.Measure.Rate)
			if lm.Measure.IsBan() {
				rate = "import ban"
			}
			tag := ""
			if st := lm.Measure.StatusOrDefault(); st != scenarios.StatusInForce {
				tag = " [" + present.StatusLabel(st) + "]"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s%s · %s %s · %s", measureName(&lm.Measure), tag, lm.Measure.Imposer,
				rate, libraryDates(lm)))
		})
	list.OnSelected = func(i widget.ListItemID) {
		chosen = i
		lm := lib[i]
		detail.SetText(h.libraryDetail(lm))
		if lm.Measure.From.IsZero() {
			datesNote.SetText(fmt.Sprintf("This measure was %s: it has no dates. Choose when it is in force in this scenario.", statusOr(lm.Remark, "never dated")))
			from.SetText(h.sess.Draft().EvalDate().String())
			to.SetText("")
			dates.Show()
		} else {
			dates.Hide()
		}
	}
	split := container.NewHSplit(list, container.NewBorder(nil, dates, nil, nil, container.NewVScroll(detail)))
	split.Offset = 0.45
	var d *dialog.ConfirmDialog
	empty := widget.NewButtonWithIcon("Start from an empty measure", theme.ContentAddIcon(), func() {
		d.Hide()
		v.addMeasure()
	})
	empty.Importance = widget.LowImportance
	intro := widget.NewLabel("Start from a measure of the library (its rate, dates, scope and sources come with it), or from an empty measure that duties nothing until you pick its sectors.")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(intro, search, container.NewBorder(nil, nil, nil, empty, found)), nil, nil, nil, split)
	filter("")
	d = dialog.NewCustomConfirm("Add a measure", "Add to scenario", "Cancel", body, func(ok bool) {
		if !ok || chosen < 0 {
			return
		}
		lm := lib[chosen]
		m := lm.Measure.Clone()
		if m.From.IsZero() {
			f, err := present.ParseDate(from.Text, false)
			if err != nil {
				h.showErrorThen("add the measure", fmt.Errorf("in force from: %w", err), func() { h.track(d, nil) })
				return
			}
			t, err := present.ParseDate(to.Text, true)
			if err != nil {
				h.showErrorThen("add the measure", fmt.Errorf("in force to: %w", err), func() { h.track(d, nil) })
				return
			}
			m.From, m.To = f, t
		}
		if err := v.addLibraryMeasure(m); err != nil {
			h.showErrorThen("add the measure", err, func() { h.track(d, nil) })
		}
	}, h.win)
	from.OnEscape, to.OnEscape, list.OnEscape, search.OnEscape = d.Hide, d.Hide, d.Hide, d.Hide
	list.OnEnter = d.Confirm
	search.OnSubmitted = func(string) {
		if len(lib) > 0 {
			list.Select(0)
			h.win.Canvas().Focus(list)
		}
	}
	from.OnSubmitted = func(string) { d.Confirm() }
	to.OnSubmitted = func(string) { d.Confirm() }
	d.Resize(h.dialogSize())
	h.track(d, nil)
	h.win.Canvas().Focus(search)
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
	case !h.sess.Draft().Active(&m, h.sess.Draft().EvalDate()):
		h.setStatus(fmt.Sprintf("Added “%s”: it is not in force on %s", measureName(&m), h.sess.Draft().EvalDate()))
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
			names = append(names, h.sectorLabel(c))
		}
		fmt.Fprintf(&b, "\n≤ Coverage is an upper bound for: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprintf(&b, "\nEvidence:\n")
	for _, e := range m.Evidence {
		fmt.Fprintf(&b, "• %s\n", strings.ReplaceAll(h.describeEvidence(e), "\n", " "))
	}
	return b.String()
}
