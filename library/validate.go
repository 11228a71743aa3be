package library

import (
	"fmt"
	"strings"

	"parley/scenarios"
)

// Validate checks what a pack says of itself: pack.json's title, publisher
// and vintage, every list it names, and that each list has codes. known
// reports whether a list the pack does not carry exists where the pack is
// applied (the built-in lists); nil skips that check, which storage makes.
// Measures' rows are those of measures.csv (the header is row 1).
func Validate(p *Pack, known func(name string) bool) Errors {
	var es Errors
	info := func(field, msg string) {
		es = append(es, &Error{Part: InfoFile, Field: field, Msg: msg})
	}
	if strings.TrimSpace(p.Info.Title) == "" {
		info("title", "must not be empty")
	}
	if strings.TrimSpace(p.Info.Publisher) == "" {
		info("publisher", "must not be empty")
	}
	if _, err := scenarios.ParseDate(p.Info.Vintage); err != nil {
		info("vintage", err.Error())
	}
	for _, name := range p.Lists.Names() {
		l := p.Lists[name]
		if !ValidListName(name) {
			es = append(es, &Error{Part: ListsDir + "/" + name + ".csv", Msg: "a list name is lower-case letters, digits, '-' and '_'"})
		}
		if len(l.Codes) == 0 {
			es = append(es, &Error{Part: ListsDir + "/" + name + ".csv", Msg: "no code"})
		}
	}
	for i := range p.Measures {
		m := &p.Measures[i]
		for _, field := range []string{"include", "exclude"} {
			var entries []string
			if m.Products != nil {
				entries = m.Products.Include
				if field == "exclude" {
					entries = m.Products.Exclude
				}
			}
			for _, e := range entries {
				name, ok := strings.CutPrefix(e, scenarios.ListPrefix)
				if !ok || p.Lists[name] != nil || known == nil || known(name) {
					continue
				}
				es = append(es, &Error{Part: MeasuresFile, Row: MeasureRow(p, i), Field: field,
					Msg: fmt.Sprintf("unknown list %q: neither a built-in list nor a file lists/%s.csv of the pack", name, name)})
			}
		}
	}
	return es
}

// MeasureRow returns the row of measures.csv that holds the pack's measure
// i (the header is row 1), as read or as Write gives it.
func MeasureRow(p *Pack, i int) int {
	if r := p.Measures[i].csvRow; r > 0 {
		return r
	}
	return i + 2
}
