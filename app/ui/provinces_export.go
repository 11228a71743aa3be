package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// request is the chart request of the direction chosen in the dialog.
func (v *provincesView) request() report.ChartRequest {
	req := report.ChartRequest{Scenarios: []string{v.u.current}}
	switch v.dir.Selected {
	case present.DirLabel(scenarios.CAtoUS):
		req.Direction = scenarios.CAtoUS
	case present.DirLabel(scenarios.UStoCA):
		req.Direction = scenarios.UStoCA
	}
	return req
}

// exportButton saves the exposure by province shown.
func (v *provincesView) exportButton() *widget.Button {
	return widget.NewButton("Export…", v.export)
}

// export asks where to save the exposure by province: a PNG or SVG slide
// (1920×1080) with its sources in full, or its table as CSV.
func (v *provincesView) export() {
	if len(v.rows) == 0 {
		v.u.showError("export the exposure by province", fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid))
		return
	}
	fd := v.u.exportSaveDialog("export the exposure by province", "", func(path string) {
		if err := v.writeProvinces(path); err != nil {
			v.u.showError("export the exposure by province", err)
			return
		}
		v.u.setStatus("Exported the exposure by province to " + path)
	})
	fd.SetFileName("provinces.png")
	v.u.showFileDialog(fd)
}

// writeProvinces writes the exposure by province to path (.png, .svg or
// .csv), for the scenario and direction shown.
func (v *provincesView) writeProvinces(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" && ext != ".csv" {
		return fmt.Errorf("%w: %s: want a .png, .svg or .csv file", storage.ErrInvalid, filepath.Base(path))
	}
	req := v.request()
	req.FullFootnote = true
	t, err := report.Provinces(v.u.ws, req)
	if err != nil {
		return err
	}
	if !t.HasRegions {
		return fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid)
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		switch ext {
		case ".png":
			return t.Chart.PNG(w, charts.Slide169, 1)
		case ".svg":
			return t.Chart.SVG(w, charts.Slide169)
		}
		return t.Chart.CSV(w)
	})
}
