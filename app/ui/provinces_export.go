package ui

import (
	"fmt"

	"parley/app/charts"
	"parley/app/report"
	"parley/storage"
)

// exportProvinces asks where to save the exposure by province of req: a
// PNG or SVG slide (1920×1080) with its sources in full, or its table as
// CSV.
func (u *UI) exportProvinces(req report.ChartRequest) {
	u.saveSlide("export the exposure by province", "provinces.png", func(path string) error {
		return u.writeProvinces(req, path)
	})
}

// writeProvinces writes the exposure by province of req to path (.png,
// .svg or .csv).
func (u *UI) writeProvinces(req report.ChartRequest, path string) error {
	return writeSlide(path, func(bool) (*charts.Chart, error) {
		req.FullFootnote = true // the sources in full, on the slide too
		t, err := report.Provinces(u.sess.Workspace(), req)
		if err != nil {
			return nil, err
		}
		if !t.HasRegions {
			return nil, fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid)
		}
		return t.Chart, nil
	})
}
