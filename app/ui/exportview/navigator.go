// Package exportview is Parley's exports: the chart export dialog with its
// live preview, the deck dialog, and the one-chart slides the Position
// view and the exposure by province save. The shell opens its dialogs and
// gives them what they need as arguments; the package never reaches into
// the shell or another view.
package exportview

import (
	"fyne.io/fyne/v2"

	"parley/app/charts"
	"parley/app/ui/session"
	"parley/scenarios"
)

// PrefFolder is the preference that remembers the folder of the last export.
const PrefFolder = "export.folder"

// Navigator is what the exports ask of the rest of the window.
type Navigator interface {
	// Post runs f on the UI goroutine; workers post their results with it.
	Post(f func())
	// ShowError tells the user that what ("export the chart") failed.
	ShowError(what string, err error)
	// SetStatus shows msg in the status bar.
	SetStatus(msg string)
	// SaveAs asks where to save an export, proposing the file name name:
	// the path chosen gets ext unless it ends with it ("" adds none) and
	// is checked with the command line's refusals before use is called
	// with it. A title ("Export chart") titles the dialog, whose confirm
	// button then says Save and which opens in the folder of the last
	// export; "" keeps the dialog's own title and folder.
	SaveAs(what, ext, name, title string, use func(path string))
}

// Env is what every export dialog is built over: the window, the session
// (workspace, scenarios, sectors), the navigator and the preferences the
// export folder is remembered in.
type Env struct {
	Win   fyne.Window
	Sess  *session.Session
	Nav   Navigator
	Prefs fyne.Preferences
	// Clipboard receives the data Copy data copies (the app's).
	Clipboard fyne.Clipboard
}

// exported remembers dir as the folder of the last export.
func (e Env) exported(dir string) {
	if e.Prefs != nil {
		e.Prefs.SetString(PrefFolder, dir)
	}
}

// Preset is what the chart export dialog opens with.
type Preset struct {
	Kind charts.Kind
	IDs  []string
	Dir  scenarios.Direction // "" for auto
	// Sector is the sector of a products chart, "" for every sector.
	Sector string
	// Compared are the scenarios the Compare view compares: the compare
	// chart's scenarios when the preset is not a comparison itself.
	Compared []string
}

// allSectors is the choice of every sector.
const allSectors = "All sectors"
