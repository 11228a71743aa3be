package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/scenarios"
)

// compareView compares two to four scenarios: duty at stake by sector as
// grouped bars and a table of differences against the first scenario.
type compareView struct {
	u       *UI
	content fyne.CanvasObject

	choices  *widget.CheckGroup
	ids      []string // chosen scenario ids, in the order chosen
	dir      scenarios.Direction
	message  *widget.Label
	chart    *chartView
	tableBox *fyne.Container
	table    *sortTable
	sources  *widget.Label
	key      *widget.Label
	results  []scenarios.Result
	syncing  bool
}

func newCompareView(u *UI) *compareView {
	v := &compareView{u: u, dir: scenarios.CAtoUS}
	v.chart = newChartView(u.log)
	v.choices = widget.NewCheckGroup(nil, v.chosen)
	dir := widget.NewRadioGroup([]string{dirLabel(scenarios.CAtoUS), dirLabel(scenarios.UStoCA)}, func(s string) {
		d := scenarios.CAtoUS
		if s == dirLabel(scenarios.UStoCA) {
			d = scenarios.UStoCA
		}
		if d != v.dir {
			v.dir = d
			v.refresh()
		}
	})
	dir.Required = true
	dir.SetSelected(dirLabel(scenarios.CAtoUS))
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.sources = widget.NewLabel("")
	v.sources.Wrapping = fyne.TextWrapWord
	v.sources.TextStyle = fyne.TextStyle{Italic: true}
	v.tableBox = container.NewStack()
	v.key = widget.NewLabel("")
	v.key.Wrapping = fyne.TextWrapWord
	v.sources.SizeName = theme.SizeNameCaptionText

	help := widget.NewLabel("Choose two to four scenarios. The first one chosen is the reference for the differences.")
	help.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Compare", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), help,
			widget.NewLabel("Direction"), dir,
			widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() { u.showExportDialog(v.exportPreset()) }),
			widget.NewSeparator()),
		v.message, nil, nil, container.NewVScroll(v.choices))
	right := container.NewVSplit(v.chart.raster, container.NewBorder(v.key, nil, nil, nil, v.tableBox))
	right.Offset = 0.58
	srcs := container.NewVScroll(v.sources)
	srcs.SetMinSize(fyne.NewSize(100, 48))
	split := container.NewHSplit(left, container.NewBorder(nil, srcs, nil, nil, right))
	split.Offset = 0.22
	v.content = split
	return v
}

// refreshChoices lists the workspace's scenarios, keeping the choice.
func (v *compareView) refreshChoices() {
	var names []string
	for _, s := range v.u.infos {
		names = append(names, s.Name)
	}
	v.ids = slices.DeleteFunc(v.ids, func(id string) bool { _, ok := v.u.info(id); return !ok })
	if len(v.ids) == 0 && len(v.u.infos) >= 2 {
		v.ids = []string{v.u.infos[0].ID, v.u.infos[1].ID}
		if v.u.current != "" && v.u.current != v.ids[0] {
			v.ids[1] = v.u.current
		}
	}
	v.syncing = true
	v.choices.Options = names
	v.choices.SetSelected(v.names())
	v.choices.Refresh()
	v.syncing = false
}

// names returns the names of the chosen scenarios.
func (v *compareView) names() []string {
	var out []string
	for _, id := range v.ids {
		if s, ok := v.u.info(id); ok {
			out = append(out, s.Name)
		}
	}
	return out
}

