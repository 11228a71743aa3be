package exposureview

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/numfmt"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// ShortcutProducts opens the product search (Ctrl+F is the evidence search).
var ShortcutProducts = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// chapterOnly says why flows into Canada have no products.
const chapterOnly = present.ChapterOnly

// allSectors is the sector choice of the products dialog that shows every
// sector.
const allSectors = "All sectors"

// maxFound bounds the lines a product search lists.
const maxFound = 5000

// Products lists trade lines of the scenario shown, evaluated on its
// date: a sector's products, or the lines a search finds, with tariff and
// duty, and for the selected line the measures that hit it and why.
type Products struct {
	p       *Panel
	content fyne.CanvasObject
	dlg     *dialog.CustomDialog

	dir       scenarios.Direction
	sector    string // code; "" for every sector
	query     *kit.Field
	sectorSel *widget.Select
	dirSel    *widget.RadioGroup
	info      *widget.Label
	table     *kit.SortTable
	detail    *widget.Label

	// The evaluation the rows come from: the draft it was made for, the
	// copy of it evaluated, its model and its lines with duty by direction
	// and line index (productsIndex); indexing is the draft whose lines are
	// being indexed off the UI goroutine, nil when none is.
	draft    *scenarios.Scenario
	sc       *scenarios.Scenario
	model    *scenarios.Model
	indexing *scenarios.Scenario
	indexer  *kit.Latest[productsIndex, productsIndex]
	asOf     scenarios.Date
	byLine   [2]map[int]scenarios.LineFlow

	rows     []scenarios.LineFlow
	selected int // model line index of the selected row, or -1
	syncing  bool

	// lastOpen is how long the last refresh took, for tests and logs.
	lastOpen time.Duration
}

// Columns of the products table (Products.Table).
const (
	ColCode = iota
	ColDesc
	ColSector
	ColValue
	ColCUSMA
	ColTariff
	ColDuty
)

// ShowProducts opens the products dialog on direction dir, sector code
// ("": every sector) and search query, or shows them in the products
// dialog on top; nil when no scenario is open.
func (p *Panel) ShowProducts(dir scenarios.Direction, sector, query string) *Products {
	if p.sess.Draft() == nil {
		p.nav.SetStatus("Open a scenario to see its products")
		return nil
	}
	if v, ok := p.nav.TopDialog().(*ProductsDialog); ok {
		v.v.Open(dir, sector, query)
		return v.v
	}
	v := newProductsView(p, dir, sector)
	v.dlg = dialog.NewCustom("Products", "Close", v.content, p.win)
	p.nav.Track(&ProductsDialog{v.dlg, v}, nil)
	v.query.OnEscape = v.dlg.Hide
	size := p.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(size.Width-40, 1240), min(size.Height-40, 760)))
	v.Open(dir, sector, query)
	p.win.Canvas().Focus(v.query)
	return v
}

// FindProducts opens the product search on the exposure's direction.
func (p *Panel) FindProducts() { p.ShowProducts(p.dir, "", "") }

// ProductsDialog is the dialog that shows the products (so that the
// window's dialog stack can find it).
type ProductsDialog struct {
	*dialog.CustomDialog
	v *Products
}

// Products returns the products the dialog shows.
func (d *ProductsDialog) Products() *Products { return d.v }

