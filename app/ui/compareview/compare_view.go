// Package compareview is the Compare tab of Parley's window: two to four
// scenarios side by side, their totals in both directions and, in one
// direction, duty at stake by sector as a chart and a table.
package compareview

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/numfmt"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/app/ui/session"
	"parley/scenarios"
	"parley/storage"
)

// Navigator is what the Compare view asks of the rest of the window.
type Navigator interface {
	// ExportCompare opens the chart export dialog on the comparison of
	// the scenarios ids (in order) in direction dir.
	ExportCompare(ids []string, dir scenarios.Direction)
	// ShowError tells the user that what failed, and why.
	ShowError(what string, err error)
	// ChartTheme is the colours the window's charts are drawn in.
	ChartTheme() charts.Theme
}

// View compares two to four scenarios: both directions' totals
// with their trade effects and differences from the first scenario, then,
// in one direction, duty at stake by sector as grouped bars or as the
// differences from the first, and a table of both.
type View struct {
	win     fyne.Window
	sess    *session.Session
	nav     Navigator
	log     *slog.Logger
	content fyne.CanvasObject

	choices    *widget.CheckGroup
	ids        []string // chosen scenario ids, in the order chosen
	dir        scenarios.Direction
	deltas     bool // the chart shows the differences from the first scenario
	mode       *widget.RadioGroup
	message    *widget.Label
	chart      *kit.ChartView
	tableBox   *fyne.Container
	table      *kit.SortTable
	summaryBox *fyne.Container
	summary    *kit.SortTable
	sources    *widget.Label
	key        *widget.Label
	results    []scenarios.Result
	evals      []*storage.Evaluation // what results were computed from
	syncing    bool
}

// chooseTwo asks for more scenarios.
const chooseTwo = "Choose at least two scenarios."

// Chart modes of the Compare view.
const (
	modeDuty  = "Duty by sector"
	modeDelta = "Difference from A"
)

// The smallest size of the chart, in Fyne units: it stays legible in a
// short window.
const (
	minChartWidth  = 240
	minChartHeight = 200
)

// New makes the Compare view of win over sess; its chart is drawn on a
// worker that posts the image back through post (fyne.Do; tests give
// their own) and logs to log.
func New(win fyne.Window, sess *session.Session, nav Navigator, log *slog.Logger, post func(func())) *View {
	v := &View{win: win, sess: sess, nav: nav, log: log, dir: scenarios.CAtoUS}
	v.chart = kit.NewChartView(log, post)
	v.content = v.layout()
	return v
}

// layout builds the view's widgets and returns its content.
func (v *View) layout() fyne.CanvasObject {
	v.choices = widget.NewCheckGroup(nil, v.chosen)
	dir := widget.NewRadioGroup([]string{present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, func(s string) {
		d := scenarios.CAtoUS
		if s == present.DirLabel(scenarios.UStoCA) {
			d = scenarios.UStoCA
		}
		if d != v.dir {
			v.dir = d
			v.Refresh()
		}
	})
	dir.Required = true
	dir.Horizontal = true
	dir.SetSelected(present.DirLabel(scenarios.CAtoUS))
	v.mode = widget.NewRadioGroup([]string{modeDuty, modeDelta}, func(s string) {
		if d := s == modeDelta; d != v.deltas {
			v.deltas = d
			v.Refresh()
		}
	})
	v.mode.Required = true
	v.mode.Horizontal = true
	v.mode.SetSelected(modeDuty)
	v.summaryBox = container.NewStack()
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.sources = widget.NewLabel("")
	v.sources.Wrapping = fyne.TextWrapWord
	v.sources.TextStyle = fyne.TextStyle{Italic: true}
	v.tableBox = container.NewStack()
	v.key = widget.NewLabel("")
	v.key.Wrapping = fyne.TextWrapWord
	v.sources.SizeName = theme.SizeNameCaptionText

	help := widget.NewLabel("Choose two to four scenarios. The first one chosen (A) is the reference for the differences.")
	help.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Compare", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), help,
			widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() { v.nav.ExportCompare(slices.Clone(v.ids), v.dir) }),
			widget.NewSeparator()),
		// Long names scroll sideways in the list rather than widen the pane.
		v.message, nil, nil, container.NewScroll(v.choices))
	v.chart.Raster.SetMinSize(fyne.NewSize(minChartWidth, minChartHeight))
	// The chart and the table share the room below the totals, one at a
	// time: each is legible in a short window.
	sectorTabs := container.NewAppTabs(
		container.NewTabItem("Chart", v.chart.Raster),
		container.NewTabItem("Table", container.NewBorder(v.key, nil, nil, nil, v.tableBox)),
	)
	bySector := container.NewBorder(container.NewHBox(v.mode, dir), nil, nil, nil, sectorTabs)
	// The totals of both directions are shown whole (the table holds all
	// its rows), the sectors below; in a short window the pane scrolls.
	right := container.NewBorder(v.summaryBox, nil, nil, nil, bySector)
	srcs := container.NewVScroll(v.sources)
	srcs.SetMinSize(fyne.NewSize(100, 48))
	split := container.NewHSplit(container.NewVScroll(left), container.NewScroll(container.NewBorder(nil, srcs, nil, nil, right)))
	split.Offset = 0.24
	return split
}

