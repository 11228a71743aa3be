package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/exportview"
	"parley/app/ui/platform"
)

// onUI runs f on the UI goroutine, through the Post function the shell
// gave the window (fyne.Do; tests give their own). Workers post their
// results with it.
func (u *UI) onUI(f func()) { u.post(f) }

// exportNav is the shell as the exports see it.
type exportNav struct{ u *UI }

func (n exportNav) Post(f func())                    { n.u.onUI(f) }
func (n exportNav) ShowError(what string, err error) { n.u.showError(what, err) }
func (n exportNav) SetStatus(msg string)             { n.u.setStatus(msg) }

// SaveAs shows the export save dialog (exportSaveDialog's refusals); a
// titled one opens in the folder of the last export.
func (n exportNav) SaveAs(what, ext, name, title string, use func(path string)) {
	fd := n.u.exportSaveDialog(what, ext, use)
	fd.SetFileName(name)
	if title != "" {
		fd.SetTitleText(title)
		fd.SetConfirmText("Save")
		n.u.exportFolder(fd)
	}
	n.u.showFileDialog(fd)
}

// exportEnv is what the export dialogs are built over.
func (u *UI) exportEnv() exportview.Env {
	return exportview.Env{Win: u.win, Sess: u.sess, Nav: exportNav{u}, Prefs: u.app.Preferences(), Clipboard: u.app.Clipboard()}
}

// exportChartDialog opens the export dialog on the scenario shown.
func (u *UI) exportChartDialog() {
	p := exportview.Preset{Kind: charts.Exposure}
	if u.sess.Current() != "" {
		p.IDs = []string{u.sess.Current()}
	}
	u.showExportDialog(p)
}

// showExportDialog opens the export dialog preset to a chart (the
// scenarios the Compare view compares preset its comparison); it does
// nothing when one is open already.
func (u *UI) showExportDialog(p exportview.Preset) *exportview.ChartDialog {
	if d, ok := u.dialogs.top().(*exportview.ChartDialog); ok {
		return d
	}
	u.flushSave() // export what is on screen
	if p.Compared == nil {
		p.Compared = u.compare.IDs()
	}
	d := exportview.NewChartDialog(u.exportEnv(), p)
	u.track(d, d.Stop)
	d.Shown()
	return d
}

// exportDeckDialog opens the deck dialog on the scenario shown.
func (u *UI) exportDeckDialog() {
	if _, ok := u.dialogs.top().(*exportview.DeckDialog); ok {
		return
	}
	u.flushSave()
	d := exportview.NewDeckDialog(u.exportEnv())
	u.track(d, nil)
	d.Shown()
}

// saveDeck builds the deck of ids and writes it to path (exportview.SaveDeck).
func (u *UI) saveDeck(path string, ids []string, opt report.DeckOptions, done func(string, error)) {
	exportview.SaveDeck(u.exportEnv(), path, ids, opt, done)
}

// exportFolder points a save dialog at the folder of the last export, else
// the user's documents folder (or home folder): never the configuration
// folder the default workspace lives in.
func (u *UI) exportFolder(fd *dialog.FileDialog) {
	for _, dir := range []string{u.app.Preferences().String(exportview.PrefFolder), platform.DocumentsFolder()} {
		if dir == "" {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
			return
		}
	}
	u.startIn(fd)
}
