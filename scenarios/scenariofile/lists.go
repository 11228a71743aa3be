package scenariofile

import (
	"fmt"
	"slices"

	"parley/scenarios"
)

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
		if err := scenarios.CheckListName(m.name); err != nil {
			d.failAt(m.pos, p, err.Error())
			continue
		}
		l := scenarios.ProductList{Name: m.name, User: true}
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
			code, ok := scenarios.NormalizeCode(c)
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
func encodeLists(lists []*scenarios.ProductList) map[string]fileList {
	if len(lists) == 0 {
		return nil
	}
	out := make(map[string]fileList, len(lists))
	for _, l := range lists {
		out[l.Name] = fileList{Title: l.Title, Source: l.Source, Codes: slices.Clone(l.Codes)}
	}
	return out
}
