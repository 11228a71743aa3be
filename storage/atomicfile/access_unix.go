//go:build unix

package atomicfile

import "syscall"

// CanWrite reports whether this process may write path (a file or a
// folder): access(2), which also says no on a read-only mount.
func CanWrite(path string) bool {
	return syscall.Access(path, 0x2 /* W_OK */) == nil
}
