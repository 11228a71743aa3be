// Package ui is Parley's desktop app: the window a negotiator opens to build
// scenarios from evidence and see the exposure by sector.
//
// The package only shows: scenarios decides (the calculation), storage
// remembers (the workspace file). Every scenario edit is saved to the
// workspace at once and can be undone; the exposure is recomputed on the UI
// goroutine (microseconds) and its chart rendered on a worker goroutine
// (tens of milliseconds) and swapped in with fyne.Do.
package ui

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/compareview"
	"parley/app/ui/dataview"
	"parley/app/ui/evidenceview"
	"parley/app/ui/exposureview"
	"parley/app/ui/positionview"
	"parley/app/ui/scenarioview"
	"parley/app/ui/session"
	"parley/scenarios"
	"parley/storage"
)

// UI is Parley's window on one workspace.
type UI struct {
	app   fyne.App
	win   fyne.Window
	prefs prefs
	log   *slog.Logger
	// post runs a function on the UI goroutine: fyne.Do (tests give their
	// own); workers deliver their results through it (onUI).
	post func(func())

	// sess is the window's state on its workspace: the scenario shown, its
	// draft and result, the undo history, saving and the watch.
	sess    *session.Session
	dialogs dialogStack

	tabs     *container.AppTabs
	tabIDs   mainTabs
	scen     *scenarioview.View // the Scenarios tab's list and editor
	exposure *exposureview.Panel
	evidence *evidenceview.View
	compare  *compareview.View
	position *positionview.View
	data     *dataview.View // the data views: assumptions, datasets, lists, library update
	status   *widget.Label
	where    *widget.Label // the library's vintage and the workspace's path
	menu     *appMenu
	closed   bool

	// backupWarned is set once a failed backup was shown (recover.go).
	backupWarned bool
}

// Options are what the shell gives the window besides the app: the zero
// value is the desktop's.
type Options struct {
	// Post runs f on the UI goroutine (nil: fyne.Do).
	Post func(f func())
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Sync opens the workspace before CreateWith returns and starts no
	// background work: continuous edits are saved at once and the
	// workspace is not watched. It is for a driver whose run loop does not
	// run, such as Fyne's test driver.
	Sync bool
}

// Create fills the window with Parley's user interface on the workspace at
// path ("" for a portable workspace beside the program, else the last
// workspace used if it still exists, else the default), sets the main menu and
// shortcuts, and restores the window size. Call the returned UI's Close when
// the app's run loop ends.
func Create(a fyne.App, w fyne.Window, path string) (*UI, error) {
	return CreateWith(a, w, path, Options{})
}

// CreateWith is Create with options.
func CreateWith(a fyne.App, w fyne.Window, path string, o Options) (*UI, error) {
	p := prefs{a.Preferences()}
	if path == "" {
		// A portable workspace beside the executable wins over this
		// computer's last workspace: it travels with Parley.
		if portable, ok := storage.PortablePath(); ok {
			path = portable
		} else {
			path = p.lastWorkspace()
		}
	}
	if path == "" {
		def, err := storage.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = def
	}
	u := bareUI(a, w, o)
	w.Resize(p.windowSize())
	if !o.Sync {
		// The window first, the workspace once the app runs (startup.go).
		u.openLater(path)
		return u, nil
	}
	if err := u.attach(path); err != nil {
		// A window that says why, with ways out (recover.go).
		u.showOpenFailure(path, err)
	}
	return u, nil
}

// newUI builds the user interface in w on an open workspace, which it then
// owns and closes with the window.
func newUI(a fyne.App, w fyne.Window, ws *storage.Workspace, o Options) (*UI, error) {
	u := bareUI(a, w, o)
	if err := u.show(ws); err != nil {
		return nil, err
	}
	return u, nil
}

// bareUI returns Parley's window before it shows a workspace.
func bareUI(a fyne.App, w fyne.Window, o Options) *UI {
	if o.Post == nil {
		o.Post = fyne.Do
	}
	u := &UI{
		app:   a,
		win:   w,
		prefs: prefs{a.Preferences()},
		log:   slog.Default().With("component", "ui"),
		post:  o.Post,
	}
	u.sess = &session.Session{Post: o.Post, Now: o.Now, Log: u.log}
	if !o.Sync {
		u.sess.SaveDelay, u.sess.WatchInterval = session.SaveDelay, session.WatchInterval
	}
	u.sess.Saved = u.saved
	u.sess.Changed = u.externalChange
	return u
}

