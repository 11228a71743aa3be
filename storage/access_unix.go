//go:build unix

package storage

import "syscall"

// canWrite reports whether this process may write path (a file or a
// folder): access(2), which also says no on a read-only mount.
func canWrite(path string) bool {
	return syscall.Access(path, 0x2 /* W_OK */) == nil
}
