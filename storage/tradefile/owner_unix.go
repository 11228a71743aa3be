//go:build unix

package tradefile

import (
	"os"
	"syscall"
)

// ownedByMe reports whether the file is this process's user's.
func ownedByMe(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}
