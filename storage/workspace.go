package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"parley/storage/atomicfile"
	"parley/storage/defaults"
	"parley/storage/sqlscan"
	"parley/storage/textextract"
)

// FileName is the name of the default workspace file.
const FileName = "workspace.parley"

// PortableFileName is the name of a portable workspace: when a file of this
// name sits next to the executable, Parley uses it instead of the default.
const PortableFileName = "parley-workspace.parley"

// Workspace is an open workspace file.
type Workspace struct {
	db       *sql.DB
	path     string
	readOnly bool
	now      func() time.Time
	busy     time.Duration  // how long a change waits for another writer
	release  func()         // forgets the file as open in this process (live.go)
	backups  sync.WaitGroup // the backup being made (backup.go)
	backup   *backupState   // nil: no daily backups (backup.go)

	mu  sync.Mutex // guards ref
	ref *refData   // reference data, loaded on first use

	pdf *textextract.PDFReader // started on first use
}

// DefaultPath returns where the default workspace lives: a portable
// workspace next to the executable if there is one, else Parley's folder in
// the user's configuration directory (os.UserConfigDir).
func DefaultPath() (string, error) {
	if p, ok := PortablePath(); ok {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the configuration folder: %w", err)
	}
	return filepath.Join(dir, "Parley", FileName), nil
}

// PortablePath returns the portable workspace next to the executable, and
// whether there is one: carried on a USB stick with Parley, it is used
// instead of the workspace of the computer Parley runs on.
func PortablePath() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	p := filepath.Join(filepath.Dir(exe), PortableFileName)
	if info, err := os.Stat(p); err == nil && !info.IsDir() {
		return p, true
	}
	return "", false
}

// Options change how a workspace is opened.
type Options struct {
	// Now is the clock used for timestamps; nil means time.Now.
	Now func() time.Time
	// BusyTimeout is how long a change waits for another Parley process
	// that is writing before it fails with ErrBusy; 0 means
	// DefaultBusyTimeout.
	BusyTimeout time.Duration
	// BackupDir, when set, is the folder where Open keeps a copy of the
	// workspace made at most once a day (see Backup); the desktop app sets
	// it. Read-only workspaces are not backed up. A workspace kept open
	// makes the next day's copy with its first change of that day.
	BackupDir string
	// BackupFailed, if set, is called (on a goroutine of its own) with a
	// *backup.Error when a daily backup fails, for the user to be told.
	BackupFailed func(error)
}

// DefaultBusyTimeout is how long a change waits, by default, for another
// Parley process to finish writing.
const DefaultBusyTimeout = 5 * time.Second

// Open opens the workspace file at path, creating it (and its folder) if it
// does not exist. A new or empty workspace is migrated to the current schema
// and loaded with the embedded defaults, once, in one transaction, however
// many processes open it at the same time. A file that is not a SQLite
// database is refused and left untouched (ErrNotWorkspace). A file that
// cannot be written (no write permission, a read-only folder or mount) opens
// read-only, with the changes still in its -wal file; changing it then fails
// with ErrReadOnly.
func Open(path string) (*Workspace, error) {
	return OpenWith(path, Options{})
}

