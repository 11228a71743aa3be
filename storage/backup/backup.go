// Package backup names, lists and prunes the daily copies of a workspace
// that storage makes: NAME.YYYY-MM-DD.parley in a "backups" folder beside
// the workspace. It touches no database; storage writes the copies.
package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Kept is how many daily copies of a workspace a backup keeps.
const Kept = 7

// dayLayout is the layout of the date in a backup's name.
const dayLayout = "2006-01-02"

// staleTemp is how old a backup's temporary file must be before a later
// backup deletes it as left by one that was killed: a backup being
// written keeps its file's time fresh.
const staleTemp = time.Hour

// Dir returns the folder where the desktop app keeps the copies of the
// workspace at path: "backups" beside it (for the default workspace, in
// Parley's configuration folder).
func Dir(path string) string {
	return filepath.Join(filepath.Dir(path), "backups")
}

// stem is the part of a backup's name that names its workspace.
func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Day is the day of now as a backup's name writes it: one backup a day.
func Day(now time.Time) string { return now.Format(dayLayout) }

// Name is the file name of the copy of the workspace at path made on the
// day of now.
func Name(path string, now time.Time) string {
	return stem(path) + "." + Day(now) + ".parley"
}

// TempPattern is the os.CreateTemp pattern of the temporary file a copy
// named name is written into before it gets its name (RemoveStaleTemps
// recognizes it).
func TempPattern(name string) string { return "." + name + ".*.tmp" }

// Copy is one copy of a workspace that a backup made.
type Copy struct {
	Path string
	Name string    // the file's name
	Date time.Time // the day in its name (local midnight)
	Size int64
	// Future is set for a copy named with a day after tomorrow: made while
	// the clock was ahead. It is listed after every other copy, so it never
	// counts as the last backup, and the next backup deletes it.
	Future bool
}

// RemoveStaleTemps deletes the temporary files of backups of the workspace
// at path in dir that are over an hour old by now: left by a backup that
// was killed. now is the file system's clock (a new file's time).
func RemoveStaleTemps(dir, path string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + stem(path) + "."
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTemp {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// Prune deletes the copies of the workspace at path in dir beyond the
// newest Kept (see List for their order) and those named with a future day.
func Prune(dir, path string, now time.Time) error {
	list, err := List(dir, path, now)
	if err != nil {
		return err
	}
	for i, c := range list {
		if i < Kept && !c.Future {
			continue
		}
		if err := os.Remove(c.Path); err != nil {
			return fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return nil
}

// Error is a daily backup that failed. It says where the last good copy is
// and how old it is, for the user to act before it ages further.
type Error struct {
	Dir  string
	Err  error
	Last *Copy // the newest good copy, nil if there is none
	Now  time.Time
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("the daily backup of the workspace failed: %v", e.Err)
	if e.Last == nil {
		return msg + "; there is no backup copy in " + e.Dir
	}
	days := int(e.Now.Sub(e.Last.Date).Hours() / 24)
	age := "today's"
	switch {
	case days == 1:
		age = "1 day old"
	case days > 1:
		age = fmt.Sprintf("%d days old", days)
	}
	return fmt.Sprintf("%s; the last good copy is %s (%s, %s)", msg, e.Last.Path, e.Last.Date.Format(dayLayout), age)
}

func (e *Error) Unwrap() error { return e.Err }

// List returns the copies of the workspace at path that a backup made in
// dir, the last backup first: by the day in their names, newest first,
// except that copies named with a day after tomorrow (by now: made while
// the clock was ahead) come after all the others.
func List(dir, path string, now time.Time) ([]Copy, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the backups: %w", err)
	}
	y, m, d := now.Date()
	tomorrow := time.Date(y, m, d+1, 0, 0, 0, 0, time.Local)
	prefix := stem(path) + "."
	var out []Copy
	for _, e := range entries {
		date, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		date, ok = strings.CutSuffix(date, ".parley")
		day, err := time.ParseInLocation(dayLayout, date, time.Local)
		if !ok || err != nil {
			continue
		}
		c := Copy{Path: filepath.Join(dir, e.Name()), Name: e.Name(), Date: day, Future: day.After(tomorrow)}
		if info, err := e.Info(); err == nil {
			c.Size = info.Size()
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Copy) int {
		if a.Future != b.Future {
			if a.Future {
				return 1
			}
			return -1
		}
		return b.Date.Compare(a.Date)
	})
	return out, nil
}

// Paths returns the paths of the copies of the workspace at path that a
// backup made in dir, the last backup first (List, by the day of now).
func Paths(dir, path string, now time.Time) ([]string, error) {
	list, err := List(dir, path, now)
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.Path
	}
	return out, err
}

// RecoveredPath is where copy c of the workspace at path is recovered:
// beside it, as NAME.recovered-YYYY-MM-DD.parley, with a number if that
// name is taken.
func RecoveredPath(path string, c Copy) string {
	base := filepath.Join(filepath.Dir(path), stem(path)+".recovered-"+c.Date.Format(dayLayout))
	dest := base + ".parley"
	for i := 2; ; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
			return dest
		}
		dest = fmt.Sprintf("%s-%d.parley", base, i)
	}
}

// DamagedAdvice says where the backups of the workspace at path are and
// which is the newest, for a message about a damaged workspace. It has no
// workspace (the file is damaged) and so no workspace clock: the newest is
// by the system's day.
func DamagedAdvice(path string) string {
	dir := Dir(path)
	list, _ := List(dir, path, time.Now())
	if len(list) == 0 {
		return "there is no backup copy of it in " + dir
	}
	return fmt.Sprintf("backup copies are in %s, the newest %s ('parley backup restore --latest' copies it beside the workspace)", dir, list[0].Name)
}
