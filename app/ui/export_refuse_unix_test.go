//go:build unix

package ui

import (
	"os"
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
		{"another user's link in a shared sticky folder", func(t *testing.T, u *UI, dir string) string {
			if os.Geteuid() != 0 {
				t.Skip("needs root to give a link to another user (os.Lchown)")
			}
			victim := filepath.Join(t.TempDir(), "victim.png")
			if err := os.WriteFile(victim, []byte("the victim's own file"), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if got, _ := os.ReadFile(victim); string(got) != "the victim's own file" {
					t.Errorf("the link's target was replaced: %q", got)
				}
			})
			if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "shared.png")
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			if err := os.Lchown(link, 54321, -1); err != nil {
				t.Fatal(err)
			}
			return "shared.png"
		}, "owned by another user"},
	}
}