func newProductsView(p *Panel, dir scenarios.Direction, sector string) *Products {
	v := &Products{p: p, dir: dir, sector: sector, selected: -1}
	v.indexer = kit.NewLatest(p.post, buildProductsIndex, v.indexed)
	v.query = kit.NewField(p.win, "HS code or words, e.g. 4407.11 or maple syrup")
	v.query.OnChanged = func(string) {
		if !v.syncing {
			v.refresh()
		}
	}
	opts := []string{allSectors}
	for _, s := range p.sess.Sectors() {
		opts = append(opts, present.SectorLabel(p.sess.Sectors(), s.Code))
	}
	v.sectorSel = widget.NewSelect(opts, func(label string) {
		if v.syncing {
			return
		}
		v.sector = ""
		for _, s := range p.sess.Sectors() {
			if present.SectorLabel(p.sess.Sectors(), s.Code) == label {
				v.sector = s.Code
			}
		}
		v.refresh()
	})
	v.dirSel = widget.NewRadioGroup([]string{present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, func(s string) {
		if v.syncing {
			return
		}
		v.dir = scenarios.CAtoUS
		if s == present.DirLabel(scenarios.UStoCA) {
			v.dir = scenarios.UStoCA
		}
		v.refresh()
	})
	v.dirSel.Horizontal = true
	v.dirSel.Required = true
	v.info = widget.NewLabel("")
	v.info.Wrapping = fyne.TextWrapWord
	v.table = kit.NewSortTable(v.columns(), 0, func() int { return len(v.rows) })
	v.table.SortCol, v.table.Desc = ColDuty, true
	v.table.Bold = func(r int) bool { return r < len(v.rows) && v.rows[r].Index == v.selected }
	v.table.OnSelect = func(r int) {
		if r < len(v.rows) {
			v.selectLine(v.rows[r].Index)
		}
	}
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.detail.Selectable = true
	export := widget.NewButtonWithIcon("Export chart…", theme.DocumentSaveIcon(), func() {
		p.nav.ExportChart(charts.Products, v.dir, v.sector)
	})
	export.Importance = widget.LowImportance
	search := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, v.query)
	sectorBox := container.NewGridWrap(fyne.NewSize(240, v.sectorSel.MinSize().Height), v.sectorSel)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(sectorBox, v.dirSel, export), search)
	split := container.NewVSplit(v.table.Table, container.NewVScroll(v.detail))
	split.Offset = 0.52
	v.content = container.NewBorder(container.NewVBox(bar, v.info), nil, nil, nil, split)
	return v
}

// columns are the products table's columns over v.rows.
func (v *Products) columns() []kit.Column {
	right := fyne.TextAlignTrailing
	row := func(r int) *scenarios.LineFlow { return &v.rows[r] }
	return []kit.Column{
		ColCode:   {Title: "Code", Width: 120, Text: func(r int) string { return numfmt.HSCode(row(r).Code) }},
		ColDesc:   {Title: "Description", Width: 380, Text: func(r int) string { return present.LineDescription(row(r)) }},
		ColSector: {Title: "Sector", Width: 130, Text: func(r int) string { return present.SectorLabel(v.p.sess.Sectors(), row(r).Sector) }},
		ColValue: {Title: "Value (US$)", Width: 96, Align: right, Text: func(r int) string { return usd(row(r).Baseline) },
			Key: func(r int) float64 { return row(r).Baseline }},
		ColCUSMA: {Title: "CUSMA", Width: 70, Align: right, Text: func(r int) string { return present.FigurePct(row(r).CUSMAShare) },
			Key: func(r int) float64 { return row(r).CUSMAShare }},
		ColTariff: {Title: "Tariff", Width: 70, Align: right, Text: func(r int) string { return present.FigurePct(row(r).Tariff) },
			Key: func(r int) float64 { return row(r).Tariff }},
		ColDuty: {Title: "Duty (US$)", Width: 124, Align: right, Text: func(r int) string {
			l := row(r)
			if l.UpperBound && l.Duty != 0 {
				return numfmt.UpperMark + usd(l.Duty)
			}
			return usd(l.Duty)
		}, Key: func(r int) float64 { return row(r).Duty }},
	}
}

// usd formats an amount without the currency, e.g. "12.3 M", for columns
// whose title names it.
func usd(v float64) string {
	s := present.Money(v)
	s = strings.Replace(s, "US$ ", "", 1)
	return s
}

// Open lists the lines of direction dir, sector ("": every sector) and
// search query.
func (v *Products) Open(dir scenarios.Direction, sector, query string) {
	v.syncing = true
	v.dir, v.sector = dir, sector
	v.dirSel.SetSelected(present.DirLabel(dir))
	if sector == "" {
		v.sectorSel.SetSelected(allSectors)
	} else {
		v.sectorSel.SetSelected(present.SectorLabel(v.p.sess.Sectors(), sector))
	}
	v.query.SetText(query)
	v.syncing = false
	v.refresh()
}

