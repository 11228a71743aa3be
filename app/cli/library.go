package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parley/app/numfmt"
	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

func libraryCommand() *command {
	return &command{
		name:      "library",
		args:      "[export --out FILE | diff FILE | import FILE]",
		summary:   "the measure library (its vintage, then ID, DATES, RATE (or ban), IMPOSER, LABEL [status]); export it as a pack, diff or import a pack",
		flags:     flagSpec{values: []string{"out"}, short: map[string]string{"o": "out"}},
		workspace: true,
		run: func(c *call) error {
			args, err := c.positionals(0, 2, "")
			if err != nil {
				return err
			}
			if len(args) == 0 {
				if c.args.has("out") {
					return usagef("--out goes with library export")
				}
				return libraryList(c)
			}
			sub, rest := args[0], args[1:]
			if sub != "export" && c.args.has("out") {
				return usagef("library %s takes no --out", sub)
			}
			switch sub {
			case "export":
				if len(rest) > 0 {
					return usagef("library export takes no argument but --out FILE")
				}
				return libraryExport(c)
			case "diff", "import":
				if len(rest) != 1 {
					return usagef("library %s needs the pack FILE (a folder or a zip)", sub)
				}
				if sub == "diff" {
					return libraryDiff(c, rest[0])
				}
				return libraryImport(c, rest[0])
			}
			return usagef("unknown library subcommand %q (export, diff or import)", sub)
		},
	}
}

// libraryHeadline is the first line of 'parley library': what the library
// is current as of, and the pack it came from.
func libraryHeadline(info library.Info) string {
	return fmt.Sprintf("measures as of %s, pack %q by %s", info.Vintage, info.Title, info.Publisher)
}

func libraryList(c *call) error {
	info, err := c.ws.LibraryInfo()
	if err != nil {
		return err
	}
	lib, err := c.ws.Library()
	if err != nil {
		return err
	}
	c.out("%s\n", libraryHeadline(info))
	c.out("ID\tFROM\tTO\tRATE\tIMPOSER\tLABEL\n")
	for _, lm := range lib {
		m := lm.Measure
		from := m.From.String()
		if from == "" {
			from = "-"
		}
		to := m.To.String()
		if to == "" {
			to = "-"
		}
		label := m.Label
		if st := m.StatusOrDefault(); st != scenarios.StatusInForce {
			label += " [" + strings.ReplaceAll(st, "_", " ") + "]"
		}
		if lm.Remark != "" {
			label += " [" + lm.Remark + "]"
		}
		if !lm.StruckDownFrom.IsZero() {
			label += " [struck down from " + lm.StruckDownFrom.String() + "]"
		}
		rate := percent(m.Rate)
		if m.IsBan() {
			rate = "ban"
		}
		c.out("%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, from, to, rate, m.Imposer, oneLine(strings.TrimSpace(label)))
	}
	return nil
}

// libraryExport writes the library as a pack: a zip when --out ends in
// .zip, else a new (or empty) folder.
func libraryExport(c *call) error {
	out := c.args.value("out")
	if out == "" {
		return usagef("library export needs --out FILE (a .zip file, or a new folder)")
	}
	p, err := c.ws.LibraryPack()
	if err != nil {
		return err
	}
	if strings.EqualFold(filepath.Ext(out), ".zip") {
		err = storage.WriteFileAtomic(out, p.WriteZip)
	} else {
		err = p.WriteDir(out)
	}
	if err != nil {
		return fmt.Errorf("export the library to %s: %w", out, err)
	}
	c.wrote(out)
	return nil
}

// readPack reads a pack given on the command line.
func readPack(name string) (*library.Pack, error) {
	if _, err := os.Stat(name); err != nil {
		return nil, err
	}
	return library.Read(name)
}

// packErrors names the pack file in the errors of a pack the workspace
// refused.
func packErrors(name string, err error) error {
	if es, ok := err.(library.Errors); ok {
		es.SetFile(name)
	}
	return err
}

func libraryDiff(c *call, name string) error {
	p, err := readPack(name)
	if err != nil {
		return err
	}
	d, err := c.ws.DiffLibrary(p, c.env.today())
	if err != nil {
		return packErrors(name, err)
	}
	return writeLibraryDiff(c.env.Stdout, d)
}

// writeLibraryDiff prints a library diff: the changes, the regime of today
// before and after, and the scenarios a change touches.
func writeLibraryDiff(w io.Writer, d *storage.LibraryDiff) error {
	if err := d.Diff.Write(w); err != nil {
		return err
	}
	fmt.Fprintf(w, "today (%s), every measure of the library in force:\n", d.Today)
	for i, dir := range scenarios.Directions {
		b, a := d.TodayBefore[i], d.TodayAfter[i]
		fmt.Fprintf(w, "  %s: duty %s -> %s (%s), effective rate %s -> %s\n", dir,
			bound(b), bound(a), numfmt.Dollars(a.Duty-b.Duty, true), percent(b.EffectiveRate), percent(a.EffectiveRate))
	}
	if len(d.Scenarios) > 0 {
		fmt.Fprintf(w, "scenarios that use a changed measure (duty at stake if re-based):\n")
	}
	for _, s := range d.Scenarios {
		var parts []string
		for i, dir := range scenarios.Directions {
			if s.Before[i] != 0 || s.After[i] != 0 {
				parts = append(parts, fmt.Sprintf("%s %s -> %s", dir, numfmt.Dollars(s.Before[i], false), numfmt.Dollars(s.After[i], false)))
			}
		}
		fmt.Fprintf(w, "  %s (%s): %s; uses %s\n", s.ID, oneLine(s.Name), strings.Join(parts, ", "), strings.Join(s.Measures, ", "))
	}
	return nil
}

// bound writes a direction's duty, marked "≤" where it is an upper bound.
func bound(t scenarios.Totals) string {
	s := numfmt.Dollars(t.Duty, false)
	if t.UpperBound {
		return numfmt.Mark(scenarios.AtMost) + s
	}
	return s
}

func libraryImport(c *call, name string) error {
	p, err := readPack(name)
	if err != nil {
		return err
	}
	prev, err := c.ws.ImportLibrary(p)
	if err != nil {
		return packErrors(name, err)
	}
	c.out("%s\n", libraryHeadline(p.Info))
	d := library.Compare(prev, p)
	c.out("imported %d measures and %d lists from %s (%d added, %d removed, %d changed); scenarios are unchanged until re-based\n",
		len(p.Measures), len(p.Lists), name, len(d.Added), len(d.Removed), len(d.Changed))
	return nil
}
