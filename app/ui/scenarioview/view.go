// Package scenarioview is the Scenarios tab's editor: the list of scenarios,
// the scenario shown (name, description, date), its measures in a table and
// the selected measure's form (kind, sectors, products, evidence), with the
// dialogs that create, branch, rename, delete, derive and reset scenarios and
// add measures from the library.
//
// It is given the window, the session and a Navigator for what it asks of
// the rest of the window; it never imports the shell nor another view.
package scenarioview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/session"
	"parley/scenarios"
	"parley/storage"
)

// Navigator is what the view asks of the rest of the window.
type Navigator interface {
	// Edit changes the scenario shown through fn, shows the change in
	// every view and saves it (see the session's Edit); it returns the
	// validation errors of the changed scenario, in which case nothing
	// changes.
	Edit(key, label string, fn func(sc *scenarios.Scenario)) error
	// OpenScenario shows scenario id ("" for none) in every view.
	OpenScenario(id string)
	// ReloadScenarios reads the list of scenarios again and shows it.
	ReloadScenarios()
	// Created records the creation of scenario id (label: the undo step)
	// and shows it in the Scenarios tab.
	Created(id, label string)
	// Undo and Redo take back or apply again the newest step.
	Undo()
	Redo()
	// ShowEvidence selects the Evidence tab.
	ShowEvidence()
	// LayoutChanged lays the Scenarios tab out again after the list was
	// hidden or shown.
	LayoutChanged()
	// Closed reports whether the window is closed.
	Closed() bool

	// SetStatus shows a short message in the status bar.
	SetStatus(msg string)
	// Track shows d and remembers it until it closes (Escape closes it).
	Track(d dialog.Dialog, onClosed func())
	// ShowForm shows a form dialog (see Form).
	ShowForm(f Form) *dialog.FormDialog
	// ShowError shows err in a dialog titled with what failed, running
	// then (if not nil) when it closes.
	ShowError(what string, err error, then func())
	// ShowProblem shows in label why an inline change was not applied, or
	// hides label when err is nil.
	ShowProblem(label *widget.Label, err error)
	// ShowWriteError shows why a change of scenario id failed: a conflict
	// (with mine, the user's version, or nil; done says what became of the
	// change) or any other error.
	ShowWriteError(what, done, id string, mine *scenarios.Scenario, err error)
	// Confirm asks a yes/no question and runs then on yes.
	Confirm(title, message, ok string, then func())
}

// Form describes a form dialog: Tab moves between fields, Enter submits,
// Escape cancels, and input survives a failed submit.
type Form struct {
	Title, Confirm string
	Items          []*widget.FormItem
	// Fields submit the form on Enter (one-line fields) and cancel it on
	// Escape.
	Fields []*kit.Field
	// Focus receives the keyboard focus when the dialog opens.
	Focus fyne.Focusable
	// Submit runs on confirm; when it fails the error is shown and the form
	// opens again with what the user typed.
	Submit func() error
	// What is the action in error titles, e.g. "rename the scenario".
	What string
	Size fyne.Size
}

// View is the Scenarios tab's editor and the list of scenarios beside it.
type View struct {
	h *host
}

// New builds the view on the window's session.
func New(win fyne.Window, sess *session.Session, nav Navigator) *View {
	h := &host{win: win, sess: sess, nav: nav}
	h.list = newScenarioList(h)
	h.view = newScenarioView(h)
	return &View{h: h}
}

// List is the list of scenarios.
func (v *View) List() fyne.CanvasObject { return v.h.list.content }

// Editor is the scenario shown and its measures.
func (v *View) Editor() fyne.CanvasObject { return v.h.view.content }

// Load shows the session's draft, keeping the selected measure if it is
// still there.
func (v *View) Load() { v.h.view.load() }

// Changed redraws what depends on the measures after an edit.
func (v *View) Changed() { v.h.view.changed() }

// RefreshList shows the session's list of scenarios again.
func (v *View) RefreshList() { v.h.list.refresh() }

// SelectScenario highlights scenario id in the list.
func (v *View) SelectScenario(id string) { v.h.list.selectID(id) }

// UpdateUndoButtons enables the header's undo and redo buttons.
func (v *View) UpdateUndoButtons() { v.h.view.updateUndoButtons() }

// SelectedMeasure returns the id of the measure in the form ("" for none).
func (v *View) SelectedMeasure() string { return v.h.view.selected }

// SelectMeasure shows measure id in the form and selects its row.
func (v *View) SelectMeasure(id string) { v.h.view.selectMeasure(id) }

// NewDialog asks for a new scenario's name, date and description.
func (v *View) NewDialog() { v.h.list.newDialog() }

// BranchDialog copies the scenario shown under a new name.
func (v *View) BranchDialog() { v.h.list.branchDialog() }

