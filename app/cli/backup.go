package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parley/storage"
	"parley/storage/backup"
)

func backupCommand() *command {
	return &command{
		name:    "backup",
		args:    "list | restore [NAME|--latest] [--out FILE]",
		summary: "the app's daily copies of the workspace: list them, or restore one to a new file",
		flags: flagSpec{
			values: []string{"out"},
			bools:  []string{"latest"},
			short:  map[string]string{"o": "out"},
		},
		// Not opened: the backups are what a damaged workspace needs.
		run: func(c *call) error {
			args, err := c.positionals(1, 2, "backup subcommand (list or restore)")
			if err != nil {
				return err
			}
			path, err := workspacePath(c.args)
			if err != nil {
				return err
			}
			if abs, err := filepath.Abs(path); err == nil {
				path = abs
			}
			switch args[0] {
			case "list":
				if len(args) > 1 {
					return usagef("unexpected argument %q", args[1])
				}
				for _, f := range []string{"out", "latest"} {
					if c.args.has(f) {
						return usagef("backup list takes no --%s", f)
					}
				}
				return backupList(c, path)
			case "restore":
				return backupRestore(c, path, args[1:])
			}
			return usagef("unknown backup subcommand %q (list or restore)", args[0])
		},
	}
}

// backupList prints the copies of the workspace at path, the last backup
// first: date, size and path.
func backupList(c *call, path string) error {
	dir := backup.Dir(path)
	now := c.env.now()
	list, err := backup.List(dir, path, now)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		c.out("no backups of %s in %s (the desktop app makes one a day)\n", filepath.Base(path), dir)
		return nil
	}
	for _, b := range list {
		note := ""
		if b.Future {
			note = "\t(named after tomorrow: made while the clock was ahead)"
		}
		c.out("%s\t%s\t%s%s\n", b.Date.Format("2006-01-02"), humanSize(b.Size), b.Path, note)
	}
	if days := int(now.Sub(list[0].Date).Hours() / 24); !list[0].Future && days > 1 {
		c.out("note: the newest copy is %d days old (the app makes one a day when it opens the workspace or saves a change)\n", days)
	}
	return nil
}

// backupRestore copies a backup to a new file: never over the workspace
// or any file that exists.
func backupRestore(c *call, path string, args []string) error {
	latest := c.args.bool("latest")
	switch {
	case latest && len(args) > 0:
		return usagef("give a backup NAME or --latest, not both")
	case !latest && len(args) == 0:
		return usagef("give a backup NAME (see 'parley backup list') or --latest")
	}
	dir := backup.Dir(path)
	list, err := backup.List(dir, path, c.env.now())
	if err != nil {
		return err
	}
	chosen, err := chooseBackup(list, latest, args, path, dir)
	if err != nil {
		return err
	}
	out := c.args.value("out")
	var dest string
	if out == "" {
		if dest, err = storage.RecoverBackupCopy(path, *chosen); err != nil {
			return err
		}
	} else {
		if abs, err := filepath.Abs(out); err == nil {
			out = abs
		}
		for _, live := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
			if out == live {
				return &badInput{fmt.Errorf("--out %s is the workspace itself: restore the backup to a new file and open that", out)}
			}
		}
		if _, err := os.Lstat(out); err == nil {
			return &badInput{fmt.Errorf("--out %s exists: restore the backup to a new file (nothing was overwritten)", out)}
		}
		if err := storage.RestoreBackup(chosen.Path, out); err != nil {
			return err
		}
		dest = out
	}
	c.out("restored the backup of %s (%s) to %s; the workspace %s is left as it is: open the copy with --workspace %s, or in the app\n",
		chosen.Date.Format("2006-01-02"), chosen.Name, dest, path, dest)
	return nil
}

// chooseBackup returns the newest copy of list (latest), or the one args[0]
// names by its file name, path or date.
func chooseBackup(list []backup.Copy, latest bool, args []string, path, dir string) (*backup.Copy, error) {
	if latest {
		if len(list) == 0 {
			return nil, &badInput{fmt.Errorf("%w: no backup of %s in %s", storage.ErrNotFound, filepath.Base(path), dir)}
		}
		return &list[0], nil
	}
	want := args[0]
	i := slices.IndexFunc(list, func(b backup.Copy) bool {
		return b.Name == filepath.Base(want) || b.Path == want || b.Date.Format("2006-01-02") == want
	})
	if i < 0 {
		var have []string
		for _, b := range list {
			have = append(have, b.Name)
		}
		msg := "none"
		if len(have) > 0 {
			msg = strings.Join(have, ", ")
		}
		return nil, &badInput{fmt.Errorf("%w: no backup %q of %s in %s (there are: %s)", storage.ErrNotFound, want, filepath.Base(path), dir, msg)}
	}
	return &list[i], nil
}

// humanSize writes a size in bytes for people.
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
