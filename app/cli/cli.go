// Package cli is Parley's command line (docs/SPEC.md section 4): the same binary as
// the desktop app, with commands that never need a display.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// Exit statuses of docs/SPEC.md section 4.
const (
	ExitOK      = 0
	ExitFailure = 1 // a runtime failure
	ExitUsage   = 2 // bad usage or bad input
)

// BusyTimeout is how long a command waits for another Parley (the app,
// another command) that is writing to the workspace, a long document import
// say, before it gives up with storage.ErrBusy. Longer than the app's: a
// script can wait, a window should not freeze.
const BusyTimeout = 30 * time.Second

// BuildInfo says which build of Parley is running; it is set at build time.
type BuildInfo struct {
	Version string
	Commit  string
	Date    string
}

// Env is what a command runs with.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Build  BuildInfo
	// OpenGUI opens the desktop app; it is called when no command is given,
	// with the --workspace file or "" for the app's own choice (the last
	// workspace used, else the default). Nil means no desktop app is available.
	OpenGUI func(workspace string) error
	// Now is the clock of every command (today's date, backups' ages, a
	// deck's date); nil means time.Now.
	Now func() time.Time
}

// now returns the current time by the Env's clock.
func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// today returns the current day by the Env's clock, in local time.
func (e *Env) today() scenarios.Date { return scenarios.DateOf(e.now()) }

// command is one command of the command line.
type command struct {
	name    string
	args    string // usage of the arguments
	summary string
	flags   flagSpec
	// workspace is true for commands that open the workspace.
	workspace bool
	run       func(c *call) error
}

// call is one invocation of a command.
type call struct {
	env  *Env
	args *parsed
	ws   *storage.Workspace
}

func (c *call) out(format string, a ...any) { fmt.Fprintf(c.env.Stdout, format, a...) }

// explain turns SQLite's errors about the workspace file (damaged, disk
// full) into messages that say what to do.
func (c *call) explain(err error) error {
	return storage.MapDiskFull(c.ws.Path(), storage.MapDamaged(c.ws.Path(), err))
}

// usageError is bad usage: exit status 2 with the command's usage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{msg: fmt.Sprintf(format, a...)} }

// commands returns the command table.
func commands() []*command {
	return []*command{
		versionCommand(),
		scenariosCommand(),
		importCommand(),
		exportCommand(),
		computeCommand(),
		compareCommand(),
		deriveCommand(),
		listsCommand(),
		datasetCommand(),
		chartCommand(),
		deckCommand(),
		libraryCommand(),
		evidenceCommand(),
		backupCommand(),
	}
}

var globalFlags = flagSpec{values: []string{"workspace"}, bools: []string{"help"}, short: map[string]string{"w": "workspace", "h": "help"}}

// Run runs the command line with args (without the program name) and returns
// the exit status.
func Run(args []string, env Env) int {
	// Names and texts from workspaces and files never reach the terminal raw.
	stdout, stderr := newTextWriter(env.Stdout), newTextWriter(env.Stderr)
	defer stdout.flush()
	defer stderr.flush()
	if stdout != nil && stderr != nil {
		env.Stdout, env.Stderr = stdout, stderr
	}
	cmds := commands()
	// Find the command: the first argument that is not a global flag or its value.
	name, rest, err := splitCommand(args)
	if err != nil {
		return fail(&env, err, "")
	}
	if name == "" {
		return runNoCommand(&env, rest, cmds)
	}
	if name == "help" {
		printUsage(env.Stdout, cmds)
		return ExitOK
	}
	cmd := findCommand(cmds, name)
	if cmd == nil {
		return fail(&env, usagef("unknown command %q (try 'parley help')", name), "")
	}
	spec := cmd.flags.with(globalFlags)
	p, err := parse(rest, spec, 0, -1)
	if err != nil {
		return fail(&env, err, cmd.usage())
	}
	if p.bool("help") {
		fmt.Fprintln(env.Stdout, cmd.usage())
		return ExitOK
	}
	c := &call{env: &env, args: p}
	if cmd.workspace {
		path, err := workspacePath(p)
		if err != nil {
			return fail(&env, err, "")
		}
		ws, err := storage.OpenWith(path, storage.Options{BusyTimeout: BusyTimeout})
		if err != nil {
			return fail(&env, storage.MapDiskFull(path, storage.MapDamaged(path, err)), "")
		}
		defer ws.Close()
		c.ws = ws
	}
	if err := cmd.run(c); err != nil {
		var done *reported
		if c.ws != nil && !errors.As(err, &done) {
			err = c.explain(err)
		}
		return fail(&env, err, cmd.usage())
	}
	return ExitOK
}

