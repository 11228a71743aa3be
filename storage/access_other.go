//go:build !unix

package storage

import "os"

// canWrite reports whether this process may write path. Windows shows a
// read-only file as one without write permission, which writable checks;
// a folder is taken as writable (SQLite says otherwise when it is not).
func canWrite(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
