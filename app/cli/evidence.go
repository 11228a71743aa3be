package cli

import (
	"fmt"
	"strconv"
	"strings"

	"parley/storage/evidence"
)

func evidenceCommand() *command {
	return &command{
		name:      "evidence",
		args:      "search QUERY | list | show ID | import FILE...",
		summary:   "search, list, show or import evidence documents",
		flags:     flagSpec{values: []string{"limit", "title", "publisher", "date", "url", "kind"}},
		workspace: true,
		run: func(c *call) error {
			args, err := c.positionals(1, -1, "evidence subcommand (search, list, show or import)")
			if err != nil {
				return err
			}
			switch args[0] {
			case "search":
				return evidenceSearch(c, args[1:])
			case "list":
				return evidenceList(c, args[1:])
			case "show":
				return evidenceShow(c, args[1:])
			case "import":
				return evidenceImport(c, args[1:])
			}
			return usagef("unknown evidence subcommand %q (search, list, show or import)", args[0])
		},
	}
}

func evidenceSearch(c *call, args []string) error {
	if len(args) == 0 {
		return usagef("missing search QUERY")
	}
	limit := 10
	if s := c.args.value("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 || n > 1000 {
			return usagef("--limit %q: want a number from 1 to 1000", s)
		}
		limit = n
	}
	hits, err := c.ws.Evidence().Search(strings.Join(args, " "), limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		c.out("no passages found\n")
		return nil
	}
	for i, h := range hits {
		page := ""
		if h.Page > 0 {
			page = fmt.Sprintf("p. %d, ", h.Page)
		}
		c.out("%d. %s  %s  (%spassage %d, score %.2f)\n", i+1, h.Document, h.Title, page, h.Passage+1, h.Score)
		snippet := strings.NewReplacer(evidence.HighlightStart, "**", evidence.HighlightEnd, "**", "\n", " ").Replace(h.Snippet)
		c.out("   %s\n", snippet)
	}
	return nil
}

func evidenceList(c *call, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	docs, err := c.ws.Evidence().Documents()
	if err != nil {
		return err
	}
	c.out("ID\tDATE\tPUBLISHER\tTITLE\n")
	for _, d := range docs {
		c.out("%s\t%s\t%s\t%s\n", d.ID, dash(d.Date), dash(d.Publisher), oneLine(d.Title))
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func evidenceShow(c *call, args []string) error {
	if len(args) != 1 {
		return usagef("evidence show needs one document ID")
	}
	d, err := c.ws.Evidence().Document(args[0])
	if err != nil {
		return err
	}
	c.out("%s\n%s\n", d.Title, strings.Repeat("=", min(len([]rune(d.Title)), 80)))
	c.out("id: %s\npublisher: %s\ndate: %s\nkind: %s\n", d.ID, dash(d.Publisher), dash(d.Date), dash(d.Kind))
	if d.URL != "" {
		c.out("url: %s\n", d.URL)
	}
	c.out("\n%s\n", d.Body)
	return nil
}

func evidenceImport(c *call, args []string) error {
	if len(args) == 0 {
		return usagef("missing FILE to import (.txt, .md, .html or .pdf)")
	}
	meta := evidence.DocumentMeta{Title: c.args.value("title"), Publisher: c.args.value("publisher"),
		Date: c.args.value("date"), URL: c.args.value("url"), Kind: c.args.value("kind")}
	if len(args) > 1 && (meta.Title != "" || meta.URL != "") {
		return usagef("--title and --url name one document: import one file at a time with them")
	}
	var failed error
	for _, path := range args {
		d, err := c.ws.Evidence().ImportDocument(path, meta)
		if err != nil {
			err = c.explain(err)
			fmt.Fprintf(c.env.Stderr, "parley: %v\n", err)
			if failed == nil {
				failed = err
			}
			continue
		}
		c.out("%s\t%s\n", d.ID, oneLine(d.Title))
	}
	if failed != nil {
		return &reported{failed}
	}
	return nil
}

// reported is an error already printed; only its exit status remains.
type reported struct{ err error }

func (r *reported) Error() string { return r.err.Error() }
func (r *reported) Unwrap() error { return r.err }
