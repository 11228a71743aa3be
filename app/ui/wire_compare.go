package ui

import (
	"slices"

	"parley/app/charts"
	"parley/app/ui/compareview"
	"parley/app/ui/exportview"
	"parley/scenarios"
)

// compareNav is the window as the Compare view sees it.
type compareNav struct{ u *UI }

var _ compareview.Navigator = compareNav{}

func newCompare(u *UI) *compareview.View {
	return compareview.New(u.win, u.sess, compareNav{u}, u.log, u.onUI)
}

// ExportCompare opens the export dialog preset to the chart the Compare
// view shows.
func (n compareNav) ExportCompare(ids []string, dir scenarios.Direction) {
	n.u.showExportDialog(exportview.Preset{Kind: charts.Compare, IDs: slices.Clone(ids), Dir: dir})
}

func (n compareNav) ShowError(what string, err error) { n.u.showError(what, err) }

func (n compareNav) ChartTheme() charts.Theme { return n.u.chartTheme() }