// OpenWith is Open with options.
func OpenWith(path string, opt Options) (*Workspace, error) {
	if path == "" {
		return nil, fmt.Errorf("open workspace: %w: no path given", ErrInvalid)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	readOnly, release, err := claim(abs)
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	w := &Workspace{path: abs, readOnly: readOnly, now: opt.Now, busy: opt.BusyTimeout, release: release,
		pdf: &textextract.PDFReader{CacheDir: textextract.PDFCacheDir()}}
	if w.now == nil {
		w.now = time.Now
	}
	if w.busy <= 0 {
		w.busy = DefaultBusyTimeout
	}
	if err := w.openDB(); err != nil {
		release()
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	if err := w.prepare(); err != nil {
		w.db.Close()
		release()
		return nil, fmt.Errorf("open workspace %s: %w", path, w.mapWriteError(err))
	}
	settle(abs)
	if opt.BackupDir != "" && !w.readOnly {
		w.backup = &backupState{dir: opt.BackupDir, failed: opt.BackupFailed}
		w.backupDaily()
	}
	return w, nil
}

// checkFile refuses anything but a SQLite file or a missing or empty file,
// creates the folder of a missing file, and reports whether the file is
// read-only (see writable). It reads the file's header, so it must never run
// on a file this process has open in SQLite (claim sees to that).
func checkFile(path string) (readOnly bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			if errors.Is(err, os.ErrPermission) || !atomicfile.CanWrite(filepath.Dir(dir)) {
				return false, fmt.Errorf("%w: cannot create the folder %s: %v", ErrReadOnly, dir, err)
			}
			return false, err
		}
		if !atomicfile.CanWrite(dir) {
			return false, fmt.Errorf("%w: cannot create a workspace in %s: the folder is read-only", ErrReadOnly, dir)
		}
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return false, fmt.Errorf("%w: it is a folder", ErrNotWorkspace)
	}
	if readOnly, err = writable(path); err != nil {
		return false, err
	}
	if info.Size() == 0 {
		if readOnly {
			return false, fmt.Errorf("%w: the file is empty and cannot be written", ErrReadOnly)
		}
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(atomicfile.SQLiteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, atomicfile.SQLiteHeader) {
		return false, ErrNotWorkspace
	}
	// Another application's database, or a damaged file, is refused before
	// anything is written to it.
	if err := checkRecognized(path); err != nil {
		return false, err
	}
	return readOnly, nil
}

// openDB opens the database. A read-only workspace opens with mode=ro,
// which reads the committed changes still in a -wal file (SQLite then uses
// the -shm file, or its own memory where the folder cannot be written).
// Only where that fails and no -wal file holds anything does it fall back to
// immutable=1 (no locks, no WAL), which is then exact: the file is all
// there is.
func (w *Workspace) openDB() error {
	if !w.readOnly {
		db, err := sql.Open("sqlite", dsn(w.path, w.busy, false, false))
		if err != nil {
			return err
		}
		db.SetMaxOpenConns(4)
		w.db = db
		return nil
	}
	var first error
	for _, immutable := range []bool{false, true} {
		if immutable && walHolds(w.path) {
			break
		}
		db, err := sql.Open("sqlite", dsn(w.path, w.busy, true, immutable))
		if err != nil {
			return err
		}
		db.SetMaxOpenConns(4)
		var n int
		if err = db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err == nil {
			w.db = db
			return nil
		}
		db.Close()
		if first == nil {
			first = err
		}
	}
	return fmt.Errorf("%w: cannot read it where it is (copy %s and any %s-wal file beside it to a writable folder): %v",
		ErrReadOnly, filepath.Base(w.path), filepath.Base(w.path), first)
}

// walHolds reports whether path has a -wal file with something in it.
func walHolds(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// dsn returns the modernc.org/sqlite data source name for path. Changes are
// committed with synchronous=FULL: a commit that returned is on the disk,
// power loss included (see the README, "Back up and move a workspace").
func dsn(path string, busy time.Duration, readOnly, immutable bool) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	params := []string{fmt.Sprintf("_pragma=busy_timeout(%d)", busy.Milliseconds()), "_pragma=foreign_keys(1)", "_time_format=sqlite"}
	switch {
	case readOnly && immutable:
		params = append(params, "mode=ro", "immutable=1")
	case readOnly:
		params = append(params, "mode=ro")
	default:
		params = append(params, "_pragma=journal_mode(WAL)", "_pragma=synchronous("+synchronous+")", "_txlock=immediate")
	}
	return "file://" + p + "?" + strings.Join(params, "&")
}

// synchronous is SQLite's synchronous setting for writable workspaces.
var synchronous = "FULL"

// prepare migrates the schema and loads or upgrades the defaults if needed.
// What to do is decided, and done, inside one write transaction: a process
// that waited for another one opening the same new workspace finds the work
// done. A workspace newer than this build is refused untouched.
func (w *Workspace) prepare() error {
	ctx := context.Background()
	var version, loaded int
	err := w.retry(func() (err error) {
		version, loaded, err = workspaceState(ctx, w.db)
		return err
	})
	if err != nil {
		return err
	}
	if done, err := upToDate(version, loaded); err != nil || done {
		return err
	}
	if w.readOnly {
		return fmt.Errorf("%w: it needs to be upgraded or initialised first", ErrReadOnly)
	}
	return w.write(ctx, func(tx *sql.Tx) error {
		version, loaded, err := workspaceState(ctx, tx)
		if err != nil {
			return err
		}
		if done, err := upToDate(version, loaded); err != nil || done {
			return err
		}
		if err := migrateTx(ctx, tx, version); err != nil {
			return err
		}
		if loaded < defaults.Version {
			if err := defaults.Load(tx, loaded, defaultsStore{w}); err != nil {
				return fmt.Errorf("load the default data: %w", err)
			}
			return nil
		}
		// Current defaults in an older schema: a build that shipped
		// fewer built-in documents wrote it.
		if err := defaults.AddDocuments(tx, defaultsStore{w}); err != nil {
			return fmt.Errorf("add the built-in documents: %w", err)
		}
		return nil
	})
}

// upToDate reports whether a workspace of schema version and defaults
// loaded needs nothing, and refuses one newer than this build.
func upToDate(version, loaded int) (bool, error) {
	if version > len(migrations) {
		return false, fmt.Errorf("%w (schema %d; this Parley reads up to %d)", ErrNewerWorkspace, version, len(migrations))
	}
	if loaded > defaults.Version {
		return false, fmt.Errorf("%w (its data is version %d; this Parley knows up to %d)", ErrNewerWorkspace, loaded, defaults.Version)
	}
	return version == len(migrations) && loaded == defaults.Version, nil
}

// Path returns the absolute path of the workspace file.
func (w *Workspace) Path() string { return w.path }

// ReadOnly reports whether the workspace was opened read-only.
func (w *Workspace) ReadOnly() bool { return w.readOnly }

// Close waits for a backup being made, checkpoints the write-ahead log into
// the file, so that the one file holds everything and can be copied or
// moved, and closes the database. It may be called more than once.
func (w *Workspace) Close() error {
	w.stopBackups()
	w.pdf.Close()
	w.stopWatching() // dataversion.go
	if w.release == nil {
		return nil
	}
	if !w.readOnly {
		// Best effort: the WAL is folded in when the last connection closes anyway.
		_, _ = w.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	err := w.db.Close()
	w.release()
	w.release = nil
	return err
}

// write runs fn in one immediate transaction; nothing is written unless fn
// and the commit succeed. While another process writes, it waits (SQLite's
// busy timeout) and tries again, for up to the workspace's busy timeout in
// all, then fails with ErrBusy; fn may therefore run more than once.
func (w *Workspace) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if w.readOnly {
		return w.readOnlyError()
	}
	err := w.retry(func() error {
		tx, err := w.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	})
	if err == nil {
		w.backupDaily() // the first change of a new day backs it up
	}
	return err
}

// retry runs fn until it does not fail because the workspace is busy, or
// the busy timeout has passed; it maps the errors of SQLite that users see
// (busy, read-only) to ErrBusy and ErrReadOnly.
func (w *Workspace) retry(fn func() error) error {
	// A timeout, not a date: it runs on the system's timers, whatever
	// clock the workspace has.
	timeout := time.NewTimer(w.busy)
	defer timeout.Stop()
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		if !isBusy(err) || expired(timeout) {
			return w.mapWriteError(err)
		}
		time.Sleep(backoff(attempt))
	}
}

