// Package positionview is the Position tab of Parley's window: a baseline
// and a proposal, what the proposal gets and gives Canada, who depends on
// whom, and how wide the ranges are.
package positionview

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

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

// positionDraws is the Monte Carlo run of the Position view's ranges, for
// each of the two scenarios, with a fixed seed.
const (
	positionDraws = 10000
	positionSeed  = 1
)

// Navigator is what the Position view asks of the rest of the window.
type Navigator interface {
	// ExportLeverage opens the chart export dialog on the leverage chart
	// of scenario id.
	ExportLeverage(id string)
	// ExportDeal saves the deal chart of ids (baseline, proposal),
	// evaluated on asOf (zero: each scenario's own date).
	ExportDeal(ids [2]string, asOf scenarios.Date)
	// ExportDeck saves the Position deck on ids, evaluated on asOf (zero:
	// each scenario's own date).
	ExportDeck(ids [2]string, asOf scenarios.Date)
	// Derive opens the dialog that derives a proposal from scenario
	// baseline; done receives the new scenario's id once it is created,
	// with the Position tab shown.
	Derive(baseline string, done func(id string))
	// ShowError tells the user that what failed, and why.
	ShowError(what string, err error)
	// ChartTheme is the colours the window's charts are drawn in.
	ChartTheme() charts.Theme
}

// The smallest size of a chart, in Fyne units: it stays legible in a
// short window. The deal chart writes a verdict of up to two lines beside
// each of its (at least four) rows: shorter, they would overlap.
const (
	minChartWidth      = 240
	minChartHeight     = 200
	minDealChartHeight = 260
)

// View is a negotiating position in one view: a baseline and a
// proposal, what the proposal gets and gives Canada by sector (the deal
// score), who depends on whom in each sector (leverage), and how sure the
// numbers are (P10–P90 ranges of duty at stake).
type View struct {
	win     fyne.Window
	sess    *session.Session
	nav     Navigator
	prefs   fyne.Preferences
	log     *slog.Logger
	content fyne.CanvasObject

	baseline, proposal *widget.Select
	asOf               *widget.Entry
	message            *widget.Label
	summary            *widget.Label
	sources            *widget.Label
	tabs               *container.AppTabs

	dealChart, levChart, rangeChart *kit.ChartView
	dealTable, levTable, rangeTable *kit.SortTable

	// What is shown: the two scenarios, their results, the deal, the
	// leverage with the baseline's duty, and the ranges of each.
	ids    [2]string
	names  [2]string
	models [2]*scenarios.Model
	scs    [2]*scenarios.Scenario
	res    [2]scenarios.Result
	deal   scenarios.Deal
	lev    []scenarios.SectorLeverage
	levAll scenarios.SectorLeverage
	levSrc []string
	srcs   []string

	mu      sync.Mutex
	bands   [2]*scenarios.MonteCarloResult
	runs    int // increases with each refresh; a run of an older one is dropped
	running bool
	// rangesShown is called when the ranges of a refresh are shown.
	rangesShown func()
	syncing     bool
	// ranger draws the ranges off the UI goroutine.
	ranger *kit.Latest[positionRanges, positionRanges]
	// evaluator evaluates the two scenarios off the UI goroutine, while
	// busy says so.
	evaluator *kit.Latest[positionEval, positionEval]
	busy      *busy
}

// New makes the Position view of win over sess. It remembers the
// baseline and proposal chosen in prefs; its charts and ranges are drawn
// on workers that post back through post (fyne.Do; tests give their own)
// and log to log.
func New(win fyne.Window, sess *session.Session, nav Navigator, prefs fyne.Preferences, log *slog.Logger, post func(func())) *View {
	v := &View{win: win, sess: sess, nav: nav, prefs: prefs, log: log}
	v.ranger = kit.NewLatest(post, drawPositionRanges, v.rangesDrawn)
	v.evaluator = kit.NewLatest(post, evaluatePosition, v.evaluated)
	v.busy = newBusy()
	v.dealChart, v.levChart, v.rangeChart = kit.NewChartView(log, post), kit.NewChartView(log, post), kit.NewChartView(log, post)
	v.content = v.layout()
	return v
}

