//go:build !windows && !darwin && !linux && !freebsd && !openbsd && !netbsd && !dragonfly

package ui

import "errors"

// copyImage is not available on this system.
func copyImage([]byte) error {
	return errors.New("copying images is not available on this system; the image was not copied — use Save…")
}