// Content is the view's content, for the window's tab.
func (v *View) Content() fyne.CanvasObject { return v.content }

// IDs returns the ids of the scenarios compared, in the order chosen.
func (v *View) IDs() []string { return slices.Clone(v.ids) }

// Shown reports whether the view shows a comparison.
func (v *View) Shown() bool { return len(v.results) > 0 }

// RefreshChoices lists the workspace's scenarios, keeping the choice.
func (v *View) RefreshChoices() {
	var names []string
	for _, s := range v.sess.Infos() {
		names = append(names, s.Name)
	}
	v.ids = slices.DeleteFunc(v.ids, func(id string) bool { _, ok := v.sess.Info(id); return !ok })
	if len(v.ids) == 0 && len(v.sess.Infos()) >= 2 {
		v.ids = []string{v.sess.Infos()[0].ID, v.sess.Infos()[1].ID}
		if v.sess.Current() != "" && v.sess.Current() != v.ids[0] {
			v.ids[1] = v.sess.Current()
		}
	}
	v.syncing = true
	v.choices.Options = names
	v.choices.SetSelected(v.names())
	v.choices.Refresh()
	v.syncing = false
}

// names returns the names of the chosen scenarios.
func (v *View) names() []string {
	var out []string
	for _, id := range v.ids {
		if s, ok := v.sess.Info(id); ok {
			out = append(out, s.Name)
		}
	}
	return out
}

// chosen follows the check group: new choices go last; at most four.
func (v *View) chosen(names []string) {
	if v.syncing {
		return
	}
	byName := map[string]string{}
	for _, s := range v.sess.Infos() {
		byName[s.Name] = s.ID
	}
	var ids []string
	for _, id := range v.ids { // keep the order of earlier choices
		if s, ok := v.sess.Info(id); ok && slices.Contains(names, s.Name) {
			ids = append(ids, id)
		}
	}
	for _, n := range names {
		if id := byName[n]; id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) > charts.MaxCompare {
		ids = ids[:charts.MaxCompare]
		v.ids = ids
		v.syncing = true
		v.choices.SetSelected(v.names())
		v.syncing = false
		v.message.SetText(fmt.Sprintf("At most %d scenarios: uncheck one to choose another.", charts.MaxCompare))
	} else {
		v.ids = ids
		v.message.SetText("")
	}
	v.Refresh()
}

// Choose sets the scenarios compared, by id.
func (v *View) Choose(ids ...string) {
	v.ids = ids
	v.syncing = true
	v.choices.SetSelected(v.names())
	v.syncing = false
	v.Refresh()
}