// layout builds the view's widgets and returns its content.
func (v *View) layout() fyne.CanvasObject {
	changed := func(string) {
		if !v.syncing {
			v.Refresh()
		}
	}
	v.baseline = widget.NewSelect(nil, changed)
	v.baseline.PlaceHolder = "Baseline (A)"
	v.proposal = widget.NewSelect(nil, changed)
	v.proposal.PlaceHolder = "Proposal (B)"
	v.asOf = widget.NewEntry()
	v.asOf.SetPlaceHolder("each scenario's date")
	v.asOf.OnSubmitted = func(string) { v.Refresh() }
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.sources = widget.NewLabel("")
	v.sources.Wrapping = fyne.TextWrapWord
	v.sources.TextStyle = fyne.TextStyle{Italic: true}
	v.sources.SizeName = theme.SizeNameCaptionText

	for _, c := range []*kit.ChartView{v.dealChart, v.levChart, v.rangeChart} {
		c.Raster.SetMinSize(fyne.NewSize(minChartWidth, minChartHeight))
	}
	v.dealChart.Raster.SetMinSize(fyne.NewSize(minChartWidth, minDealChartHeight))
	v.dealTable = kit.NewSortTable(v.dealColumns(), 1, func() int { return len(v.deal.Rows) })
	v.dealTable.Bold = func(r int) bool { return r == 0 }
	v.dealTable.SortCol, v.dealTable.Desc = 1, true
	v.levTable = kit.NewSortTable(v.levColumns(), 1, func() int { return len(v.lev) })
	v.levTable.Bold = func(r int) bool { return r == 0 }
	v.levTable.SortCol, v.levTable.Desc = 1, true
	v.rangeTable = kit.NewSortTable(v.rangeColumns(), 1, func() int { return len(v.res[0].DirectionFlows(scenarios.CAtoUS)) })
	v.rangeTable.Bold = func(r int) bool { return r == 0 }
	v.rangeTable.SortCol, v.rangeTable.Desc = 2, true

	pane := func(c *kit.ChartView, t *kit.SortTable) fyne.CanvasObject {
		s := container.NewVSplit(c.Raster, t.Table)
		s.Offset = 0.58
		return s
	}
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Deal: gets and gives", pane(v.dealChart, v.dealTable)),
		container.NewTabItem("Leverage", pane(v.levChart, v.levTable)),
		container.NewTabItem("Ranges (P10–P90)", pane(v.rangeChart, v.rangeTable)),
	)

	exportDeal := widget.NewButtonWithIcon("Deal chart…", theme.DocumentSaveIcon(), v.exportDeal)
	exportLev := widget.NewButtonWithIcon("Leverage chart…", theme.DocumentSaveIcon(), func() {
		v.nav.ExportLeverage(v.ids[0])
	})
	exportDeck := widget.NewButtonWithIcon("Deck…", theme.DocumentSaveIcon(), v.exportDeck)
	derive := widget.NewButton("Derive a proposal from A…", v.derive)
	help := widget.NewLabel("Canada's side of the table: what the proposal gets (US duty relief on Canadian goods) and gives " +
		"(the fall in Canada's duties on US goods), who depends on whom, and how wide the range is.")
	help.Wrapping = fyne.TextWrapWord
	// The choices, the exports and the sources scroll in a short window; a
	// wrapped label takes the width of its scroll.
	left := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Negotiating position", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), help,
		kit.BoldLabel("Baseline (A)"), v.baseline,
		kit.BoldLabel("Proposal (B)"), v.proposal,
		kit.BoldLabel("Evaluate both on"), v.asOf,
		derive, v.message,
		widget.NewSeparator(), kit.BoldLabel("Export"), exportDeal, exportLev, exportDeck,
		widget.NewSeparator(), v.sources))
	// The verdicts head the charts, full width: they are what the view
	// answers; what is being computed shows above them, over the last
	// result. In a short window the pane scrolls, the verdicts on top.
	right := container.NewBorder(container.NewVBox(v.busy.box, v.summary, widget.NewSeparator()), nil, nil, nil, v.tabs)
	scroll := container.NewVScroll(right)
	v.busy.in = scroll
	split := container.NewHSplit(left, scroll)
	split.Offset = 0.24
	return split
}

