package scenarios

import (
	"fmt"
	"slices"
)

// MaxListName is the longest name a user's product list may have.
const MaxListName = 64

// CheckListName reports why name cannot name a user's product list, or nil:
// a name is 1 to MaxListName letters, digits, '-', '_' or '.', starting
// with a letter or digit, so that list:NAME reads the same in a file, a CSV
// cell and a command line.
func CheckListName(name string) error {
	if name == "" {
		return fmt.Errorf("a list needs a name")
	}
	if len(name) > MaxListName {
		return fmt.Errorf("list name %q is longer than %d characters", name, MaxListName)
	}
	for i, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || i > 0 && (r == '-' || r == '_' || r == '.')
		if !ok {
			return fmt.Errorf("list name %q: use letters, digits, '-', '_' and '.', starting with a letter or digit", name)
		}
	}
	return nil
}

// ListsUsed returns the names of the lists sc's measures name, sorted,
// once each.
func ListsUsed(sc *Scenario) []string {
	var names []string
	for _, m := range sc.Measures {
		if m.Products == nil {
			continue
		}
		for _, e := range append(slices.Clone(m.Products.Include), m.Products.Exclude...) {
			if name, ok := cutList(e); ok {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// cutList returns the name of a list:NAME entry.
func cutList(entry string) (string, bool) {
	if len(entry) > len(ListPrefix) && entry[:len(ListPrefix)] == ListPrefix {
		return entry[len(ListPrefix):], true
	}
	return "", false
}