// show fills the window with the user interface on an open workspace,
// which the UI then owns and closes with the window.
func (u *UI) show(ws *storage.Workspace) error {
	u.sess.Attach(ws)
	applyTheme(u.app, u.prefs.themeMode())
	if err := u.build(); err != nil {
		return err
	}
	u.menu = newAppMenu(u)
	u.win.SetMainMenu(u.menu.main)
	u.addShortcuts()
	u.win.SetCloseIntercept(u.closeWindow)
	u.win.SetOnClosed(u.shutdown)
	return nil
}

// build creates the views for the current workspace and opens its first
// scenario.
func (u *UI) build() error {
	if err := u.sess.LoadSectors(); err != nil {
		return err
	}
	u.sess.DropModel()
	u.prefs.setLastWorkspace(u.sess.Workspace().Path())
	u.win.SetTitle("Parley — " + filepath.Base(u.sess.Workspace().Path()))

	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.exposure = u.newExposure()
	u.scen = scenarioview.New(u.win, u.sess, scenarioNav{u})
	u.evidence = newEvidenceView(u)
	u.compare = newCompare(u)
	u.position = newPosition(u)
	u.data = dataview.New(u.win, u.sess, dataNav{u})

	u.tabs = u.newTabs()
	u.where = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	u.where.Truncation = fyne.TextTruncateEllipsis
	u.showVintage()
	bar := container.NewGridWithColumns(2, u.status, u.where)
	u.win.SetContent(container.NewBorder(nil, bar, nil, nil, u.tabs))
	u.markReadOnly()

	u.reloadScenarios()
	u.openScenario(u.sess.StartScenario(u.prefs.lastScenario(u.sess.Workspace().Path())))
	u.sess.Watch()
	return nil
}

// newTabs lays the views out in the main window's tabs: the Scenarios tab
// holds the list, the editor and the exposure side by side.
func (u *UI) newTabs() *container.AppTabs {
	inner := container.NewHSplit(u.scen.Editor(), u.exposure.Content())
	// The exposure needs a little more room than the measures: at 1024
	// units both fit beside the list without scrolling.
	inner.Offset = 0.45
	scen := container.NewHSplit(u.scen.List(), inner)
	scen.Offset = 0.16
	host := container.NewStack(scen)
	u.exposure.SetLayout(exposureview.Layout{Host: host, Scen: scen, Inner: inner})

	u.tabIDs = mainTabs{}
	tabs := container.NewAppTabs(
		u.tabIDs.newTab(tabScenarios, "Scenarios", theme.DocumentIcon(), host),
		u.tabIDs.newTab(tabEvidence, "Evidence", theme.SearchIcon(), u.evidence.Content()),
		u.tabIDs.newTab(tabCompare, "Compare", theme.ViewRestoreIcon(), u.compare.Content()),
		u.tabIDs.newTab(tabPosition, "Position", theme.GridIcon(), u.position.Content()),
		u.tabIDs.newTab(tabAssumptions, "Assumptions", theme.SettingsIcon(), u.data.Assumptions()),
	)
	// Every view scrolls, rather than overlap or widen the window, where
	// the window is smaller than it needs.
	for _, it := range tabs.Items {
		it.Content = container.NewScroll(it.Content)
	}
	tabs.OnSelected = func(t *container.TabItem) {
		switch id, _ := u.tabIDs.id(t); id {
		case tabCompare:
			u.flushSave()
			u.compare.Refresh()
		case tabPosition:
			u.flushSave()
			u.position.Refresh()
		case tabEvidence:
			u.evidence.RefreshExcerpts()
		}
	}
	return tabs
}

// reloadScenarios reads the list of scenarios again.
func (u *UI) reloadScenarios() {
	if err := u.sess.ReloadScenarios(); err != nil {
		u.showError("list the scenarios", err)
		return
	}
	u.scen.RefreshList()
	if u.compare != nil {
		u.compare.RefreshChoices()
	}
	if u.position != nil {
		u.position.RefreshChoices()
	}
}

