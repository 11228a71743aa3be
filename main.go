// Parley is a desktop scenario planner for Canada–US trade negotiators. With
// no command it opens the desktop app; with a command it runs the command line
// (see 'parley help').
package main

import (
	"fmt"
	"log"
	"log/slog"
	"mime"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/storage/repository"

	"parley/app/cli"
	"parley/app/ui"
	"parley/app/ui/platform"
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
	if err := platform.CheckDisplay(); err != nil {
		return err
	}
	defer prepare()()
	a := app.NewWithID(appID)
	// After the app is made, which registers Fyne's own repositories.
	for ext, typ := range platform.MIMETypes() {
		_ = mime.AddExtensionType(ext, typ)
	}
	for scheme, r := range platform.Repositories() {
		repository.Register(scheme, r)
	}
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

// prepare readies the process for the desktop app before the Fyne app is
// made: the environment it needs (platform.Environment) and the log
// (platform.OpenLog) for Fyne's messages and the app's. The returned
// function closes the log.
func prepare() (done func()) {
	for k, v := range platform.Environment() {
		os.Setenv(k, v)
	}
	l := platform.OpenLog()
	slog.SetDefault(slog.New(slog.NewTextHandler(l.Out, &slog.HandlerOptions{Level: l.Level})))
	if l.Debug {
		return l.Close
	}
	log.SetOutput(l.Out)
	return func() {
		log.SetOutput(os.Stderr)
		l.Close()
	}
}
