//go:build !unix

package ui

// platformRefusedTargets are the special files only Unix has: none here.
func platformRefusedTargets() []refusedTarget { return nil }
