package platform

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
)

// LogFile is the name of the app's log in Parley's cache folder.
const LogFile = "parley.log"

// Environment returns the environment variables the desktop app needs set
// before the Fyne app is created (main sets them): a UTF-8 locale when LANG
// is C, POSIX or unset (so that accented letters can be typed), and X11
// outside Wayland sessions (GLFW otherwise probes Wayland and prints an
// error). It is empty when nothing needs to change.
func Environment() map[string]string {
	env := map[string]string{}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return env
	}
	isC := func(s string) bool { return s == "" || s == "C" || s == "POSIX" }
	switch all := os.Getenv("LC_ALL"); {
	case all != "" && isC(all):
		env["LC_ALL"] = "C.UTF-8"
	case all == "" && isC(os.Getenv("LANG")):
		env["LANG"] = "C.UTF-8"
	}
	if os.Getenv("FYNE_PLATFORM") == "" && os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("DISPLAY") != "" {
		env["FYNE_PLATFORM"] = "x11"
	}
	return env
}

// Log is where the desktop app's log goes.
type Log struct {
	// Out receives the log: parley.log in Parley's cache folder, the
	// terminal when PARLEY_DEBUG is set, nowhere when no file can be made.
	Out io.Writer
	// Level is the lowest level logged: debug with PARLEY_DEBUG, else info.
	Level slog.Level
	// Debug is set when the log goes to the terminal: the standard logger
	// then stays where it is.
	Debug bool
	// Close closes the log file.
	Close func()
}

// OpenLog creates the cache folder Fyne expects and opens the app's log:
// parley.log in Parley's cache folder, the previous run's log kept as
// parley.log.1 (its crash, say); with PARLEY_DEBUG set, the terminal at
// debug level. The caller (main) points the process's loggers at it.
func OpenLog() Log {
	cache, err := os.UserCacheDir()
	if err == nil {
		err = os.MkdirAll(cache, 0o755)
	}
	if os.Getenv("PARLEY_DEBUG") != "" {
		return Log{Out: os.Stderr, Level: slog.LevelDebug, Debug: true, Close: func() {}}
	}
	l := Log{Out: io.Discard, Level: slog.LevelInfo, Close: func() {}}
	if err != nil {
		return l
	}
	dir := filepath.Join(cache, "Parley")
	if os.MkdirAll(dir, 0o755) != nil {
		return l
	}
	logPath := filepath.Join(dir, LogFile)
	_ = os.Rename(logPath, logPath+".1")
	if f, err := os.Create(logPath); err == nil {
		l.Out, l.Close = f, func() { f.Close() }
	}
	return l
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
