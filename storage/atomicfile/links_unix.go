//go:build unix

package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// foreignLink says why the symbolic link at path (whose Lstat is info) must
// not be followed, or returns "": a link in a sticky, world-writable folder
// is followed only when this process's user or the folder's owner owns it.
func foreignLink(path string, info os.FileInfo) string {
	dir := filepath.Dir(path)
	dinfo, err := os.Stat(dir)
	if err != nil || dinfo.Mode()&os.ModeSticky == 0 || dinfo.Mode().Perm()&0o002 == 0 {
		return ""
	}
	link, ok1 := info.Sys().(*syscall.Stat_t)
	folder, ok2 := dinfo.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return ""
	}
	if me := uint32(os.Geteuid()); link.Uid == me || link.Uid == folder.Uid {
		return ""
	}
	return fmt.Sprintf("owned by another user (uid %d) in the shared folder %s", link.Uid, dir)
}
