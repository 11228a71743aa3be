package scenarioview

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/numfmt"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// contentChoices are the measure form's content kinds, "" first.
var contentChoices = []struct{ kind, label string }{
	{"", "Whole value of the product"},
	{scenarios.ContentSteel, "Steel content only"},
	{scenarios.ContentAluminum, "Aluminum content only"},
	{scenarios.ContentCopper, "Copper content only"},
	{scenarios.ContentMetal, "Metal content only (steel, aluminum, copper)"},
}

// scopeEditor is the Products tab of the measure form: the measure's product
// scope (built-in lists and codes to include and exclude), the content its
// rate applies to, the CUSMA exempt share, and how many lines and how much
// trade the scope covers.
type scopeEditor struct {
	f       *measureForm
	content fyne.CanvasObject

	summary  *widget.Label
	note     *widget.Label
	include  *fyne.Container
	exclude  *fyne.Container
	codes    *kit.Field
	codesErr *widget.Label
	preview  *widget.Label
	kind     *widget.Select
	share    *kit.Field
	shareBox *fyne.Container

	listQuery *kit.Field
	lists     *widget.List
	names     []string // lists shown, filtered by listQuery

	shown   *scenarios.ProductScope // the scope the entry rows show
	loading bool
}

func newScopeEditor(f *measureForm) *scopeEditor {
	e := &scopeEditor{f: f}
	help := widget.NewLabel("Leave Included empty to cover every product of the measure's sectors. A trade line is covered when its code starts with an included code (or is in an included list) and not with an excluded one.")
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	e.summary = widget.NewLabel("")
	e.summary.Wrapping = fyne.TextWrapWord
	e.summary.TextStyle = fyne.TextStyle{Bold: true}
	e.note = widget.NewLabel("")
	e.note.Wrapping = fyne.TextWrapWord
	e.note.Importance = widget.WarningImportance
	e.note.Hide()
	e.include, e.exclude = container.NewVBox(), container.NewVBox()

	e.codes = kit.NewField(f.h.win, "Codes, e.g. 4407.11, 9403.60 (2 to 10 digits)")
	e.codes.OnChanged = func(string) { e.check() }
	e.codes.OnSubmitted = func(string) { e.addCodes(false) }
	e.codesErr = kit.ErrorLabel()
	e.preview = widget.NewLabel("")
	e.preview.Wrapping = fyne.TextWrapWord
	e.preview.SizeName = theme.SizeNameCaptionText
	e.preview.Hide()
	inc := widget.NewButtonWithIcon("Include", theme.ContentAddIcon(), func() { e.addCodes(false) })
	exc := widget.NewButtonWithIcon("Exclude", theme.ContentRemoveIcon(), func() { e.addCodes(true) })
	codesRow := container.NewBorder(nil, nil, nil, container.NewHBox(inc, exc), e.codes)

	e.newContentFields()

	scope := container.NewVBox(
		e.summary, e.note,
		kit.BoldLabel("Included"), e.include,
		kit.BoldLabel("Excluded"), e.exclude,
		codesRow, e.codesErr, e.preview,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabel("Applies to"), nil, e.kind),
		e.shareBox, help,
	)

	e.listQuery = kit.NewField(f.h.win, "Find a built-in list: name, title or source")
	e.listQuery.OnChanged = func(string) { e.filterLists() }
	e.lists = widget.NewList(func() int { return len(e.names) }, e.newListRow, e.updateListRow)
	lists := container.NewBorder(container.NewVBox(kit.BoldLabel("Built-in product lists"), e.listQuery), nil, nil, nil, e.lists)
	split := container.NewVSplit(container.NewVScroll(scope), lists)
	split.Offset = 0.62
	e.content = split
	return e
}

// model returns the calculation model of the scenario shown, or nil.
func (e *scopeEditor) model() *scenarios.Model {
	h := e.f.h
	if h.sess.Draft() == nil {
		return nil
	}
	m, err := h.sess.ModelFor(h.sess.Draft().Assumptions)
	if err != nil {
		return nil
	}
	return m
}

