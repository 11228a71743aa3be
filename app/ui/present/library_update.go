package present

import (
	"fmt"
	"strings"

	"parley/app/numfmt"
	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// LibraryUpdateModel is what the library update dialog shows, worked out
// from a storage.LibraryDiff without a widget: the two vintages, the
// changes line by line, the regime of today before and after, and the
// user's scenarios that use a changed measure with their duty at stake as
// stored and re-based.
type LibraryUpdateModel struct {
	// Heading names the library now and the pack: "Measures as of A
	// (“title”, publisher) to as of B (…)".
	Heading string
	// Changes is the diff, one line per measure or list and one indented
	// line per field changed.
	Changes string
	// Empty: the pack holds the same measures and lists.
	Empty bool
	// Today is the duty of the regime in force on the diff's date, by
	// direction, before and after.
	Today []string
	// Scenarios are the scenarios a change touches.
	Scenarios []LibraryUpdateRow
	// OldVintage and NewVintage name the two libraries in the choices.
	OldVintage, NewVintage string
}

// LibraryUpdateRow is one scenario that uses a measure the pack changes or
// removes.
type LibraryUpdateRow struct {
	ID, Name string
	// Uses names the changed measures the scenario uses, and the new
	// measures a re-base adds to a scenario of the whole regime: "Uses A,
	// B; adds C".
	Uses string
	// Duty is its duty at stake by direction as stored to re-based, with the
	// change: "Canada to US: US$ 28.6 bn to US$ 30.1 bn (+1.5 bn)".
	Duty []string
}

// NewLibraryUpdateModel returns the dialog's content for diff d.
func NewLibraryUpdateModel(d *storage.LibraryDiff) LibraryUpdateModel {
	m := LibraryUpdateModel{
		Heading:    fmt.Sprintf("Measures as of %s %s to as of %s %s", d.Old.Vintage, packName(d.Old), d.New.Vintage, packName(d.New)),
		Empty:      d.Diff.Empty(),
		OldVintage: d.Old.Vintage,
		NewVintage: d.New.Vintage,
	}
	var b strings.Builder
	if err := d.Diff.Write(&b); err == nil {
		// The first line repeats the heading.
		_, rest, _ := strings.Cut(b.String(), "\n")
		m.Changes = WindowText(strings.TrimRight(rest, "\n"))
	}
	for _, dir := range scenarios.Directions {
		was, now := d.TodayBefore[dir.Index()], d.TodayAfter[dir.Index()]
		m.Today = append(m.Today, fmt.Sprintf("%s: %s to %s (%s), effective rate %s to %s", DirLabel(dir),
			boundMoney(was), boundMoney(now), dutyChange(now.Duty-was.Duty), Percent(was.EffectiveRate), Percent(now.EffectiveRate)))
	}
	added := map[string]bool{}
	for _, a := range d.Added {
		added[a.ID] = true
	}
	for _, s := range d.Scenarios {
		var uses, adds []string
		for _, id := range s.Measures {
			if added[id] {
				adds = append(adds, id)
			} else {
				uses = append(uses, id)
			}
		}
		var parts []string
		if len(uses) > 0 {
			parts = append(parts, "uses "+strings.Join(uses, ", "))
		}
		if len(adds) > 0 {
			parts = append(parts, "a re-base adds "+strings.Join(adds, ", "))
		}
		row := LibraryUpdateRow{ID: s.ID, Name: s.Name, Uses: Capitalize(strings.Join(parts, "; "))}
		for _, dir := range scenarios.Directions {
			was, now := s.Before[dir.Index()], s.After[dir.Index()]
			if was == 0 && now == 0 {
				continue
			}
			row.Duty = append(row.Duty, fmt.Sprintf("%s: %s to %s (%s)", DirLabel(dir), Money(was), Money(now), dutyChange(now-was)))
		}
		if len(row.Duty) == 0 {
			row.Duty = []string{"no duty at stake before or after"}
		}
		m.Scenarios = append(m.Scenarios, row)
	}
	return m
}

// packName returns “title”, publisher in parentheses, or "" for a pack
// without a title.
func packName(info library.Info) string {
	switch {
	case info.Title == "":
		return ""
	case info.Publisher == "":
		return "(“" + info.Title + "”)"
	}
	return "(“" + info.Title + "”, " + info.Publisher + ")"
}

// boundMoney formats a total's duty, "≤" marking an upper bound.
func boundMoney(t scenarios.Totals) string {
	if t.UpperBound {
		return numfmt.UpperMark + Money(t.Duty)
	}
	return Money(t.Duty)
}

// dutyChange formats a change in duty: "+US$ 1.5 bn", "−US$ 20 M" or "no change".
func dutyChange(v float64) string {
	switch {
	case v > -0.5 && v < 0.5:
		return "no change"
	case v > 0:
		return "+" + Money(v)
	}
	return Money(v)
}
