package scenarioview

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// scenarioView shows the scenario being edited: its name, description and
// date, its measures in a table and the selected measure's form.
type scenarioView struct {
	h       *host
	content fyne.CanvasObject

	name       *widget.Label
	desc       *kit.Field
	asOf       *kit.Field
	followDay  *widget.Check
	evalOn     *widget.Label
	warn       *widget.Label
	undoButton *widget.Button
	redoButton *widget.Button

	addButton    *widget.Button
	removeButton *widget.Button
	listButton   *widget.Button // hides or shows the scenario list

	table    *measureTable
	selected string // id of the measure in the form
	form     *measureForm
	empty    *widget.Label
	body     *fyne.Container
	loading  bool

	// inForceOnly lists only the measures in force on the date evaluated.
	inForceOnly *widget.Check
}

func newScenarioView(h *host) *scenarioView {
	v := &scenarioView{h: h}
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.SizeName = theme.SizeNameSubHeadingText
	v.name.Truncation = fyne.TextTruncateEllipsis
	rename := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { h.list.renameDialog() })
	v.undoButton = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), h.nav.Undo)
	v.redoButton = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), h.nav.Redo)
	for _, b := range []*widget.Button{rename, v.undoButton, v.redoButton} {
		b.Importance = widget.LowImportance
	}

	v.newHeaderFields()

	v.newTable()

	// Add starts from the measure library (searchable) or from an empty
	// measure that duties nothing until its sectors are picked.
	add := widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), v.libraryDialog)
	remove := widget.NewButtonWithIcon("Remove", theme.ContentRemoveIcon(), v.removeMeasure)
	for _, b := range []*widget.Button{add, remove} {
		b.Importance = widget.LowImportance
	}
	v.addButton, v.removeButton = add, remove
	v.inForceOnly = v.newInForceFilter()
	tools := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Measures", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(v.inForceOnly, add, remove))
	v.listButton = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), h.toggleList)
	v.listButton.Importance = widget.LowImportance

	v.form = newMeasureForm(h, v)
	dateRow := container.NewBorder(nil, nil, widget.NewLabel("As of"), container.NewHBox(v.followDay, v.evalOn), v.asOf)
	head := container.NewVBox(
		container.NewBorder(nil, nil, v.listButton, container.NewHBox(rename, v.undoButton, v.redoButton), v.name),
		v.desc, dateRow,
	)
	measures := container.NewBorder(tools, container.NewVBox(measureLegend(), v.warn), nil, nil, v.table)
	split := container.NewVSplit(measures, v.form.content)
	split.Offset = 0.5
	v.empty = widget.NewLabel("No scenario is open. Create one with Scenario ▸ New scenario (Ctrl+N).")
	v.empty.Wrapping = fyne.TextWrapWord
	v.body = container.NewStack(container.NewBorder(head, nil, nil, nil, split), v.empty)
	// The view scrolls rather than overlap when its pane is smaller than it
	// needs.
	v.content = container.NewScroll(v.body)
	return v
}

// report shows the validation error of an inline edit (if any) under the
// measures; inline edits are never half-applied.
func (v *scenarioView) report(err error) {
	v.h.showProblem(v.form.problem, err)
}

// updateUndoButtons enables the header's undo and redo buttons.
func (v *scenarioView) updateUndoButtons() {
	for _, b := range []struct {
		b  *widget.Button
		ok bool
	}{{v.undoButton, v.h.sess.History().CanUndo()}, {v.redoButton, v.h.sess.History().CanRedo()}} {
		if b.ok {
			b.b.Enable()
		} else {
			b.b.Disable()
		}
	}
}

// load shows the scenario in h.sess.Draft(), keeping the selected measure if it is
// still there.
func (v *scenarioView) load() {
	h := v.h
	if h.sess.Draft() == nil {
		v.body.Objects[0].Hide()
		v.empty.Show()
		v.selected = ""
		v.form.load(nil)
		return
	}
	v.body.Objects[0].Show()
	v.empty.Hide()
	v.loadHeader()
	if h.sess.Draft().Measure(v.selected) == nil {
		v.selected = ""
		if len(h.sess.Draft().Measures) > 0 {
			v.selected = h.sess.Draft().Measures[0].ID
		}
	}
	v.changed()
	v.selectMeasure(v.selected)
}

// loadHeader shows the name, description and date.
func (v *scenarioView) loadHeader() {
	sc := v.h.sess.Draft()
	if sc == nil {
		return
	}
	v.loading = true
	defer func() { v.loading = false }()
	v.name.SetText(sc.Name)
	v.desc.SetQuiet(sc.Description)
	v.asOf.SetQuiet(sc.AsOf.String())
	v.followDay.SetChecked(sc.AsOfToday)
	// The date shown in the (disabled) field is the day evaluated on.
	if sc.AsOfToday {
		v.asOf.Disable()
		v.asOf.SetQuiet(v.h.evalDate(sc).String())
		v.evalOn.SetText("")
	} else {
		v.asOf.Enable()
		v.evalOn.SetText("")
	}
	v.evalOn.Hide()
}

