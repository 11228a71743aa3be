package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
)

// TestErrorDialogMarkup checks how validation errors are shown: one line per
// field, named in words. Its markup is stable (no dates, no data).
func TestErrorDialogMarkup(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Golden")
	u.scen.AddMeasure()
	editorField(t, u, "Label shown in tables and charts").SetText("Steel 50%")
	w.Resize(fyne.NewSize(1000, 700))
	errs := scenarios.Errors{
		{Path: "measures[0].rate", Msg: "12 is out of range [0, 10] (0.25 means 25%)"},
		{Path: "measures[0].effective_to", Msg: "2024-01-01 is before effective_from 2025-02-01"},
		{Path: "name", Msg: "must not be empty"},
	}
	u.showError("save the scenario", errs)
	kittest.AssertMarkup(t, "error_dialog.xml", kittest.TopOverlay(t, w))
}
