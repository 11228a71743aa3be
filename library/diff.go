package library

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Change is one field of a measure that differs, as measures.csv writes it.
type Change struct {
	Field    string
	Old, New string
}

// MeasureChange is a measure the new pack changes: the old and new
// versions and the fields that differ, in the order of Columns.
type MeasureChange struct {
	ID       string
	Old, New *Measure
	Fields   []Change
}

// ListChange is a list that differs: codes added and removed, and its title
// or source when they change.
type ListChange struct {
	Name           string
	Added, Removed []string // codes
	OldSize        int
	NewSize        int
	Fields         []Change // title, source
}

// Diff is what replacing library Old by New changes. Measures are matched
// by id, lists by name.
type Diff struct {
	Old, New       Info
	Added, Removed []*Measure
	Changed        []MeasureChange
	ListsAdded     []string
	ListsRemoved   []string
	ListsChanged   []ListChange
}

// Empty reports whether the two libraries hold the same measures and lists.
func (d *Diff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Changed)+len(d.ListsAdded)+len(d.ListsRemoved)+len(d.ListsChanged) == 0
}

// ChangedIDs returns the ids of the measures removed or changed: the ones a
// scenario built on the old library may no longer match.
func (d *Diff) ChangedIDs() []string {
	var out []string
	for _, m := range d.Removed {
		out = append(out, m.ID)
	}
	for _, c := range d.Changed {
		out = append(out, c.ID)
	}
	slices.Sort(out)
	return out
}

// Compare returns what replacing library old by new changes. Changed
// measures come in the new pack's order, removed ones in the old's.
func Compare(old, new *Pack) *Diff {
	d := &Diff{Old: old.Info, New: new.Info}
	oldByID := make(map[string]*Measure, len(old.Measures))
	for i := range old.Measures {
		oldByID[old.Measures[i].ID] = &old.Measures[i]
	}
	newIDs := make(map[string]bool, len(new.Measures))
	for i := range new.Measures {
		n := &new.Measures[i]
		newIDs[n.ID] = true
		o := oldByID[n.ID]
		if o == nil {
			d.Added = append(d.Added, n)
			continue
		}
		or, nr := record(o), record(n)
		var fields []Change
		for j, c := range Columns {
			if or[j] != nr[j] {
				fields = append(fields, Change{Field: c, Old: or[j], New: nr[j]})
			}
		}
		if len(fields) > 0 {
			d.Changed = append(d.Changed, MeasureChange{ID: n.ID, Old: o, New: n, Fields: fields})
		}
	}
	for i := range old.Measures {
		if !newIDs[old.Measures[i].ID] {
			d.Removed = append(d.Removed, &old.Measures[i])
		}
	}
	for _, name := range new.Lists.Names() {
		nl, ol := new.Lists[name], old.Lists[name]
		if ol == nil {
			d.ListsAdded = append(d.ListsAdded, name)
			continue
		}
		c := ListChange{Name: name, OldSize: len(ol.Codes), NewSize: len(nl.Codes)}
		c.Added, c.Removed = codeDiff(ol.Codes, nl.Codes)
		if ol.Title != nl.Title {
			c.Fields = append(c.Fields, Change{"title", ol.Title, nl.Title})
		}
		if ol.Source != nl.Source {
			c.Fields = append(c.Fields, Change{"source", ol.Source, nl.Source})
		}
		if len(c.Added)+len(c.Removed)+len(c.Fields) > 0 {
			d.ListsChanged = append(d.ListsChanged, c)
		}
	}
	for _, name := range old.Lists.Names() {
		if new.Lists[name] == nil {
			d.ListsRemoved = append(d.ListsRemoved, name)
		}
	}
	return d
}

// codeDiff returns the codes of b not in a and of a not in b; both sorted.
func codeDiff(a, b []string) (added, removed []string) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			removed = append(removed, a[i])
			i++
		case c > 0:
			added = append(added, b[j])
			j++
		default:
			i++
			j++
		}
	}
	removed = append(removed, a[i:]...)
	added = append(added, b[j:]...)
	return added, removed
}

// Write prints the diff for a reader: the two vintages, then measures
// added, removed and changed field by field, then lists.
func (d *Diff) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "library: measures as of %s (%s) -> as of %s (%s)\n", d.Old.Vintage, d.Old.Title, d.New.Vintage, d.New.Title)
	if d.Empty() {
		b.WriteString("no measure or list changes\n")
	}
	for _, m := range d.Added {
		fmt.Fprintf(&b, "+ measure %s: %s\n", m.ID, oneLine(m.Label))
	}
	for _, m := range d.Removed {
		fmt.Fprintf(&b, "- measure %s: %s\n", m.ID, oneLine(m.Label))
	}
	for _, c := range d.Changed {
		fmt.Fprintf(&b, "~ measure %s: %s\n", c.ID, oneLine(c.New.Label))
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "    %s: %s -> %s\n", f.Field, shown(f.Old), shown(f.New))
		}
	}
	for _, n := range d.ListsAdded {
		fmt.Fprintf(&b, "+ list %s\n", n)
	}
	for _, n := range d.ListsRemoved {
		fmt.Fprintf(&b, "- list %s\n", n)
	}
	for _, c := range d.ListsChanged {
		fmt.Fprintf(&b, "~ list %s: %d -> %d codes", c.Name, c.OldSize, c.NewSize)
		if len(c.Added) > 0 {
			fmt.Fprintf(&b, ", +%d (%s)", len(c.Added), sample(c.Added))
		}
		if len(c.Removed) > 0 {
			fmt.Fprintf(&b, ", -%d (%s)", len(c.Removed), sample(c.Removed))
		}
		b.WriteByte('\n')
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "    %s: %s -> %s\n", f.Field, shown(f.Old), shown(f.New))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sample(codes []string) string {
	const most = 5
	if len(codes) <= most {
		return strings.Join(codes, " ")
	}
	return strings.Join(codes[:most], " ") + fmt.Sprintf(" and %d more", len(codes)-most)
}

func shown(s string) string {
	if s == "" {
		return "(empty)"
	}
	s = oneLine(s)
	if r := []rune(s); len(r) > 120 {
		s = string(r[:117]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
