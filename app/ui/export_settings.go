package ui

import (
	"fmt"
	"io"
	"strings"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// exportFormat is a file format a chart is exported to.
type exportFormat string

// The chart export formats, in the order the dialog offers them.
const (
	formatPNG exportFormat = "PNG"
	formatSVG exportFormat = "SVG"
	formatCSV exportFormat = "CSV"
)

// ext returns the file extension of the format, with its dot.
func (f exportFormat) ext() string { return "." + strings.ToLower(string(f)) }

// exportSettings say what a chart export writes: the chart (kind,
// scenarios, direction, timeline range) and the file (format, size, scale).
type exportSettings struct {
	kind charts.Kind
	// ids are the scenarios shown: 2 to 4 for a comparison, else one.
	ids []string
	// dir is the direction of trade; "" picks the one with more duty.
	dir scenarios.Direction
	// size is the image size at scale 1; scale is 1 or 2 (PNG only).
	size  charts.Size
	scale float64
	// from and to bound a timeline; zero means the default range.
	from, to scenarios.Date
	format   exportFormat
	// sector is the sector of a products chart, "" for every sector.
	sector string
	// allSectors shows every sector, those without duty included, and no
	// "All other" bar; by default the largest charts.DefaultTop are shown.
	allSectors bool
	// dark draws the chart on a dark background (PNG and SVG); files are
	// light unless asked.
	dark bool
}

// request returns the report request that builds the chart. CSV files
// carry the full footnote, as the command line writes them.
func (s exportSettings) request() report.ChartRequest {
	req := report.ChartRequest{Kind: s.kind, Scenarios: s.ids, Direction: s.dir, FullFootnote: s.format == formatCSV}
	if s.kind == charts.Timeline {
		req.From, req.To = s.from, s.to
	}
	if s.kind == charts.Products {
		req.Sector = s.sector
	}
	switch {
	case s.allSectors:
		req.AllSectors = true
	case s.kind == charts.Exposure || s.kind == charts.Compare || s.kind == charts.Dutiable:
		req.Top = charts.DefaultTop
	}
	return req
}

// pixels returns the size of the PNG image in pixels, scale included.
func (s exportSettings) pixels() charts.Size {
	return charts.Size{W: int(float64(s.size.W)*s.scale + 0.5), H: int(float64(s.size.H)*s.scale + 0.5)}
}

// fileName is the name the save dialog proposes, such as
// "aug-2025-exposure-1920x1080.png" or "threat-25-vs-aug-2025-compare.csv".
func (s exportSettings) fileName() string {
	name := strings.Join(s.ids, "-vs-") + "-" + string(s.kind)
	if s.kind == charts.Products && s.sector != "" {
		name += "-" + strings.ToLower(s.sector)
	}
	if s.format != formatCSV {
		name += "-" + s.size.String()
		if s.format == formatPNG && s.scale == 2 {
			name += "@2x"
		}
	}
	return name + s.format.ext()
}

// describe says what the file is, e.g. "PNG, 3840×2160 pixels (1920×1080 at 2×)".
func (s exportSettings) describe() string {
	switch s.format {
	case formatCSV:
		return "CSV: the data behind the chart, full precision, sources at the end"
	case formatSVG:
		return fmt.Sprintf("SVG, %d×%d (text stays text)", s.size.W, s.size.H)
	}
	px := s.pixels()
	if s.scale == 2 {
		return fmt.Sprintf("PNG, %d×%d pixels (%d×%d at 2×)", px.W, px.H, s.size.W, s.size.H)
	}
	return fmt.Sprintf("PNG, %d×%d pixels", px.W, px.H)
}

// buildChart builds the chart that s describes from the workspace. It may
// run on any goroutine.
func buildChart(ws *storage.Workspace, s exportSettings) (*charts.Chart, error) {
	c, err := report.Chart(ws, s.request())
	if err != nil {
		return nil, fmt.Errorf("build the %s chart: %w", s.kind, err)
	}
	if s.dark && s.format != formatCSV {
		c = c.WithTheme(charts.Dark)
	}
	return c, nil
}

// writeChart writes c to path in the format of s, atomically: on any error
// no file is left at path (an existing one is untouched).
func writeChart(path string, c *charts.Chart, s exportSettings) error {
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		switch s.format {
		case formatPNG:
			return c.PNG(w, s.size, s.scale)
		case formatSVG:
			return c.SVG(w, s.size)
		case formatCSV:
			return c.CSV(w)
		}
		return fmt.Errorf("unknown format %q", s.format)
	})
}

// exportChart builds the chart s describes and writes it to path. It may
// run on any goroutine.
func exportChart(ws *storage.Workspace, path string, s exportSettings) error {
	c, err := buildChart(ws, s)
	if err != nil {
		return err
	}
	return writeChart(path, c, s)
}