// chosen follows the check group: new choices go last; at most four.
func (v *compareView) chosen(names []string) {
	if v.syncing {
		return
	}
	byName := map[string]string{}
	for _, s := range v.u.infos {
		byName[s.Name] = s.ID
	}
	var ids []string
	for _, id := range v.ids { // keep the order of earlier choices
		if s, ok := v.u.info(id); ok && slices.Contains(names, s.Name) {
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
	v.refresh()
}

// choose sets the scenarios compared; for tests and the menu.
func (v *compareView) choose(ids ...string) {
	v.ids = ids
	v.syncing = true
	v.choices.SetSelected(v.names())
	v.syncing = false
	v.refresh()
}

// refresh computes the chosen scenarios and shows them.
func (v *compareView) refresh() {
	u := v.u
	v.results = nil
	if len(v.ids) < charts.MinCompare {
		v.message.SetText("Choose at least two scenarios.")
		v.chart.set(nil, time.Time{}, 0)
		v.tableBox.RemoveAll()
		return
	}
	var names []string
	for _, id := range v.ids {
		res, err := u.ws.Compute(id, scenarios.Date{})
		if err != nil {
			u.showError("compute the scenario", err)
			return
		}
		v.results = append(v.results, res)
		names = append(names, res.Scenario)
	}
	meta := charts.Meta{Title: "Duty at stake by sector, " + v.dir.Label(), Subtitle: strings.Join(names, " vs "), Compact: true}
	results, dir, sectors := v.results, v.dir, u.sectors
	if _, err := charts.NewCompare(results, dir, sectors, 0, meta); err != nil {
		v.message.SetText(capitalize(err.Error()))
		return
	}
	v.chart.set(func(size charts.Size) *charts.Chart {
		// Each sector takes one bar per scenario: fewer sectors fit.
		top := max(3, min(26, (size.H-150)/(12*len(results)+8)))
		c, _ := charts.NewCompare(results, dir, sectors, top, meta)
		return c
	}, time.Time{}, u.win.Canvas().Scale())
	v.buildTable()
	if sc, err := u.ws.Scenario(v.ids[0]); err == nil {
		if lines, err := u.ws.SourceLines(sc.Assumptions); err == nil {
			v.sources.SetText(strings.Join(lines, "\n"))
		}
	}
}

// buildTable makes the differences table: duty per sector per scenario and
// each scenario's difference from the first.
func (v *compareView) buildTable() {
	flows := make([][]scenarios.Flow, len(v.results))
	for i, r := range v.results {
		flows[i] = r.DirectionFlows(v.dir)
	}
	n := len(v.u.sectors)
	duty := func(row, s int) float64 {
		if row == 0 {
			return v.results[s].Totals[v.dir.Index()].Duty
		}
		return flows[s][row-1].Duty
	}
	upper := func(row, s int) bool {
		if row == 0 {
			return slices.ContainsFunc(flows[s], func(f scenarios.Flow) bool { return f.UpperBound && f.Duty != 0 })
		}
		return flows[s][row-1].UpperBound
	}
	right := fyne.TextAlignTrailing
	cols := []column{{title: "Sector", width: 180, text: func(r int) string {
		if r == 0 {
			return "All sectors"
		}
		return v.u.sectorLabel(flows[0][r-1].Sector)
	}}}
	var key []string
	for s := range v.results {
		key = append(key, fmt.Sprintf("%s: %s", letter(s), v.results[s].Scenario))
		cols = append(cols, column{title: letter(s) + ", duty (US$ M)", width: 150, align: right,
			text: func(r int) string {
				t := millions(duty(r, s))
				if upper(r, s) {
					t = "≤ " + t
				}
				return t
			}, key: func(r int) float64 { return duty(r, s) }})
	}
	for s := 1; s < len(v.results); s++ {
		cols = append(cols, column{title: letter(s) + " − A (US$ M)", width: 150, align: right,
			text: func(r int) string {
				d := duty(r, s) - duty(r, 0)
				t := millions(d)
				if d > 0 {
					t = "+" + t
				}
				return t
			}, key: func(r int) float64 { return duty(r, s) - duty(r, 0) }})
	}
	t := newSortTable(cols, 1, func() int { return n })
	t.bold = func(r int) bool { return r == 0 }
	t.sortCol, t.desc = 1, true
	t.refresh()
	v.table = t
	v.key.SetText("Duty at stake by sector, " + dirLabel(v.dir) + ". " + strings.Join(key, " · "))
	v.tableBox.Objects = []fyne.CanvasObject{t.table}
	v.tableBox.Refresh()
}

// stop ends the chart's worker.
func (v *compareView) stop() { v.chart.stop() }

// letter names the i-th scenario compared: A, B, C, D.
func letter(i int) string { return string(rune('A' + i)) }
