package ui

import (
	"errors"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
)

// LogFile is the name of the app's log in Parley's cache folder.
const LogFile = "parley.log"

// Prepare readies the process for the desktop app; call it before the Fyne
// app is created. It gives the process a UTF-8 locale when LANG is C, POSIX
// or unset (so that accented letters can be typed), selects X11 outside
// Wayland sessions (GLFW otherwise probes Wayland and prints an error),
// creates the cache folder Fyne expects, and sends Fyne's log to
// parley.log in Parley's cache folder instead of the terminal (to the
// terminal, at debug level, when PARLEY_DEBUG is set); the previous run's log
// is kept as parley.log.1. The returned function closes the log.
func Prepare() (done func()) {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		fixLocale()
		if os.Getenv("FYNE_PLATFORM") == "" && os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("DISPLAY") != "" {
			os.Setenv("FYNE_PLATFORM", "x11")
		}
	}
	cache, err := os.UserCacheDir()
	if err == nil {
		err = os.MkdirAll(cache, 0o755)
	}
	if os.Getenv("PARLEY_DEBUG") != "" {
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})))
		return func() {}
	}
	var out io.Writer = io.Discard
	var f *os.File
	if err == nil {
		dir := filepath.Join(cache, "Parley")
		if os.MkdirAll(dir, 0o755) == nil {
			// Keep the previous run's log (its crash, say) as parley.log.1.
			logPath := filepath.Join(dir, LogFile)
			_ = os.Rename(logPath, logPath+".1")
			if f, err = os.Create(logPath); err == nil {
				out = f
			}
		}
	}
	log.SetOutput(out)
	slog.SetDefault(slog.New(slog.NewTextHandler(out, &slog.HandlerOptions{Level: slog.LevelInfo})))
	return func() {
		log.SetOutput(os.Stderr)
		if f != nil {
			f.Close()
		}
	}
}

// fixLocale sets a UTF-8 locale when the environment asks for the C locale
// or none.
func fixLocale() {
	isC := func(s string) bool { return s == "" || s == "C" || s == "POSIX" }
	switch all := os.Getenv("LC_ALL"); {
	case all != "" && isC(all):
		os.Setenv("LC_ALL", "C.UTF-8")
	case all == "" && isC(os.Getenv("LANG")):
		os.Setenv("LANG", "C.UTF-8")
	}
}

// ErrNoDisplay: the desktop app was started where there is no graphical
// session to show it in.
var ErrNoDisplay = errors.New("no display: the desktop app needs a graphical session (DISPLAY or WAYLAND_DISPLAY is not set); the commands work without one, see 'parley help'")

// CheckDisplay reports ErrNoDisplay on Linux and the BSDs when neither an X11
// nor a Wayland display is set; Windows and macOS always have one.
func CheckDisplay() error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return ErrNoDisplay
	}
	return nil
}
