//go:build !unix

package atomicfile

import "os"

// CanWrite reports whether this process may write path. Windows shows a
// read-only file as one without write permission, which writable checks;
// a folder is taken as writable (SQLite says otherwise when it is not).
func CanWrite(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
