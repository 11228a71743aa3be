// Package atomicfile writes the files Parley exports (decks, charts,
// scenario files, backups) so that a reader never sees half a file: into a
// temporary file beside the target, synced, then renamed over it. It refuses
// targets an export must never replace (folders, devices, SQLite databases
// and their -wal, -shm and -journal files, another user's link in a shared
// sticky folder), keeps a replaced file's permissions, and says when the
// disk is full.
package atomicfile

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// TempPrefix starts the names of the temporary files of WriteFile. An
// export killed half-way leaves one; the next export into the same folder
// removes those older than StaleTempAge.
const TempPrefix = ".parley-tmp-"

// StaleTempAge is the age after which a temporary file of WriteFile is
// taken to be left by a killed export, not one still being written.
const StaleTempAge = time.Hour

// ErrInvalid: the target of a write is one an export must never replace (a
// folder, a device, a database, ...). The workspace's ErrInvalid is this
// error, so a refused export is bad input.
var ErrInvalid = errors.New("invalid input")

// SQLiteHeader starts every SQLite database file.
var SQLiteHeader = []byte("SQLite format 3\x00")

// Companions are the suffixes of the files SQLite keeps beside a database.
var Companions = []string{"-wal", "-shm", "-journal"}

// Options say what a write must know of the process around it. The zero
// value (or nil) is a write that knows of no open database.
type Options struct {
	// Live reports whether path is a database file open in this process
	// (or one of its companion files), which a write refuses without
	// opening it; nil means none is.
	Live func(path string) bool
}

func (o *Options) live(path string) bool { return o != nil && o.Live != nil && o.Live(path) }

// WriteFile writes a file through write: into a temporary file in the same
// folder, synced and then renamed over path. On any error no file is left
// and an existing file at path is untouched.
//
// A replaced file keeps its permissions; a new one gets those of a file
// created with mode 0666 under the process's umask. A symbolic link is
// written through: its target is replaced atomically and the link stays,
// except a link in a shared sticky folder (/tmp) that belongs to another
// user than this process's and the folder's, which is refused as the
// kernel's protected_symlinks would refuse to follow it.
// The target is refused (ErrInvalid) when it is a folder, not a regular file
// (a FIFO, a device, a socket), a dangling link, an SQLite database (a live
// one or a closed one, whatever its name) or the -wal, -shm or -journal file
// of one. Temporary files older than StaleTempAge that a killed export left
// beside the target are removed.
func (o *Options) WriteFile(path string, write func(io.Writer) error) (err error) {
	target, mode, err := o.exportTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	tmp, err := createTemp(dir, filepath.Base(target))
	if err != nil {
		return createFailed(path, dir, err)
	}
	// File times are the file system's clock: the new temporary file's
	// time is "now" for the others.
	if info, err := tmp.Stat(); err == nil {
		removeStaleTemps(dir, info.ModTime())
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp, write); err != nil {
		return writeFailed(path, err)
	}
	if mode != 0 {
		if err = os.Chmod(tmp.Name(), mode); err != nil {
			return fmt.Errorf("write %s: keep the file's permissions: %w", path, err)
		}
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	SyncDir(dir)
	return nil
}

// createFailed is the error of a temporary file that could not be created
// in dir: it names the folder, not the temporary file the user never chose.
func createFailed(path, dir string, err error) error {
	why := syscallError(err)
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) ||
		errors.Is(err, syscall.ENOTDIR) {
		return fmt.Errorf("write %s: %w: cannot create a file in the folder %s: %w", path, ErrInvalid, dir, why)
	}
	return fmt.Errorf("write %s: cannot create a file in the folder %s: %w", path, dir, why)
}

// fill writes the temporary file through write, then syncs and closes it.
func fill(tmp *os.File, write func(io.Writer) error) error {
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	return tmp.Close()
}

// ErrDiskFull: the disk (or the user's quota) has no room for what Parley
// writes; nothing was written.
var ErrDiskFull = errors.New("the disk is full")

// writeFailed is the error of an export that failed while writing its
// temporary file: a full disk says so (without the temporary file's name),
// other errors are wrapped with the path.
func writeFailed(path string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, errDiskQuota) {
		return fmt.Errorf("write %s: %w (%v): free some space and export again; no file was written and an existing one is unchanged", path, ErrDiskFull, syscallError(err))
	}
	return fmt.Errorf("write %s: %w", path, err)
}

