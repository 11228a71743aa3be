package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	pstorage "parley/storage"
)

// workspaceExt is the extension of workspace files.
const workspaceExt = ".parley"

// startIn points a file dialog at the workspace's folder.
func (u *UI) startIn(d *dialog.FileDialog) {
	dir := filepath.Dir(u.sess.Workspace().Path())
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// fileSaveDialog returns a save dialog that calls use with the path chosen;
// what names the action in error titles. Only the writer's path is used:
// the writer is closed unused (fileRepository's never touched the file),
// and Parley writes the file itself, atomically.
func (u *UI) fileSaveDialog(what string, use func(path string)) *dialog.FileDialog {
	return dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(what, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		use(path)
	}, u.win)
}

// exportSaveDialog returns a save dialog for an export: the path chosen
// gets ext (".png") unless it ends with it already ("" adds none), and is
// checked with the refusals of the command line (storage.CheckExportTarget:
// open workspaces and their -wal, -shm and -journal files, databases,
// folders, FIFOs, devices, another user's link in a shared folder) before
// use is called with it. The file the user picked is checked too, when a
// name without the extension was typed: a refused file is never written,
// truncated or removed, and the user is told why. A file the export does
// not replace stays as it is: Parley removes no file it did not create.
func (u *UI) exportSaveDialog(what, ext string, use func(path string)) *dialog.FileDialog {
	return u.fileSaveDialog(what, func(chosen string) {
		path := withExt(chosen, ext)
		for _, p := range []string{chosen, path} {
			if err := pstorage.CheckExportTarget(p); err != nil {
				u.showError(what, err)
				return
			}
		}
		use(path)
	})
}

// withExt returns path ending in ext (any case); ext "" leaves it as it is.
func withExt(path, ext string) string {
	if ext == "" || strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// fileOpenDialog returns an open dialog that calls use with the path chosen;
// what names the action in error titles.
func (u *UI) fileOpenDialog(what string, use func(path string)) *dialog.FileDialog {
	return dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(what, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		use(path)
	}, u.win)
}

// newWorkspaceDialog asks where to create a new workspace and opens it.
func (u *UI) newWorkspaceDialog() {
	d := u.fileSaveDialog("create the workspace", u.createWorkspace)
	d.SetFileName("workspace" + workspaceExt)
	d.SetTitleText("New workspace")
	d.SetConfirmText("Create")
	u.startIn(d)
	u.showFileDialog(d)
}

// createWorkspace opens a new workspace at path, adding ".parley" when it
// lacks it. A workspace already there is opened as it is, never emptied.
func (u *UI) createWorkspace(path string) {
	if !strings.HasSuffix(path, workspaceExt) {
		path += workspaceExt
	}
	// An empty file becomes the new workspace (storage.Open fills it): it
	// is never removed, whatever file the user picked.
	info, err := os.Stat(path)
	existed := err == nil && info.Size() > 0
	u.openWorkspace(path)
	if existed && u.sess.Workspace().Path() == path {
		u.setStatus("Opened the workspace already at " + path)
	}
}

// openWorkspaceDialog asks for a workspace file and opens it.
func (u *UI) openWorkspaceDialog() {
	d := u.fileOpenDialog("open the workspace", u.openWorkspace)
	d.SetFilter(storage.NewExtensionFileFilter([]string{workspaceExt}))
	d.SetTitleText("Open workspace")
	u.startIn(d)
	u.showFileDialog(d)
}

// showFileDialog shows a file dialog, then sizes it: FileDialog.Resize
// fails before Show (Fyne 2.8.1 reads the size of a window it has not made
// yet).
func (u *UI) showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(u.dialogSize())
}

// dialogSize is the size of file dialogs: large, but inside the window.
func (u *UI) dialogSize() fyne.Size {
	s := u.win.Canvas().Size()
	return fyne.NewSize(min(900, s.Width*0.9), min(640, s.Height*0.9))
}

