package cli

import (
	"strings"

	"parley/scenarios"
)

func libraryCommand() *command {
	return &command{
		name:      "library",
		summary:   "list the measure library: ID, DATES, RATE (or ban), IMPOSER, LABEL [status]",
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
				if st := m.StatusOrDefault(); st != scenarios.StatusInForce {
					label += " [" + strings.ReplaceAll(st, "_", " ") + "]"
				}
				if lm.Remark != "" {
					label += " [" + lm.Remark + "]"
				}
				rate := percent(m.Rate)
				if m.IsBan() {
					rate = "ban"
				}
				c.out("%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, from, to, rate, m.Imposer, oneLine(strings.TrimSpace(label)))
			}
			return nil
		},
	}
}
