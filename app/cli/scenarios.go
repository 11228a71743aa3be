package cli

import (
	"errors"
	"fmt"
	"strings"

	"parley/app/numfmt"
	"parley/storage"
)

func scenariosCommand() *command {
	return &command{
		name:      "scenarios",
		summary:   "list the scenarios: ID, AS_OF and NAME, tab-separated",
		workspace: true,
		run: func(c *call) error {
			if _, err := c.positionals(0, 0, ""); err != nil {
				return err
			}
			list, err := c.ws.Scenarios()
			if err != nil {
				return err
			}
			c.out("ID\tAS_OF\tNAME\n")
			for _, s := range list {
				day := s.AsOf
				if s.AsOfToday {
					day = c.env.today() // the commands' clock
				}
				c.out("%s\t%s\t%s\n", s.ID, day, oneLine(s.Name))
			}
			return nil
		},
	}
}

func importCommand() *command {
	return &command{
		name:      "import",
		args:      "FILE.json",
		summary:   "validate a scenario file and store it; print its id (--rename or --replace when its name is taken)",
		flags:     flagSpec{bools: []string{"rename", "replace"}},
		workspace: true,
		run: func(c *call) error {
			args, err := c.positionals(1, 1, "scenario file (FILE.json)")
			if err != nil {
				return err
			}
			clash := storage.ClashRefuse
			switch rename, replace := c.args.bool("rename"), c.args.bool("replace"); {
			case rename && replace:
				return usagef("--rename and --replace: choose one")
			case rename:
				clash = storage.ClashRename
			case replace:
				clash = storage.ClashReplace
			}
			id, name, err := c.ws.ImportScenarioFileAs(args[0], clash)
			if errors.Is(err, storage.ErrExists) && clash == storage.ClashRefuse {
				return fmt.Errorf("%w\nTo import it anyway: --rename stores it under a free name, --replace replaces the scenario of that name", err)
			}
			if err != nil {
				return err
			}
			if clash == storage.ClashRename {
				fmt.Fprintf(c.env.Stderr, "parley: imported as %q\n", name)
			}
			c.out("%s\n", id)
			return nil
		},
	}
}

func exportCommand() *command {
	return &command{
		name:      "export-scenario",
		args:      "ID|NAME --out FILE.json",
		summary:   "write a scenario as a parley.scenario/1 file",
		flags:     flagSpec{values: []string{"out"}, short: map[string]string{"o": "out"}},
		workspace: true,
		run: func(c *call) error {
			args, err := c.positionals(1, 1, "scenario (ID or NAME)")
			if err != nil {
				return err
			}
			out := c.args.value("out")
			if out == "" {
				return usagef("missing --out FILE.json")
			}
			info, err := c.ws.Resolve(args[0])
			if err != nil {
				return err
			}
			return c.ws.ExportScenarioFile(info.ID, out)
		},
	}
}

// oneLine replaces line breaks and tabs so a value fits a tab-separated line.
func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// percent writes a rate the one way Parley does (numfmt.Rate): one
// decimal, never "0.0%" when not zero.
func percent(r float64) string { return numfmt.Rate(r) }