// Refresh computes the chosen scenarios and shows them.
func (v *View) Refresh() {
	v.results, v.evals = nil, nil
	if len(v.ids) < charts.MinCompare {
		// Nothing stale stays on screen: no chart, no tables.
		v.message.SetText(chooseTwo)
		v.chart.Set(nil, time.Time{}, 0)
		v.tableBox.RemoveAll()
		v.summaryBox.RemoveAll()
		v.table, v.summary = nil, nil
		v.key.SetText("")
		return
	}
	var names []string
	for _, id := range v.ids {
		e, err := v.sess.Workspace().Evaluate(id, storage.EvalOptions{Sources: true})
		if err != nil {
			v.nav.ShowError("compute the scenario", err)
			return
		}
		v.evals, v.results = append(v.evals, e), append(v.results, e.Result)
		names = append(names, e.Result.Scenario)
	}
	meta := charts.Meta{Title: "Duty at stake by sector, " + v.dir.Label(), Subtitle: strings.Join(names, " vs "), Compact: true}
	if v.deltas {
		meta.Title = "Difference in duty at stake from A, " + v.dir.Label()
	}
	if _, err := charts.NewCompare(v.results, v.dir, v.sess.Sectors(), 0, meta); err != nil {
		v.message.SetText(present.Capitalize(err.Error()))
		return
	}
	if v.message.Text == chooseTwo || strings.HasPrefix(v.message.Text, "Not like with like") {
		v.message.SetText("")
	}
	v.noteLikeness(&meta)
	v.drawChart(meta)
	v.buildSummary()
	v.buildTable()
	v.sources.SetText(present.WindowText(strings.Join(v.evals[0].Sources, "\n")))
}

// drawChart draws the chart of the results: duty at stake by sector, or
// its differences from A.
func (v *View) drawChart(meta charts.Meta) {
	results, dir, sectors, deltas, th := v.results, v.dir, v.sess.Sectors(), v.deltas, v.nav.ChartTheme()
	v.chart.SetDark(th == charts.Dark)
	v.chart.Set(func(size charts.Size) *charts.Chart {
		// Each sector takes one bar per scenario: fewer sectors fit.
		bars := len(results)
		if deltas {
			bars--
		}
		top := max(3, min(charts.DefaultTop, (size.H-150)/(12*bars+8)))
		var c *charts.Chart
		if deltas {
			c, _ = charts.NewCompareDelta(results, dir, sectors, top, meta)
		} else {
			c, _ = charts.NewCompare(results, dir, sectors, top, meta)
		}
		if c == nil {
			return nil
		}
		return c.WithTheme(th)
	}, time.Time{}, v.win.Canvas().Scale())
}

// noteLikeness says, in the message and the chart's footnote, when the
// scenarios compared are not like with like (another date or assumptions
// than A), from what each was evaluated with.
func (v *View) noteLikeness(meta *charts.Meta) {
	var sides []scenarios.Compared
	for i, e := range v.evals {
		sides = append(sides, e.Compared(letter(i)))
	}
	if note := present.LikenessAll(v.log, "compare", sides); note != "" {
		meta.Footnote = []string{note}
		if v.message.Text == "" {
			v.message.SetText(note)
		}
	}
}

