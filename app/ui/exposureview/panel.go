package exposureview

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
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
)

// upperBoundNote explains the "≤" mark.
const upperBoundNote = "≤ upper bound: a measure covers only part of the sector and no source gives the share, so its coverage is taken as 100%."

// specialNote says why sector SPECIAL has no duty in built-in scenarios.
const specialNote = "Special entries (HS 98–99: returned US goods, low-value shipments) are mostly duty-free whatever the tariff; built-in scenarios give them coverage 0."

// Panel shows the exposure of the scenario being edited: totals for both
// directions, the chart and the sector table of one direction, and the data
// sources. It also opens the dialogs of the exposure: how a row is
// computed, the products and the exposure by province.
type Panel struct {
	win  fyne.Window
	sess *session.Session
	nav  Navigator
	log  *slog.Logger
	post func(func())

	content fyne.CanvasObject

	dir       scenarios.Direction
	dirSwitch *widget.RadioGroup
	totals    [2][4]*widget.Label
	chart     *kit.ChartView
	table     *kit.SortTable
	notes     *widget.Label
	sources   *widget.Label

	// when evaluates on another day and shows P10–P90 ranges (exposure_when.go).
	when *evalDay
	// cost says what it costs Canada and what US importers pay (exposure_cost.go).
	cost *exposureCost

	res   scenarios.Result
	flows []scenarios.Flow // of dir, in sector order; without the empty ones unless allRows
	total scenarios.Totals
	// allRows shows the sectors with nothing to show (no duty, no trade
	// effect) in the chart and the table; hidden counts those left out.
	allRows  bool
	allCheck *widget.Check
	hidden   int

	// layout is the Scenarios view, which the panel fills when enlarged.
	layout  Layout
	split   *container.Split
	enlarge *widget.Button

	// lastRedraw is the time from the last edit to its redrawn chart.
	lastRedraw time.Duration
	redraws    int
	drawn      chan time.Duration // receives each latency (NotifyDrawn)
}

// New returns the exposure panel of the session's scenario in win; post
// runs a function on the UI goroutine.
func New(win fyne.Window, sess *session.Session, nav Navigator, log *slog.Logger, post func(func())) *Panel {
	return newExposurePanel(win, sess, nav, log, post)
}

