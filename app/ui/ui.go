// Package ui is Parley's desktop app: the window a negotiator opens to build
// scenarios from evidence and see the exposure by sector.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parley/storage"
)

// Create fills the window with Parley's user interface on the workspace at
// path ("" for the last workspace used, else the default).
func Create(a fyne.App, w fyne.Window, path string) error {
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	ws, err := storage.Open(path)
	if err != nil {
		return err
	}
	w.SetOnClosed(func() { ws.Close() })
	w.SetContent(widget.NewLabel("Parley: " + ws.Path()))
	w.Resize(fyne.NewSize(1200, 800))
	return nil
}