// buildTable makes the differences table: duty per sector per scenario and
// each scenario's difference from the first.
func (v *View) buildTable() {
	flows := make([][]scenarios.Flow, len(v.results))
	for i, r := range v.results {
		flows[i] = r.DirectionFlows(v.dir)
	}
	n := len(v.sess.Sectors())
	rows := sectorRows{results: v.results, flows: flows, dir: v.dir}
	duty, upper, trade := rows.duty, rows.upper, rows.trade
	right := fyne.TextAlignTrailing
	cols := []kit.Column{{Title: "Sector", Width: 180, Text: func(r int) string {
		if r == 0 {
			return "All sectors"
		}
		return present.SectorLabel(v.sess.Sectors(), flows[0][r-1].Sector)
	}}}
	var key []string
	for s := range v.results {
		key = append(key, fmt.Sprintf("%s: %s", letter(s), v.results[s].Scenario))
		cols = append(cols, kit.Column{Title: letter(s) + ", duty (US$ M)", Width: 150, Align: right,
			Text: func(r int) string {
				t := present.Millions(duty(r, s))
				if upper(r, s) {
					t = numfmt.UpperMark + t
				}
				return t
			}, Key: func(r int) float64 { return duty(r, s) }})
	}
	for s := 1; s < len(v.results); s++ {
		cols = append(cols, kit.Column{Title: letter(s) + " − A (US$ M)", Width: 150, Align: right,
			Text: func(r int) string {
				return present.DeltaText(present.Millions(duty(r, s)-duty(r, 0)), duty(r, s)-duty(r, 0), upper(r, 0), upper(r, s))
			}, Key: func(r int) float64 { return duty(r, s) - duty(r, 0) }})
	}
	for s := range v.results {
		cols = append(cols, kit.Column{Title: letter(s) + ", trade effect (low – high)", Width: 240, Align: right,
			Text: func(r int) string {
				f := trade(r, s)
				return fmt.Sprintf("%s (%s to %s)", present.Millions(f.TradeChange), present.Millions(f.TradeChangeLow), present.Millions(f.TradeChangeHigh))
			}, Key: func(r int) float64 { return trade(r, s).TradeChange }})
	}
	t := kit.NewSortTable(cols, 1, func() int { return n })
	t.Bold = func(r int) bool { return r == 0 }
	t.SortCol, t.Desc = 1, true
	t.Refresh()
	figures := make([]int, 0, len(cols)-1)
	for i := 1; i < len(cols); i++ {
		figures = append(figures, i)
	}
	t.FitColumns(figures...) // no figure spills into the next column
	v.table = t
	v.key.SetText("By sector, " + present.DirLabel(v.dir) + ", US$ millions. " + strings.Join(key, " · ") +
		". Upper bounds: ≤ at most; a difference ≥ at least, ≈ either way.")
	v.tableBox.Objects = []fyne.CanvasObject{t.Table}
	v.tableBox.Refresh()
}

// sectorRows are the rows of the differences table: row 0 holds the
// totals, row r the sector of flows[s][r-1] of scenario s.
type sectorRows struct {
	results []scenarios.Result
	flows   [][]scenarios.Flow
	dir     scenarios.Direction
}

// duty is scenario s's duty at stake in row r.
func (t sectorRows) duty(row, s int) float64 {
	if row == 0 {
		return t.results[s].Totals[t.dir.Index()].Duty
	}
	return t.flows[s][row-1].Duty
}

// upper reports whether scenario s's duty in row r is an upper bound.
func (t sectorRows) upper(row, s int) bool {
	if row == 0 {
		return t.results[s].Totals[t.dir.Index()].UpperBound
	}
	return t.flows[s][row-1].UpperBound
}

// trade is scenario s's trade effect with its range in row r.
func (t sectorRows) trade(row, s int) scenarios.Flow {
	if row == 0 {
		tot := t.results[s].Totals[t.dir.Index()]
		return scenarios.Flow{TradeChange: tot.TradeChange, TradeChangeLow: tot.TradeChangeLow, TradeChangeHigh: tot.TradeChangeHigh}
	}
	return t.flows[s][row-1]
}

// signedBillions is a difference in billions with its sign.
func signedBillions(d float64) string { return deltaText(present.Billions(d), d, false, false) }

// deltaText writes a difference d (formatted as s) with its sign and its
// mark when the figures compared are upper bounds (charts.DeltaMark).
func deltaText(s string, d float64, aUpper, bUpper bool) string {
	if d > 0 && strings.Trim(s, "0.,") != "" {
		s = "+" + s
	}
	if m := charts.DeltaMark(aUpper, bUpper); m != "" && d != 0 {
		s = m + " " + s
	}
	return s
}

