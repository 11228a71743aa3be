package exportview

import (
	"bytes"
	"fmt"
	"strings"

	"parley/app/ui/platform"
	"parley/app/ui/present"
)

// Fyne's clipboard holds text only. "Copy data" puts the chart's data there
// as tab-separated text, which spreadsheets and PowerPoint paste as a table;
// "Copy image" puts the PNG on the system clipboard with
// platform.CopyImage, which each platform implements without cgo.

// copyTable puts the data behind the chart on the clipboard as
// tab-separated text.
func (d *ChartDialog) copyTable() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	s.Format = present.FormatCSV // the full footnote, as in a CSV file
	var text string
	d.run("Copying the data…", func() error {
		c, err := buildChart(d.ws, s)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := c.CSV(&b); err != nil {
			return err
		}
		text, err = present.TabSeparated(b.Bytes())
		return err
	}, func(err error) {
		if err != nil {
			d.env.Nav.ShowError("copy the data", err)
		} else {
			d.env.Clipboard.SetContent(text)
			rows := strings.Count(text, "\n")
			d.note.SetText(fmt.Sprintf("Copied the data as a table (%d lines): paste it into a spreadsheet or slide.", rows))
			d.env.Nav.SetStatus("Copied the " + string(s.Kind) + " chart's data to the clipboard")
		}
		d.finished("copy data", err)
	})
}

// copyImage puts the chart on the system clipboard as a PNG of the size
// chosen (2× included).
func (d *ChartDialog) copyImage() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	s.Format = present.FormatPNG
	d.run("Copying the image…", func() error {
		c, err := buildChart(d.ws, s)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := c.PNG(&b, s.Size, s.Scale); err != nil {
			return err
		}
		return platform.CopyImage(b.Bytes())
	}, func(err error) {
		if err != nil {
			d.env.Nav.ShowError("copy the image", err)
		} else {
			px := s.Pixels()
			d.note.SetText(fmt.Sprintf("Copied the image (%d×%d pixels): paste it into a slide or document.", px.W, px.H))
			d.env.Nav.SetStatus(fmt.Sprintf("Copied the %s chart to the clipboard as a %d×%d image", s.Kind, px.W, px.H))
		}
		d.finished("copy image", err)
	})
}
