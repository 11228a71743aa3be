//go:build !unix

package atomicfile

import "os"

// foreignLink returns "": Windows has no sticky shared folders, and only
// an administrator may create symbolic links by default.
func foreignLink(string, os.FileInfo) string { return "" }
