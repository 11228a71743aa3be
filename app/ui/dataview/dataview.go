// Package dataview shows the data behind a scenario: the Assumptions tab,
// the user's trade datasets (import, manage, choose), the product lists and
// the measure library's update. It is given the window, the session and a
// Navigator for what it asks of the rest of the window; it never reaches
// into the shell or another view.
package dataview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/session"
	"parley/scenarios"
)

// Navigator is what the data views ask of the rest of the window.
type Navigator interface {
	// Post runs f on the UI goroutine: workers deliver their results
	// through it.
	Post(f func())
	// Track shows d and remembers it until it closes (Escape closes the
	// top one), then calls onClosed (if not nil).
	Track(d dialog.Dialog, onClosed func())
	// ShowError shows err in a dialog titled with what failed, e.g.
	// "rename the dataset".
	ShowError(what string, err error)
	// ShowProblem shows in label why a change was not applied (inline, one
	// line per field), or hides label when err is nil.
	ShowProblem(label *widget.Label, err error)
	// ShowForm shows a form dialog whose input survives a failed submit.
	ShowForm(f Form)
	// ShowFile shows a file dialog.
	ShowFile(r FileRequest)
	// SetStatus shows a short message in the status bar.
	SetStatus(msg string)
	// Edit changes the scenario shown as one undoable step and shows the
	// result.
	Edit(key, label string, fn func(sc *scenarios.Scenario)) error
	// Recompute shows the scenario shown computed again.
	Recompute()
	// OpenScenario shows the scenario id, read again from the workspace.
	OpenScenario(id string)
	// ExternalChange reads again what changed in the workspace behind the
	// window: the scenario list and the scenario shown.
	ExternalChange()
	// LibraryChanged shows the workspace after the measure library
	// changed: the list, the scenario shown, the vintage and the menu.
	LibraryChanged()
}

// Form is a form dialog: Tab moves between fields, Enter submits, Escape
// cancels.
type Form struct {
	Title, Confirm string
	Items          []*widget.FormItem
	// Fields submit the form on Enter (one-line fields) and cancel it on
	// Escape.
	Fields []*kit.Field
	// Focus receives the keyboard focus when the dialog opens.
	Focus fyne.Focusable
	// Submit runs on confirm; when it fails the error is shown and the
	// form opens again with what the user typed.
	Submit func() error
	// What is the action in error titles, e.g. "rename the dataset".
	What string
}

// Folder is where a file dialog starts.
type Folder int

// Folders a file dialog starts in.
const (
	// FolderDefault leaves the dialog where the toolkit puts it.
	FolderDefault Folder = iota
	// FolderWorkspace is the workspace file's folder.
	FolderWorkspace
	// FolderData is the folder of the trade data used last, which the
	// file chosen then becomes.
	FolderData
)

// FileRequest is a file dialog the data views ask for.
type FileRequest struct {
	// What is the action in error titles, e.g. "open the trade data".
	What string
	// Title is the dialog's title.
	Title string
	// Save asks for a file to write, else one to read.
	Save bool
	// FileName is the name a save dialog proposes.
	FileName string
	// Exts are the extensions an open dialog shows (all when empty).
	Exts []string
	// Folder is where the dialog starts.
	Folder Folder
	// Use is called with the path chosen.
	Use func(path string)
}

// View is the window's data views: the Assumptions tab and the dialogs of
// File > Import trade data, Trade datasets, Product lists and Update
// measure library.
type View struct {
	win         fyne.Window
	sess        *session.Session
	nav         Navigator
	assumptions *assumptionsView
	// manager is the trade datasets dialog while it is open: there is
	// one at most.
	manager *datasetManager
}

// New returns the data views of win over sess, whose workspace is open:
// the Assumptions tab reads its presets, years and sectors.
func New(win fyne.Window, sess *session.Session, nav Navigator) *View {
	v := &View{win: win, sess: sess, nav: nav}
	v.assumptions = newAssumptionsView(v)
	return v
}

// Assumptions is the content of the Assumptions tab.
func (v *View) Assumptions() fyne.CanvasObject { return v.assumptions.content }

// Load shows the assumptions of the scenario shown (none: says so).
func (v *View) Load() { v.assumptions.load() }

// Changed shows the defaults, sources and marks after an edit of the
// scenario shown.
func (v *View) Changed() { v.assumptions.changed() }

// ShowResult shows the totals of the scenario shown as computed now.
func (v *View) ShowResult() { v.assumptions.showResult() }
