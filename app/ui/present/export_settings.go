package present

import (
	"fmt"
	"strings"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
)

// ExportFormat is a file format a chart is exported to.
type ExportFormat string

// Ext returns the file extension of the format, with its dot.
func (f ExportFormat) Ext() string { return "." + strings.ToLower(string(f)) }

// ExportSettings say what a chart export writes: the chart (kind,
// scenarios, direction, timeline range) and the file (format, size, scale).
type ExportSettings struct {
	Kind charts.Kind
	// ids are the scenarios shown: 2 to 4 for a comparison, else one.
	IDs []string
	// dir is the direction of trade; "" picks the one with more duty.
	Dir scenarios.Direction
	// size is the image size at scale 1; scale is 1 or 2 (PNG only).
	Size  charts.Size
	Scale float64
	// from and to bound a timeline; zero means the default range.
	From, To scenarios.Date
	Format   ExportFormat
	// sector is the sector of a products chart, "" for every sector.
	Sector string
	// allSectors shows every sector, those without duty included, and no
	// "All other" bar; by default the largest charts.DefaultTop are shown.
	AllSectors bool
	// dark draws the chart on a dark background (PNG and SVG); files are
	// light unless asked.
	Dark bool
}

// Request returns the report request that builds the chart. CSV files
// carry the full footnote, as the command line writes them.
func (s ExportSettings) Request() report.ChartRequest {
	req := report.ChartRequest{Kind: s.Kind, Scenarios: s.IDs, Direction: s.Dir, FullFootnote: s.Format == FormatCSV}
	if s.Kind == charts.Timeline {
		req.From, req.To = s.From, s.To
	}
	if s.Kind == charts.Products {
		req.Sector = s.Sector
	}
	switch {
	case s.AllSectors:
		req.AllSectors = true
	case s.Kind == charts.Exposure || s.Kind == charts.Compare || s.Kind == charts.Dutiable:
		req.Top = charts.DefaultTop
	}
	return req
}

// Pixels returns the size of the PNG image in pixels, scale included.
func (s ExportSettings) Pixels() charts.Size {
	return charts.Size{W: int(float64(s.Size.W)*s.Scale + 0.5), H: int(float64(s.Size.H)*s.Scale + 0.5)}
}

// FileName is the name the save dialog proposes, such as
// "aug-2025-exposure-1920x1080.png" or "threat-25-vs-aug-2025-compare.csv".
func (s ExportSettings) FileName() string {
	name := strings.Join(s.IDs, "-vs-") + "-" + string(s.Kind)
	if s.Kind == charts.Products && s.Sector != "" {
		name += "-" + strings.ToLower(s.Sector)
	}
	if s.Format != FormatCSV {
		name += "-" + s.Size.String()
		if s.Format == FormatPNG && s.Scale == 2 {
			name += "@2x"
		}
	}
	return name + s.Format.Ext()
}

// Describe says what the file is, e.g. "PNG, 3840×2160 pixels (1920×1080 at 2×)".
func (s ExportSettings) Describe() string {
	switch s.Format {
	case FormatCSV:
		return "CSV: the data behind the chart, full precision, sources at the end"
	case FormatSVG:
		return fmt.Sprintf("SVG, %d×%d (text stays text)", s.Size.W, s.Size.H)
	}
	px := s.Pixels()
	if s.Scale == 2 {
		return fmt.Sprintf("PNG, %d×%d pixels (%d×%d at 2×)", px.W, px.H, s.Size.W, s.Size.H)
	}
	return fmt.Sprintf("PNG, %d×%d pixels", px.W, px.H)
}

// The chart export formats, in the order the dialog offers them.
const (
	FormatPNG ExportFormat = "PNG"
	FormatSVG ExportFormat = "SVG"
	FormatCSV ExportFormat = "CSV"
)
