package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/scenarios"
)

// upperBoundNote explains the "≤" mark.
const upperBoundNote = "≤ upper bound: a measure covers only part of the sector and no source gives the share, so its coverage is taken as 100%."

// specialNote says why sector SPECIAL has no duty in built-in scenarios.
const specialNote = "Special entries (HS 98–99: returned US goods, low-value shipments) are mostly duty-free whatever the tariff; built-in scenarios give them coverage 0."

// exposurePanel shows the exposure of the scenario being edited: totals for
// both directions, the chart and the sector table of one direction, and the
// data sources.
type exposurePanel struct {
	u       *UI
	content fyne.CanvasObject

	dir       scenarios.Direction
	dirSwitch *widget.RadioGroup
	totals    [2][4]*widget.Label
	chart     *chartView
	table     *sortTable
	notes     *widget.Label
	sources   *widget.Label

	res   scenarios.Result
	flows []scenarios.Flow // of dir, in sector order
	total scenarios.Totals

	// layout is the Scenarios view, which the panel fills when enlarged.
	layout  scenariosLayout
	split   *container.Split
	enlarge *widget.Button

	// lastRedraw is the time from the last edit to its redrawn chart.
	lastRedraw time.Duration
	redraws    int
	drawn      chan time.Duration // for tests: receives each latency
}

func newExposurePanel(u *UI) *exposurePanel {
	p := &exposurePanel{u: u, dir: scenarios.CAtoUS}
	p.chart = newChartView(u.log)
	p.chart.onDrawn = p.onDrawn
	p.dirSwitch = widget.NewRadioGroup([]string{dirLabel(scenarios.CAtoUS), dirLabel(scenarios.UStoCA)}, func(s string) {
		d := scenarios.CAtoUS
		if s == dirLabel(scenarios.UStoCA) {
			d = scenarios.UStoCA
		}
		if d != p.dir {
			p.dir = d
			p.show(p.res, time.Now())
		}
	})
	p.dirSwitch.Horizontal = true
	p.dirSwitch.Required = true
	p.dirSwitch.SetSelected(dirLabel(scenarios.CAtoUS))
	grid := container.New(&columnsLayout{totalsWidths}, boldLabel("Totals"), boldLabel("Duty at stake"),
		boldLabel("Rate"), boldLabel("Trade effect (low–high)"))
	rows := container.NewVBox(grid)
	for i := range p.totals {
		for j := range p.totals[i] {
			l := widget.NewLabel("")
			if j == 3 {
				l.Truncation = fyne.TextTruncateEllipsis
			}
			p.totals[i][j] = l
		}
		rows.Add(container.New(&columnsLayout{totalsWidths}, p.totals[i][0], p.totals[i][1], p.totals[i][2], p.totals[i][3]))
	}
	p.table = newSortTable(p.columns(), 1, func() int { return len(p.flows) })
	p.table.bold = func(r int) bool { return r == 0 }
	p.table.onSelect = p.explain
	p.table.sortCol, p.table.desc = 3, true

	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SizeName = theme.SizeNameCaptionText
	p.sources = widget.NewLabel("")
	p.sources.Wrapping = fyne.TextWrapWord
	p.sources.TextStyle = fyne.TextStyle{Italic: true}

	p.sources.SizeName = theme.SizeNameCaptionText
	p.enlarge = widget.NewButtonWithIcon("Enlarge", theme.ViewFullScreenIcon(), p.toggleEnlarge)
	p.enlarge.Importance = widget.LowImportance
	export := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() {
		u.showExportDialog(exportPreset{kind: charts.Exposure, ids: []string{u.current}, dir: p.dir})
	})
	export.Importance = widget.LowImportance
	head := container.NewVBox(
		container.NewBorder(nil, nil,
			container.NewHBox(widget.NewLabelWithStyle("Exposure", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.dirSwitch),
			container.NewHBox(export, p.enlarge)),
		rows,
	)
	split := container.NewVSplit(p.chart.raster, p.table.table)
	split.Offset = 0.6
	p.split = split
	foot := container.NewVScroll(container.NewVBox(p.notes, p.sources))
	foot.SetMinSize(fyne.NewSize(100, 64))
	p.content = container.NewBorder(head, foot, nil, nil, split)
	return p
}

// columns are the sector table's columns; row 0 holds the direction's totals.
func (p *exposurePanel) columns() []column {
	flow := func(r int) scenarios.Flow {
		if r == 0 {
			t := p.total
			return scenarios.Flow{Baseline: t.Baseline, Tariff: t.EffectiveRate, Duty: t.Duty, TradeChange: t.TradeChange,
				TradeChangeLow: t.TradeChangeLow, TradeChangeHigh: t.TradeChangeHigh}
		}
		return p.flows[r-1]
	}
	right := fyne.TextAlignTrailing
	return []column{
		{title: "Sector (US$ M)", width: 170, text: func(r int) string {
			if r == 0 {
				return "All sectors"
			}
			return p.u.sectorLabel(p.flows[r-1].Sector)
		}},
		{title: "Baseline", width: 110, align: right, text: func(r int) string { return millions(flow(r).Baseline) },
			key: func(r int) float64 { return flow(r).Baseline }},
		{title: "Tariff", width: 70, align: right, text: func(r int) string { return percent(flow(r).Tariff) },
			key: func(r int) float64 { return flow(r).Tariff }},
		{title: "Duty at stake", width: 140, align: right, text: func(r int) string {
			f := flow(r)
			s := millions(f.Duty)
			if f.UpperBound || (r == 0 && p.anyUpper()) {
				s = "≤ " + s
			}
			return s
		}, key: func(r int) float64 { return flow(r).Duty }},
		{title: "Trade effect", width: 130, align: right, text: func(r int) string { return millions(flow(r).TradeChange) },
			key: func(r int) float64 { return flow(r).TradeChange }},
		{title: "Trade effect low – high", width: 200, align: right, text: func(r int) string {
			f := flow(r)
			return millions(f.TradeChangeLow) + " to " + millions(f.TradeChangeHigh)
		}, key: func(r int) float64 { return flow(r).TradeChangeHigh }},
	}
}

