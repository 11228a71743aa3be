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
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
	"parley/storage"
)

// saveDelay is how long continuous edits (typing, dragging a slider) wait
// before they are written to the workspace; discrete edits are saved at once.
const saveDelay = 400 * time.Millisecond

// coalesceWindow joins continuous edits of one field into one undo step.
const coalesceWindow = 1500 * time.Millisecond

// UI is Parley's window on one workspace.
type UI struct {
	app   fyne.App
	win   fyne.Window
	prefs prefs
	ws    *storage.Workspace
	log   *slog.Logger
	// post runs a function on the UI goroutine: fyne.Do (tests give their
	// own); workers deliver their results through it (onUI).
	post func(func())

	history history
	dialogs shown

	// The scenario shown and edited: its id, its current state (draft,
	// saved at once or after saveDelay) and its result.
	current string
	draft   *scenarios.Scenario
	// revs is the revision of each scenario as this window last read or
	// wrote it (conflict.go).
	revs    map[string]int64
	result  scenarios.Result
	infos   []storage.ScenarioInfo
	sectors []scenarios.Sector

	// Cached for the draft's assumptions: the model, the source lines and
	// the sector defaults.
	model    *scenarios.Model
	modelKey string
	sources  []string
	defaults []storage.SectorDefault

	// Continuous edits: the field being edited and when.
	editKey string
	editAt  time.Time

	dirty     bool
	saveTimer *time.Timer
	saveDelay time.Duration
	now       func() time.Time

	tabs        *container.AppTabs
	tabIDs      mainTabs
	list        *scenarioList
	view        *scenarioView
	exposure    *exposurePanel
	evidence    *evidenceView
	compare     *compareView
	position    *positionView // position_view.go
	assumptions *assumptionsView
	status      *widget.Label
	where       *widget.Label // the library's vintage and the workspace's path
	menu        *appMenu
	closed      bool
	listsSeen   string // the user's lists when the model was last checked against them (lists_watch.go)
	// watcher notices changes made elsewhere (watch.go).
	watcher *watcher

	// lastError is the text of the last error shown, for tests.
	lastError string
	// backupWarned is set once a failed backup was shown (recover.go).
	backupWarned bool
}

