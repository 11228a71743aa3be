package cli

func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print the version, commit and build date",
		run: func(c *call) error {
			if _, err := c.positionals(0, 0, ""); err != nil {
				return err
			}
			b := c.env.Build
			c.out("parley %s\ncommit: %s\nbuilt: %s\n", orUnknown(b.Version), orUnknown(b.Commit), orUnknown(b.Date))
			return nil
		},
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