// buildSummary makes the table of totals at the top of the view: for each
// direction, each scenario then each difference from A, with the duty at
// stake, the effective rate and the trade effect with its range. The
// directions are stacked, not side by side, so that both fit the width of
// a 1024-unit window.
func (v *View) buildSummary() {
	rows := totalRows{res: v.results, n: len(v.results), per: 2*len(v.results) - 1}
	// Every row is fixed (the totals keep their order) and so shown whole.
	t := kit.NewSortTable(rows.columns(), len(scenarios.Directions)*rows.per, func() int { return 0 })
	t.Bold = func(r int) bool { return r%rows.per == 0 }
	t.Refresh()
	// Every figure whole; a long scenario name ends in "…" (the chart's
	// legend and the table's key give it whole).
	t.FitColumns(0, 2, 3, 4)
	v.summary = t
	v.summaryBox.Objects = []fyne.CanvasObject{t.Table}
	v.summaryBox.Refresh()
}

// totalRows are the rows of the table of totals: per rows for each
// direction, of which the first n are the scenarios and the others the
// differences from A.
type totalRows struct {
	res    []scenarios.Result
	n, per int
}

// scen is the scenario of row r.
func (t totalRows) scen(r int) int {
	if r%t.per < t.n {
		return r % t.per
	}
	return r%t.per - t.n + 1
}

// dir is the direction of row r.
func (t totalRows) dir(r int) scenarios.Direction { return scenarios.Directions[r/t.per] }

// diff reports whether row r is a difference from A.
func (t totalRows) diff(r int) bool { return r%t.per >= t.n }

// tot is the totals of row r's scenario, and ref those of A, in row r's
// direction.
func (t totalRows) tot(r int) scenarios.Totals { return t.res[t.scen(r)].Totals[t.dir(r).Index()] }
func (t totalRows) ref(r int) scenarios.Totals { return t.res[0].Totals[t.dir(r).Index()] }

// columns are the columns of the table of totals.
func (t totalRows) columns() []kit.Column {
	right := fyne.TextAlignTrailing
	return []kit.Column{
		{Title: "Direction", Width: 110, Text: func(r int) string {
			if r%t.per == 0 {
				return present.DirLabel(t.dir(r))
			}
			return ""
		}},
		{Title: "Scenario", Width: 150, Text: func(r int) string {
			if t.diff(r) {
				return letter(t.scen(r)) + " − A"
			}
			return letter(t.scen(r)) + ": " + t.res[t.scen(r)].Scenario
		}},
		{Title: "Duty at stake", Width: 140, Align: right, Text: func(r int) string {
			x, a := t.tot(r), t.ref(r)
			if !t.diff(r) {
				return present.UpperText(x.UpperBound, present.Money(x.Duty))
			}
			d := x.Duty - a.Duty
			return present.DeltaText(present.Money(d), d, a.UpperBound, x.UpperBound)
		}},
		{Title: "Rate", Width: 70, Align: right, Text: func(r int) string {
			x := t.tot(r)
			if !t.diff(r) {
				return present.FigurePct(x.EffectiveRate)
			}
			p := (x.EffectiveRate - t.ref(r).EffectiveRate) * 100
			return present.DeltaText(present.Signed(strconv.FormatFloat(p, 'f', 1, 64)), p, false, false) + " pt"
		}},
		{Title: "Trade effect (low – high), US$ bn", Width: 240, Align: right, Text: func(r int) string {
			x, a := t.tot(r), t.ref(r)
			if !t.diff(r) {
				return fmt.Sprintf("%s (%s to %s)", present.Billions(x.TradeChange), present.Billions(x.TradeChangeLow), present.Billions(x.TradeChangeHigh))
			}
			return fmt.Sprintf("%s (%s to %s)", present.SignedBillions(x.TradeChange-a.TradeChange),
				present.SignedBillions(x.TradeChangeLow-a.TradeChangeLow), present.SignedBillions(x.TradeChangeHigh-a.TradeChangeHigh))
		}},
	}
}

// Stop ends the chart's worker.
func (v *View) Stop() { v.chart.Stop() }

// letter names the i-th scenario compared: A, B, C, D.
func letter(i int) string { return string(rune('A' + i)) }