// syscallError returns the system's error inside err (no file name).
func syscallError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Check returns the error WriteFile would give for path before writing
// anything (a live database, its -wal, -shm or -journal file, a database, a
// folder, a FIFO, a device, a dangling link, another user's link in a
// shared sticky folder), or nil. It creates, truncates and removes nothing,
// and never opens a live database.
func (o *Options) Check(path string) error {
	if _, _, err := o.exportTarget(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// protectedLinks refuses the chain of symbolic links at path when one of
// them sits in a shared sticky folder (such as /tmp) and belongs to a user
// who is neither this process's user nor the folder's owner: the rule of
// the kernel's protected_symlinks, which an export would otherwise bypass
// by renaming over the link's target itself. Anyone can plant a link in
// such a folder, under the name a colleague is about to export to, and have
// the export replace a file of the colleague's own.
func protectedLinks(path string) error {
	for range 40 { // the kernel's limit on links followed
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return nil // what is left is checked by the caller
		}
		if why := foreignLink(path, info); why != "" {
			return fmt.Errorf("%w: it is a symbolic link %s; Parley does not follow it, as the system would not; choose another file name", ErrInvalid, why)
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return nil
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return fmt.Errorf("%w: it is a chain of too many symbolic links", ErrInvalid)
}

// exportTarget checks the file an export is about to replace and returns
// the path to rename over (a symbolic link's target) and the permissions to
// keep (0 for a new file). See WriteFile for what it refuses.
func (o *Options) exportTarget(path string) (string, os.FileMode, error) {
	if o.live(path) {
		return "", 0, fmt.Errorf("%w: it is the workspace open in Parley (or one of its -wal, -shm or -journal files); choose another file name", ErrInvalid)
	}
	target := path
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, 0, o.companionOfDatabase(path)
	}
	if err != nil {
		return "", 0, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if err := protectedLinks(path); err != nil {
			return "", 0, err
		}
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", 0, fmt.Errorf("%w: it is a symbolic link to a file that cannot be found (%v)", ErrInvalid, err)
		}
		if info, err = os.Lstat(target); err != nil {
			return "", 0, err
		}
	}
	switch {
	case info.IsDir():
		return "", 0, fmt.Errorf("%w: it is a folder", ErrInvalid)
	case !info.Mode().IsRegular():
		return "", 0, fmt.Errorf("%w: it is not a regular file (%s); exports replace only regular files", ErrInvalid, fileType(info.Mode()))
	}
	if err := o.companionOfDatabase(target); err != nil {
		return "", 0, err
	}
	if o.isDatabase(target) {
		return "", 0, fmt.Errorf("%w: it is an SQLite database (a Parley workspace?), which an export never replaces; choose another file name", ErrInvalid)
	}
	return target, info.Mode().Perm(), nil
}

// companionOfDatabase refuses path when it names the -wal, -shm or -journal
// file of an SQLite database beside it, which SQLite would read as its own.
func (o *Options) companionOfDatabase(path string) error {
	for _, suffix := range Companions {
		if base, ok := strings.CutSuffix(path, suffix); ok && o.isDatabase(base) {
			return fmt.Errorf("%w: it is the %s file of the SQLite database (workspace) %s; choose another file name", ErrInvalid, suffix, filepath.Base(base))
		}
	}
	return nil
}

// isDatabase reports whether path is a regular file that starts with the
// SQLite header. It never opens a live database (Options.Live).
func (o *Options) isDatabase(path string) bool {
	if o.live(path) {
		return true
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(SQLiteHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, SQLiteHeader)
}

// fileType names a file that is not regular.
func fileType(m os.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}

// createTemp creates a new temporary file for base in dir, named
// TempPrefix+base+"."+random. Unlike os.CreateTemp (mode 0600) it is
// created with mode 0666, so that the system applies the umask as it does
// to any new file.
func createTemp(dir, base string) (*os.File, error) {
	// Keep the name within the 255 bytes most file systems allow.
	for len(base) > 180 {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	var err error
	for range 100 {
		var r [4]byte
		_, _ = rand.Read(r[:])
		name := filepath.Join(dir, TempPrefix+base+"."+hex.EncodeToString(r[:]))
		var f *os.File
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, err
}

// removeStaleTemps removes the temporary files of WriteFile in dir
// that are older than StaleTempAge: what exports killed half-way left. It is
// best effort.
func removeStaleTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), TempPrefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > StaleTempAge {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// SyncDir makes a rename in dir durable where the system allows it; it is
// best effort (Windows cannot sync a folder).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// WriteFile is Options.WriteFile with the zero Options.
func WriteFile(path string, write func(io.Writer) error) error {
	return (*Options)(nil).WriteFile(path, write)
}

// Check is Options.Check with the zero Options.
func Check(path string) error { return (*Options)(nil).Check(path) }
