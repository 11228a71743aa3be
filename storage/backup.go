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
	"sync"
	"time"

	"parley/storage/atomicfile"
)

// BackupsKept is how many daily copies of a workspace Backup keeps.
const BackupsKept = 7

// backupDate is the layout of the date in a backup's name.
const backupDate = "2006-01-02"

// staleBackupTemp is how old a backup's temporary file must be before a
// later backup deletes it as left by one that was killed: a backup being
// written keeps its file's time fresh.
const staleBackupTemp = time.Hour

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

// BackupCopy is one copy of a workspace that Backup made.
type BackupCopy struct {
	Path string
	Name string    // the file's name
	Date time.Time // the day in its name (local midnight)
	Size int64
	// Future is set for a copy named with a day after tomorrow: made while
	// the clock was ahead. It is listed after every other copy, so it never
	// counts as the last backup, and the next backup deletes it.
	Future bool
}

// backupState is what a workspace opened with a backup folder remembers of
// its daily backups.
type backupState struct {
	dir    string
	failed func(error)
	mu     sync.Mutex
	day    string // the day of the last backup started
	closed bool
}

// Backup copies the workspace into dir as NAME.YYYY-MM-DD.parley (today's
// date), unless today's copy is there already, and deletes the copies
// beyond the newest BackupsKept (see ListBackups for their order) and those
// named with a future day. The copy is made by SQLite (VACUUM INTO), from
// one consistent snapshot, committed changes of the -wal file included,
// into a temporary file of its own that gets its name only once it is
// complete; temporary files left by a backup that was killed are deleted
// once they are an hour old. It returns the path of today's copy.
func (w *Workspace) Backup(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("back up the workspace: %w", err)
	}
	now := w.now()
	stem := backupStem(w.path)
	dest := filepath.Join(dir, stem+"."+now.Format(backupDate)+".parley")
	if info, err := os.Lstat(dest); err == nil {
		if !info.Mode().IsRegular() {
			return "", fmt.Errorf("back up the workspace: %s is not a regular file", dest)
		}
		return dest, nil
	}
	tmpf, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("back up the workspace to %s: %w", dir, err)
	}
	tmp := tmpf.Name()
	// File times are the file system's clock, whatever clock the workspace
	// has: the new temporary file's time is "now" for the others.
	if info, err := tmpf.Stat(); err == nil {
		removeStaleBackupTemps(dir, stem, info.ModTime())
	}
	tmpf.Close()
	// VACUUM INTO writes into an empty file.
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
	atomicfile.SyncDir(dir)
	list, err := ListBackups(dir, w.path, now)
	if err != nil {
		return dest, err
	}
	for i, c := range list {
		if i < BackupsKept && !c.Future {
			continue
		}
		if err := os.Remove(c.Path); err != nil {
			return dest, fmt.Errorf("remove an old backup: %w", err)
		}
	}
	return dest, nil
}