// Create fills the window with Parley's user interface on the workspace at
// path ("" for a portable workspace beside the program, else the last
// workspace used if it still exists, else the default), sets the main menu and
// shortcuts, and restores the window size. Call the returned UI's Close when
// the app's run loop ends.
func Create(a fyne.App, w fyne.Window, path string) (*UI, error) {
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
	u := bareUI(a, w)
	w.Resize(p.windowSize())
	if !testDriver(a) {
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
func newUI(a fyne.App, w fyne.Window, ws *storage.Workspace) (*UI, error) {
	u := bareUI(a, w)
	if err := u.show(ws); err != nil {
		return nil, err
	}
	return u, nil
}

// bareUI returns Parley's window before it shows a workspace.
func bareUI(a fyne.App, w fyne.Window) *UI {
	delay := saveDelay
	if testDriver(a) {
		// Fyne's test driver runs fyne.Do at once on the calling goroutine:
		// a timer's save would touch widgets while the test does. Save at
		// once instead.
		delay = 0
	}
	return &UI{
		app:       a,
		win:       w,
		prefs:     prefs{a.Preferences()},
		log:       slog.Default().With("component", "ui"),
		post:      fyne.Do,
		saveDelay: delay,
		now:       time.Now,
	}
}

// show fills the window with the user interface on an open workspace,
// which the UI then owns and closes with the window.
func (u *UI) show(ws *storage.Workspace) error {
	u.ws = ws
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
	sectors, err := u.ws.Sectors()
	if err != nil {
		return fmt.Errorf("read the sectors: %w", err)
	}
	u.sectors = sectors
	u.model, u.modelKey = nil, ""
	u.prefs.setLastWorkspace(u.ws.Path())
	u.win.SetTitle("Parley — " + filepath.Base(u.ws.Path()))

	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.list = newScenarioList(u)
	u.exposure = newExposurePanel(u)
	u.view = newScenarioView(u)
	u.evidence = newEvidenceView(u)
	u.compare = newCompareView(u)
	u.position = newPositionView(u)
	u.assumptions = newAssumptionsView(u)

	inner := container.NewHSplit(u.view.content, u.exposure.content)
	// The exposure needs a little more room than the measures: at 1024
	// units both fit beside the list without scrolling.
	inner.Offset = 0.45
	scen := container.NewHSplit(u.list.content, inner)
	scen.Offset = 0.16
	host := container.NewStack(scen)
	u.exposure.layout = scenariosLayout{host: host, scen: scen, inner: inner}

	u.tabIDs = mainTabs{}
	u.tabs = container.NewAppTabs(
		u.tabIDs.newTab(tabScenarios, "Scenarios", theme.DocumentIcon(), host),
		u.tabIDs.newTab(tabEvidence, "Evidence", theme.SearchIcon(), u.evidence.content),
		u.tabIDs.newTab(tabCompare, "Compare", theme.ViewRestoreIcon(), u.compare.content),
		u.tabIDs.newTab(tabPosition, "Position", theme.GridIcon(), u.position.content),
		u.tabIDs.newTab(tabAssumptions, "Assumptions", theme.SettingsIcon(), u.assumptions.content),
	)
	// Every view scrolls, rather than overlap or widen the window, where
	// the window is smaller than it needs.
	for _, it := range u.tabs.Items {
		it.Content = container.NewScroll(it.Content)
	}
	u.tabs.OnSelected = func(t *container.TabItem) {
		switch id, _ := u.tabIDs.id(t); id {
		case tabCompare:
			u.flushSave()
			u.compare.refresh()
		case tabPosition:
			u.flushSave()
			u.position.refresh()
		case tabEvidence:
			u.evidence.refreshExcerpts()
		}
	}
	u.where = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	u.where.Truncation = fyne.TextTruncateEllipsis
	u.showVintage()
	bar := container.NewGridWithColumns(2, u.status, u.where)
	u.win.SetContent(container.NewBorder(nil, bar, nil, nil, u.tabs))
	u.markReadOnly()

	u.reloadScenarios()
	u.openScenario(u.startScenario())
	u.watch()
	return nil
}

// startScenario returns the scenario to open first: the last one shown in
// this workspace, else "Today", else the first.
func (u *UI) startScenario() string {
	last := u.prefs.lastScenario(u.ws.Path())
	for _, want := range []string{last, "today"} {
		for _, s := range u.infos {
			if want != "" && s.ID == want {
				return s.ID
			}
		}
	}
	for _, s := range u.infos {
		if s.AsOfToday {
			return s.ID
		}
	}
	if len(u.infos) > 0 {
		return u.infos[0].ID
	}
	return ""
}

// reloadScenarios reads the list of scenarios again.
func (u *UI) reloadScenarios() {
	infos, err := u.ws.Scenarios()
	if err != nil {
		u.showError("list the scenarios", err)
		return
	}
	u.infos = infos
	u.list.refresh()
	if u.compare != nil {
		u.compare.refreshChoices()
	}
	if u.position != nil {
		u.position.refreshChoices()
	}
}

// info returns the list entry of scenario id.
func (u *UI) info(id string) (storage.ScenarioInfo, bool) {
	for _, s := range u.infos {
		if s.ID == id {
			return s, true
		}
	}
	return storage.ScenarioInfo{}, false
}

// neighbour returns the scenario now at list position pos, or the last one.
func (u *UI) neighbour(pos int) string {
	best := ""
	for _, s := range u.infos {
		at, err := u.ws.Placement(s.ID)
		if err != nil {
			continue
		}
		best = s.ID
		if at.Position >= pos {
			return s.ID
		}
	}
	return best
}

// openScenario shows scenario id ("" for none) in every view.
func (u *UI) openScenario(id string) {
	u.flushSave()
	if u.dirty && id != u.current { // the workspace is busy: keep the edit that waits to be saved
		u.showError("open another scenario", fmt.Errorf("%w; your last change is not saved yet", storage.ErrBusy))
		return
	}
	var sc *scenarios.Scenario
	if id != "" {
		var err error
		if sc, err = u.readScenario(id); err != nil {
			if !errors.Is(err, storage.ErrNotFound) {
				u.showError("open the scenario", err)
			}
			id, sc = "", nil
		}
	}
	u.current, u.draft, u.editKey = id, sc, ""
	if id != "" {
		u.prefs.setLastScenario(u.ws.Path(), id)
	}
	u.list.selectID(id)
	u.view.load()
	u.assumptions.load()
	u.recompute(u.now())
	u.refreshMenu()
}

// edit changes the scenario shown: fn changes a copy, which is checked,
// shown at once and saved. Edits with the same non-empty key that follow
// each other closely (typing, dragging) form one undo step and are saved
// after a short pause; others are saved at once. It returns the validation
// errors of the changed scenario, in which case nothing changes.
func (u *UI) edit(key, label string, fn func(sc *scenarios.Scenario)) error {
	if u.draft == nil {
		return errors.New("no scenario is open")
	}
	if err := u.ws.CheckWritable(); err != nil {
		return err
	}
	now := u.now()
	next := u.draft.Clone()
	fn(&next)
	if errs := scenarios.Validate(&next, nil); len(errs) > 0 {
		return errs
	}
	if reflect.DeepEqual(&next, u.draft) {
		return nil // nothing changed: no undo step
	}
	if !(key != "" && key == u.editKey && now.Sub(u.editAt) < coalesceWindow) {
		u.flushSave()
		u.history.push(step{kind: stepEdit, id: u.current, label: label, before: clone(u.draft)})
	}
	u.editKey, u.editAt = key, now
	u.draft = &next
	u.dirty = true
	u.recompute(now)
	u.view.changed()
	u.assumptions.changed()
	if key == "" {
		u.flushSave()
	} else {
		u.scheduleSave()
	}
	u.refreshMenu()
	return nil
}

// scheduleSave writes the draft after saveDelay, unless more edits come.
func (u *UI) scheduleSave() {
	if u.saveDelay <= 0 {
		u.flushSave()
		return
	}
	if u.saveTimer != nil {
		u.saveTimer.Stop()
	}
	u.saveTimer = time.AfterFunc(u.saveDelay, func() { fyne.Do(u.flushSave) })
}

// flushSave writes a pending edit now. When the workspace refuses it, the
// scenario goes back to what is stored and the error is shown.
func (u *UI) flushSave() {
	if u.saveTimer != nil {
		u.saveTimer.Stop()
		u.saveTimer = nil
	}
	if !u.dirty || u.draft == nil || u.closed {
		return
	}
	u.dirty = false
	if err := u.saveScenario(u.current, u.draft); err != nil {
		if errors.Is(err, storage.ErrBusy) {
			u.retrySave()
			return
		}
		if n := len(u.history.undo); n > 0 && u.history.undo[n-1].id == u.current && u.history.undo[n-1].kind == stepEdit {
			u.history.dropLast()
		}
		u.editKey = ""
		id := u.current
		if errors.Is(err, storage.ErrConflict) {
			u.conflict(id, clone(u.draft), "Your change was not saved.")
			return
		}
		u.showError("save the scenario", err)
		u.openScenario(id)
		return
	}
	u.reloadScenarios()
	u.setStatus("Saved to the workspace")
}

// modelFor returns the calculation model for a scenario's assumptions,
// reusing the last one when they did not change.
func (u *UI) modelFor(a scenarios.Assumptions) (*scenarios.Model, error) {
	a.IncludeThreats = false // decides which measures are active, not the model
	key := fmt.Sprintf("%v", a)
	if u.model != nil && key == u.modelKey {
		return u.model, nil
	}
	m, err := u.ws.Model(a)
	if err != nil {
		return nil, err
	}
	lines, err := u.ws.SourceLines(a)
	if err != nil {
		lines = []string{"Sources unavailable: " + err.Error()}
	}
	defs, err := u.ws.SectorDefaults(a)
	if err != nil {
		return nil, err
	}
	u.model, u.modelKey, u.sources, u.defaults = m, key, lines, defs
	return m, nil
}

// recompute evaluates the draft and shows the result; edited is when the
// change that caused it was made, to measure the time to the redrawn chart.
func (u *UI) recompute(edited time.Time) {
	if u.draft == nil {
		u.result = scenarios.Result{}
		u.exposure.clear()
		u.assumptions.showResult()
		return
	}
	m, err := u.modelFor(u.draft.Assumptions)
	if err != nil {
		u.showError("compute the scenario", err)
		return
	}
	u.result = m.Evaluate(u.draft, u.exposure.when.evalDate(u.draft)) // the scenario's date, or the day chosen in the panel
	u.exposure.show(u.result, edited)
	u.assumptions.showResult()
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
	if u.ws == nil { // the workspace never opened (recover.go)
		u.closed = true
		return
	}
	// Save the pending edit without touching widgets: the run loop may
	// have ended already. A failure is logged and the edit kept in a file.
	_ = u.finalSave()
	u.closed = true
	u.unwatch()
	u.prefs.setWindowSize(u.win.Canvas().Size())
	// The views are built after the workspace opens: a window closed in
	// between has none to stop.
	if u.exposure != nil {
		u.exposure.stop()
	}
	if u.compare != nil {
		u.compare.stop()
	}
	if u.position != nil {
		u.position.stop()
	}
	if err := u.ws.Close(); err != nil {
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