// Content is the view's content, for the window's tab.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Choice returns the ids of the baseline and the proposal shown.
func (v *View) Choice() [2]string { return v.ids }

// Message is what the view says of the choice: missing, alike or not.
func (v *View) Message() string { return v.message.Text }

// Deal is the deal score of the proposal against the baseline shown.
func (v *View) Deal() scenarios.Deal { return v.deal }

// OnRangesShown sets f to be called, on the UI goroutine, each time the
// ranges of the newest refresh are shown.
func (v *View) OnRangesShown(f func()) { v.rangesShown = f }

// asOfChosen is the date both scenarios are evaluated on when the user
// typed one, else zero (each scenario on its own date); it is the date
// typed even while the view still shows the last result.
func (v *View) asOfChosen() scenarios.Date {
	if d, err := scenarios.ParseDate(strings.TrimSpace(v.asOf.Text)); err == nil {
		return d
	}
	return scenarios.Date{}
}

// chosen reports whether a baseline and a proposal are chosen; else it
// asks for them.
func (v *View) chosen() bool {
	if v.ids[0] == "" || v.ids[1] == "" {
		v.message.SetText("Choose a baseline and a proposal first.")
		return false
	}
	return true
}

// exportDeal saves the deal chart of the two scenarios shown.
func (v *View) exportDeal() {
	if v.chosen() {
		v.nav.ExportDeal(v.ids, v.asOfChosen())
	}
}

// exportDeck saves a deck on the two scenarios shown with the position
// slides.
func (v *View) exportDeck() {
	if v.chosen() {
		v.nav.ExportDeck(v.ids, v.asOfChosen())
	}
}

// derive derives a proposal from the baseline and shows it as B.
func (v *View) derive() {
	base := v.ids[0]
	v.nav.Derive(base, func(id string) {
		v.RefreshChoices()
		v.Choose(base, id)
	})
}

// RefreshChoices lists the workspace's scenarios, keeping the choice; the
// first time it picks today's regime and a deal.
func (v *View) RefreshChoices() {
	var names []string
	for _, s := range v.sess.Infos() {
		names = append(names, s.Name)
	}
	v.syncing = true
	defer func() { v.syncing = false }()
	v.baseline.Options, v.proposal.Options = names, names
	for i, sel := range []*widget.Select{v.baseline, v.proposal} {
		if _, ok := v.sess.Info(v.ids[i]); !ok {
			v.ids[i] = v.defaultChoice(i)
		}
		if s, ok := v.sess.Info(v.ids[i]); ok {
			sel.SetSelected(s.Name)
		} else {
			sel.ClearSelected()
		}
		sel.Refresh()
	}
}

// defaultChoice returns the scenario first shown as the baseline (i = 0:
// the one chosen last time, else "today", else the first) or the proposal (i = 1: "sectoral-deal", else
// another one; the last chosen first).
func (v *View) defaultChoice(i int) string {
	if id := v.rememberedChoice(i); id != "" {
		return id
	}
	want := []string{"today", "sectoral-deal"}[i]
	if _, ok := v.sess.Info(want); ok && want != v.ids[1-i] {
		return want
	}
	for _, s := range v.sess.Infos() {
		if s.ID != v.ids[1-i] {
			return s.ID
		}
	}
	return ""
}

// Choose sets the baseline and proposal, by id.
func (v *View) Choose(baseline, proposal string) {
	v.ids = [2]string{baseline, proposal}
	v.syncing = true
	for i, sel := range []*widget.Select{v.baseline, v.proposal} {
		if s, ok := v.sess.Info(v.ids[i]); ok {
			sel.SetSelected(s.Name)
		}
	}
	v.syncing = false
	v.Refresh()
}

// idOf returns the id of the scenario named name.
func (v *View) idOf(name string) string {
	for _, s := range v.sess.Infos() {
		if s.Name == name {
			return s.ID
		}
	}
	return ""
}