// removeStaleBackupTemps deletes the temporary files of backups of stem in
// dir that are over an hour old: left by a backup that was killed.
func removeStaleBackupTemps(dir, stem string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "."+stem+".") || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleBackupTemp {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// BackupError is a daily backup that failed. It says where the last good
// copy is and how old it is, for the user to act before it ages further.
type BackupError struct {
	Dir  string
	Err  error
	Last *BackupCopy // the newest good copy, nil if there is none
	Now  time.Time
}

func (e *BackupError) Error() string {
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
	return fmt.Sprintf("%s; the last good copy is %s (%s, %s)", msg, e.Last.Path, e.Last.Date.Format(backupDate), age)
}

func (e *BackupError) Unwrap() error { return e.Err }

// backupDaily makes today's backup in the background, unless one was
// started today already; Close waits for it. A failure is logged and
// passed to Options.BackupFailed: it must not keep the workspace from
// opening or a change from being saved.
func (w *Workspace) backupDaily() {
	b := w.backup
	if b == nil {
		return
	}
	day := w.now().Format(backupDate)
	b.mu.Lock()
	if b.closed || b.day == day {
		b.mu.Unlock()
		return
	}
	b.day = day
	w.backups.Add(1)
	b.mu.Unlock()
	go func() {
		defer w.backups.Done()
		if _, err := w.Backup(b.dir); err != nil {
			now := w.now()
			be := &BackupError{Dir: b.dir, Err: err, Now: now}
			if list, _ := ListBackups(b.dir, w.path, now); len(list) > 0 && !list[0].Future {
				be.Last = &list[0]
			}
			slog.Warn("daily backup failed", "workspace", w.path, "err", be)
			if b.failed != nil {
				b.failed(be)
			}
		}
	}()
}

// stopBackups lets no new backup start; Close then waits for the one
// being made.
func (w *Workspace) stopBackups() {
	if b := w.backup; b != nil {
		b.mu.Lock()
		b.closed = true
		b.mu.Unlock()
	}
	w.backups.Wait()
}

// ListBackups returns the copies of the workspace at path that Backup made
// in dir, the last backup first: by the day in their names, newest first,
// except that copies named with a day after tomorrow (by now: made while
// the clock was ahead) come after all the others.
func ListBackups(dir, path string, now time.Time) ([]BackupCopy, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the backups: %w", err)
	}
	y, m, d := now.Date()
	tomorrow := time.Date(y, m, d+1, 0, 0, 0, 0, time.Local)
	prefix := backupStem(path) + "."
	var out []BackupCopy
	for _, e := range entries {
		date, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		date, ok = strings.CutSuffix(date, ".parley")
		day, err := time.ParseInLocation(backupDate, date, time.Local)
		if !ok || err != nil {
			continue
		}
		c := BackupCopy{Path: filepath.Join(dir, e.Name()), Name: e.Name(), Date: day, Future: day.After(tomorrow)}
		if info, err := e.Info(); err == nil {
			c.Size = info.Size()
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b BackupCopy) int {
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

// Backups returns the paths of the copies of the workspace at path that
// Backup made in dir, the last backup first (ListBackups, by the day of now).
func Backups(dir, path string, now time.Time) ([]string, error) {
	list, err := ListBackups(dir, path, now)
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.Path
	}
	return out, err
}

// RecoverBackup copies the last backup of the workspace at path (see
// BackupDir and ListBackups) beside it, as NAME.recovered-YYYY-MM-DD.parley
// (with a number if that name is taken), and returns the copy's path. The
// workspace at path, damaged or not, is left as it is. The last backup is
// by the day of now (ListBackups).
func RecoverBackup(path string, now time.Time) (string, error) {
	list, err := ListBackups(BackupDir(path), path, now)
	if err != nil {
		return "", err
	}
	if len(list) == 0 {
		return "", fmt.Errorf("%w: no backup of %s in %s", ErrNotFound, filepath.Base(path), BackupDir(path))
	}
	return RecoverBackupCopy(path, list[0])
}

// RecoverBackupCopy copies the backup c of the workspace at path beside
// it, as NAME.recovered-YYYY-MM-DD.parley (with a number if that name is
// taken), and returns the copy's path.
func RecoverBackupCopy(path string, c BackupCopy) (string, error) {
	base := filepath.Join(filepath.Dir(path), backupStem(path)+".recovered-"+c.Date.Format(backupDate))
	dest := base + ".parley"
	for i := 2; ; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
			break
		}
		dest = fmt.Sprintf("%s-%d.parley", base, i)
	}
	return dest, RestoreBackup(c.Path, dest)
}

// RestoreBackup copies the backup at src to dest, a new file: an existing
// dest (a workspace, its -wal, anything) is refused and left as it is.
func RestoreBackup(src, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%w: %s exists; restore a backup to a new file", ErrExists, dest)
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("open the backup: %w", err)
	}
	defer in.Close()
	err = WriteFileAtomic(dest, func(out io.Writer) error {
		_, err := io.Copy(out, in)
		return err
	})
	if err != nil {
		return fmt.Errorf("copy the backup: %w", err)
	}
	return nil
}

// DamagedAdvice says where the backups of the workspace at path are and
// which is the newest, for a message about a damaged workspace. It has no
// workspace (the file is damaged) and so no workspace clock: the newest is
// by the system's day.
func DamagedAdvice(path string) string {
	dir := BackupDir(path)
	list, _ := ListBackups(dir, path, time.Now())
	if len(list) == 0 {
		return "there is no backup copy of it in " + dir
	}
	return fmt.Sprintf("backup copies are in %s, the newest %s ('parley backup restore --latest' copies it beside the workspace)", dir, list[0].Name)
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
