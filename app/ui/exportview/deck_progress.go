package exportview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/report"
)

// stepWriting is the last step of an export, after report's DeckSteps:
// writing the file.
const stepWriting = int(report.DeckDrawing) + 1

// deckSteps say what each step of a deck export does, in order.
var deckSteps = []string{
	report.DeckEvaluating: "Evaluating the scenarios…",
	report.DeckDrawing:    "Drawing the charts…",
	stepWriting:           "Writing the file…",
}

// deckProgress is the dialog that shows while a deck is exported: the
// step it is on, of how many, and a Cancel button.
type deckProgress struct {
	dlg    *dialog.CustomDialog
	step   *widget.Label
	bar    *widget.ProgressBar
	cancel *widget.Button
	// onCancel asks the export to stop; it runs on the UI goroutine.
	onCancel func()
}

// newDeckProgress shows the progress dialog of the export of the deck
// named name, on its first step.
func newDeckProgress(win fyne.Window, name string) *deckProgress {
	p := &deckProgress{step: widget.NewLabel(""), bar: widget.NewProgressBar()}
	p.bar.TextFormatter = func() string {
		return fmt.Sprintf("Step %d of %d", int(p.bar.Value)+1, len(deckSteps))
	}
	p.bar.Max = float64(len(deckSteps))
	p.cancel = widget.NewButton("Cancel", func() {
		p.cancel.Disable()
		p.step.SetText("Cancelling… nothing will be written.")
		if p.onCancel != nil {
			p.onCancel()
		}
	})
	body := container.NewVBox(widget.NewLabel(fmt.Sprintf("Exporting the deck %s", name)), p.step, p.bar)
	p.dlg = dialog.NewCustomWithoutButtons("Exporting deck", body, win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel})
	p.show(int(report.DeckEvaluating))
	p.dlg.Show()
	return p
}

// show says that the export is on step (an index of deckSteps), unless it
// is being cancelled.
func (p *deckProgress) show(step int) {
	if p.cancel.Disabled() || step < 0 || step >= len(deckSteps) {
		return
	}
	p.step.SetText(deckSteps[step])
	p.bar.SetValue(float64(step))
}

// close hides the dialog: the export is over.
func (p *deckProgress) close() { p.dlg.Hide() }
