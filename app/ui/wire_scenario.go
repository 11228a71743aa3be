package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/app/ui/scenarioview"
	"parley/scenarios"
)

// scenarioNav is what the Scenarios tab's editor asks of the window.
type scenarioNav struct{ u *UI }

var _ scenarioview.Navigator = scenarioNav{}

func (n scenarioNav) Edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	return n.u.edit(key, label, fn)
}
func (n scenarioNav) OpenScenario(id string)   { n.u.openScenario(id) }
func (n scenarioNav) ReloadScenarios()         { n.u.reloadScenarios() }
func (n scenarioNav) Created(id, label string) { n.u.created(id, label) }
func (n scenarioNav) Undo()                    { n.u.Undo() }
func (n scenarioNav) Redo()                    { n.u.Redo() }
func (n scenarioNav) ShowEvidence()            { n.u.selectTab(tabEvidence) }
func (n scenarioNav) Closed() bool             { return n.u.closed }
func (n scenarioNav) SetStatus(msg string)     { n.u.setStatus(msg) }

// LayoutChanged lays the Scenarios tab out again once the list was hidden
// or shown.
func (n scenarioNav) LayoutChanged() {
	if l := n.u.exposure.Layout(); l.Scen != nil {
		l.Scen.Refresh()
	}
}

func (n scenarioNav) Track(d dialog.Dialog, onClosed func()) { n.u.track(d, onClosed) }
func (n scenarioNav) ShowError(what string, err error, then func()) {
	n.u.showErrorThen(what, err, then)
}
func (n scenarioNav) ShowProblem(l *widget.Label, err error) { n.u.showProblem(l, err) }
func (n scenarioNav) ShowWriteError(what, done, id string, mine *scenarios.Scenario, err error) {
	n.u.showWriteError(what, done, id, mine, err)
}
func (n scenarioNav) Confirm(title, message, ok string, then func()) {
	n.u.confirm(title, message, ok, then)
}

// ShowForm shows the view's form through the window's form dialog.
func (n scenarioNav) ShowForm(f scenarioview.Form) *dialog.FormDialog {
	return n.u.showForm(formSpec{title: f.Title, confirm: f.Confirm, items: f.Items, fields: f.Fields,
		focus: f.Focus, submit: f.Submit, what: f.What, size: f.Size})
}

// programmes offered for a measure or an excerpt's tag.
var programmes = present.Programmes

// layoutSpacer expands to push what follows to the right of a box.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
