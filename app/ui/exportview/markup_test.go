package exportview

import (
	"testing"

	"parley/app/charts"
	"parley/app/ui/kit/kittest"
)

// TestChartOptionsMarkup checks the export dialog's options, left of the
// preview, in each of their states: the fields that apply show, the others
// hide, and a mistake is said under its field. The preview is left out: its
// image is the chart's, checked by the dialog's other tests.
func TestChartOptionsMarkup(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	for _, tc := range []struct {
		golden string
		set    func(d *ChartDialog)
	}{
		{"options_exposure.xml", func(*ChartDialog) {}},
		{"options_compare_too_few.xml", func(d *ChartDialog) {
			d.kind.SetSelected(kindLabels[charts.Compare])
			d.compared.SetSelected(d.compared.Options[:1])
		}},
		{"options_timeline_backwards.xml", func(d *ChartDialog) {
			d.kind.SetSelected(kindLabels[charts.Timeline])
			d.from.SetText("2025-06-01")
			d.to.SetText("2025-01-01")
		}},
		{"options_custom_size_wrong.xml", func(d *ChartDialog) {
			d.size.SetSelected(sizeCustom)
			d.custom.SetText("9000x1000")
		}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			d := NewChartDialog(env, Preset{Kind: charts.Exposure, IDs: []string{"aug-2025"}})
			d.Show()
			d.Shown()
			defer func() { d.Hide(); d.Stop() }()
			tc.set(d)
			kittest.AssertMarkup(t, tc.golden, d.options)
		})
	}
}