func (p *exposurePanel) anyUpper() bool {
	for _, f := range p.flows {
		if f.UpperBound && f.Duty != 0 {
			return true
		}
	}
	return false
}

// show displays res; edited is when the change behind it was made.
func (p *exposurePanel) show(res scenarios.Result, edited time.Time) {
	p.res = res
	p.flows = res.DirectionFlows(p.dir)
	p.total = res.Totals[p.dir.Index()]
	for _, d := range scenarios.Directions {
		t := res.Totals[d.Index()]
		cells := p.totals[d.Index()]
		st := fyne.TextStyle{Bold: d == p.dir}
		for i, text := range []string{dirLabel(d), money(t.Duty), percent(t.EffectiveRate),
			fmt.Sprintf("%s (%s to %s) US$ bn", billions(t.TradeChange), billions(t.TradeChangeLow), billions(t.TradeChangeHigh))} {
			setLabel(cells[i], text, fyne.TextAlignLeading, st, widget.MediumImportance)
		}
	}
	p.table.refresh()
	var notes []string
	if p.anyUpper() {
		notes = append(notes, upperBoundNote)
	}
	notes = append(notes, specialNote, "Select a row to see how its figures are computed.")
	if text := strings.Join(notes, "\n"); text != p.notes.Text {
		p.notes.SetText(text)
	}
	if text := strings.Join(p.u.sourceLines(), "\n"); text != p.sources.Text {
		p.sources.SetText(text)
	}

	title := "Duty at stake by sector, " + p.dir.Label()
	name := ""
	if p.u.draft != nil {
		name = p.u.draft.Name
	}
	// The panel shows the totals and notes beside the chart: keep it compact.
	meta := charts.Meta{Title: title, Subtitle: fmt.Sprintf("%s · as of %s", name, res.AsOf), Compact: true}
	dir, sectors := p.dir, p.u.sectors
	p.chart.set(func(size charts.Size) *charts.Chart {
		return charts.NewExposure(res, dir, sectors, rowsFor(size.H), meta)
	}, edited, p.u.win.Canvas().Scale())
}

// clear shows nothing (no scenario is open).
func (p *exposurePanel) clear() {
	p.res, p.flows, p.total = scenarios.Result{}, nil, scenarios.Totals{}
	for _, row := range p.totals {
		for _, l := range row {
			l.SetText("")
		}
	}
	p.table.refresh()
	p.sources.SetText("")
	p.chart.set(nil, time.Time{}, 0)
}

// totalsWidths are the widths of the totals grid's columns.
var totalsWidths = []float32{110, 104, 66, 0}

// totalsLine summarises one direction's totals.
func totalsLine(d scenarios.Direction, t scenarios.Totals) string {
	return fmt.Sprintf("%s: duty at stake %s on %s of trade (%s); trade effect %s (low–high %s to %s US$ bn)",
		dirLabel(d), money(t.Duty), money(t.Baseline), percent(t.EffectiveRate),
		money(t.TradeChange), billions(t.TradeChangeLow), billions(t.TradeChangeHigh))
}

// onDrawn records the time from an edit to its redrawn chart.
func (p *exposurePanel) onDrawn(latency time.Duration) {
	if latency <= 0 {
		return
	}
	p.lastRedraw = latency
	p.redraws++
	p.u.log.Debug("exposure chart redrawn", "since_edit", latency)
	if p.drawn != nil {
		select {
		case p.drawn <- latency:
		default:
		}
	}
}

// scenariosLayout is the Scenarios view: the list and an inner split of
// the scenario and its exposure, in a host that can show the exposure alone.
type scenariosLayout struct {
	host  *fyne.Container
	scen  *container.Split
	inner *container.Split
}

// toggleEnlarge gives the whole view to the exposure panel, or puts the
// scenario list and measures back beside it.
func (p *exposurePanel) toggleEnlarge() {
	l := p.layout
	if l.host == nil {
		return
	}
	if p.enlarge.Text == "Enlarge" {
		l.inner.Trailing = widget.NewLabel("")
		l.inner.Refresh()
		l.host.Objects = []fyne.CanvasObject{p.content}
		p.split.SetOffset(0.75)
		p.enlarge.SetText("Show measures")
		p.enlarge.SetIcon(theme.ViewRestoreIcon())
	} else {
		l.host.Objects = []fyne.CanvasObject{l.scen}
		l.inner.Trailing = p.content
		l.inner.Refresh()
		p.split.SetOffset(0.6)
		p.enlarge.SetText("Enlarge")
		p.enlarge.SetIcon(theme.ViewFullScreenIcon())
	}
	l.host.Refresh()
}

// stop ends the chart's worker.
func (p *exposurePanel) stop() { p.chart.stop() }

// explain shows how the figures of a table row are computed.
func (p *exposurePanel) explain(r int) {
	if r == 0 || r > len(p.flows) || p.u.draft == nil {
		return
	}
	f := p.flows[r-1]
	p.u.showFlow(f)
}

// sectorLabel returns a sector's short label.
func (u *UI) sectorLabel(code string) string {
	for _, s := range u.sectors {
		if s.Code == code {
			return s.Label()
		}
	}
	if code == scenarios.Wildcard {
		return "All other sectors"
	}
	return code
}