// Refresh evaluates the two scenarios on a worker, saying meanwhile what
// it computes over the last result, then shows the deal, the leverage and
// (when the worker has drawn them) the ranges.
func (v *View) Refresh() {
	v.ids = [2]string{v.idOf(v.baseline.Selected), v.idOf(v.proposal.Selected)}
	v.mu.Lock()
	v.runs++
	run := v.runs
	v.running = false
	v.mu.Unlock()
	if v.ids[0] == "" || v.ids[1] == "" {
		v.busy.done()
		v.message.SetText("Choose a baseline and a proposal.")
		v.clear()
		return
	}
	v.rememberChoice()
	var day scenarios.Date
	if s := strings.TrimSpace(v.asOf.Text); s != "" {
		d, err := scenarios.ParseDate(s)
		if err != nil {
			v.busy.done()
			v.message.SetText(present.Capitalize(err.Error()) + ".")
			return
		}
		day = d
	}
	v.busy.start(computingText(v.baseline.Selected, v.proposal.Selected, day))
	v.evaluator.Submit(positionEval{run: run, ids: v.ids, day: day, ws: v.sess.Workspace(), lev: v.lev, levSrc: v.levSrc})
}

// evaluated shows the deal and the leverage of the newest refresh and
// starts drawing its ranges; it runs on the UI goroutine.
func (v *View) evaluated(e positionEval) {
	v.mu.Lock()
	stale := e.run != v.runs
	v.mu.Unlock()
	if stale {
		return
	}
	if e.err != nil {
		v.busy.done()
		if e.failed != "" {
			v.nav.ShowError(e.failed, e.err)
		} else {
			v.message.SetText(present.Capitalize(e.err.Error()) + ".")
		}
		return
	}
	v.mu.Lock()
	v.bands = [2]*scenarios.MonteCarloResult{}
	v.mu.Unlock()
	v.scs, v.models, v.names, v.res, v.srcs = e.scs, e.models, e.names, e.res, e.srcs
	v.deal, v.lev, v.levSrc = e.deal, e.lev, e.levSrc
	v.levAll = scenarios.LeverageTotal(v.lev)
	msg := ""
	if v.ids[0] == v.ids[1] {
		msg = "The baseline and the proposal are the same scenario."
	}
	v.message.SetText(strings.TrimSpace(msg + " " + present.Likeness(v.log, "position",
		scenarios.Compared{Label: "A", AsOf: v.res[0].AsOf, Assumptions: v.scs[0].Assumptions},
		scenarios.Compared{Label: "B", AsOf: v.res[1].AsOf, Assumptions: v.scs[1].Assumptions})))
	v.busy.start(fmt.Sprintf("Drawing the ranges: %d Monte Carlo draws for each scenario…", positionDraws))
	v.startRanges()
	v.show()
}

// clear shows nothing.
func (v *View) clear() {
	v.deal = scenarios.Deal{}
	v.res = [2]scenarios.Result{}
	v.summary.SetText("")
	for _, c := range []*kit.ChartView{v.dealChart, v.levChart, v.rangeChart} {
		c.Set(nil, time.Time{}, 0)
	}
	for _, t := range []*kit.SortTable{v.dealTable, v.levTable, v.rangeTable} {
		t.Refresh()
	}
}