// refresh shows measure m's scope, content and share, and its size.
func (e *scopeEditor) refresh(m *scenarios.Measure) {
	e.loading = true
	defer func() { e.loading = false }()
	if !scopeEqual(e.shown, m.Products) || len(e.include.Objects) == 0 {
		e.shown = m.Products.Clone()
		e.fillEntries(e.include, m, false)
		e.fillEntries(e.exclude, m, true)
	}
	for _, c := range contentChoices {
		if c.kind == m.Content && e.kind.Selected != c.label {
			e.kind.SetSelected(c.label)
		}
	}
	if m.CUSMAExempt {
		e.share.Enable()
	} else {
		e.share.Disable()
	}
	if m.CUSMAExemptShare != nil {
		if v, err := present.ParsePercent(e.share.Text, 1); err != nil || v != *m.CUSMAExemptShare {
			e.share.SetQuiet(present.PercentInput(*m.CUSMAExemptShare))
		}
	} else if strings.TrimSpace(e.share.Text) != "" && e.f.h.win.Canvas().Focused() != e.share {
		e.share.SetQuiet("")
	}
	e.summary.SetText(e.sizeText(m))
	if mo := e.model(); mo != nil && !mo.ProductLevel(m.Direction()) {
		e.note.SetText(chapterOnly + " Codes longer than 2 digits match its chapter lines only partly: the result is an upper bound.")
		e.note.Show()
	} else {
		e.note.Hide()
	}
	e.check()
	e.filterLists()
}

// scopeEqual reports whether two product scopes name the same entries.
func scopeEqual(a, b *scenarios.ProductScope) bool {
	if a.IsEmpty() || b.IsEmpty() {
		return a.IsEmpty() == b.IsEmpty()
	}
	return slices.Equal(a.Include, b.Include) && slices.Equal(a.Exclude, b.Exclude)
}

// sizeText says how much trade measure m's scope covers.
func (e *scopeEditor) sizeText(m *scenarios.Measure) string {
	mo := e.model()
	if mo == nil {
		return ""
	}
	s := mo.ScopeSize(m)
	return "Covers " + present.ScopeSize(s, m.Content != "") + " in " + present.DirLabel(m.Direction()) + ", before precedence and CUSMA relief."
}

// fillEntries lists the include (or exclude) entries of m, each with a
// button that removes it.
func (e *scopeEditor) fillEntries(box *fyne.Container, m *scenarios.Measure, exclude bool) {
	box.RemoveAll()
	var entries []string
	if m.Products != nil {
		entries = m.Products.Include
		if exclude {
			entries = m.Products.Exclude
		}
	}
	if len(entries) == 0 {
		none := "none: every product of the measure's sectors"
		if exclude {
			none = "none"
		}
		l := widget.NewLabel(none)
		l.TextStyle = fyne.TextStyle{Italic: true}
		box.Add(l)
		return
	}
	for _, entry := range entries {
		l := widget.NewLabel(e.entryText(entry, m))
		l.Truncation = fyne.TextTruncateEllipsis
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(entry, exclude) })
		del.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, del, l))
	}
}

// entryText describes an entry: a list with its title and size, or a code.
func (e *scopeEditor) entryText(entry string, m *scenarios.Measure) string {
	name, isList := strings.CutPrefix(entry, scenarios.ListPrefix)
	mo := e.model()
	if !isList {
		s := numfmt.HSCode(entry)
		if mo != nil {
			s += " · " + present.ScopeSize(mo.ScopeSize(onlyEntries(m, []string{entry})), false)
		}
		return s
	}
	if mo == nil || mo.Lists()[name] == nil {
		return entry + " (unknown list)"
	}
	l := mo.Lists()[name]
	s := entry
	if l.Title != "" {
		s += " — " + l.Title
	}
	return s + fmt.Sprintf(" (%d codes)", len(l.Codes))
}

// onlyEntries returns a copy of m whose products are just entries, with
// no content: what the entries alone cover of m's sectors.
func onlyEntries(m *scenarios.Measure, entries []string) *scenarios.Measure {
	c := m.Clone()
	c.Products = &scenarios.ProductScope{Include: entries}
	c.Content = ""
	return &c
}

// parseEntries parses the codes typed, separated by commas, semicolons or
// new lines: each a code of 2 to 10 digits (dots and spaces ignored) or
// list:NAME of a built-in list.
func (e *scopeEditor) parseEntries(text string) ([]string, error) {
	var out, bad []string
	lists := scenarios.ProductLists{}
	if mo := e.model(); mo != nil {
		lists = mo.Lists()
	}
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		norm, err := scenarios.NormalizeEntry(p)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		if name, ok := strings.CutPrefix(norm, scenarios.ListPrefix); ok && lists[name] == nil {
			bad = append(bad, fmt.Sprintf("%q is not a known list (File > Product lists…)", name))
			continue
		}
		if !slices.Contains(out, norm) {
			out = append(out, norm)
		}
	}
	if len(bad) > 0 {
		return nil, errors.New(present.Capitalize(strings.Join(bad, "; ")) + ".")
	}
	return out, nil
}

