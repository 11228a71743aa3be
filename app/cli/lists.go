package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/listfile"
)

// listsSubcommands take their arguments after the word; any other first
// argument is a list's name.
var listsSubcommands = map[string][]string{
	"import": {"name", "title", "source", "replace"},
	"delete": nil,
	"rename": nil,
}

func listsCommand() *command {
	return &command{
		name:    "lists",
		args:    "[NAME] | import FILE --name NAME [--title T] [--source S] [--replace] | rename OLD NEW | delete NAME",
		summary: "the product lists (built-in and your own), one list's codes, or import, rename or delete your own",
		flags: flagSpec{
			values: []string{"name", "title", "source"},
			bools:  []string{"replace"},
		},
		workspace: true,
		run:       runLists,
	}
}

// runLists prints a header line, then NAME<TAB>CODES<TAB>TITLE<TAB>SOURCE<TAB>KIND
// per list (KIND: built-in or user); with a NAME, the list's codes, one per
// line; or runs a subcommand.
func runLists(c *call) error {
	args := c.args.positional
	if len(args) >= 1 {
		if allowed, ok := listsSubcommands[args[0]]; ok && (len(args) > 1 || c.args.has("name")) {
			for f := range c.args.flags {
				if f != "workspace" && f != "help" && !slices.Contains(allowed, f) {
					return usagef("lists %s takes no --%s", args[0], f)
				}
			}
			switch args[0] {
			case "import":
				return listsImport(c, args[1:])
			case "rename":
				return listsRename(c, args[1:])
			}
			return listsDelete(c, args[1:])
		}
	}
	for f := range c.args.flags {
		if f != "workspace" && f != "help" {
			return usagef("lists takes no --%s without a subcommand (lists import FILE --%s ...)", f, f)
		}
	}
	if len(args) > 1 {
		return usagef("unexpected argument %q", args[1])
	}
	if len(args) == 1 {
		l, err := c.ws.List(args[0])
		if errors.Is(err, storage.ErrNotFound) {
			if _, sub := listsSubcommands[args[0]]; sub {
				return usagef("lists %s needs its arguments", args[0])
			}
			return usagef("no product list named %q (see 'parley lists')", args[0])
		}
		if err != nil {
			return err
		}
		for _, code := range l.Codes {
			c.out("%s\n", code)
		}
		return nil
	}
	infos, err := c.ws.ListInfos()
	if err != nil {
		return err
	}
	c.out("NAME\tCODES\tTITLE\tSOURCE\tKIND\n")
	for _, l := range infos {
		kind := "user"
		if l.Builtin {
			kind = "built-in"
		}
		c.out("%s\t%d\t%s\t%s\t%s\n", l.Name, l.Size, oneLine(l.Title), oneLine(l.Source), kind)
	}
	return nil
}

// listsImport reads a file of codes and stores it as a user list; a bad
// code fails the whole import, naming its row, with nothing written.
func listsImport(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("lists import takes one FILE (CSV, XLSX or text, one code to a row)")
	}
	name := c.args.value("name")
	if name == "" {
		return usagef("missing --name: the list's name, which measures use as list:NAME")
	}
	if err := storage.CheckListName(name); err != nil {
		return usagef("--name: %v", trimInvalid(err))
	}
	res, err := listfile.ReadFile(args[0])
	if err != nil {
		var le *listfile.Error
		if errors.As(err, &le) {
			return badListFile{le}
		}
		return fmt.Errorf("import %s: %w", args[0], err)
	}
	l := scenarios.ProductList{Name: name, Title: c.args.value("title"), Source: c.args.value("source"), Codes: res.Codes}
	if l.Source == "" {
		l.Source = "imported from " + filepath.Base(args[0])
	}
	if c.args.bool("replace") {
		err = c.ws.ReplaceList(l)
	} else {
		err = c.ws.CreateList(l)
	}
	if err != nil {
		if errors.Is(err, storage.ErrExists) && !c.args.bool("replace") {
			return fmt.Errorf("%w (add --replace to replace its codes)", err)
		}
		return err
	}
	stored, err := c.ws.List(name)
	if err != nil {
		return err
	}
	for _, n := range res.Notes() {
		fmt.Fprintf(c.env.Stderr, "note: %s\n", n)
	}
	c.out("list %s: %s (%s read)\n", stored.Name, count(len(stored.Codes), "code", "codes"), count(len(res.Codes), "row", "rows"))
	return nil
}

func listsRename(c *call, args []string) error {
	if len(args) != 2 {
		return usagef("lists rename takes OLD and NEW names")
	}
	if err := c.ws.RenameList(args[0], args[1]); err != nil {
		return err
	}
	c.out("list %s is now %s\n", args[0], args[1])
	return nil
}

func listsDelete(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("lists delete takes one NAME")
	}
	if err := c.ws.DeleteList(args[0]); err != nil {
		return err
	}
	c.out("deleted list %s\n", args[0])
	return nil
}

// count writes n with the word for one or many.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// trimInvalid drops storage.ErrInvalid's words from a message shown as usage.
func trimInvalid(err error) string {
	s := err.Error()
	if p := storage.ErrInvalid.Error() + ": "; len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

// badListFile is a list file with bad codes, or not a list: bad input
// (exit status 2), its message naming the file and each bad row.
type badListFile struct{ err *listfile.Error }

func (e badListFile) Error() string   { return e.err.Error() }
func (e badListFile) Unwrap() []error { return []error{e.err, storage.ErrInvalid} }
