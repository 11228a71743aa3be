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

	"parley/scenarios"
)

// FileName is the name of the default workspace file.
const FileName = "workspace.parley"

// PortableFileName is the name of a portable workspace: when a file of this
// name sits next to the executable, Parley uses it instead of the default.
const PortableFileName = "parley-workspace.parley"

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Workspace is an open workspace file.
type Workspace struct {
	db       *sql.DB
	path     string
	readOnly bool
	now      func() time.Time

	mu  sync.Mutex // guards ref
	ref *refData   // reference data, loaded on first use
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
}

// Open opens the workspace file at path, creating it (and its folder) if it
// does not exist. A new or empty workspace is migrated to the current schema
// and loaded with the embedded defaults, once. A file that is not a SQLite
// database is refused and left untouched (ErrNotWorkspace). A file without
// write permission opens read-only; changing it then fails with ErrReadOnly.
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
	readOnly, err := checkFile(abs)
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	w := &Workspace{path: abs, readOnly: readOnly, now: opt.Now}
	if w.now == nil {
		w.now = time.Now
	}
	w.db, err = sql.Open("sqlite", dsn(abs, readOnly))
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	w.db.SetMaxOpenConns(4)
	if err := w.prepare(); err != nil {
		w.db.Close()
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	return w, nil
}

// checkFile refuses anything but a SQLite file or a missing or empty file,
// creates the folder of a missing file, and reports whether the file is
// read-only (it has no write permission for its owner).
func checkFile(path string) (readOnly bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return false, err
		}
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return false, fmt.Errorf("%w: it is a folder", ErrNotWorkspace)
	}
	readOnly = info.Mode().Perm()&0o200 == 0
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
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, ErrNotWorkspace
	}
	return readOnly, nil
}

// dsn returns the modernc.org/sqlite data source name for path.
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	params := []string{"_pragma=busy_timeout(5000)", "_pragma=foreign_keys(1)", "_time_format=sqlite"}
	if readOnly {
		params = append(params, "mode=ro", "immutable=1")
	} else {
		params = append(params, "_pragma=journal_mode(WAL)", "_pragma=synchronous(NORMAL)", "_txlock=immediate")
	}
	return "file://" + p + "?" + strings.Join(params, "&")
}

// prepare migrates the schema and loads or upgrades the defaults if needed.
func (w *Workspace) prepare() error {
	ctx := context.Background()
	version, err := schemaVersion(ctx, w.db)
	if err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema %d; this Parley reads up to %d)", ErrNewerWorkspace, version, len(migrations))
	}
	loaded := 0
	if version > 0 {
		if loaded, err = w.defaultsLoaded(ctx); err != nil {
			return err
		}
	}
	if loaded > defaultsVersion {
		return fmt.Errorf("%w (its data is version %d; this Parley knows up to %d)", ErrNewerWorkspace, loaded, defaultsVersion)
	}
	if version == len(migrations) && loaded == defaultsVersion {
		return nil
	}
	if w.readOnly {
		return fmt.Errorf("%w: it needs to be upgraded or initialised first", ErrReadOnly)
	}
	if err := migrate(ctx, w.db, version); err != nil {
		return err
	}
	if err := w.write(ctx, func(tx *sql.Tx) error { return w.loadDefaultsTx(tx, loaded) }); err != nil {
		return fmt.Errorf("load the default data: %w", err)
	}
	return nil
}

// Path returns the absolute path of the workspace file.
func (w *Workspace) Path() string { return w.path }

// ReadOnly reports whether the workspace was opened read-only.
func (w *Workspace) ReadOnly() bool { return w.readOnly }

// Close checkpoints the write-ahead log into the file, so that the one file
// holds everything and can be copied or moved, and closes the database.
func (w *Workspace) Close() error {
	if !w.readOnly {
		// Best effort: the WAL is folded in when the last connection closes anyway.
		_, _ = w.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	return w.db.Close()
}

// write runs fn in one immediate transaction; nothing is written unless fn
// and the commit succeed.
func (w *Workspace) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if w.readOnly {
		return fmt.Errorf("%w: %s", ErrReadOnly, w.path)
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return w.mapWriteError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return w.mapWriteError(err)
	}
	if err := tx.Commit(); err != nil {
		return w.mapWriteError(err)
	}
	return nil
}

// mapWriteError turns SQLite's read-only errors into ErrReadOnly.
func (w *Workspace) mapWriteError(err error) error {
	if err != nil && strings.Contains(err.Error(), "readonly") {
		return fmt.Errorf("%w: %s: %v", ErrReadOnly, w.path, err)
	}
	return err
}

// timestamp formats the current time for the database.
func (w *Workspace) timestamp() string {
	return w.now().UTC().Format(time.RFC3339)
}

// scenariosDate is a helper to parse stored dates; the empty string is the
// zero date.
func storedDate(s string) (scenarios.Date, error) {
	if s == "" {
		return scenarios.Date{}, nil
	}
	return scenarios.ParseDate(s)
}
