//go:build unix

package ui

import (
	"path/filepath"
	"syscall"
	"testing"
)

// platformRefusedTargets are the special files only Unix has.
func platformRefusedTargets() []refusedTarget {
	return []refusedTarget{
		{"a FIFO", func(t *testing.T, u *UI, dir string) string {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
				t.Fatal(err)
			}
			return "pipe"
		}, "FIFO"},
		{"a FIFO named as the export", func(t *testing.T, u *UI, dir string) string {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644); err != nil {
				t.Fatal(err)
			}
			return "pipe.png"
		}, "FIFO"},
	}
}