// changed redraws what depends on the measures after an edit.
func (v *scenarioView) changed() {
	sc := v.h.sess.Draft()
	if sc == nil {
		return
	}
	v.table.Refresh()
	if ids := sc.Unevidenced(); len(ids) > 0 {
		v.warn.SetText(fmt.Sprintf("⚠ %s without evidence: add a quote or citation in the measure's Evidence tab.", present.Plural(len(ids), "measure")))
		v.warn.Show()
	} else {
		v.warn.Hide()
	}
	v.form.refreshSummary()
}

// updateCell fills a cell of the measures table.
func (v *scenarioView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	sc := v.h.sess.Draft()
	i := v.measureAt(id.Row)
	if i < 0 {
		kit.SetLabel(l, "", fyne.TextAlignLeading, fyne.TextStyle{}, widget.MediumImportance)
		return
	}
	m := &sc.Measures[i]
	active := sc.Active(m, v.h.evalDate(sc))
	c := v.cell(m, id.Col, active)
	if l.Truncation != c.trunc {
		l.Truncation = c.trunc
		l.Refresh()
	}
	// A measure not in force on the date is in italics.
	kit.SetLabel(l, c.text, c.align, fyne.TextStyle{Italic: !active}, c.imp)
}

// measureCell is what a cell of the measures table shows.
type measureCell struct {
	text  string
	imp   widget.Importance
	align fyne.TextAlign
	trunc fyne.TextTruncation
}

// cell is column col of measure m's row; active is whether m is in force
// on the date evaluated.
func (v *scenarioView) cell(m *scenarios.Measure, col int, active bool) measureCell {
	c := measureCell{imp: widget.MediumImportance, align: fyne.TextAlignLeading, trunc: fyne.TextTruncateOff}
	switch col {
	case colFlag:
		if len(m.Evidence) == 0 {
			c.text, c.imp = "⚠", widget.WarningImportance
		}
	case colLabel:
		c.text = measureName(m)
		if tag := present.StatusTag(m); tag != "" {
			c.text += " [" + tag + "]"
		}
		c.trunc = fyne.TextTruncateEllipsis
	case colImposer:
		c.text = string(m.Imposer)
	case colProgram:
		c.text, c.trunc = m.Program, fyne.TextTruncateEllipsis
	case colSectors:
		c.text, c.trunc = v.h.scopeSummary(m), fyne.TextTruncateEllipsis
	case colRate:
		c.text, c.align = present.Percent(m.Rate), fyne.TextAlignTrailing
		if m.IsBan() {
			c.text = "ban"
		}
	case colCUSMA:
		c.text = "applies"
		if m.CUSMAExempt {
			c.text = "exempt"
		}
	case colDates:
		c.text, c.trunc = present.DateRange(m.From, m.To), fyne.TextTruncateEllipsis
		if !active {
			c.text += " (not in force)"
		}
	case colEvidence:
		c.text, c.align = strconv.Itoa(len(m.Evidence)), fyne.TextAlignTrailing
		if len(m.Evidence) == 0 {
			c.text, c.imp = "none ⚠", widget.WarningImportance
		}
	}
	return c
}

// sectorsSummary describes a measure's sectors and coverage, e.g. "All
// except Energy, Fertilizers" or "Iron & steel ≤, Aluminum 50%".
func (h *host) sectorsSummary(m *scenarios.Measure) string {
	name := func(code string) string {
		s := present.SectorLabel(h.sess.Sectors(), code)
		if slices.Contains(m.UpperBound, code) {
			s += " ≤"
		}
		return s
	}
	var parts []string
	codes := slices.Sorted(maps.Keys(m.Sectors))
	if all, ok := m.Sectors[scenarios.Wildcard]; ok && (all > 0 || len(m.Sectors) == 1) {
		if all == 0 {
			return "no sector yet"
		}
		head := "All"
		if all != 1 {
			head = "All " + present.Percent(all)
		}
		if slices.Contains(m.UpperBound, scenarios.Wildcard) {
			head += " ≤"
		}
		var except, other []string
		for _, c := range codes {
			switch v := m.Sectors[c]; {
			case c == scenarios.Wildcard:
			case v == 0:
				except = append(except, present.SectorLabel(h.sess.Sectors(), c))
			default:
				other = append(other, fmt.Sprintf("%s %s", name(c), present.Percent(v)))
			}
		}
		if len(except) > 0 {
			head += " except " + strings.Join(except, ", ")
		}
		parts = append(parts, head)
		parts = append(parts, other...)
		return strings.Join(parts, "; ")
	}
	for _, c := range codes {
		if v := m.Sectors[c]; v == 1 {
			parts = append(parts, name(c))
		} else if v > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", name(c), present.Percent(v)))
		}
	}
	if len(parts) == 0 {
		return "no sector yet"
	}
	return strings.Join(parts, ", ")
}

