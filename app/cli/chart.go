package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// maxImageSide is the largest side of a chart image in pixels, scale
// included (the renderer's limit).
const maxImageSide = 16384

func chartCommand() *command {
	return &command{
		name:    "chart",
		args:    "ID|NAME... --kind exposure|dutiable|compare|timeline|tornado|products|leverage|deal|provinces --out FILE.png|FILE.svg [--size 1920x1080]",
		summary: "draw a chart, or write its data to FILE.csv (options: 'parley chart --help')",
		flags: flagSpec{
			values: []string{"kind", "out", "size", "scale", "direction", "as-of", "from", "to", "top", "sector", "theme", "draws", "seed"},
			bools:  []string{"all-sectors"},
			short:  map[string]string{"k": "kind", "o": "out"},
		},
		workspace: true,
		run:       runChart,
	}
}

// chartFormats are the files a chart is written to, by extension.
var chartFormats = []string{".png", ".svg", ".csv"}

func runChart(c *call) error {
	refs, err := c.positionals(1, -1, "scenario (ID or NAME)")
	if err != nil {
		return err
	}
	req := report.ChartRequest{Scenarios: refs, Today: c.env.today()}
	if !c.args.has("kind") {
		return usagef("missing --kind (exposure, dutiable, compare, timeline, tornado or products)")
	}
	if req.Kind, err = charts.ParseKind(c.args.value("kind")); err != nil {
		return usagef("--kind: %v", err)
	}
	out, ext, err := outPath(c.args.value("out"), chartFormats...)
	if err != nil {
		return err
	}
	look, err := chartLookFlags(c, ext)
	if err != nil {
		return err
	}
	if err := chartRequestFlags(c, &req); err != nil {
		return err
	}
	req.FullFootnote = ext == ".csv"
	ch, err := report.Chart(c.ws, req)
	if err != nil {
		return err
	}
	if ch.MissingRegions() {
		return &badInput{fmt.Errorf("%s: its trade data names no province or state in this direction, so there is no provinces chart to draw (nothing written): "+
			"import a dataset with a province or state column ('parley dataset import FILE --direction D --year Y --name N') and choose it in the scenario's assumptions", strings.Join(refs, ", "))}
	}
	for _, l := range report.LikenessNotes(ch.Meta.Footnote) {
		fmt.Fprintf(c.env.Stderr, "parley: warning: %s\n", l)
	}
	return c.writeChart(ch.WithTheme(look.theme), out, ext, look)
}

// chartLook is how a chart file is drawn: its size, scale and theme.
type chartLook struct {
	size  charts.Size
	scale float64
	theme charts.Theme
}

// chartLookFlags reads --size, --scale and --theme for a file of extension ext.
func chartLookFlags(c *call, ext string) (chartLook, error) {
	look := chartLook{size: charts.Slide169, scale: 1, theme: charts.Light}
	var err error
	if c.args.has("size") {
		if ext == ".csv" {
			return look, usagef("--size applies to .png and .svg files, not to .csv")
		}
		if look.size, err = charts.ParseSize(c.args.value("size")); err != nil {
			return look, usagef("--size: %v", err)
		}
	}
	if c.args.has("scale") {
		if ext != ".png" {
			return look, usagef("--scale applies to .png files only")
		}
		if look.scale, err = parseScale(c.args.value("scale"), look.size); err != nil {
			return look, err
		}
	}
	switch t := c.args.value("theme"); t {
	case "", "light":
	case "dark":
		if ext == ".csv" {
			return look, usagef("--theme applies to .png and .svg files, not to .csv")
		}
		look.theme = charts.Dark
	default:
		return look, usagef("--theme %q: want light or dark", t)
	}
	return look, nil
}

// chartRequestFlags reads into req the flags that choose what a chart of
// req.Kind shows: direction, dates, sector, top, all sectors, draws.
func chartRequestFlags(c *call, req *report.ChartRequest) error {
	var err error
	if req.Direction, err = directionFlag(c); err != nil {
		return err
	}
	if req.AsOf, err = dateFlag(c, "as-of"); err != nil {
		return err
	}
	for _, f := range []string{"from", "to"} {
		if c.args.has(f) && req.Kind != charts.Timeline {
			return usagef("--%s applies to timeline charts only", f)
		}
	}
	if req.From, err = dateFlag(c, "from"); err != nil {
		return err
	}
	if req.To, err = dateFlag(c, "to"); err != nil {
		return err
	}
	if c.args.has("top") && req.Kind != charts.Exposure && req.Kind != charts.Compare && req.Kind != charts.Products && req.Kind != charts.Dutiable && !positionKind(req.Kind) {
		return usagef("--top applies to exposure, dutiable, compare and products charts only")
	}
	if req.Sector, err = sectorFlag(c, req.Kind); err != nil {
		return err
	}
	if req.Top, err = topFlag(c); err != nil {
		return err
	}
	if !c.args.has("top") && (req.Kind == charts.Exposure || req.Kind == charts.Compare || req.Kind == charts.Dutiable) {
		req.Top = charts.DefaultTop
	}
	req.AllSectors = c.args.bool("all-sectors")
	return chartDraws(c, req) // --draws, --seed: chart_position.go
}

