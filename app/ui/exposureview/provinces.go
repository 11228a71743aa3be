package exposureview

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// dirAuto is the direction choice that lets the chart pick the direction
// with more duty.
const dirAuto = "Auto (the direction with more duty)"

// provinceWidths are the widths of the province table's columns.
var provinceWidths = []float32{190, 110, 120, 70, 110, 150, 70}

// Provinces is the dialog of the scenario's exposure by province or
// state (View → Exposure by province…): a table and a chart, for trade
// data with a region column.
type Provinces struct {
	*dialog.CustomDialog
	p     *Panel
	dir   *widget.Select
	note  *widget.Label
	table *widget.Table
	rows  [][]string
	view  *kit.ChartView
	chart *charts.Chart
}

// ShowProvinces shows the exposure by province of the scenario shown.
func (p *Panel) ShowProvinces() *Provinces {
	if p.sess.Draft() == nil {
		p.nav.ShowError("show the exposure by province", fmt.Errorf("no scenario is open"))
		return nil
	}
	p.sess.FlushSave()
	v := &Provinces{p: p}
	v.dir = widget.NewSelect([]string{dirAuto, present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, func(string) { v.refresh() })
	v.note = widget.NewLabel("")
	v.note.Wrapping = fyne.TextWrapWord
	v.table = widget.NewTable(func() (int, int) { return len(v.rows), len(report.ProvinceColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			align := fyne.TextAlignTrailing
			if id.Col == 0 {
				align = fyne.TextAlignLeading
			}
			kit.SetLabel(l, v.rows[id.Row][id.Col], align, fyne.TextStyle{}, widget.MediumImportance)
		})
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return kit.BoldLabel("") }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(report.ProvinceColumns[id.Col])
		}
	}
	for i, w := range provinceWidths {
		v.table.SetColumnWidth(i, w)
	}
	v.view = kit.NewChartView(p.log, p.post)
	top := container.NewBorder(nil, nil, widget.NewLabel("Direction"), widget.NewButton("Export…", v.export), v.dir)
	split := container.NewVSplit(v.table, v.view.Raster)
	split.Offset = 0.45
	content := container.NewBorder(container.NewVBox(top, v.note), nil, nil, nil, split)
	v.CustomDialog = dialog.NewCustom("Exposure by province: "+p.sess.Draft().Name, "Close", content, p.win)
	v.Resize(kit.DialogSize(p.win, 1000, 700))
	p.nav.Track(v, v.view.Stop)
	v.dir.SetSelected(dirAuto) // refreshes
	return v
}

// refresh computes the table and draws the chart, off the UI goroutine.
func (v *Provinces) refresh() {
	p := v.p
	t, err := report.Provinces(p.sess.Workspace(), v.request())
	if err != nil {
		v.rows, v.chart = nil, nil
		v.note.SetText("Cannot compute the exposure by province: " + err.Error())
		v.table.Refresh()
		v.view.Set(nil, time.Time{}, 0)
		return
	}
	v.rows, v.chart = t.Rows, t.Chart
	if !t.HasRegions {
		v.note.SetText(present.NoProvincesNote)
	} else {
		v.note.SetText(present.WindowText(t.Chart.Summary()))
	}
	v.table.Refresh()
	// The dialog says the sources in full on export: keep the chart compact.
	name, th := p.sess.Draft().Name, p.nav.ChartTheme()
	ch := *t.Chart
	ch.Meta = charts.Meta{Title: t.Chart.Meta.Title, Subtitle: name, Compact: true}
	v.view.SetDark(th == charts.Dark)
	v.view.Set(func(charts.Size) *charts.Chart { return ch.WithTheme(th) }, time.Time{}, p.win.Canvas().Scale())
}

// request is the chart request of the direction chosen in the dialog.
func (v *Provinces) request() report.ChartRequest {
	req := report.ChartRequest{Scenarios: []string{v.p.sess.Current()}}
	switch v.dir.Selected {
	case present.DirLabel(scenarios.CAtoUS):
		req.Direction = scenarios.CAtoUS
	case present.DirLabel(scenarios.UStoCA):
		req.Direction = scenarios.UStoCA
	}
	return req
}

// export asks where to save the exposure by province shown, unless its
// trade data names no province or state.
func (v *Provinces) export() {
	if len(v.rows) == 0 {
		v.p.nav.ShowError("export the exposure by province", fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid))
		return
	}
	v.p.nav.ExportProvinces(v.request())
}
