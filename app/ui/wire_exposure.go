package ui

import (
	"parley/app/ui/exportview"

	"fyne.io/fyne/v2/dialog"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/exposureview"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// exposureNav is how the exposure views reach the rest of the window.
type exposureNav struct{ u *UI }

func (n exposureNav) ShowError(what string, err error) { n.u.showError(what, err) }
func (n exposureNav) SetStatus(msg string)             { n.u.setStatus(msg) }
func (n exposureNav) Recompute()                       { n.u.recompute(n.u.sess.Time()) }
func (n exposureNav) ChartTheme() charts.Theme         { return n.u.chartTheme() }
func (n exposureNav) SourceLines() []string            { return n.u.sess.SourceLines() }
func (n exposureNav) Track(d dialog.Dialog, onClosed func()) {
	n.u.track(d, onClosed)
}
func (n exposureNav) TopDialog() dialog.Dialog { return n.u.dialogs.top() }

func (n exposureNav) ExportChart(kind charts.Kind, dir scenarios.Direction, sector string) {
	n.u.showExportDialog(exportview.Preset{Kind: kind, IDs: []string{n.u.sess.Current()}, Dir: dir, Sector: sector})
}

// ExportProvinces saves the exposure by province of req's scenario and
// direction (exportview refuses one that names no province).
func (n exposureNav) ExportProvinces(req report.ChartRequest) {
	exportview.SaveProvinces(n.u.exportEnv(), req.Scenarios[0], req.Direction, false)
}

// newExposure builds the exposure panel of the Scenarios tab.
func (u *UI) newExposure() *exposureview.Panel {
	return exposureview.New(u.win, u.sess, exposureNav{u}, u.log, u.onUI)
}

// findProducts opens the product search on the exposure's direction.
func (u *UI) findProducts() {
	if u.exposure != nil {
		u.exposure.FindProducts()
	}
}

// The shell's views not yet in their own packages name sectors, measures
// and totals, and scroll dialogs, the one way present and the exposure do.

// totalsLine summarises one direction's totals.
func totalsLine(d scenarios.Direction, t scenarios.Totals) string { return present.TotalsLine(d, t) }

// chapterOnly says why flows into Canada have no products.
const chapterOnly = present.ChapterOnly

// The smallest chart in a panel, in window units.
const (
	minChartWidth  = kit.MinChartWidth
	minChartHeight = kit.MinChartHeight
)

// allSectors is the sector choice that shows every sector.
const allSectors = "All sectors"