// writeChart writes ch to out as its extension says, whole or not at all.
func (c *call) writeChart(ch *charts.Chart, out, ext string, look chartLook) error {
	err := storage.WriteFileAtomic(out, func(w io.Writer) error {
		switch ext {
		case ".png":
			return ch.PNG(w, look.size, look.scale)
		case ".svg":
			return ch.SVG(w, look.size)
		}
		return ch.CSV(w)
	})
	if err != nil {
		return fileError(err)
	}
	c.wrote(out)
	return nil
}

// wrote prints the path of a file a command wrote, in full, on standard
// output: a script can use it, and a person sees where the file went.
func (c *call) wrote(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	c.out("%s\n", path)
}

// parseScale parses --scale: a factor in (0, 8] that keeps each side of
// the image within maxImageSide pixels.
func parseScale(s string, size charts.Size) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v > 0) || v > 8 {
		return 0, usagef("--scale %q: want a number greater than 0 and at most 8, e.g. 2", s)
	}
	if w, h := float64(size.W)*v, float64(size.H)*v; w > maxImageSide || h > maxImageSide {
		return 0, usagef("--scale %s: a %s chart would be %.0fx%.0f pixels, more than %d a side", s, size, w, h, maxImageSide)
	}
	return v, nil
}

// directionFlag parses --direction; "" picks the direction with more duty.
func directionFlag(c *call) (scenarios.Direction, error) {
	if !c.args.has("direction") {
		return "", nil
	}
	d, err := scenarios.ParseDirection(c.args.value("direction"))
	if err != nil {
		return "", usagef("--direction: %v", err)
	}
	return d, nil
}

// dateFlag parses the ISO date of flag name; zero when it is not given.
func dateFlag(c *call, name string) (scenarios.Date, error) {
	if !c.args.has(name) {
		return scenarios.Date{}, nil
	}
	d, err := scenarios.ParseDate(c.args.value(name))
	if err != nil {
		return scenarios.Date{}, usagef("--%s: %v", name, err)
	}
	return d, nil
}

// topFlag parses --top: a whole number of sectors, 0 meaning all.
func topFlag(c *call) (int, error) {
	if !c.args.has("top") {
		return 0, nil
	}
	s := c.args.value("top")
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, usagef("--top %q: want a whole number of sectors (0 for all)", s)
	}
	return n, nil
}

// outPath checks --out: given, with one of the extensions exts (any case),
// not a folder, in a folder that exists. It returns the path and its
// extension in lower case.
func outPath(out string, exts ...string) (string, string, error) {
	want := strings.Join(exts, ", ")
	if i := strings.LastIndex(want, ", "); i >= 0 {
		want = want[:i] + " or " + want[i+2:]
	}
	if out == "" {
		return "", "", usagef("missing --out FILE (a %s file)", want)
	}
	ext := strings.ToLower(filepath.Ext(out))
	known := false
	for _, e := range exts {
		known = known || ext == e
	}
	if !known || filepath.Base(out) == ext {
		return "", "", usagef("--out %s: want a %s file", out, want)
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return "", "", &badInput{fmt.Errorf("--out %s: it is a folder", out)}
	}
	dir := filepath.Dir(out)
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return "", "", &badInput{fmt.Errorf("--out %s: cannot write in %s: %w", out, dir, err)}
	case !info.IsDir():
		return "", "", &badInput{fmt.Errorf("--out %s: %s is not a folder", out, dir)}
	}
	return out, ext, nil
}

// fileError marks errors that come from the output path or an invalid deck
// as bad input (exit status 2); others stay runtime failures.
func fileError(err error) error {
	if err == nil {
		return nil
	}
	for _, target := range []error{deck.ErrInvalid, fs.ErrNotExist, fs.ErrPermission, fs.ErrExist,
		syscall.ENOTDIR, syscall.EISDIR, syscall.EROFS, syscall.ENAMETOOLONG} {
		if errors.Is(err, target) {
			return &badInput{err}
		}
	}
	return err
}

// badInput is an error caused by the user's input: storage.IsBadInput
// reports it (exit status 2) and its message is the error's own.
type badInput struct{ err error }

func (e *badInput) Error() string { return e.err.Error() }

func (e *badInput) Unwrap() error { return e.err }

// Is makes errors.Is(e, storage.ErrInvalid) true.
func (e *badInput) Is(target error) bool { return target == storage.ErrInvalid }
