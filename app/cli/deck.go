package cli

import (
	"fmt"
	"io"
	"strings"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	"parley/storage"
)

func deckCommand() *command {
	return &command{
		name:    "deck",
		args:    "ID|NAME... --out FILE.pptx",
		summary: "one slide per chart, sources on every slide (options: 'parley deck --help')",
		flags: flagSpec{
			values: []string{"out", "aspect", "as-of", "direction", "top", "title", "subtitle", "slides"},
			bools:  []string{"all-sectors"},
			short:  map[string]string{"o": "out"},
		},
		workspace: true,
		run:       runDeck,
	}
}

func runDeck(c *call) error {
	refs, err := c.positionals(1, -1, "scenario (ID or NAME)")
	if err != nil {
		return err
	}
	out, _, err := outPath(c.args.value("out"), ".pptx")
	if err != nil {
		return err
	}
	opt := report.DeckOptions{Widescreen: true, Today: c.env.today(), Created: c.env.now()}
	switch a := c.args.value("aspect"); a {
	case "", "16:9":
	case "4:3":
		opt.Widescreen = false
	default:
		return usagef("--aspect %q: want 16:9 or 4:3", a)
	}
	if opt.AsOf, err = dateFlag(c, "as-of"); err != nil {
		return err
	}
	if opt.Direction, err = directionFlag(c); err != nil {
		return err
	}
	if opt.Top, err = topFlag(c); err != nil {
		return err
	}
	if !c.args.has("top") {
		opt.Top = charts.DefaultTop
	}
	opt.AllSectors = c.args.bool("all-sectors")
	opt.Title, opt.Subtitle = c.args.value("title"), strings.ReplaceAll(c.args.value("subtitle"), `\n`, "\n")
	if c.args.has("slides") {
		if opt.Slides, err = report.ParseSlides(c.args.value("slides")); err != nil {
			return usagef("--slides: %s (e.g. --slides summary,exposure,compare)", strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": "))
		}
	}
	d, err := report.Deck(c.ws, refs, opt)
	if err != nil {
		return err
	}
	warned := map[string]bool{}
	for _, sl := range d.Slides {
		for _, l := range report.LikenessNotes(strings.Split(sl.Footnote, "\n")) {
			if !warned[l] {
				warned[l] = true
				fmt.Fprintf(c.env.Stderr, "parley: warning: %s\n", l)
			}
		}
	}
	if err := storage.WriteFileAtomic(out, func(w io.Writer) error { return deck.Write(w, d) }); err != nil {
		return fileError(err)
	}
	c.wrote(out)
	return nil
}
