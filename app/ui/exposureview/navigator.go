// Package exposureview is the exposure of the scenario being edited: the
// panel beside the scenario's measures (totals, chart and sector table, on
// another day or with P10–P90 ranges), how a row is computed, the products
// of the scenario line by line, and the exposure by province.
//
// It shows what the session holds and asks the rest of the window for the
// rest through a Navigator; it never imports the shell nor another view.
package exposureview

import (
	"fyne.io/fyne/v2/dialog"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// Navigator is what the exposure asks of the rest of the window.
type Navigator interface {
	// ShowError says that what failed, and why.
	ShowError(what string, err error)
	// SetStatus shows a short message in the status bar.
	SetStatus(msg string)
	// Recompute evaluates the scenario being edited again and shows it.
	Recompute()
	// ChartTheme is the colours the window's charts are drawn in.
	ChartTheme() charts.Theme
	// SourceLines are the source lines of the scenario shown.
	SourceLines() []string
	// ExportChart opens the chart export dialog on the current scenario's
	// chart of kind, direction dir and sector ("" for every sector).
	ExportChart(kind charts.Kind, dir scenarios.Direction, sector string)
	// ExportProvinces asks where to save the exposure by province of req.
	ExportProvinces(req report.ChartRequest)
	// Track shows d on the window's dialog stack; onClosed runs when it
	// closes.
	Track(d dialog.Dialog, onClosed func())
	// TopDialog is the dialog on top of the stack, or nil.
	TopDialog() dialog.Dialog
}