// flow returns line i of dir with its result: the evaluated flow of a line
// with duty, else its value and CUSMA share with no tariff.
func (v *Products) flow(i int) scenarios.LineFlow {
	if l, ok := v.byLine[v.dir.Index()][i]; ok {
		return l
	}
	m := v.model
	ln := m.Line(v.dir, i)
	return scenarios.LineFlow{Direction: v.dir, Index: i, Code: ln.Code, Sector: ln.Sector, Description: ln.Description,
		Province: ln.Province, Baseline: ln.Value, ValueAfter: ln.Value, CUSMAShare: lineShare(m, v.dir, ln)}
}

// lineShare returns c(l) of a line (docs/SPEC.md section 2): the sector's
// override, else the line's own claim share where it has one, else the
// sector's share.
func lineShare(m *scenarios.Model, d scenarios.Direction, l scenarios.Line) float64 {
	si, ok := m.SectorIndex(l.Sector)
	if !ok {
		return 0
	}
	di := d.Index()
	c := m.CUSMAShare[di][si]
	if l.HasClaim && !m.CUSMAFixed[di][si] {
		c = l.Claim
	}
	if m.CUSMAShift != 0 && d == scenarios.CAtoUS {
		c = min(1, max(0, c+m.CUSMAShift))
	}
	return c
}

// refresh lists the lines of the direction, sector and query, largest duty
// first, and shows the first one's measures.
func (v *Products) refresh() {
	start := v.p.sess.Time()
	if !v.evaluate() {
		return
	}
	m := v.model
	q := strings.TrimSpace(v.query.Text)
	var idx []int
	switch {
	case q != "":
		for _, i := range m.FindLines(v.dir, q, 0) {
			if v.sector == "" || m.Line(v.dir, i).Sector == v.sector {
				idx = append(idx, i)
			}
		}
	case v.sector != "":
		idx = m.SectorLines(v.dir, v.sector)
	default:
		for i := range v.byLine[v.dir.Index()] {
			idx = append(idx, i)
		}
		slices.Sort(idx)
	}
	more := 0
	if len(idx) > maxFound {
		more = len(idx) - maxFound
	}
	v.rows = v.rows[:0]
	for _, i := range idx {
		v.rows = append(v.rows, v.flow(i))
	}
	// The most duty first, then the largest value: the table's sorts are
	// stable, so lines of equal duty stay largest first.
	slices.SortStableFunc(v.rows, func(a, b scenarios.LineFlow) int {
		if a.Duty != b.Duty {
			return cmpDesc(a.Duty, b.Duty)
		}
		return cmpDesc(a.Baseline, b.Baseline)
	})
	if more > 0 {
		v.rows = v.rows[:maxFound]
	}
	v.table.Refresh()
	v.info.SetText(v.describe(q, len(idx), more))
	if len(v.rows) == 0 {
		v.selected = -1
		v.detail.SetText("")
	} else if !slices.ContainsFunc(v.rows, func(l scenarios.LineFlow) bool { return l.Index == v.selected }) {
		v.selectLine(v.rows[v.table.Row(0)].Index)
	} else {
		v.selectLine(v.selected)
	}
	v.lastOpen = v.p.sess.Time().Sub(start)
	v.p.log.Debug("products listed", "lines", len(v.rows), "took", v.lastOpen)
}

