package storage

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupsKept is how many daily copies of a workspace Backup keeps.
const BackupsKept = 7

// backupDate is the layout of the date in a backup's name.
const backupDate = "2006-01-02"

// BackupDir returns the folder where the desktop app keeps the copies of
// the workspace at path: "backups" beside it (for the default workspace, in
// Parley's configuration folder).
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "backups")
}

// backupStem is the part of a backup's name that names its workspace.
func backupStem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Backup copies the workspace into dir as NAME.YYYY-MM-DD.parley (today's
// date), unless today's copy is there already, and deletes the copies
// beyond the newest BackupsKept. The copy is made by SQLite (VACUUM INTO),
// from one consistent snapshot, committed changes of the -wal file
// included, and appears under its name only once it is complete. It
// returns the path of today's copy.
func (w *Workspace) Backup(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("back up the workspace: %w", err)
	}
	stem := backupStem(w.path)
	dest := filepath.Join(dir, stem+"."+w.now().Format(backupDate)+".parley")
	if _, err := os.Stat(dest); err == nil {
		return dest, nil
	}
	tmp := filepath.Join(dir, "."+filepath.Base(dest)+".tmp")
	os.Remove(tmp) // left by a backup that was interrupted
	if _, err := w.db.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("back up the workspace to %s: %w", dir, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("back up the workspace to %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("back up the workspace to %s: %w", dir, err)
	}
	syncDir(dir)
	list, err := Backups(dir, w.path)
	if err != nil {
		return dest, err
	}
	for _, old := range list[min(len(list), BackupsKept):] {
		if err := os.Remove(old); err != nil {
			return dest, fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return dest, nil
}

// backupDaily makes today's backup in the background; Close waits for it.
// A failure is logged: it must not keep the workspace from opening.
func (w *Workspace) backupDaily(dir string) {
	w.backups.Add(1)
	go func() {
		defer w.backups.Done()
		if _, err := w.Backup(dir); err != nil {
			slog.Warn("daily backup failed", "workspace", w.path, "err", err)
		}
	}()
}

// Backups returns the copies of the workspace at path that Backup made in
// dir, newest first.
func Backups(dir, path string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the backups: %w", err)
	}
	prefix := backupStem(path) + "."
	var out []string
	for _, e := range entries {
		date, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || e.IsDir() {
			continue
		}
		date, ok = strings.CutSuffix(date, ".parley")
		if _, err := time.Parse(backupDate, date); !ok || err != nil {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out, nil
}

// RecoverBackup copies the newest backup of the workspace at path (see
// BackupDir) beside it, as NAME.recovered-YYYY-MM-DD.parley (with a number
// if that name is taken), and returns the copy's path. The workspace at
// path, damaged or not, is left as it is.
func RecoverBackup(path string) (string, error) {
	list, err := Backups(BackupDir(path), path)
	if err != nil {
		return "", err
	}
	if len(list) == 0 {
		return "", fmt.Errorf("%w: no backup of %s in %s", ErrNotFound, filepath.Base(path), BackupDir(path))
	}
	newest := list[0]
	date := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(newest), backupStem(path)+"."), ".parley")
	base := filepath.Join(filepath.Dir(path), backupStem(path)+".recovered-"+date)
	dest := base + ".parley"
	for i := 2; ; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
			break
		}
		dest = fmt.Sprintf("%s-%d.parley", base, i)
	}
	src, err := os.Open(newest)
	if err != nil {
		return "", fmt.Errorf("open the backup: %w", err)
	}
	defer src.Close()
	err = WriteFileAtomic(dest, func(out io.Writer) error {
		_, err := io.Copy(out, src)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("copy the backup: %w", err)
	}
	return dest, nil
}

// syncFile flushes a file to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
