// Parley is a desktop scenario planner for Canada–US trade negotiators. With
// no command it opens the desktop app; with a command it runs the command line
// (see 'parley help').
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"parley/app/cli"
	"parley/app/ui"
	"parley/assets"
)

// Set at build time with -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// appID is Parley's reverse-DNS application id (as in FyneApp.toml).
const appID = "ca.parley.planner"

func main() {
	env := cli.Env{
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Build:   cli.BuildInfo{Version: version, Commit: commit, Date: date},
		OpenGUI: openGUI,
	}
	os.Exit(cli.Run(os.Args[1:], env))
}

// openGUI runs the desktop app until its window closes.
func openGUI(workspace string) (err error) {
	if err := ui.CheckDisplay(); err != nil {
		return err
	}
	defer ui.Prepare()()
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("Parley")
	u, err := ui.Create(a, w, workspace)
	if err != nil {
		return err
	}
	defer u.Close() // also when Fyne quits on SIGINT or SIGTERM
	defer func() {
		// GLFW panics when it cannot talk to the display: say so plainly.
		if r := recover(); r != nil {
			err = fmt.Errorf("the desktop app could not open its window (is the display running?): %v", r)
		}
	}()
	w.ShowAndRun()
	return nil
}