// rate returns " (7.2%)", duty's share of value, or "" without value.
func rate(duty, value float64) string {
	if value <= 0 {
		return ""
	}
	return " (" + pct(duty/value) + ")"
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// describe says what the table lists.
func (v *Products) describe(q string, n, more int) string {
	where := present.DirLabel(v.dir)
	if v.sector != "" {
		where = present.SectorLabel(v.p.sess.Sectors(), v.sector) + ", " + where
	}
	var duty, value float64
	withDuty := 0
	for _, l := range v.rows {
		duty += l.Duty
		value += l.Baseline
		if l.Duty != 0 {
			withDuty++
		}
	}
	var s string
	what := "line"
	if !v.model.ProductLevel(v.dir) {
		what = "HS chapter"
	}
	switch {
	case q != "" && n == 0:
		s = fmt.Sprintf("No %s of %s matches “%s”.", what, where, q)
	case q != "":
		s = fmt.Sprintf("%s match “%s” (%s): %s with duty, %s on %s of trade%s.", present.Plural(n, what), q, where, present.Plural(withDuty, "line"), present.Money(duty), present.Money(value), rate(duty, value))
	case v.sector != "":
		s = fmt.Sprintf("%s: %s, %s with duty at stake, %s on %s of trade%s.", where, present.Plural(n, what), present.Plural(withDuty, "line"), present.Money(duty), present.Money(value), rate(duty, value))
	default:
		s = fmt.Sprintf("%s: %s with duty at stake, %s. Type a code or words to find any line.", where, present.Plural(n, what), present.Money(duty))
	}
	if more > 0 {
		s += fmt.Sprintf(" The %d with the most duty are listed; narrow the search for the other %d.", maxFound, more)
	}
	s += " As of " + v.asOf.String() + "."
	if !v.model.ProductLevel(v.dir) {
		s = chapterOnly + " HS chapters are listed instead.\n" + s
	}
	return s
}

// selectLine shows the measures that hit line i.
func (v *Products) selectLine(i int) {
	v.selected = i
	v.detail.SetText(v.ExplainLine(i))
	v.table.Table.Refresh()
}

// ExplainLine says how line i of the direction is computed: its figures,
// the measures that hit it and why, and those in force that do not.
func (v *Products) ExplainLine(i int) string {
	m, sc := v.model, v.sc
	lf, contribs := m.ExplainLine(sc, v.dir, i, v.asOf)
	ln := m.Line(v.dir, i)
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	head := numfmt.HSCode(lf.Code) + " " + present.LineDescription(&lf)
	if len(lf.Code) <= 2 {
		head = present.LineDescription(&lf)
	}
	line("%s", head)
	line("%s, %s, as of %s", present.SectorLabel(v.p.sess.Sectors(), lf.Sector), present.DirLabel(v.dir), v.asOf)
	duty := present.Money(lf.Duty)
	if lf.UpperBound {
		duty = numfmt.UpperMark + duty + " (upper bound)"
	}
	line("Value %s (%d) · CUSMA claim share %s%s · tariff %s · duty at stake %s · trade effect %s",
		present.Money(lf.Baseline), sc.Assumptions.BaselineYear, pct(lf.CUSMAShare), v.shareSource(ln), pct(lf.Tariff), duty, present.Money(lf.TradeChange))
	if lf.Banned != 0 {
		line("Banned: %s of its trade (%s) is stopped by an import ban and owes no duty", present.Money(lf.Banned), pct(lf.Ban))
	}
	line("")
	if len(contribs) == 0 {
		line("No measure in force hits this line.")
	} else {
		line("Measures that hit this line:")
	}
	hit := map[string]bool{}
	for _, c := range contribs {
		hit[c.Measure.ID] = true
		switch {
		case c.Measure.IsBan() && c.Banned != 0:
			line("• %s: import ban on %s of the line, trade banned %s", present.MeasureName(c.Measure), pct(c.Cover.Coverage()), present.Money(c.Banned))
		case c.Measure.IsBan():
			line("• %s: import ban on %s of the line (another ban covers as much or more; bans do not add)", present.MeasureName(c.Measure), pct(c.Cover.Coverage()))
		default:
			line("• %s: rate %s, adds %s to the line's tariff", present.MeasureName(c.Measure), present.Percent(c.Measure.Rate), pct(c.Added))
		}
		for _, why := range v.why(c, lf.Sector) {
			line("    %s", why)
		}
	}
	if others := v.notOnLine(ln, hit); len(others) > 0 {
		line("")
		line("In force but not on this line:")
		for _, o := range others {
			line("%s", o)
		}
	}
	if !m.ProductLevel(v.dir) {
		line("")
		line("%s A measure's product list applies to a chapter line only as an upper bound.", chapterOnly)
	}
	return strings.TrimSpace(b.String())
}

// pct formats a computed share as a percentage, without the noise of
// floating point (1 − 0.8 is 0.19999999999999996: "20%", not "20.0%").
func pct(v float64) string { return present.Percent(math.Round(v*1e12) / 1e12) }

// notOnLine says, for each measure of the direction in force that hit does
// not name, why it does not add to line l.
func (v *Products) notOnLine(l scenarios.Line, hit map[string]bool) []string {
	sc := v.sc
	var others []string
	for k := range sc.Measures {
		me := &sc.Measures[k]
		if me.Direction() != v.dir || !sc.Active(me, v.asOf) || hit[me.ID] {
			continue
		}
		others = append(others, fmt.Sprintf("• %s: %s", present.MeasureName(me), v.whyNot(me, l)))
	}
	return others
}

// shareSource says where a line's CUSMA share comes from.
func (v *Products) shareSource(l scenarios.Line) string {
	if v.dir == scenarios.UStoCA {
		if _, ok := v.sc.Assumptions.Overrides.CUSMAShare[l.Sector]; ok {
			return " (your assumption)"
		}
		return " (no claim data into Canada)"
	}
	if _, ok := v.sc.Assumptions.Overrides.CUSMAShare[l.Sector]; ok {
		return " (your assumption for the sector)"
	}
	if l.HasClaim {
		return " (the line's own)"
	}
	return " (the sector's)"
}

// why explains one measure's contribution to a line: scope, content,
// precedence, CUSMA relief and upper bound.
func (v *Products) why(c scenarios.Contribution, sector string) []string {
	cv := c.Cover
	var out []string
	if scope := v.scope(c); len(scope) > 0 {
		out = append(out, "Scope: "+strings.Join(scope, "; ")+".")
	}
	if c.Measure.Content != "" {
		if cv.ContentMissing {
			out = append(out, fmt.Sprintf("Content: applies to the %s content; no share for this line in the BEA table, taken as 100%% (upper bound).", c.Measure.Content))
		} else {
			out = append(out, fmt.Sprintf("Content: applies to the %s content, %s of the line's value (BEA input coefficients, clipped to [0, 1]).", c.Measure.Content, pct(cv.Content)))
		}
	}
	if c.YieldTo != "" {
		to := c.YieldTo
		if o := v.sc.Measure(c.YieldTo); o != nil {
			to = present.MeasureName(o)
		}
		out = append(out, fmt.Sprintf("Precedence: yields to %s (%s), which covers %s of the line: × (1 − %s).",
			strings.Join(c.Measure.YieldsTo, ", "), to, pct(c.Yield), pct(c.Yield)))
	} else if len(c.Measure.YieldsTo) > 0 {
		out = append(out, "Precedence: yields to "+strings.Join(c.Measure.YieldsTo, ", ")+", which does not cover this line.")
	}
	if c.Measure.CUSMAExempt {
		ex := ""
		if c.Exempt != 1 {
			ex = fmt.Sprintf(" × exempt share %s", pct(c.Exempt))
		}
		out = append(out, fmt.Sprintf("CUSMA relief: claimed share %s%s exempt, so %s of the line is dutiable.", pct(c.CUSMAShare), ex, pct(c.Dutiable)))
	}
	if cv.Partial {
		e := cv.Included
		if cv.Excluded != "" {
			e = cv.Excluded
		}
		out = append(out, fmt.Sprintf("≤ Upper bound: %s is more detailed than this line's code, so the whole line is counted.", v.entryName(e)))
	}
	if cv.Flagged {
		note := "the measure's note flags its coverage of this sector as an upper bound"
		if c.Measure.Note != "" {
			note += ": " + present.Shorten(c.Measure.Note, 160)
		}
		out = append(out, "≤ Upper bound: "+note+".")
	}
	return out
}

// scope says how a measure's scope covers a line: its sector coverage and
// the product entries the line is in.
func (v *Products) scope(c scenarios.Contribution) []string {
	cv := c.Cover
	scope := []string{}
	if cv.Sector != 1 {
		scope = append(scope, "sector coverage "+pct(cv.Sector))
	}
	if cv.Included != "" {
		in := "in "
		if cv.Partial && cv.Excluded == "" {
			in = "partly in "
		}
		scope = append(scope, in+v.entryName(cv.Included))
	} else if c.Measure.Products.IsEmpty() || len(c.Measure.Products.Include) == 0 {
		scope = append(scope, "covers every product of the sector")
	}
	if cv.Excluded != "" {
		scope = append(scope, "partly in the excluded "+v.entryName(cv.Excluded))
	}
	return scope
}

// whyNot says why a measure in force does not add to a line.
func (v *Products) whyNot(me *scenarios.Measure, l scenarios.Line) string {
	if me.Coverage(l.Sector) == 0 {
		if _, named := me.Sectors[l.Sector]; named {
			return "sets " + present.SectorLabel(v.p.sess.Sectors(), l.Sector) + " to 0%"
		}
		return "does not cover " + present.SectorLabel(v.p.sess.Sectors(), l.Sector)
	}
	if p := me.Products; p != nil {
		if len(p.Include) > 0 {
			if e, _ := v.matchEntry(l.Code, p.Include); e == "" {
				names := make([]string, 0, len(p.Include))
				for _, e := range p.Include {
					names = append(names, v.shortEntry(e))
				}
				return "the line is not in its products (" + present.Shorten(strings.Join(names, ", "), 140) + ")"
			}
		}
		if e, fully := v.matchEntry(l.Code, p.Exclude); e != "" && fully {
			return "excluded: the line is in " + v.entryName(e)
		}
	}
	if me.Content != "" {
		return "the line has no " + me.Content + " content"
	}
	if me.Rate == 0 {
		return "rate 0%"
	}
	return "adds nothing to this line"
}

// matchEntry returns the first entry that code is in (fully) or, failing
// that, partly in, and whether the match is full.
func (v *Products) matchEntry(code string, entries []string) (string, bool) {
	partly := ""
	lists := v.model.Lists()
	for _, e := range entries {
		codes := []string{e}
		if name, ok := strings.CutPrefix(e, scenarios.ListPrefix); ok {
			codes = nil
			if l := lists[name]; l != nil {
				codes = l.Codes
			}
		}
		for _, c := range codes {
			switch {
			case strings.HasPrefix(code, c):
				return e, true
			case partly == "" && len(c) > len(code) && strings.HasPrefix(c, code):
				partly = e
			}
		}
	}
	return partly, false
}

// entryName names a product entry with, for a list, its title and source.
func (v *Products) entryName(e string) string {
	name, ok := strings.CutPrefix(e, scenarios.ListPrefix)
	if !ok {
		return "the measure's code " + numfmt.HSCode(e)
	}
	l := v.model.Lists()[name]
	if l == nil {
		return "list " + name + " (unknown list)"
	}
	s := "list " + name
	if l.Title != "" {
		s += " “" + l.Title + "”"
	}
	s += fmt.Sprintf(" (%d codes", len(l.Codes))
	if l.Source != "" {
		s += "; source: " + l.Source
	}
	return s + ")"
}

// shortEntry names a product entry briefly: "list:NAME" or a dotted code.
func (v *Products) shortEntry(e string) string {
	if strings.HasPrefix(e, scenarios.ListPrefix) {
		return e
	}
	return numfmt.HSCode(e)
}

// productsButton returns the button of the "how this row is computed"
// dialog d that opens the products of flow f.
func (p *Panel) productsButton(f scenarios.Flow, d dialog.Dialog) fyne.CanvasObject {
	return widget.NewButtonWithIcon("Products…", theme.ListIcon(), func() {
		d.Hide()
		p.ShowProducts(f.Direction, f.Sector, "")
	})
}
