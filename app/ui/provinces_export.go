package ui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// request is the chart request of the direction chosen in the dialog.
func (v *provincesView) request() report.ChartRequest {
	req := report.ChartRequest{Scenarios: []string{v.u.sess.Current()}}
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
	v.u.saveSlide("export the exposure by province", "provinces.png", v.writeProvinces)
}

// writeProvinces writes the exposure by province to path (.png, .svg or
// .csv), for the scenario and direction shown.
func (v *provincesView) writeProvinces(path string) error {
	return writeSlide(path, func(bool) (*charts.Chart, error) {
		req := v.request()
		req.FullFootnote = true // the sources in full, on the slide too
		t, err := report.Provinces(v.u.sess.Workspace(), req)
		if err != nil {
			return nil, err
		}
		if !t.HasRegions {
			return nil, fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid)
		}
		return t.Chart, nil
	})
}
