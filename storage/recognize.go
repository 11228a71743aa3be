package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"parley/storage/backup"
	"parley/storage/sqlitefile"

	"modernc.org/sqlite"
)

// Recognising a workspace: `parley -w other.sqlite` on another
// application's database must not fill it with Parley's tables or switch
// it to WAL. CheckRecognized tells, before Parley writes anything,
// whether a file may be opened as a workspace, reading it only through
// SQLite in read-only mode.

// ErrDamaged: the workspace file is damaged (truncated, overwritten): SQLite
// cannot read it. Errors that match it also match ErrNotWorkspace, so they
// are bad input (exit status 2).
var ErrDamaged = errors.New("the workspace file is damaged")

// ErrForeignDatabase: the file is an SQLite database of another
// application. Errors that match it also match ErrNotWorkspace.
var ErrForeignDatabase = errors.New("an SQLite database of another application, not a Parley workspace")

// fileError is an error about a file given as a workspace: its message and
// the sentinels it matches.
type fileError struct {
	msg  string
	kind error
}

func (e *fileError) Error() string { return e.msg }

// Is makes errors.Is match the error's kind and ErrNotWorkspace.
func (e *fileError) Is(target error) bool { return target == e.kind || target == ErrNotWorkspace }

// IsWorkspace reports whether the file at path is a Parley workspace, or
// may become one: missing, empty, or an SQLite database with no schema yet
// (a workspace another Parley is creating). It is false for any other file,
// and an error says why it could not tell (see CheckRecognized).
func IsWorkspace(path string) (bool, error) {
	err := CheckRecognized(path)
	if errors.Is(err, ErrNotWorkspace) && !errors.Is(err, ErrDamaged) {
		return false, nil
	}
	return err == nil, err
}

// CheckRecognized returns nil when the file at path may be opened as a
// workspace (see IsWorkspace). Otherwise it returns an error matching
// ErrNotWorkspace: ErrForeignDatabase for another application's SQLite
// database, ErrDamaged for a database SQLite cannot read, or plain
// ErrNotWorkspace for a file that is not an SQLite database at all. It never
// writes: the file stays byte-identical.
//
// A workspace this process has open (IsLive) is one, and is not read again
// (see live.go). Open calls checkRecognized from checkFile, under claim,
// after the header check and before the first write.
func CheckRecognized(path string) error {
	if IsLive(path) {
		return nil // open here as a workspace: not to be read outside SQLite
	}
	return checkRecognized(path)
}

// checkRecognized is CheckRecognized without the IsLive check, for callers
// that hold live's lock and know the file is not open here (checkFile,
// under claim: IsLive would wait for that lock for ever).
func checkRecognized(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.IsDir() {
		return fmt.Errorf("%w: it is a folder", ErrNotWorkspace)
	}
	if info.Size() == 0 {
		return nil
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w: it is not a regular file", ErrNotWorkspace)
	}
	head, err := sqlitefile.ReadHeader(path)
	if err != nil {
		return err
	}
	if !head.SQLite {
		return ErrNotWorkspace
	}
	// A file shorter than its header says is truncated, unless a -wal file
	// beside it means another process has it open: a checkpoint writes the
	// header's new size before the pages that extend the file.
	if head.Size > 0 && info.Size() < head.Size && !exists(path+"-wal") {
		return &fileError{kind: ErrDamaged, msg: fmt.Sprintf("workspace %s is damaged (it is %d bytes long and should be %d: a truncated copy?); restore a backup copy of it (%s), or open another file",
			path, info.Size(), head.Size, backup.DamagedAdvice(path))}
	}
	// A file that Parley made says so in its header: no need to open it in
	// SQLite to look for its tables (a connection and a read of its schema
	// on every command's start).
	if head.AppID == workspaceAppID {
		return nil
	}
	return checkTables(path)
}

// checkTables returns nil when the database at path has Parley's tables or
// is empty, else an error matching ErrForeignDatabase or ErrDamaged.
func checkTables(path string) error {
	// Without a -wal file there is nothing but the file to read: immutable
	// reading creates no -wal or -shm file beside another application's
	// database. With one (even empty: another process has the file open in
	// WAL mode and may be checkpointing), SQLite reads it with its locks.
	db, err := sql.Open("sqlite", sqlitefile.ReadOnlyDSN(path, !exists(path+"-wal")))
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer db.Close()
	var tables, objects int
	err = db.QueryRow(`SELECT count(*) FILTER (WHERE type = 'table' AND name IN ('meta', 'scenarios')), count(*) FROM sqlite_master`).Scan(&tables, &objects)
	if err != nil {
		return MapDamaged(path, err)
	}
	switch {
	case tables == 2:
		return nil
	case objects == 0:
		var version, app int
		if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			return MapDamaged(path, err)
		}
		if err := db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
			return MapDamaged(path, err)
		}
		if version == 0 && app == 0 {
			return nil // an empty database: nothing of anyone's to lose
		}
	}
	return &fileError{kind: ErrForeignDatabase,
		msg: "not a Parley workspace: it is an SQLite database of another application (it has no Parley tables); it was left unchanged"}
}

// exists reports whether a file is at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// IsDamaged reports whether err is SQLite saying the database file is
// damaged: "database disk image is malformed" (SQLITE_CORRUPT) or "file is
// not a database" (SQLITE_NOTADB), as a truncated or overwritten file gives.
func IsDamaged(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrDamaged) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 11, 26: // SQLITE_CORRUPT, SQLITE_NOTADB
			return true
		}
	}
	msg := err.Error()
	return (strings.Contains(msg, "database disk image is malformed") || strings.Contains(msg, "file is not a database"))
}

// MapDamaged returns err as an ErrDamaged error that names the workspace
// at path and says what to do, when SQLite found the database damaged
// (IsDamaged); other errors are returned unchanged.
func MapDamaged(path string, err error) error {
	if err == nil || errors.Is(err, ErrDamaged) || !IsDamaged(err) {
		return err
	}
	why := err.Error()
	var se *sqlite.Error
	if errors.As(err, &se) {
		why = se.Error()
	}
	if i := strings.Index(why, " ("); i > 0 && strings.HasSuffix(why, ")") {
		why = why[:i] // without SQLite's code
	}
	return &fileError{kind: ErrDamaged,
		msg: fmt.Sprintf("workspace %s is damaged (%s); restore a backup copy of it (%s), or open another file", path, why, backup.DamagedAdvice(path))}
}

// MapDiskFull returns err as an ErrDiskFull error that says what to do when
// SQLite could not write for want of space (SQLITE_FULL: "database or disk
// is full"); SQLite rolled the change back. Other errors are returned
// unchanged.
func MapDiskFull(path string, err error) error {
	var se *sqlite.Error
	if err == nil || errors.Is(err, ErrDiskFull) || !errors.As(err, &se) || se.Code()&0xff != 13 { // SQLITE_FULL
		return err
	}
	return fmt.Errorf("%w: workspace %s could not be written (%v); nothing was changed: free some space and try again", ErrDiskFull, path, err)
}
