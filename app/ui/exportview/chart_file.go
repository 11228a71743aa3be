package exportview

import (
	"fmt"
	"io"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/present"
	"parley/storage"
)

// buildChart builds the chart that s describes from the workspace. It may
// run on any goroutine.
func buildChart(ws *storage.Workspace, s present.ExportSettings) (*charts.Chart, error) {
	c, err := report.Chart(ws, s.Request())
	if err != nil {
		return nil, fmt.Errorf("build the %s chart: %w", s.Kind, err)
	}
	if s.Dark && s.Format != present.FormatCSV {
		c = c.WithTheme(charts.Dark)
	}
	return c, nil
}

// writeChart writes c to path in the format of s, atomically: on any error
// no file is left at path (an existing one is untouched).
func writeChart(path string, c *charts.Chart, s present.ExportSettings) error {
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		switch s.Format {
		case present.FormatPNG:
			return c.PNG(w, s.Size, s.Scale)
		case present.FormatSVG:
			return c.SVG(w, s.Size)
		case present.FormatCSV:
			return c.CSV(w)
		}
		return fmt.Errorf("unknown format %q", s.Format)
	})
}

// exportChart builds the chart s describes and writes it to path. It may
// run on any goroutine.
func exportChart(ws *storage.Workspace, path string, s present.ExportSettings) error {
	c, err := buildChart(ws, s)
	if err != nil {
		return err
	}
	return writeChart(path, c, s)
}
