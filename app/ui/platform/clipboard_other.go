//go:build !windows && !darwin && !linux && !freebsd && !openbsd && !netbsd && !dragonfly

package platform

import "errors"

// CopyImage is not available on this system.
func CopyImage([]byte) error {
	return errors.New("copying images is not available on this system; the image was not copied — use Save…")
}
