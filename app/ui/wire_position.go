package ui

import (
	"parley/app/charts"
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
	n.u.showExportDialog(exportPreset{kind: charts.Leverage, ids: []string{id}})
}

// ExportDeal saves the deal chart of ids (baseline, proposal) evaluated
// on asOf (zero: each on its own date): a PNG or SVG slide (1920×1080) or
// its data as CSV, by the file's extension.
func (n positionNav) ExportDeal(ids [2]string, asOf scenarios.Date) {
	ws := n.u.sess.Workspace()
	n.u.saveSlide("export the deal chart", "deal.png", func(path string) error { return writeDeal(ws, path, ids, asOf) })
}

// ExportDeck saves a deck on ids (baseline, proposal) evaluated on asOf
// with the position slides: leverage, ranges and the deal.
func (n positionNav) ExportDeck(ids [2]string, asOf scenarios.Date) {
	list := []string{ids[0], ids[1]}
	if list[0] == list[1] {
		list = list[:1]
	}
	fd := n.u.exportSaveDialog("export the deck", ".pptx", func(path string) {
		n.u.saveDeck(path, list, deckOptions(asOf), nil)
	})
	fd.SetFileName("position.pptx")
	n.u.showFileDialog(fd)
}

// Derive opens the derive dialog on baseline; once the proposal is
// created, the Position tab is shown and done receives its id.
func (n positionNav) Derive(baseline string, done func(id string)) {
	n.u.deriveDialog(baseline, func(id string) {
		n.u.selectTab(tabPosition)
		done(id)
	})
}

func (n positionNav) ShowError(what string, err error) { n.u.showError(what, err) }

func (n positionNav) ChartTheme() charts.Theme { return n.u.chartTheme() }

func (n positionNav) SectorLabel(code string) string { return n.u.sectorLabel(code) }
