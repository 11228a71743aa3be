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

// fileList is the JSON shape of one list a scenario file carries.
type fileList struct {
	Title  string   `json:"title"`
	Source string   `json:"source"`
	Codes  []string `json:"codes"`
}

// lists decodes the top-level "lists" of a scenario file: the user's lists
// its measures name, by name, each with its title, source and codes (2 to
// 10 digits, dots and spaces allowed; stored sorted without repeats).
func (d *decoder) lists(n *jnode, path string) {
	if n.kind != jObject {
		d.fail(n, path, "must be an object of list names to lists, not %s", n.kind)
		return
	}
	for _, m := range n.members {
		p := join(path, m.name)
		d.offsets[p] = m.val.pos
		if err := CheckListName(m.name); err != nil {
			d.failAt(m.pos, p, err.Error())
			continue
		}
		l := ProductList{Name: m.name, User: true}
		var raw []string
		seen := false
		d.fields(m.val, p, map[string]func(*jnode, string){
			"title":  func(n *jnode, p string) { d.str(n, p, &l.Title) },
			"source": func(n *jnode, p string) { d.str(n, p, &l.Source) },
			"codes":  func(n *jnode, p string) { seen = true; d.strings(n, p, &raw) },
		})
		if m.val.kind != jObject {
			continue
		}
		if !seen {
			d.fail(m.val, p+".codes", "missing (required)")
			continue
		}
		if len(raw) == 0 {
			d.failAt(d.offsets[p+".codes"], p+".codes", "a list needs at least one code")
			continue
		}
		for i, c := range raw {
			code, ok := NormalizeCode(c)
			if !ok {
				cp := fmt.Sprintf("%s.codes[%d]", p, i)
				d.failAt(d.offsets[cp], cp, fmt.Sprintf("%q is not a code of 2 to 10 digits", c))
				continue
			}
			l.Codes = append(l.Codes, code)
		}
		slices.Sort(l.Codes)
		l.Codes = slices.Compact(l.Codes)
		d.fileLists = append(d.fileLists, l)
	}
}

// encodeLists returns the file shape of lists, or nil for none.
func encodeLists(lists []*ProductList) map[string]fileList {
	if len(lists) == 0 {
		return nil
	}
	out := make(map[string]fileList, len(lists))
	for _, l := range lists {
		out[l.Name] = fileList{Title: l.Title, Source: l.Source, Codes: slices.Clone(l.Codes)}
	}
	return out
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