// check validates the codes typed and previews what they cover.
func (e *scopeEditor) check() {
	text := strings.TrimSpace(e.codes.Text)
	if text == "" {
		setError(e.codesErr, "")
		e.preview.Hide()
		return
	}
	entries, err := e.parseEntries(text)
	if err != nil {
		setError(e.codesErr, err.Error())
		e.preview.Hide()
		return
	}
	setError(e.codesErr, "")
	m, mo := e.f.measure(), e.model()
	if m == nil || mo == nil || len(entries) == 0 {
		e.preview.Hide()
		return
	}
	e.preview.SetText("These cover " + present.ScopeSize(mo.ScopeSize(onlyEntries(m, entries)), false) + " of the measure's sectors.")
	e.preview.Show()
}

// addCodes adds the codes typed to the included (or excluded) entries. An
// invalid code is shown under the field and nothing changes.
func (e *scopeEditor) addCodes(exclude bool) {
	entries, err := e.parseEntries(e.codes.Text)
	if err != nil {
		setError(e.codesErr, err.Error())
		return
	}
	if len(entries) == 0 {
		setError(e.codesErr, "Type one or more codes first, e.g. 4407.11.")
		return
	}
	if e.add(entries, exclude) {
		e.codes.SetText("")
	}
}

// add adds entries to the measure's include (or exclude) list; it reports
// whether the change was made.
func (e *scopeEditor) add(entries []string, exclude bool) bool {
	label := "product scope: include " + strings.Join(entries, ", ")
	if exclude {
		label = "product scope: exclude " + strings.Join(entries, ", ")
	}
	e.f.change("", label, func(m *scenarios.Measure) error {
		if m.Products == nil {
			m.Products = &scenarios.ProductScope{}
		}
		for _, en := range entries {
			m.Products.Include = slices.DeleteFunc(m.Products.Include, func(s string) bool { return s == en && exclude })
			m.Products.Exclude = slices.DeleteFunc(m.Products.Exclude, func(s string) bool { return s == en && !exclude })
			switch {
			case exclude && !slices.Contains(m.Products.Exclude, en):
				m.Products.Exclude = append(m.Products.Exclude, en)
			case !exclude && !slices.Contains(m.Products.Include, en):
				m.Products.Include = append(m.Products.Include, en)
			}
		}
		return nil
	})
	return !e.f.problem.Visible()
}

// remove drops an entry from the measure's include (or exclude) list.
func (e *scopeEditor) remove(entry string, exclude bool) {
	e.f.change("", "product scope: remove "+entry, func(m *scenarios.Measure) error {
		if m.Products == nil {
			return nil
		}
		if exclude {
			m.Products.Exclude = slices.DeleteFunc(m.Products.Exclude, func(s string) bool { return s == entry })
		} else {
			m.Products.Include = slices.DeleteFunc(m.Products.Include, func(s string) bool { return s == entry })
		}
		if m.Products.IsEmpty() {
			m.Products = nil
		}
		return nil
	})
}

// filterLists shows the built-in lists that match the query, those of the
// measure's imposer first.
func (e *scopeEditor) filterLists() {
	mo := e.model()
	e.names = e.names[:0]
	if mo == nil {
		e.lists.Refresh()
		return
	}
	words := strings.Fields(strings.ToLower(e.listQuery.Text))
	all := mo.Lists()
	for _, name := range all.Names() {
		l := all[name]
		hay := strings.ToLower(name + " " + l.Title + " " + l.Source)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			e.names = append(e.names, name)
		}
	}
	prefix := "us-"
	if m := e.f.measure(); m != nil && m.Imposer == scenarios.ImposerCA {
		prefix = "ca-"
	}
	slices.SortStableFunc(e.names, func(a, b string) int {
		pa, pb := strings.HasPrefix(a, prefix), strings.HasPrefix(b, prefix)
		switch {
		case pa && !pb:
			return -1
		case pb && !pa:
			return 1
		}
		return 0
	})
	e.lists.Refresh()
}

// listRow is a row of the built-in lists.
type listRow struct {
	title, detail *widget.Label
	inc, exc      *widget.Button
}

func (e *scopeEditor) newListRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	inc := widget.NewButton("Include", nil)
	exc := widget.NewButton("Exclude", nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(inc, exc), container.NewVBox(title, detail))
}

