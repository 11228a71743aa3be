package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/tradefile"
)

// Parley starts in two steps so that its window appears as fast as a bare
// Fyne window: Create only sets the theme, the size and a quiet "Opening…"
// page, and the window is shown; once the app runs, the workspace is opened
// and the reference data loaded on a worker goroutine, then the views are
// built on the UI goroutine. The page has the theme's background, so
// nothing flashes; bench/startup.sh measures the time to the window.

// openLater shows the opening page in u's window and, once the app runs,
// opens the workspace at path and shows it (or why it did not open).
func (u *UI) openLater(path string) {
	applyTheme(u.app, u.prefs.themeMode())
	u.win.SetTitle("Parley — " + filepath.Base(path))
	u.win.SetContent(openingPage(path))
	u.app.Lifecycle().SetOnStarted(func() {
		go func() {
			// Temporary files of an XLSX import that was killed.
			tradefile.CleanTemp(u.sess.Time())
			ws, err := storage.OpenWith(path, u.openOptions(path))
			if err == nil {
				preload(ws, u.prefs.lastScenario(ws.Path()))
			}
			fyne.Do(func() { u.opened(path, ws, err) })
		}()
	})
}

// preload loads, on the worker goroutine, what showing the workspace needs
// first and the workspace keeps once loaded: the reference data of the
// scenario that opens (the last one shown, else "today").
func preload(ws *storage.Workspace, last string) {
	for _, id := range []string{last, "today"} {
		if id == "" {
			continue
		}
		if sc, err := ws.Scenario(id); err == nil {
			_, _ = ws.Model(sc.Assumptions)
			return
		}
	}
	_, _ = ws.Model(scenarios.DefaultAssumptions())
}

// opened shows the workspace opened on the worker, on the UI goroutine; a
// window closed meanwhile closes it instead.
func (u *UI) opened(path string, ws *storage.Workspace, err error) {
	// The app may quit (SIGTERM, say) while the workspace opens: Fyne then
	// runs this after its window system has ended, and the first window
	// call panics. Nothing is shown then, and the workspace is closed.
	defer func() {
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "not initialized") {
				panic(r)
			}
			u.closed = true
			if ws != nil {
				ws.Close()
			}
		}
	}()
	if u.closed {
		if ws != nil {
			ws.Close()
		}
		return
	}
	if err == nil {
		if err = u.show(ws); err != nil {
			ws.Close()
			u.sess.Detach()
		}
	}
	if err != nil {
		u.showOpenFailure(path, err)
	}
}

// openingPage is what the window shows while the workspace opens: its name
// and an activity bar, on the theme's background.
func openingPage(path string) fyne.CanvasObject {
	msg := widget.NewLabel("Opening " + filepath.Base(path) + "…")
	msg.Alignment = fyne.TextAlignCenter
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(msg, container.NewGridWrap(fyne.NewSize(240, bar.MinSize().Height), bar)))
}
