//go:build !unix

package atomicfile

import "errors"

// errDiskQuota is the error of a write past the user's disk quota; Windows
// reports a full disk as ENOSPC-like errors only.
var errDiskQuota = errors.New("disk quota exceeded")
