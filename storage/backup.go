package storage

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"parley/storage/atomicfile"
	"parley/storage/backup"
)

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
// date, backup.Name), unless today's copy is there already, and deletes the
// copies beyond the newest backup.Kept and those named with a future day
// (backup.Prune). The copy is made by SQLite (VACUUM INTO), from one
// consistent snapshot, committed changes of the -wal file included, into a
// temporary file of its own that gets its name only once it is complete;
// temporary files left by a backup that was killed are deleted once they
// are an hour old. It returns the path of today's copy.
func (w *Workspace) Backup(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("back up the workspace: %w", err)
	}
	now := w.now()
	dest := filepath.Join(dir, backup.Name(w.path, now))
	if info, err := os.Lstat(dest); err == nil {
		if !info.Mode().IsRegular() {
			return "", fmt.Errorf("back up the workspace: %s is not a regular file", dest)
		}
		return dest, nil
	}
	tmpf, err := os.CreateTemp(dir, backup.TempPattern(filepath.Base(dest)))
	if err != nil {
		return "", fmt.Errorf("back up the workspace to %s: %w", dir, err)
	}
	tmp := tmpf.Name()
	// File times are the file system's clock, whatever clock the workspace
	// has: the new temporary file's time is "now" for the others.
	if info, err := tmpf.Stat(); err == nil {
		backup.RemoveStaleTemps(dir, w.path, info.ModTime())
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
	return dest, backup.Prune(dir, w.path, now)
}

// backupDaily makes today's backup in the background, unless one was
// started today already; Close waits for it. A failure is logged and
// passed to Options.BackupFailed (a *backup.Error): it must not keep the workspace from
// opening or a change from being saved.
func (w *Workspace) backupDaily() {
	b := w.backup
	if b == nil {
		return
	}
	day := backup.Day(w.now())
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
			be := &backup.Error{Dir: b.dir, Err: err, Now: now}
			if list, _ := backup.List(b.dir, w.path, now); len(list) > 0 && !list[0].Future {
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

// RecoverBackup copies the last backup of the workspace at path (see
// backup.Dir and backup.List) beside it, as NAME.recovered-YYYY-MM-DD.parley
// (with a number if that name is taken), and returns the copy's path. The
// workspace at path, damaged or not, is left as it is. The last backup is
// by the day of now (backup.List).
func RecoverBackup(path string, now time.Time) (string, error) {
	list, err := backup.List(backup.Dir(path), path, now)
	if err != nil {
		return "", err
	}
	if len(list) == 0 {
		return "", fmt.Errorf("%w: no backup of %s in %s", ErrNotFound, filepath.Base(path), backup.Dir(path))
	}
	return RecoverBackupCopy(path, list[0])
}

// RecoverBackupCopy copies the backup c of the workspace at path beside
// it, as NAME.recovered-YYYY-MM-DD.parley (with a number if that name is
// taken), and returns the copy's path.
func RecoverBackupCopy(path string, c backup.Copy) (string, error) {
	dest := backup.RecoveredPath(path, c)
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