// show draws the charts and tables of what is computed.
func (v *View) show() {
	th := v.nav.ChartTheme()
	scale := v.win.Canvas().Scale()
	sectors := v.sess.Sectors()
	deal, lev, levAll := v.deal, slices.Clone(v.lev), v.levAll
	dealMeta := charts.Meta{Title: "What the proposal gets and gives Canada",
		Subtitle: fmt.Sprintf("A: %s (%s) → B: %s (%s)", v.names[0], v.res[0].AsOf, v.names[1], v.res[1].AsOf), Compact: true}
	if msg := v.message.Text; strings.HasPrefix(msg, "Not like with like") {
		dealMeta.Footnote = []string{msg}
	}
	levMeta := charts.Meta{Title: "Who depends on whom, 2024", Subtitle: fmt.Sprintf("Duty at stake each way under A: %s (%s)", v.names[0], v.res[0].AsOf),
		Compact: true, Footnote: []string{scenarios.LeverageNote}}
	for _, c := range []*kit.ChartView{v.dealChart, v.levChart, v.rangeChart} {
		c.SetDark(th == charts.Dark)
	}
	v.dealChart.Set(func(size charts.Size) *charts.Chart {
		return charts.NewDeal(deal, sectors, max(3, min(charts.DefaultTop, kit.RowsFor(size.H)/2)), dealMeta).WithTheme(th)
	}, time.Time{}, scale)
	v.levChart.Set(func(size charts.Size) *charts.Chart {
		return charts.NewLeverage(lev, levAll, sectors, max(3, min(charts.DefaultTop, kit.RowsFor(size.H)/2)), levMeta).WithTheme(th)
	}, time.Time{}, scale)
	v.showRanges()
	v.dealTable.Refresh()
	v.dealTable.FitColumns()
	v.levTable.Refresh()
	v.sources.SetText(strings.Join(append(slices.Clone(v.levSrc), v.srcs...), "\n"))
	v.summary.SetText(v.summaryText())
}

// showRanges draws the ranges chart and table (the baseline's exposure
// into the US with its P10–P90 ranges, once they are drawn).
func (v *View) showRanges() {
	th := v.nav.ChartTheme()
	v.mu.Lock()
	bands := v.bands[0]
	v.mu.Unlock()
	res, sectors := v.res[0], v.sess.Sectors()
	meta := charts.Meta{Title: "Duty at stake into the US, with P10–P90 ranges", Subtitle: fmt.Sprintf("A: %s (%s)", v.names[0], res.AsOf), Compact: true}
	v.rangeChart.Set(func(size charts.Size) *charts.Chart {
		return charts.NewExposureBands(res, bands, scenarios.CAtoUS, sectors, min(charts.DefaultTop, kit.RowsFor(size.H)), meta).WithTheme(th)
	}, time.Time{}, v.win.Canvas().Scale())
	v.rangeTable.Refresh()
	v.summary.SetText(v.summaryText())
}

// startRanges draws the ranges of both scenarios on a worker and shows
// them when they are done.
func (v *View) startRanges() {
	v.mu.Lock()
	run := v.runs
	v.running = true
	v.mu.Unlock()
	v.ranger.Submit(positionRanges{run: run, ws: v.sess.Workspace(), models: v.models,
		scs: [2]scenarios.Scenario{v.scs[0].Clone(), v.scs[1].Clone()}, asOf: [2]scenarios.Date{v.res[0].AsOf, v.res[1].AsOf}})
}

// positionRanges is the two scenarios of a refresh to draw the ranges of;
// out and err are what the worker drew.
type positionRanges struct {
	run    int
	ws     *storage.Workspace
	models [2]*scenarios.Model
	scs    [2]scenarios.Scenario
	asOf   [2]scenarios.Date
	out    [2]*scenarios.MonteCarloResult
	err    error
}

// drawPositionRanges draws the ranges of both scenarios; it runs on the
// worker.
func drawPositionRanges(_ context.Context, r positionRanges) positionRanges {
	for i := range 2 {
		b, _, err := r.ws.MonteCarlo(r.models[i], &r.scs[i], r.asOf[i], positionDraws, positionSeed)
		if err != nil {
			r.err = err
			break
		}
		r.out[i] = &b
	}
	return r
}

// rangesDrawn shows the ranges of the newest refresh; it runs on the UI
// goroutine.
func (v *View) rangesDrawn(r positionRanges) {
	v.mu.Lock()
	stale := r.run != v.runs
	if !stale {
		v.bands, v.running = r.out, false
	}
	v.mu.Unlock()
	if stale {
		return
	}
	v.busy.done()
	if r.err != nil {
		v.nav.ShowError("compute the ranges", r.err)
	}
	v.showRanges()
	if v.rangesShown != nil {
		v.rangesShown()
	}
}