// openScenario shows scenario id ("" for none) in every view.
func (u *UI) openScenario(id string) {
	u.flushSave()
	if u.sess.Dirty() && id != u.sess.Current() { // the workspace is busy: keep the edit that waits to be saved
		u.showError("open another scenario", fmt.Errorf("%w; your last change is not saved yet", storage.ErrBusy))
		return
	}
	if err := u.sess.Open(id); err != nil {
		u.showError("open the scenario", err)
	}
	if id := u.sess.Current(); id != "" {
		u.prefs.setLastScenario(u.sess.Workspace().Path(), id)
	}
	u.scen.SelectScenario(u.sess.Current())
	u.scen.Load()
	u.data.Load()
	u.recompute(u.sess.Time())
	u.refreshMenu()
}

// edit changes the scenario shown: fn changes a copy, which is checked,
// shown at once and saved. Edits with the same non-empty key that follow
// each other closely (typing, dragging) form one undo step and are saved
// after a short pause; others are saved at once. It returns the validation
// errors of the changed scenario, in which case nothing changes.
func (u *UI) edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	now := u.sess.Time()
	changed, err := u.sess.Edit(key, label, fn)
	if err != nil || !changed {
		return err
	}
	u.recompute(now)
	u.scen.Changed()
	u.data.Changed()
	if key == "" {
		u.flushSave()
	} else {
		u.sess.ScheduleSave()
	}
	u.refreshMenu()
	return nil
}

// flushSave writes a pending edit now (u.saved shows the outcome).
func (u *UI) flushSave() { u.sess.FlushSave() }

// saved shows the outcome of a save of the draft. When the workspace
// refuses it, the scenario goes back to what is stored and the error is
// shown; when it is busy, the edit waits and the status bar says so.
func (u *UI) saved(r session.SaveResult) {
	switch {
	case r.Err == nil:
		u.reloadScenarios()
		u.setStatus("Saved to the workspace")
	case errors.Is(r.Err, storage.ErrBusy):
		u.setStatus("The workspace is busy (another Parley is writing to it): your change will be saved in a moment")
	case errors.Is(r.Err, storage.ErrConflict):
		u.conflict(r.ID, r.Mine, "Your change was not saved.")
	default:
		u.showError("save the scenario", r.Err)
		u.openScenario(r.ID)
	}
}

// recompute evaluates the draft and shows the result; edited is when the
// change that caused it was made, to measure the time to the redrawn chart.
func (u *UI) recompute(edited time.Time) {
	draft := u.sess.Draft()
	if draft == nil {
		u.sess.Evaluate(scenarios.Date{})
		u.exposure.Clear()
		u.data.ShowResult()
		return
	}
	res, err := u.sess.Evaluate(u.exposure.EvalDate(draft)) // the scenario's date, or the day chosen in the panel
	if err != nil {
		u.showError("compute the scenario", err)
		return
	}
	u.exposure.Show(res, edited)
	u.data.ShowResult()
}

// setStatus shows a short message in the status bar.
func (u *UI) setStatus(msg string) {
	if u.status != nil {
		u.status.SetText(msg)
	}
}

// shutdown saves what is pending, remembers the window size and closes the
// workspace. It runs once.
func (u *UI) shutdown() {
	if u.closed {
		return
	}
	if u.sess.Workspace() == nil { // the workspace never opened (recover.go)
		u.closed = true
		return
	}
	// Save the pending edit without touching widgets: the run loop may
	// have ended already. A failure is logged and the edit kept in a file.
	_ = u.sess.FinalSave()
	u.closed = true
	u.sess.Unwatch()
	u.prefs.setWindowSize(u.win.Canvas().Size())
	// The views are built after the workspace opens: a window closed in
	// between has none to stop.
	if u.exposure != nil {
		u.exposure.Stop()
	}
	if u.compare != nil {
		u.compare.Stop()
	}
	if u.position != nil {
		u.position.Stop()
	}
	if err := u.sess.Close(); err != nil {
		u.log.Error("close the workspace", "err", err)
	}
}

// Close saves what is pending and closes the workspace, once. Call it when
// the app's run loop has ended: the app can stop without its window being
// closed (Fyne quits on SIGINT and SIGTERM), and then nothing else would
// save the last edit or fold the workspace's log into its file.
func (u *UI) Close() { u.shutdown() }

// quit closes the window, which ends the app.
func (u *UI) quit() {
	u.shutdown()
	u.win.Close()
	u.app.Quit()
}