func (e *scopeEditor) updateListRow(id widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	var texts *fyne.Container
	var buttons *fyne.Container
	for _, obj := range c.Objects {
		if ct, ok := obj.(*fyne.Container); ok {
			if _, isBtn := ct.Objects[0].(*widget.Button); isBtn {
				buttons = ct
			} else {
				texts = ct
			}
		}
	}
	mo, m := e.model(), e.f.measure()
	if id >= len(e.names) || mo == nil || texts == nil || buttons == nil {
		return
	}
	name := e.names[id]
	l := mo.Lists()[name]
	entry := scenarios.ListPrefix + name
	title, detail := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	inc, exc := buttons.Objects[0].(*widget.Button), buttons.Objects[1].(*widget.Button)
	t := name
	if l.Title != "" {
		t += " — " + l.Title
	}
	if l.User {
		t += " (your list)"
	}
	title.SetText(t)
	d := fmt.Sprintf("%d codes", len(l.Codes))
	if m != nil {
		probe := m.Clone()
		probe.Products = &scenarios.ProductScope{Include: []string{entry}}
		probe.Content, probe.Sectors = "", nil
		d += " · " + present.ScopeSize(mo.ScopeSize(&probe), false) + " in " + present.DirLabel(m.Direction())
	}
	if l.Source != "" {
		d += " · source: " + l.Source
	}
	detail.SetText(d)
	included := m != nil && m.Products != nil && slices.Contains(m.Products.Include, entry)
	excluded := m != nil && m.Products != nil && slices.Contains(m.Products.Exclude, entry)
	setButton(inc, "Include", included, func() { e.add([]string{entry}, false) })
	setButton(exc, "Exclude", excluded, func() { e.add([]string{entry}, true) })
}

// setButton shows a list row's button: done (disabled, ticked) when the
// list is already included or excluded.
func setButton(b *widget.Button, label string, done bool, tapped func()) {
	b.OnTapped = tapped
	if done {
		b.SetText(label + "d ✓")
		b.Disable()
	} else {
		b.SetText(label)
		b.Enable()
	}
}

// scopeSummary describes a measure's sectors and product scope for tables:
// the sectors (every sector when it names none) and the lists and codes.
func (h *host) scopeSummary(m *scenarios.Measure) string {
	s := "All sectors"
	if m.Sectors != nil {
		s = h.sectorsSummary(m)
	}
	if p := m.Products; !p.IsEmpty() {
		var parts []string
		if len(p.Include) > 0 {
			parts = append(parts, shortEntries(p.Include))
		}
		if len(p.Exclude) > 0 {
			parts = append(parts, "except "+shortEntries(p.Exclude))
		}
		s += "; products: " + strings.Join(parts, " ")
	}
	if m.Content != "" {
		s += "; " + m.Content + " content"
	}
	return s
}

// shortEntries lists product entries briefly: list names without their
// prefix, codes dotted, at most three and a count.
func shortEntries(entries []string) string {
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, fmt.Sprintf("+%d more", len(entries)-3))
			break
		}
		if name, ok := strings.CutPrefix(e, scenarios.ListPrefix); ok {
			names = append(names, name)
		} else {
			names = append(names, numfmt.HSCode(e))
		}
	}
	return strings.Join(names, ", ")
}

// chapterOnly says why flows into Canada have no products (the product
// view says the same).
const chapterOnly = "Flows into Canada are by HS chapter: there is no product-level Canadian import data."

// setError shows msg under a field, or hides the label when msg is "".
func setError(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// newContentFields makes what the measure applies to (the content kind)
// and the CUSMA exempt share, which only a measure exempting CUSMA-claimed
// goods may have.
func (e *scopeEditor) newContentFields() {
	f := e.f
	labels := make([]string, len(contentChoices))
	for i, c := range contentChoices {
		labels[i] = c.label
	}
	e.kind = widget.NewSelect(labels, func(label string) {
		if e.loading {
			return
		}
		kind := ""
		for _, c := range contentChoices {
			if c.label == label {
				kind = c.kind
			}
		}
		f.change("", "content change", func(m *scenarios.Measure) error { m.Content = kind; return nil })
	})
	e.share = f.scenarioField("100")
	e.share.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := present.ParsePercent(s, 1)
		return err
	}
	e.share.OnChanged = func(s string) {
		var x *float64
		if strings.TrimSpace(s) != "" {
			v, err := present.ParsePercent(s, 1)
			if err != nil {
				return
			}
			x = &v
		}
		f.change("exempt-share", "CUSMA exempt share change", func(m *scenarios.Measure) error {
			if x != nil && !m.CUSMAExempt {
				return errors.New("the CUSMA exempt share applies only to a measure that exempts CUSMA-claimed goods")
			}
			m.CUSMAExemptShare = x
			return nil
		})
	}
	shareHelp := widget.NewLabel("% of a CUSMA-claimed good's value that is exempt (empty: 100%; 40% for vehicles that pay on their non-US content).")
	shareHelp.Wrapping = fyne.TextWrapWord
	shareHelp.SizeName = theme.SizeNameCaptionText
	e.shareBox = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("CUSMA exempt share"), widget.NewLabel("%"), e.share), shareHelp)
}