func newExposurePanel(win fyne.Window, sess *session.Session, nav Navigator, log *slog.Logger, post func(func())) *Panel {
	p := &Panel{win: win, sess: sess, nav: nav, log: log, post: post, dir: scenarios.CAtoUS}
	p.chart = kit.NewChartView(log, post)
	p.chart.OnDrawn = p.onDrawn
	p.dirSwitch = widget.NewRadioGroup([]string{present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, func(s string) {
		d := scenarios.CAtoUS
		if s == present.DirLabel(scenarios.UStoCA) {
			d = scenarios.UStoCA
		}
		if d != p.dir {
			p.dir = d
			p.Show(p.res, p.sess.Time())
		}
	})
	p.dirSwitch.Required = true
	p.dirSwitch.SetSelected(present.DirLabel(scenarios.CAtoUS))
	// The totals of both directions, one row each, whose first column is
	// the direction switch: it chooses the chart and table below.
	effect := kit.BoldLabel("Trade effect (low–high)")
	effect.Truncation = fyne.TextTruncateEllipsis
	grid := container.New(&kit.ColumnsLayout{Widths: totalsWidths[1:]}, kit.BoldLabel("Duty at stake"), kit.BoldLabel("Rate"), effect)
	values := container.NewVBox(grid)
	for i := range p.totals {
		for j := range p.totals[i] {
			l := widget.NewLabel("")
			if j == 3 {
				l.Truncation = fyne.TextTruncateEllipsis
			}
			p.totals[i][j] = l
		}
		values.Add(container.New(&kit.ColumnsLayout{Widths: totalsWidths[1:]}, p.totals[i][1], p.totals[i][2], p.totals[i][3]))
	}
	rows := container.NewBorder(nil, nil, container.NewVBox(kit.BoldLabel("Totals"), p.dirSwitch), nil, values)
	p.when = newEvalDay(p)
	p.cost = newExposureCost()
	p.table = kit.NewSortTable(append(p.columns(), p.rangesColumn()), 1, func() int { return len(p.flows) })
	p.table.Bold = func(r int) bool { return r == 0 }
	p.table.OnSelect = p.explain
	p.table.SortCol, p.table.Desc = 3, true

	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SizeName = theme.SizeNameCaptionText
	p.sources = widget.NewLabel("")
	p.sources.Wrapping = fyne.TextWrapWord
	p.sources.TextStyle = fyne.TextStyle{Italic: true}

	p.sources.SizeName = theme.SizeNameCaptionText
	p.enlarge = widget.NewButtonWithIcon("Enlarge", theme.ViewFullScreenIcon(), p.toggleEnlarge)
	p.enlarge.Importance = widget.LowImportance
	p.allCheck = widget.NewCheck("Show sectors with no duty", func(on bool) {
		if on != p.allRows {
			p.allRows = on
			p.Show(p.res, p.sess.Time())
		}
	})
	export := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() {
		nav.ExportChart(charts.Exposure, p.dir, "")
	})
	export.Importance = widget.LowImportance
	products := widget.NewButtonWithIcon("Products…", theme.ListIcon(), p.FindProducts)
	products.Importance = widget.LowImportance
	// The title and its actions, then the totals with the direction
	// switch: the panel fits beside the measures from a 1024-unit window.
	head := container.NewVBox(
		container.NewBorder(nil, nil,
			widget.NewLabelWithStyle("Exposure", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewHBox(products, export, p.enlarge)),
		// Scrolls sideways in a narrow panel rather than widen it.
		container.NewHScroll(p.when.bar),
		rows,
		p.cost.label,
	)
	// The chart never shrinks to a strip: the table gives way (it scrolls).
	p.chart.Raster.SetMinSize(fyne.NewSize(kit.MinChartWidth, kit.MinChartHeight))
	split := container.NewVSplit(p.chart.Raster, p.table.Table)
	split.Offset = 0.6
	p.split = split
	foot := container.NewVScroll(container.NewVBox(p.allCheck, p.notes, p.sources))
	foot.SetMinSize(fyne.NewSize(100, 64))
	// The panel scrolls rather than overlap when its pane is smaller
	// than it needs (a small window, a narrow split).
	p.content = container.NewScroll(container.NewBorder(head, foot, nil, nil, split))
	return p
}

// columns are the sector table's columns; row 0 holds the direction's totals.
func (p *Panel) columns() []kit.Column {
	flow := func(r int) scenarios.Flow {
		if r == 0 {
			t := p.total
			return scenarios.Flow{Baseline: t.Baseline, Tariff: t.EffectiveRate, Duty: t.Duty, TradeChange: t.TradeChange,
				TradeChangeLow: t.TradeChangeLow, TradeChangeHigh: t.TradeChangeHigh, Banned: t.Banned}
		}
		return p.flows[r-1]
	}
	upper := func(r int) bool {
		if r == 0 {
			return p.total.UpperBound
		}
		return p.flows[r-1].UpperBound
	}
	right := fyne.TextAlignTrailing
	return []kit.Column{
		{Title: "Sector (US$ M)", Width: 170, Text: func(r int) string {
			if r == 0 {
				return "All sectors"
			}
			return present.SectorLabel(p.sess.Sectors(), p.flows[r-1].Sector)
		}},
		{Title: "Baseline", Width: 110, Align: right, Text: func(r int) string { return present.Millions(flow(r).Baseline) },
			Key: func(r int) float64 { return flow(r).Baseline }},
		{Title: "Tariff", Width: 70, Align: right, Text: func(r int) string { return present.FigurePct(flow(r).Tariff) },
			Key: func(r int) float64 { return flow(r).Tariff }},
		{Title: "Duty at stake", Width: 140, Align: right, Text: func(r int) string {
			s := present.Millions(flow(r).Duty)
			if upper(r) {
				s = numfmt.UpperMark + s
			}
			return s
		}, Key: func(r int) float64 { return flow(r).Duty }},
		{Title: "Trade effect", Width: 130, Align: right, Text: func(r int) string { return present.Millions(flow(r).TradeChange) },
			Key: func(r int) float64 { return flow(r).TradeChange }},
		{Title: "Trade effect low – high", Width: 200, Align: right, Text: func(r int) string {
			f := flow(r)
			return present.Millions(f.TradeChangeLow) + " to " + present.Millions(f.TradeChangeHigh)
		}, Key: func(r int) float64 { return flow(r).TradeChangeHigh }},
	}
}

func (p *Panel) anyUpper() bool {
	for _, f := range p.flows {
		if f.UpperBound && f.Duty != 0 {
			return true
		}
	}
	return false
}

// Show displays res; edited is when the change behind it was made.
func (p *Panel) Show(res scenarios.Result, edited time.Time) {
	p.res = res
	p.flows = res.DirectionFlows(p.dir)
	p.hidden = 0
	if !p.allRows {
		n := len(p.flows)
		p.flows = slices.DeleteFunc(p.flows, func(f scenarios.Flow) bool {
			return f.Duty == 0 && f.TradeChange == 0 && f.TradeChangeLow == 0 && f.TradeChangeHigh == 0
		})
		p.hidden = n - len(p.flows)
	}
	p.total = res.Totals[p.dir.Index()]
	p.showTotals(res)
	p.table.Refresh()
	p.showNotes()

	title := "Duty at stake by sector, " + p.dir.Label()
	name := ""
	if p.sess.Draft() != nil {
		name = p.sess.Draft().Name
	}
	// The panel shows the totals and notes beside the chart: keep it compact.
	meta := charts.Meta{Title: title, Subtitle: fmt.Sprintf("%s · as of %s", name, res.AsOf), Compact: true, AllSectors: p.allRows}
	dir, sectors, th, bands := p.dir, p.sess.Sectors(), p.nav.ChartTheme(), p.when.bandsFor(res)
	year := 0
	if p.sess.Draft() != nil {
		year = p.sess.Draft().Assumptions.BaselineYear
	}
	p.cost.show(res.Totals[scenarios.CAtoUS.Index()], bands, year)
	p.chart.SetDark(th == charts.Dark)
	p.chart.Set(func(size charts.Size) *charts.Chart {
		// The largest sectors, as many as are legible, at most the default.
		return charts.NewExposureBands(res, bands, dir, sectors, min(charts.DefaultTop, kit.RowsFor(size.H)), meta).WithTheme(th)
	}, edited, p.win.Canvas().Scale())
}

// showTotals writes the totals of both directions of res, the direction
// shown in bold.
func (p *Panel) showTotals(res scenarios.Result) {
	for _, d := range scenarios.Directions {
		t := res.Totals[d.Index()]
		cells := p.totals[d.Index()]
		st := fyne.TextStyle{Bold: d == p.dir}
		duty := present.Money(t.Duty)
		if t.UpperBound {
			duty = numfmt.UpperMark + duty
		}
		trade := fmt.Sprintf("%s (%s to %s) US$ bn", present.Billions(t.TradeChange), present.Billions(t.TradeChangeLow), present.Billions(t.TradeChangeHigh))
		if t.Banned != 0 {
			// The trade import bans stop, as its own figure.
			trade += " · trade banned " + present.Money(t.Banned)
		}
		for i, text := range []string{present.DirLabel(d), duty, present.FigurePct(t.EffectiveRate), trade} {
			kit.SetLabel(cells[i], text, fyne.TextAlignLeading, st, widget.MediumImportance)
		}
	}
}

// showNotes writes the notes under the table and the data sources.
func (p *Panel) showNotes() {
	var notes []string
	if p.anyUpper() || p.total.UpperBound {
		notes = append(notes, upperBoundNote)
	}
	switch {
	case p.hidden == 1:
		notes = append(notes, "1 sector with no duty at stake is not shown.")
	case p.hidden > 1:
		notes = append(notes, fmt.Sprintf("%d sectors with no duty at stake are not shown.", p.hidden))
	}
	if n := p.when.rangesNote(); n != "" {
		notes = append(notes, n)
	}
	notes = append(notes, specialNote, "Select a row to see how its figures are computed.")
	if text := strings.Join(notes, "\n"); text != p.notes.Text {
		p.notes.SetText(text)
	}
	if text := present.WindowText(strings.Join(p.nav.SourceLines(), "\n")); text != p.sources.Text {
		p.sources.SetText(text)
	}
}

// Clear shows nothing (no scenario is open).
func (p *Panel) Clear() {
	p.res, p.flows, p.total = scenarios.Result{}, nil, scenarios.Totals{}
	for _, row := range p.totals {
		for _, l := range row {
			l.SetText("")
		}
	}
	p.table.Refresh()
	p.sources.SetText("")
	p.cost.label.SetText("")
	p.chart.Set(nil, time.Time{}, 0)
}

// totalsWidths are the widths of the totals grid's columns.
var totalsWidths = []float32{104, 118, 62, 0}

// onDrawn records the time from an edit to its redrawn chart.
func (p *Panel) onDrawn(latency time.Duration) {
	if latency <= 0 {
		return
	}
	p.lastRedraw = latency
	p.redraws++
	p.log.Debug("exposure chart redrawn", "since_edit", latency)
	if p.drawn != nil {
		select {
		case p.drawn <- latency:
		default:
		}
	}
}

// Layout is the Scenarios view: the list and an inner split (Scen) of the
// scenario and its exposure (Inner), in a Host that can show the exposure
// alone.
type Layout struct {
	Host  *fyne.Container
	Scen  *container.Split
	Inner *container.Split
}

// SetLayout tells the panel the Scenarios view it fills when enlarged.
func (p *Panel) SetLayout(l Layout) { p.layout = l }

// Layout returns the Scenarios view set by SetLayout.
func (p *Panel) Layout() Layout { return p.layout }

// Content is the panel's content.
func (p *Panel) Content() fyne.CanvasObject { return p.content }

// SetDirection shows direction d in the chart and the table.
func (p *Panel) SetDirection(d scenarios.Direction) { p.dirSwitch.SetSelected(present.DirLabel(d)) }

// toggleEnlarge gives the whole view to the exposure panel, or puts the
// scenario list and measures back beside it.
func (p *Panel) toggleEnlarge() {
	l := p.layout
	if l.Host == nil {
		return
	}
	if p.enlarge.Text == "Enlarge" {
		l.Inner.Trailing = widget.NewLabel("")
		l.Inner.Refresh()
		l.Host.Objects = []fyne.CanvasObject{p.content}
		p.split.SetOffset(0.75)
		p.enlarge.SetText("Show measures")
		p.enlarge.SetIcon(theme.ViewRestoreIcon())
	} else {
		l.Host.Objects = []fyne.CanvasObject{l.Scen}
		l.Inner.Trailing = p.content
		l.Inner.Refresh()
		p.split.SetOffset(0.6)
		p.enlarge.SetText("Enlarge")
		p.enlarge.SetIcon(theme.ViewFullScreenIcon())
	}
	l.Host.Refresh()
}

// Stop ends the chart's worker.
func (p *Panel) Stop() { p.chart.Stop() }

// explain shows how the figures of a table row are computed.
func (p *Panel) explain(r int) {
	if r == 0 || r > len(p.flows) || p.sess.Draft() == nil {
		return
	}
	p.ShowFlow(p.flows[r-1])
}
