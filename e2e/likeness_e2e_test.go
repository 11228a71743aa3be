package e2e

import "strings"

// onlyLikenessWarnings reports whether stderr holds nothing but warnings
// that the scenarios compared are not like with like (another date,
// baseline year or dataset), which chart and deck print for a comparison.
func onlyLikenessWarnings(stderr string) bool {
	for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "parley: warning: Not like with like: ") {
			return false
		}
	}
	return true
}
