package ui

import (
	"parley/app/charts"
	"parley/app/ui/exportview"
	"parley/app/ui/positionview"
	"parley/scenarios"
)

// positionNav is the window as the Position view sees it.
type positionNav struct{ u *UI }

var _ positionview.Navigator = positionNav{}

func newPosition(u *UI) *positionview.View {
	return positionview.New(u.win, u.sess, positionNav{u}, u.prefs.p, u.log, u.onUI)
}

// ExportLeverage opens the export dialog preset to the leverage chart of
// scenario id.
func (n positionNav) ExportLeverage(id string) {
	n.u.showExportDialog(exportview.Preset{Kind: charts.Leverage, IDs: []string{id}})
}

// ExportDeal saves the deal chart of ids (baseline, proposal) evaluated
// on asOf (zero: each on its own date).
func (n positionNav) ExportDeal(ids [2]string, asOf scenarios.Date) {
	exportview.SaveDeal(n.u.exportEnv(), exportview.Position{Baseline: ids[0], Proposal: ids[1], AsOf: asOf})
}

// ExportDeck saves a deck on ids (baseline, proposal) evaluated on asOf
// with the position slides.
func (n positionNav) ExportDeck(ids [2]string, asOf scenarios.Date) {
	exportview.SavePositionDeck(n.u.exportEnv(), exportview.Position{Baseline: ids[0], Proposal: ids[1], AsOf: asOf})
}

// Derive opens the derive dialog on baseline; once the proposal is
// created, the Position tab is shown and done receives its id.
func (n positionNav) Derive(baseline string, done func(id string)) {
	n.u.scen.DeriveDialog(baseline, func(id string) {
		n.u.selectTab(tabPosition)
		done(id)
	})
}

func (n positionNav) ShowError(what string, err error) { n.u.showError(what, err) }

func (n positionNav) ChartTheme() charts.Theme { return n.u.chartTheme() }