// selectMeasure shows measure id in the form and selects its row.
func (v *scenarioView) selectMeasure(id string) {
	sc := v.h.sess.Draft()
	v.selected = id
	if sc == nil {
		v.form.load(nil)
		return
	}
	m := sc.Measure(id)
	v.form.load(m)
	for j := range sc.Measures {
		if sc.Measures[j].ID != id {
			continue
		}
		if i := v.rowOf(j); i >= 0 { // else the filter hides it
			// The row highlighted is always the measure in the form.
			v.table.Select(widget.TableCellID{Row: i, Col: colLabel})
			v.table.showRow(i)
			return
		}
		break
	}
	v.table.UnselectAll()
}

// newMeasureID returns an id that no measure of sc uses, made from base.
func newMeasureID(sc *scenarios.Scenario, base string) string {
	if base == "" {
		base = "measure"
	}
	if sc.Measure(base) == nil {
		return base
	}
	for i := 2; ; i++ {
		id := fmt.Sprintf("%s-%d", base, i)
		if sc.Measure(id) == nil {
			return id
		}
	}
}

// emptyScope is the scope of a new measure: every sector at coverage 0,
// which duties nothing until the user picks the sectors it applies to.
func emptyScope() map[string]float64 { return map[string]float64{scenarios.Wildcard: 0} }

// isEmptyScope reports whether a measure covers no sector at all.
func isEmptyScope(m *scenarios.Measure) bool {
	if m.Products != nil && len(m.Products.Include) > 0 {
		return false
	}
	for _, c := range m.Sectors {
		if c > 0 {
			return false
		}
	}
	return m.Sectors != nil
}

// addMeasure adds a new measure and selects it: a US tariff of 25% in force
// from the scenario's date on no sector yet, so that it duties nothing until
// its sectors are picked in the Sectors tab, which it opens.
func (v *scenarioView) addMeasure() {
	h := v.h
	if h.sess.Draft() == nil {
		return
	}
	id := newMeasureID(h.sess.Draft(), "measure-"+strconv.Itoa(len(h.sess.Draft().Measures)+1))
	m := scenarios.Measure{ID: id, Label: "New measure", Imposer: scenarios.ImposerUS, Program: "",
		Sectors: emptyScope(), Rate: 0.25, From: h.evalDate(h.sess.Draft())}
	if err := h.edit("", "adding a measure", func(sc *scenarios.Scenario) { sc.Measures = append(sc.Measures, m) }); err != nil {
		h.showError("add the measure", err)
		return
	}
	v.selectMeasure(id)
	v.form.tabs.SelectIndex(1) // Sectors & coverage
	h.setStatus("Added a measure on no sector yet: check the sectors it applies to")
}

// removeMeasure removes the selected measure (undoable).
func (v *scenarioView) removeMeasure() {
	h := v.h
	if h.sess.Draft() == nil || h.sess.Draft().Measure(v.selected) == nil {
		return
	}
	id := v.selected
	name := measureName(h.sess.Draft().Measure(id))
	idx := slices.IndexFunc(h.sess.Draft().Measures, func(m scenarios.Measure) bool { return m.ID == id })
	err := h.edit("", "removal of “"+name+"”", func(sc *scenarios.Scenario) {
		sc.Measures = slices.Delete(sc.Measures, idx, idx+1)
	})
	if err != nil {
		h.showError("remove the measure", err)
		return
	}
	v.selected = ""
	if n := len(h.sess.Draft().Measures); n > 0 {
		v.selected = h.sess.Draft().Measures[min(idx, n-1)].ID
	}
	v.selectMeasure(v.selected)
	h.setStatus(fmt.Sprintf("Removed “%s” (Ctrl+Z to undo)", name))
}

// newHeaderFields makes the fields of the scenario's description and date,
// each an edit of the scenario.
func (v *scenarioView) newHeaderFields() {
	h := v.h
	v.desc = kit.NewMultiField(h.win, "Describe what this scenario assumes", 1)
	v.desc.Scenario = true
	v.desc.OnChanged = func(s string) {
		if v.loading {
			return
		}
		v.report(h.edit("desc", "description edit", func(sc *scenarios.Scenario) { sc.Description = s }))
	}
	v.asOf = kit.NewField(h.win, "YYYY-MM-DD")
	v.asOf.Scenario = true
	v.asOf.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	v.asOf.OnChanged = func(s string) {
		if v.loading {
			return
		}
		d, err := present.ParseDate(s, false)
		if err != nil {
			return
		}
		v.report(h.edit("asof", "date change", func(sc *scenarios.Scenario) { sc.AsOf = d }))
	}
	v.followDay = widget.NewCheck("Follow today", func(on bool) {
		if v.loading {
			return
		}
		v.report(h.edit("", "“follow today” change", func(sc *scenarios.Scenario) {
			sc.AsOfToday = on
			if on {
				sc.AsOf = h.today()
			}
		}))
		v.loadHeader()
	})
	v.evalOn = widget.NewLabel("")
	v.warn = widget.NewLabel("")
	v.warn.Importance = widget.WarningImportance
	v.warn.Wrapping = fyne.TextWrapWord
}
