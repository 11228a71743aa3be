package exportview

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"parley/app/charts"
	"parley/storage"
)

// saveSlide asks where to save one chart of a view, proposing name, and
// saves it with write; what names the action in messages ("export the deal
// chart").
func saveSlide(nav Navigator, what, name string, write func(path string) error) {
	nav.SaveAs(what, "", name, "", func(path string) {
		if err := write(path); err != nil {
			nav.ShowError(what, err)
			return
		}
		nav.SetStatus("Exported" + strings.TrimPrefix(what, "export") + " to " + path)
	})
}

// writeSlide writes a chart to path by its extension: a PNG or SVG slide
// (1920×1080), or its data as CSV. chart builds it, with the full footnote
// when csv is set; a file of another kind is refused before it is built.
func writeSlide(path string, chart func(csv bool) (*charts.Chart, error)) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" && ext != ".csv" {
		return fmt.Errorf("%w: %s: want a .png, .svg or .csv file", storage.ErrInvalid, filepath.Base(path))
	}
	ch, err := chart(ext == ".csv")
	if err != nil {
		return err
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		switch ext {
		case ".png":
			return ch.PNG(w, charts.Slide169, 1)
		case ".svg":
			return ch.SVG(w, charts.Slide169)
		}
		return ch.CSV(w)
	})
}