// RenameDialog renames the scenario shown.
func (v *View) RenameDialog() { v.h.list.renameDialog() }

// DeleteDialog deletes the scenario shown after asking.
func (v *View) DeleteDialog() { v.h.list.deleteDialog() }

// AddMeasure adds a new measure on no sector yet and selects it.
func (v *View) AddMeasure() { v.h.view.addMeasure() }

// LibraryDialog adds a measure of the library to the scenario shown.
func (v *View) LibraryDialog() { v.h.view.libraryDialog() }

// ResetToBuiltin gives the scenario shown back the definition Parley ships
// for it; the channel receives the outcome once the scenario shows it.
func (v *View) ResetToBuiltin() <-chan error { return v.h.resetToBuiltin() }

// DeriveDialog derives a proposal from scenario baseID; done, if not nil,
// receives the new id.
func (v *View) DeriveDialog(baseID string, done func(id string)) { v.h.deriveDialog(baseID, done) }

// CreateScenario stores sc as a new scenario (label: the undo step) and
// shows it.
func (v *View) CreateScenario(sc *scenarios.Scenario, label string) error {
	return v.h.createScenario(sc, label)
}

// Rename renames the scenario shown (undoable).
func (v *View) Rename(name string) error { return v.h.rename(name) }

// DeleteScenario deletes scenario id (undoable) and shows a neighbour.
func (v *View) DeleteScenario(id string) { v.h.deleteScenario(id) }

// ScopeSummary describes a measure's scope: its sectors and coverage, or
// its products.
func (v *View) ScopeSummary(m *scenarios.Measure) string { return v.h.scopeSummary(m) }

// host holds what the view's parts share: the window, the session, the
// Navigator and the parts themselves.
type host struct {
	win  fyne.Window
	sess *session.Session
	nav  Navigator
	list *scenarioList
	view *scenarioView
}

func (h *host) edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	return h.nav.Edit(key, label, fn)
}
func (h *host) flushSave()                                 { h.sess.FlushSave() }
func (h *host) openScenario(id string)                     { h.nav.OpenScenario(id) }
func (h *host) reloadScenarios()                           { h.nav.ReloadScenarios() }
func (h *host) created(id, label string)                   { h.nav.Created(id, label) }
func (h *host) setStatus(msg string)                       { h.nav.SetStatus(msg) }
func (h *host) track(d dialog.Dialog, onClosed func())     { h.nav.Track(d, onClosed) }
func (h *host) showForm(f Form) *dialog.FormDialog         { return h.nav.ShowForm(f) }
func (h *host) showError(what string, err error)           { h.nav.ShowError(what, err, nil) }
func (h *host) showProblem(l *widget.Label, err error)     { h.nav.ShowProblem(l, err) }
func (h *host) confirm(title, msg, ok string, then func()) { h.nav.Confirm(title, msg, ok, then) }
func (h *host) showErrorThen(what string, err error, then func()) {
	h.nav.ShowError(what, err, then)
}
func (h *host) showWriteError(what, done, id string, mine *scenarios.Scenario, err error) {
	h.nav.ShowWriteError(what, done, id, mine, err)
}

// post runs f on the UI goroutine, as the session delivers its events.
func (h *host) post(f func()) {
	if h.sess.Post != nil {
		h.sess.Post(f)
		return
	}
	f()
}

// today is the day on the session's clock.
func (h *host) today() scenarios.Date { return scenarios.TodayAt(h.sess.Now) }

// evalDate is the day sc is evaluated on by default: its date, or today
// on the session's clock for a scenario that follows today.
func (h *host) evalDate(sc *scenarios.Scenario) scenarios.Date { return sc.EvalDateAt(h.sess.Now) }

// infoDate is evalDate for a scenario of the list.
func (h *host) infoDate(s storage.ScenarioInfo) scenarios.Date {
	if s.AsOfToday {
		return h.today()
	}
	return s.AsOf
}

// dialogSize is the size of the large dialogs: as the file dialogs, large
// but inside the window.
func (h *host) dialogSize() fyne.Size {
	s := h.win.Canvas().Size()
	return fyne.NewSize(min(900, s.Width*0.9), min(640, s.Height*0.9))
}

// toggleList hides the scenario list, giving its room to the measures and
// the exposure, or shows it again.
func (h *host) toggleList() {
	if h.list.content.Visible() {
		h.list.content.Hide()
		h.view.listButton.SetIcon(theme.NavigateNextIcon())
	} else {
		h.list.content.Show()
		h.view.listButton.SetIcon(theme.NavigateBackIcon())
	}
	h.nav.LayoutChanged()
}

// measureName returns a measure's label, or its id.
func measureName(m *scenarios.Measure) string {
	if strings.TrimSpace(m.Label) != "" {
		return m.Label
	}
	return m.ID
}