// expired reports whether t has fired.
func expired(t *time.Timer) bool {
	select {
	case <-t.C:
		return true
	default:
		return false
	}
}

// CheckWritable returns nil, or ErrReadOnly with a plain message when the
// workspace was opened read-only.
func (w *Workspace) CheckWritable() error {
	if w.readOnly {
		return w.readOnlyError()
	}
	return nil
}

// readOnlyError says plainly that a read-only workspace cannot be changed.
func (w *Workspace) readOnlyError() error {
	return fmt.Errorf("%w: %s cannot be changed here (the file, its folder or its disk is write-protected); "+
		"copy it to a writable folder to edit it", ErrReadOnly, w.path)
}

// mapWriteError turns SQLite's read-only errors into ErrReadOnly and its
// busy errors into ErrBusy.
func (w *Workspace) mapWriteError(err error) error {
	switch {
	case err == nil || errors.Is(err, ErrBusy) || errors.Is(err, ErrReadOnly):
		return err
	case isBusy(err):
		// SQLite's own words ("database is locked") do not tell users what to do.
		return ErrBusy
	case strings.Contains(err.Error(), "readonly"):
		return fmt.Errorf("%w: %s: %v", ErrReadOnly, w.path, err)
	}
	return err
}

// timestamp formats the current time for the database.
func (w *Workspace) timestamp() string {
	return sqlscan.Stamp(w.now())
}
