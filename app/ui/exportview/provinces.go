package exportview

import (
	"fmt"

	"parley/app/charts"
	"parley/app/report"
	"parley/scenarios"
	"parley/storage"
)

// errNoProvinces is the refusal of a scenario whose trade data names no
// province or state in the direction asked for.
func errNoProvinces() error {
	return fmt.Errorf("%w: this scenario's trade data names no province or state in this direction", storage.ErrInvalid)
}

// ProvincesRequest is the chart request of the exposure by province of
// scenario id in direction dir ("" for the direction with more duty).
func ProvincesRequest(id string, dir scenarios.Direction) report.ChartRequest {
	return report.ChartRequest{Scenarios: []string{id}, Direction: dir}
}

// SaveProvinces asks where to save the exposure by province of scenario id
// in direction dir, then saves it: a PNG or SVG slide (1920×1080) with its
// sources in full, or its table as CSV. empty says the view shows no
// province: the export is refused before a file is asked for.
func SaveProvinces(env Env, id string, dir scenarios.Direction, empty bool) {
	const what = "export the exposure by province"
	if empty {
		env.Nav.ShowError(what, errNoProvinces())
		return
	}
	ws := env.Sess.Workspace()
	saveSlide(env.Nav, what, "provinces.png", func(path string) error {
		return WriteProvinces(ws, path, id, dir)
	})
}

// WriteProvinces writes the exposure by province of scenario id in
// direction dir to path (.png, .svg or .csv). It may run on any goroutine.
func WriteProvinces(ws *storage.Workspace, path, id string, dir scenarios.Direction) error {
	return writeSlide(path, func(bool) (*charts.Chart, error) {
		req := ProvincesRequest(id, dir)
		req.FullFootnote = true // the sources in full, on the slide too
		t, err := report.Provinces(ws, req)
		if err != nil {
			return nil, err
		}
		if !t.HasRegions {
			return nil, errNoProvinces()
		}
		return t.Chart, nil
	})
}