// runNoCommand runs parley without a command: help, or the desktop app.
func runNoCommand(env *Env, rest []string, cmds []*command) int {
	p, err := parse(rest, globalFlags, 0, 0)
	if err != nil {
		return fail(env, err, "")
	}
	if p.bool("help") {
		printUsage(env.Stdout, cmds)
		return ExitOK
	}
	if env.OpenGUI == nil {
		printUsage(env.Stderr, cmds)
		return ExitUsage
	}
	if err := env.OpenGUI(p.value("workspace")); err != nil {
		return fail(env, err, "")
	}
	return ExitOK
}

// findCommand returns the command called name, or nil.
func findCommand(cmds []*command, name string) *command {
	var cmd *command
	for _, c := range cmds {
		if c.name == name {
			cmd = c
		}
	}
	return cmd
}

// splitCommand returns the command name and the other arguments.
func splitCommand(args []string) (string, []string, error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return "", args, nil
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if n, ok := globalFlags.short[name]; ok {
				name = n
			}
			if globalFlags.isValue(name) {
				i++ // skip its value
			}
			continue
		}
		return a, append(append([]string(nil), args[:i]...), args[i+1:]...), nil
	}
	return "", args, nil
}

func workspacePath(p *parsed) (string, error) {
	if path := p.value("workspace"); path != "" {
		// A new workspace is created in a folder that exists: a mistyped
		// folder is an error, not a new workspace somewhere unexpected.
		dir := filepath.Dir(path)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return "", &badInput{fmt.Errorf("--workspace %s: the folder %s does not exist", path, dir)}
		}
		return path, nil
	}
	return storage.DefaultPath()
}

// maxProblems is how many problems of a file fail prints; a count says how
// many more there are.
const maxProblems = 100

// fail prints err and returns its exit status: 2 for bad usage or input, 1
// for a runtime failure.
func fail(env *Env, err error, usage string) int {
	var ue *usageError
	var fieldErrs scenarios.Errors
	var done *reported
	var packErrs library.Errors
	switch {
	case errors.As(err, &done):
		if storage.IsBadInput(done.err) || errors.Is(done.err, os.ErrNotExist) {
			return ExitUsage
		}
		return ExitFailure
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "parley: %v\n", err)
		if usage != "" {
			fmt.Fprintf(env.Stderr, "usage: %s\n", usage)
		}
		return ExitUsage
	case errors.As(err, &fieldErrs):
		// One line per problem, under the context the error was wrapped in.
		msg := err.Error()
		first := fieldErrs.Error()
		prefix := strings.TrimSuffix(strings.TrimSuffix(msg, first), ": ")
		if prefix != "" && prefix != msg {
			fmt.Fprintf(env.Stderr, "parley: %s: %d problem(s):\n", prefix, len(fieldErrs))
		} else {
			fmt.Fprintf(env.Stderr, "parley: %d problem(s):\n", len(fieldErrs))
		}
		for i, e := range fieldErrs {
			if i == maxProblems {
				fmt.Fprintf(env.Stderr, "  … and %d more\n", len(fieldErrs)-i)
				break
			}
			fmt.Fprintf(env.Stderr, "  %v\n", e)
		}
		return ExitUsage
	case errors.As(err, &packErrs):
		// A library pack the workspace refused: one line per problem,
		// each naming the file, row and field.
		fmt.Fprintf(env.Stderr, "parley: the library pack is refused; the library is unchanged:\n%v\n", packErrs)
		return ExitUsage
	case storage.IsBadInput(err) || errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(env.Stderr, "parley: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stderr, "parley: %v\n", err)
	return ExitFailure
}

// usage returns the command's usage line: its arguments, then the flags
// that the argument text does not already show.
func (c *command) usage() string {
	var flags []string
	for _, v := range c.flags.values {
		if !strings.Contains(c.args, "--"+v) {
			flags = append(flags, fmt.Sprintf("[--%s %s]", v, strings.ToUpper(strings.ReplaceAll(v, "-", "_"))))
		}
	}
	for _, b := range c.flags.bools {
		if !strings.Contains(c.args, "--"+b) {
			flags = append(flags, fmt.Sprintf("[--%s]", b))
		}
	}
	return strings.TrimSpace(fmt.Sprintf("parley [--workspace FILE] %s %s %s", c.name, c.args, strings.Join(flags, " ")))
}

func printUsage(w io.Writer, cmds []*command) {
	fmt.Fprintln(w, "Parley: scenario planner for Canada–US trade negotiations.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage:")
	fmt.Fprintln(w, "  parley [--workspace FILE]            open the desktop app")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-37s %s\n", strings.TrimSpace("parley "+c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "--workspace FILE works with every command (the file is created if absent);")
	fmt.Fprintln(w, "without it Parley uses its default workspace. 'parley COMMAND --help' shows a command's options.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.")
}
