package cli

import (
	"strings"
)

func libraryCommand() *command {
	return &command{
		name:      "library",
		summary:   "list the measure library: ID, DATES, RATE, IMPOSER, LABEL",
		workspace: true,
		run: func(c *call) error {
			if _, err := c.positionals(0, 0, ""); err != nil {
				return err
			}
			lib, err := c.ws.Library()
			if err != nil {
				return err
			}
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
				if lm.Remark != "" {
					label += " [" + lm.Remark + "]"
				}
				c.out("%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, from, to, percent(m.Rate), m.Imposer, oneLine(strings.TrimSpace(label)))
			}
			return nil
		},
	}
}
