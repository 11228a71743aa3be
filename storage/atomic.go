package storage

import (
	"io"

	"parley/storage/atomicfile"
)

// ErrDiskFull: the disk (or the user's quota) has no room for what Parley
// writes; nothing was written.
var ErrDiskFull = atomicfile.ErrDiskFull

// exports are the options of every file Parley writes outside a workspace:
// a workspace open in this process (IsLive) is never replaced.
func exports() *atomicfile.Options { return &atomicfile.Options{Live: IsLive} }

// WriteFileAtomic writes a file through write with atomicfile.WriteFile
// (no partial file on error, permissions kept, dangerous targets refused
// with ErrInvalid), refusing also a workspace open in this process or its
// -wal, -shm or -journal file.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return exports().WriteFile(path, write)
}

// CheckExportTarget returns the error WriteFileAtomic would give for path
// before writing anything, or nil. It creates, truncates and removes
// nothing, and never opens a workspace open in this process: the app's save
// dialogs ask it before they touch anything.
func CheckExportTarget(path string) error {
	return exports().Check(path)
}
