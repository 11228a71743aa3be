package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"modernc.org/sqlite"
	"parley/storage/atomicfile"
)

// SQLite coordinates processes with POSIX record locks, and a POSIX lock
// belongs to the process and the file: closing any descriptor of the file,
// anywhere in the process, drops all of them. Code that opens a workspace
// outside SQLite while it is open (to sniff a MIME type, read a header,
// hash or copy it) therefore strips SQLite's locks, and the next Parley
// process that closes the workspace believes it is the last one, folds the
// -wal file into the database and deletes it under this process: the two
// then stop seeing each other's changes and the file ends up malformed.
// So:
//
//   - Open reads a file's header only while no workspace of this process
//     has that file open, under the lock below, and never again;
//   - IsLive tells other code (the app's file dialogs) which files it must
//     not open: the open workspaces and their -wal, -shm and -journal files;
//   - on Linux, SQLite takes open-file-description (OFD) locks on database
//     files, which a stray close cannot drop (the -shm locks stay POSIX, so
//     IsLive still matters).
func init() {
	// Best effort: elsewhere than Linux, or on an old kernel, SQLite keeps
	// POSIX locks and falls back by itself.
	_, _ = sqlite.OFDLocking(true)
}

// live is the set of workspace files open in this process.
var live struct {
	sync.Mutex
	files []*liveFile
}

// liveFile is a workspace file open in this process.
type liveFile struct {
	path string      // absolute path as opened
	info os.FileInfo // nil until the file exists
	refs int         // open Workspaces on it
}

// IsLive reports whether path is a workspace file open in this process (by
// any name: links and other spellings count), or the -wal, -shm or -journal
// file of one. Code outside SQLite must not open such a file, even to read
// it: see the comment on init in live.go.
func IsLive(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	live.Lock()
	defer live.Unlock()
	if liveLocked(abs) != nil {
		return true
	}
	for _, suffix := range atomicfile.Companions {
		if base, ok := strings.CutSuffix(abs, suffix); ok && liveLocked(base) != nil {
			return true
		}
	}
	return false
}

// liveLocked returns the open workspace file that abs names, or nil; the
// caller holds live's lock.
func liveLocked(abs string) *liveFile {
	var info os.FileInfo
	for _, f := range live.files {
		if f.path == abs {
			return f
		}
		if f.info == nil {
			continue
		}
		if info == nil {
			var err error
			if info, err = os.Stat(abs); err != nil {
				return nil
			}
		}
		if os.SameFile(info, f.info) {
			return f
		}
	}
	return nil
}

// claim checks the file at abs (see checkFile) unless a workspace of this
// process already has it open, and records it as open until release is
// called. The check and the record happen under one lock, so that no
// goroutine reads the header of a file another has open in SQLite.
func claim(abs string) (readOnly bool, release func(), err error) {
	live.Lock()
	defer live.Unlock()
	f := liveLocked(abs)
	if f != nil {
		// Open here already, so a workspace: its header is not read again.
		readOnly, err = writable(abs)
	} else {
		readOnly, err = checkFile(abs)
	}
	if err != nil {
		return false, nil, err
	}
	if f == nil {
		f = &liveFile{path: abs}
		if info, err := os.Stat(abs); err == nil {
			f.info = info
		}
		live.files = append(live.files, f)
	}
	f.refs++
	var once sync.Once
	release = func() {
		once.Do(func() {
			live.Lock()
			defer live.Unlock()
			f.refs--
			if f.refs > 0 {
				return
			}
			for i, g := range live.files {
				if g == f {
					live.files = append(live.files[:i], live.files[i+1:]...)
					break
				}
			}
		})
	}
	return readOnly, release, nil
}

// settle records the identity of a claimed file once SQLite has created it.
func settle(abs string) {
	info, err := os.Stat(abs)
	if err != nil {
		return
	}
	live.Lock()
	defer live.Unlock()
	for _, f := range live.files {
		if f.path == abs && f.info == nil {
			f.info = info
		}
	}
}

// writable reports whether the existing file at abs is read-only for this
// process: it lacks the owner's write permission, the system refuses to
// write it (a read-only mount, another user's file), or its folder cannot
// be written (SQLite could not create the -wal file it writes through).
func writable(abs string) (readOnly bool, err error) {
	info, err := os.Stat(abs)
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		return false, fmt.Errorf("%w: it is a folder", ErrNotWorkspace)
	}
	return info.Mode().Perm()&0o200 == 0 || !atomicfile.CanWrite(abs) || !atomicfile.CanWrite(filepath.Dir(abs)), nil
}

// refuseLive refuses to read path as a user's file (a document or a
// scenario file to import) when it is a workspace open in this process.
func refuseLive(path string) error {
	if IsLive(path) {
		return fmt.Errorf("%w: %s is an open workspace, not a file to import", ErrInvalid, path)
	}
	return nil
}