// summaryText puts the three answers side by side: what the proposal gets
// and gives, where the leverage is, and how wide the ranges are.
func (v *View) summaryText() string {
	if len(v.deal.Rows) == 0 {
		return ""
	}
	var b strings.Builder
	t := v.deal.Totals
	fmt.Fprintf(&b, "Deal: in total Canada %s.\n", numfmt.Verdict(t.Verdict()))
	us, ca := t.Sides[0], t.Sides[1]
	fmt.Fprintf(&b, "Trade effect into the US %s to %s US$ bn; into Canada %s to %s US$ bn (A to B).\n",
		present.BoundText(us.TradeBoundA(), us.TradeA, present.Billions(us.TradeA)), present.BoundText(us.TradeBoundB(), us.TradeB, present.Billions(us.TradeB)),
		present.BoundText(ca.TradeBoundA(), ca.TradeA, present.Billions(ca.TradeA)), present.BoundText(ca.TradeBoundB(), ca.TradeB, present.Billions(ca.TradeB)))
	top := scenarios.ByUSDependence(v.lev)
	var most []string
	for _, r := range top[:min(3, len(top))] {
		if r.HasUS {
			most = append(most, fmt.Sprintf("%s (%s)", present.SectorLabel(v.sess.Sectors(), r.Sector), present.FigurePct(r.USDependence)))
		}
	}
	if len(most) > 0 && v.levAll.HasUS && v.levAll.HasCA {
		fmt.Fprintf(&b, "Leverage: the US depends on Canada most for %s; for all goods %s. Canada sends %s of its exports to the US.\n",
			strings.Join(most, ", "), present.FigurePct(v.levAll.USDependence), present.FigurePct(v.levAll.CADependence))
	}
	v.mu.Lock()
	bands := v.bands
	running := v.running
	v.mu.Unlock()
	switch {
	case bands[0] != nil && bands[1] != nil:
		a, p := bands[0].Totals[0].Duty, bands[1].Totals[0].Duty
		fmt.Fprintf(&b, "Ranges, duty into the US (P10–P90, %d draws): A %s to %s US$ bn; B %s to %s US$ bn.",
			bands[0].Draws, present.Billions(a.P10), present.Billions(a.P90), present.Billions(p.P10), present.Billions(p.P90))
	case running:
		b.WriteString("Ranges: drawing…")
	}
	return strings.TrimSpace(b.String())
}

// dealColumns are the deal table's columns; row 0 holds the totals.
func (v *View) dealColumns() []kit.Column {
	row := func(r int) scenarios.DealRow {
		if r == 0 {
			return v.deal.Totals
		}
		return v.deal.Rows[r-1]
	}
	right := fyne.TextAlignTrailing
	cell := func(r, i int) string {
		get, give, us, ca := present.DealCells(row(r), present.Millions)
		return [...]string{get, give, us, ca}[i]
	}
	return []kit.Column{
		{Title: "Sector (US$ M)", Width: 170, Text: func(r int) string {
			if r == 0 {
				return "All sectors"
			}
			return present.SectorLabel(v.sess.Sectors(), row(r).Sector)
		}},
		{Title: "Gets", Width: 110, Align: right, Text: func(r int) string { return cell(r, 0) },
			Key: func(r int) float64 { return row(r).Get }},
		{Title: "Gives", Width: 110, Align: right, Text: func(r int) string { return cell(r, 1) },
			Key: func(r int) float64 { return row(r).Give }},
		{Title: "Trade into US, A to B", Width: 170, Align: right, Text: func(r int) string { return cell(r, 2) },
			Key: func(r int) float64 { return row(r).Sides[0].TradeChange() }},
		{Title: "Trade into Canada, A to B", Width: 180, Align: right, Text: func(r int) string { return cell(r, 3) },
			Key: func(r int) float64 { return row(r).Sides[1].TradeChange() }},
		{Title: "Verdict", Width: 420, Text: func(r int) string { return present.Capitalize(numfmt.Verdict(row(r).Verdict())) }},
	}
}

