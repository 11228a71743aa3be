package charts

import (
	"bufio"
	"fmt"
	"io"

	"parley/storage/csvsafe"
)

// CSV writes the data behind the chart: a header row and one row per bar,
// month or assumption, with numbers at full precision (US$ and rates as
// fractions, not rounded), then '#'-prefixed lines with the title, the
// subtitle, the chart's own notes and Meta.Footnote.
func (c *Chart) CSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	cw := csvsafe.NewWriter(bw) // no cell starts a formula
	header, rows := c.body.csv()
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write %s chart as CSV: %w", c.Kind, err)
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write %s chart as CSV: %w", c.Kind, err)
	}
	var comments []string
	comments = append(comments, c.Meta.Title, c.Meta.Subtitle)
	comments = append(comments, c.body.notes()...)
	comments = append(comments, c.Meta.Footnote...)
	for _, s := range comments {
		// A CR or LF in a name starts a new comment line, never a row.
		if err := csvsafe.WriteComments(bw, s); err != nil {
			return fmt.Errorf("write %s chart as CSV: %w", c.Kind, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s chart as CSV: %w", c.Kind, err)
	}
	return nil
}
