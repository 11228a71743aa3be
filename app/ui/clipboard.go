package ui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"parley/app/ui/platform"
)

// Fyne's clipboard holds text only. "Copy data" puts the chart's data there
// as tab-separated text, which spreadsheets and PowerPoint paste as a table;
// "Copy image" puts the PNG on the system clipboard with copyImage, which
// each platform implements without cgo (clipboard_windows.go,
// clipboard_darwin.go, clipboard_unix.go).

// copyTable puts the data behind the chart on the clipboard as
// tab-separated text.
func (d *exportDialog) copyTable() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	s.format = formatCSV // the full footnote, as in a CSV file
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
		text, err = tabSeparated(b.Bytes())
		return err
	}, func(err error) {
		if err != nil {
			d.u.showError("copy the data", err)
		} else {
			d.u.app.Clipboard().SetContent(text)
			rows := strings.Count(text, "\n")
			d.note.SetText(fmt.Sprintf("Copied the data as a table (%d lines): paste it into a spreadsheet or slide.", rows))
			d.u.setStatus("Copied the " + string(s.kind) + " chart's data to the clipboard")
		}
		d.finished("copy data", err)
	})
}

// copyImage puts the chart on the system clipboard as a PNG of the size
// chosen (2× included).
func (d *exportDialog) copyImage() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	s.format = formatPNG
	d.run("Copying the image…", func() error {
		c, err := buildChart(d.ws, s)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := c.PNG(&b, s.size, s.scale); err != nil {
			return err
		}
		return platform.CopyImage(b.Bytes())
	}, func(err error) {
		if err != nil {
			d.u.showError("copy the image", err)
		} else {
			px := s.pixels()
			d.note.SetText(fmt.Sprintf("Copied the image (%d×%d pixels): paste it into a slide or document.", px.W, px.H))
			d.u.setStatus(fmt.Sprintf("Copied the %s chart to the clipboard as a %d×%d image", s.kind, px.W, px.H))
		}
		d.finished("copy image", err)
	})
}

// tabSeparated turns a chart's CSV file (charts.Chart.CSV) into
// tab-separated text: the table, then an empty line and the '#' lines
// (title, subtitle, notes, sources) without their '#', so that the sources
// travel with the numbers. Tabs and line breaks inside a cell become spaces.
func tabSeparated(csvText []byte) (string, error) {
	lines := strings.SplitAfter(string(csvText), "\n")
	end := len(lines)
	for end > 0 && (strings.HasPrefix(lines[end-1], "#") || strings.TrimSpace(lines[end-1]) == "") {
		end--
	}
	r := csv.NewReader(strings.NewReader(strings.Join(lines[:end], "")))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		return "", fmt.Errorf("read the chart's data: %w", err)
	}
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	var b strings.Builder
	for _, rec := range records {
		for i, cell := range rec {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean.Replace(cell))
		}
		b.WriteByte('\n')
	}
	sep := "\n"
	for _, l := range lines[end:] {
		l = strings.TrimSpace(strings.TrimPrefix(l, "#"))
		if l == "" {
			continue
		}
		b.WriteString(sep + clean.Replace(l) + "\n")
		sep = ""
	}
	return b.String(), nil
}