// levColumns are the leverage table's columns; row 0 holds all goods.
func (v *View) levColumns() []kit.Column {
	row := func(r int) scenarios.SectorLeverage {
		if r == 0 {
			return v.levAll
		}
		return v.lev[r-1]
	}
	share := func(has bool, x float64) string {
		if !has {
			return "no data"
		}
		return present.FigurePct(x)
	}
	right := fyne.TextAlignTrailing
	return []kit.Column{
		{Title: "Sector", Width: 170, Text: func(r int) string {
			if r == 0 {
				return "All goods"
			}
			return present.SectorLabel(v.sess.Sectors(), row(r).Sector)
		}},
		{Title: "US needs Canada", Width: 130, Align: right, Text: func(r int) string { return share(row(r).HasUS, row(r).USDependence) },
			Key: func(r int) float64 { return row(r).USDependence }},
		{Title: "Canada needs the US", Width: 150, Align: right, Text: func(r int) string { return share(row(r).HasCA, row(r).CADependence) },
			Key: func(r int) float64 { return row(r).CADependence }},
		{Title: "Duty on Canadian goods (A, US$ M)", Width: 230, Align: right, Text: func(r int) string {
			return present.UpperText(row(r).UpperBoundCAtoUS, present.Millions(row(r).DutyCAtoUS))
		}, Key: func(r int) float64 { return row(r).DutyCAtoUS }},
		{Title: "Duty on US goods (A, US$ M)", Width: 200, Align: right, Text: func(r int) string {
			return present.UpperText(row(r).UpperBoundUStoCA, present.Millions(row(r).DutyUStoCA))
		}, Key: func(r int) float64 { return row(r).DutyUStoCA }},
	}
}

// rangeColumns are the ranges table's columns: duty into the US under A
// and B with their P10–P90; row 0 holds the totals.
func (v *View) rangeColumns() []kit.Column {
	flow := func(i, r int) (scenarios.Flow, scenarios.Percentiles, bool) {
		v.mu.Lock()
		b := v.bands[i]
		v.mu.Unlock()
		var f scenarios.Flow
		if r == 0 {
			t := v.res[i].Totals[0]
			f = scenarios.Flow{Duty: t.Duty, UpperBound: t.UpperBound}
			if b != nil {
				return f, b.Totals[0].Duty, true
			}
			return f, scenarios.Percentiles{}, false
		}
		flows := v.res[i].DirectionFlows(scenarios.CAtoUS)
		if r-1 >= len(flows) {
			return f, scenarios.Percentiles{}, false
		}
		f = flows[r-1]
		if b == nil {
			return f, scenarios.Percentiles{}, false
		}
		fb, ok := b.Flow(scenarios.CAtoUS, f.Sector)
		return f, fb.Duty, ok
	}
	right := fyne.TextAlignTrailing
	cols := []kit.Column{{Title: "Sector (US$ M)", Width: 170, Text: func(r int) string {
		if r == 0 {
			return "All sectors"
		}
		f, _, _ := flow(0, r)
		return present.SectorLabel(v.sess.Sectors(), f.Sector)
	}}}
	for i, name := range []string{"A", "B"} {
		cols = append(cols,
			kit.Column{Title: name + ": duty", Width: 110, Align: right, Text: func(r int) string {
				f, _, _ := flow(i, r)
				s := present.Millions(f.Duty)
				if f.UpperBound {
					s = numfmt.UpperMark + s
				}
				return s
			}, Key: func(r int) float64 { f, _, _ := flow(i, r); return f.Duty }},
			kit.Column{Title: name + ": P10 – P90", Width: 190, Align: right, Text: func(r int) string {
				if _, b, ok := flow(i, r); ok {
					return present.Millions(b.P10) + " – " + present.Millions(b.P90)
				}
				return ""
			}, Key: func(r int) float64 { _, b, _ := flow(i, r); return b.P90 - b.P10 }})
	}
	return cols
}

// Stop ends the charts' workers and the evaluation's.
func (v *View) Stop() {
	v.evaluator.Stop()
	v.ranger.Stop()
	for _, c := range []*kit.ChartView{v.dealChart, v.levChart, v.rangeChart} {
		c.Stop()
	}
}
