package ui

import (
	"fyne.io/fyne/v2/widget"

	"parley/app/report"
	"parley/app/ui/exportview"
	"parley/app/ui/present"
	"parley/scenarios"
)

// The exposure by province's export is exportview's; these methods hand it
// the scenario and direction shown.

// dirAuto is the choice of the direction with more duty.
const dirAuto = present.DirAuto

// direction is the direction chosen in the dialog, "" for auto.
func (v *provincesView) direction() scenarios.Direction {
	switch v.dir.Selected {
	case present.DirLabel(scenarios.CAtoUS):
		return scenarios.CAtoUS
	case present.DirLabel(scenarios.UStoCA):
		return scenarios.UStoCA
	}
	return ""
}

// request is the chart request of the direction chosen in the dialog.
func (v *provincesView) request() report.ChartRequest {
	return exportview.ProvincesRequest(v.u.sess.Current(), v.direction())
}

// exportButton saves the exposure by province shown.
func (v *provincesView) exportButton() *widget.Button {
	return widget.NewButton("Export…", func() {
		exportview.SaveProvinces(v.u.exportEnv(), v.u.sess.Current(), v.direction(), len(v.rows) == 0)
	})
}

// writeProvinces writes the exposure by province to path (.png, .svg or
// .csv), for the scenario and direction shown.
func (v *provincesView) writeProvinces(path string) error {
	return exportview.WriteProvinces(v.u.sess.Workspace(), path, v.u.sess.Current(), v.direction())
}
