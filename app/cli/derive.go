package cli

import (
	"fmt"
	"strings"

	"parley/scenarios"
)

func deriveCommand() *command {
	return &command{
		name: "derive",
		args: "BASE --lift PROG[,PROG] | --lift-measures ID[,ID] [--with-canada] --name NAME",
		summary: "store a proposal derived from scenario BASE without the programmes or measures named " +
			"(--with-canada also lifts Canada's measures that answer them); print its id",
		flags:     flagSpec{values: []string{"lift", "lift-measures", "name"}, bools: []string{"with-canada"}},
		workspace: true,
		run:       runDerive,
	}
}

// list splits a comma-separated flag value, dropping empty items.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func runDerive(c *call) error {
	args, err := c.positionals(1, 1, "scenario BASE (ID or NAME)")
	if err != nil {
		return err
	}
	lift := scenarios.Lift{Name: strings.TrimSpace(c.args.value("name")), Programs: list(c.args.value("lift")),
		Measures: list(c.args.value("lift-measures")), WithCanada: c.args.bool("with-canada")}
	if lift.Name == "" {
		return usagef("missing --name NAME")
	}
	if len(lift.Programs) == 0 && len(lift.Measures) == 0 {
		return usagef("missing --lift PROG[,PROG] or --lift-measures ID[,ID]")
	}
	info, err := c.ws.Resolve(args[0])
	if err != nil {
		return err
	}
	base, err := c.ws.Scenario(info.ID)
	if err != nil {
		return err
	}
	d, err := scenarios.Derive(base, lift)
	if err != nil {
		return &badInput{err}
	}
	id, err := c.ws.CreateScenario(d.Scenario)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "parley: %q lifts %s\n", d.Scenario.Name, measureIDs(d.Lifted))
	if len(d.Answers) > 0 {
		if lift.WithCanada {
			fmt.Fprintf(c.env.Stderr, "parley: and Canada's measures that answer them: %s\n", measureIDs(d.Answers))
		} else {
			fmt.Fprintf(c.env.Stderr, "parley: Canada's measures that answer them stay (add --with-canada to lift them too): %s\n", measureIDs(d.Answers))
		}
	}
	c.out("%s\n", id)
	return nil
}

func measureIDs(ms []scenarios.Measure) string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return strings.Join(ids, ", ")
}
