// Package evidenceview is the Evidence tab: the evidence library's
// documents, full-text search, a reader, and the excerpts saved from
// passages with the measures that cite them.
package evidenceview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/scenarios"
)

// Navigator is what the evidence view asks of the rest of the window.
type Navigator interface {
	// ShowError shows err in a dialog titled with what failed.
	ShowError(what string, err error)
	// SetStatus shows msg in the window's status line.
	SetStatus(msg string)
	// Confirm asks a question; then runs if the user confirms with ok.
	Confirm(title, message, ok string, then func())
	// ShowForm shows a form dialog (Tab, Enter, Escape; input survives a
	// failed submit).
	ShowForm(f Form)
	// Track makes Escape close d while it is on top.
	Track(d dialog.Dialog)
	// OpenDataFile asks for a data file with one of exts and calls use with
	// its path; the dialog starts in the data folder, which then remembers
	// the file's.
	OpenDataFile(what string, exts []string, use func(path string))
	// ShowFileDialog shows a file dialog sized to the window.
	ShowFileDialog(d *dialog.FileDialog)
	// Post runs f on the UI goroutine (workers deliver their results so).
	Post(f func())
	// FlushSave saves the scenario shown if it has unsaved edits.
	FlushSave()
	// SelectedMeasure is the id of the measure selected in the scenario
	// shown, or "".
	SelectedMeasure() string
	// EditScenario changes scenario id (the one shown or another) as one
	// undo step and saves it.
	EditScenario(id, label string, fn func(sc *scenarios.Scenario)) error
}

// Form is a form dialog the view asks the window to show.
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
	// What is the action in error titles, e.g. "link the excerpt".
	What string
	Size fyne.Size
}