// openWorkspace closes the current workspace and shows the one at path.
func (u *UI) openWorkspace(path string) {
	if path == u.sess.Workspace().Path() {
		return
	}
	u.flushSave()
	ws, err := pstorage.OpenWith(path, u.openOptions(path))
	if err != nil {
		u.showError("open the workspace", err)
		return
	}
	u.exposure.Stop()
	u.compare.Stop()
	if err := u.sess.Workspace().Close(); err != nil {
		u.log.Error("close the workspace", "err", err)
	}
	u.sess.Attach(ws)
	if err := u.build(); err != nil {
		u.showError("open the workspace", err)
		return
	}
	u.menu = newAppMenu(u)
	u.win.SetMainMenu(u.menu.main)
	u.setStatus("Opened " + path)
}

// importScenarioDialog imports a parley.scenario/1 file as a new scenario.
func (u *UI) importScenarioDialog() {
	d := u.fileOpenDialog("import the scenario", u.dataFileUsed(u.importScenario))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.SetTitleText("Import scenario")
	u.dataFolder(d)
	u.showFileDialog(d)
}

// importScenario imports the scenario file at path (undoable).
func (u *UI) importScenario(path string) {
	u.flushSave()
	id, err := u.sess.Workspace().ImportScenarioFile(path)
	if err != nil {
		u.showError("import the scenario", importError(path, err))
		return
	}
	u.created(id, "import of "+filepath.Base(path))
}

// created records the creation of scenario id and shows it.
func (u *UI) created(id, label string) {
	sc, err := u.sess.Created(id, label)
	if err != nil {
		u.showError("open the scenario", err)
		return
	}
	u.reloadScenarios()
	u.openScenario(id)
	u.selectTab(tabScenarios)
	u.setStatus(fmt.Sprintf("Created “%s”", sc.Name))
}

// exportScenarioDialog writes the scenario shown as a scenario file.
func (u *UI) exportScenarioDialog() {
	if u.sess.Draft() == nil {
		return
	}
	u.flushSave()
	id := u.sess.Current()
	d := u.fileSaveDialog("export the scenario", u.dataFileUsed(func(path string) {
		if err := u.sess.Workspace().ExportScenarioFile(id, path); err != nil {
			u.showError("export the scenario", err)
			return
		}
		u.setStatus("Exported to " + path)
	}))
	d.SetFileName(pstorage.Slug(u.sess.Draft().Name) + ".json")
	d.SetTitleText("Export scenario")
	d.SetConfirmText("Export")
	u.dataFolder(d)
	u.showFileDialog(d)
}

// showShortcuts lists the keyboard shortcuts.
func (u *UI) showShortcuts() {
	text := strings.Join([]string{
		"Ctrl+N\tNew scenario",
		"Ctrl+O\tOpen workspace",
		"Ctrl+E\tExport chart",
		"Ctrl+Shift+E\tExport deck",
		"Ctrl+Z\tUndo the last scenario edit",
		"Ctrl+Y, Ctrl+Shift+Z\tRedo",
		"Ctrl+F\tFind in the evidence library",
		"Ctrl+Shift+F\tFind products (HS code or words)",
		"Ctrl+Q\tQuit",
		"Tab, Shift+Tab\tMove between fields",
		"Enter\tConfirm a dialog",
		"Escape\tCancel a dialog",
	}, "\n")
	grid := widget.NewTextGridFromString(strings.ReplaceAll(text, "\t", "    "))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", grid, u.win)
	u.track(d, nil)
}

// showSources lists the data sources of the scenario shown.
func (u *UI) showSources() {
	lines := u.sess.SourceLines()
	var docs []string
	if list, err := u.sess.Workspace().TradeData().Provenance(); err == nil {
		for _, d := range list {
			docs = append(docs, fmt.Sprintf("• %s (%s): %s", d.Name, d.File, d.Source))
		}
	}
	msg := widget.NewLabel(strings.Join(lines, "\n") + "\n\nDatasets in this workspace:\n" + strings.Join(docs, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Where the numbers come from", "Close", kit.ScrollOf(msg, 640, 420), u.win)
	u.track(d, nil)
}
