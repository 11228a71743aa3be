package cli

func listsCommand() *command {
	return &command{
		name:      "lists",
		args:      "[NAME]",
		summary:   "the built-in product lists, or one list's codes",
		workspace: true,
		run:       runLists,
	}
}

// runLists prints a header line, then NAME<TAB>CODES<TAB>TITLE<TAB>SOURCE per
// list; with a NAME, the list's codes, one per line.
func runLists(c *call) error {
	args, err := c.positionals(0, 1, "list NAME")
	if err != nil {
		return err
	}
	lists, err := c.ws.Lists()
	if err != nil {
		return err
	}
	if len(args) == 1 {
		l := lists[args[0]]
		if l == nil {
			return usagef("no product list named %q (see 'parley lists')", args[0])
		}
		for _, code := range l.Codes {
			c.out("%s\n", code)
		}
		return nil
	}
	c.out("NAME\tCODES\tTITLE\tSOURCE\n")
	for _, name := range lists.Names() {
		l := lists[name]
		c.out("%s\t%d\t%s\t%s\n", l.Name, len(l.Codes), oneLine(l.Title), oneLine(l.Source))
	}
	return nil
}
