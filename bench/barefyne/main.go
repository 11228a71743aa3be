// Command barefyne is the yardstick of bench/startup.sh: the smallest Fyne
// program with a window of Parley's default size, built the same way as
// Parley (go build -trimpath -tags migrated_fynedo), so that the time
// Parley's window takes to appear can be compared with what Fyne itself
// takes on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("ca.parley.bench.barefyne")
	w := a.NewWindow("Bare Fyne")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.Resize(fyne.NewSize(1280, 720))
	w.ShowAndRun()
}
