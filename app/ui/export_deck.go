package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	pstorage "parley/storage"
)

// maxDeckScenarios is the most scenarios a deck from the app covers.
const maxDeckScenarios = 4

// Slide shapes offered for decks.
const (
	aspectWide   = "16:9"
	aspectSquare = "4:3"
)

// deckDialog asks for the scenarios and slide shape of a deck, then where
// to save it.
type deckDialog struct {
	*dialog.CustomDialog
	u      *UI
	chosen *widget.CheckGroup
	aspect *widget.RadioGroup
	info   *widget.Label
	err    *widget.Label
	save   *widget.Button

	// onDone runs on the UI goroutine when a deck is written; for tests.
	onDone func(path string, err error)
}

// exportDeckDialog opens the deck dialog on the scenario shown.
func (u *UI) exportDeckDialog() {
	if _, ok := u.dialogs.top().(*deckDialog); ok {
		return
	}
	u.flushSave()
	d := newDeckDialog(u)
	u.track(d, nil)
	d.Resize(fyne.NewSize(520, min(560, u.win.Canvas().Size().Height*0.9)))
}

func newDeckDialog(u *UI) *deckDialog {
	d := &deckDialog{u: u}
	var names []string
	for _, s := range u.infos {
		names = append(names, s.Name)
	}
	d.chosen = widget.NewCheckGroup(names, d.changed)
	d.aspect = widget.NewRadioGroup([]string{aspectWide, aspectSquare}, nil)
	d.aspect.Horizontal = true
	d.aspect.Required = true
	d.aspect.SetSelected(aspectWide)
	d.info = widget.NewLabel("")
	d.info.Wrapping = fyne.TextWrapWord
	d.err = errorLabel()
	top := container.NewVBox(
		boldLabel("Scenarios (1 to 4)"),
	)
	bottom := container.NewVBox(d.err, d.info, boldLabel("Slides"), d.aspect)
	body := container.NewBorder(top, bottom, nil, nil, scrollOf(d.chosen, 440, 180))
	d.CustomDialog = dialog.NewCustomWithoutButtons("Export deck", body, u.win)
	d.save = widget.NewButton("Save…", d.saveDialog)
	d.save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.Hide), d.save})
	if s, ok := u.info(u.current); ok {
		d.chosen.SetSelected([]string{s.Name})
	} else {
		d.changed(nil)
	}
	return d
}

// ids returns the chosen scenarios, in the list's order.
func (d *deckDialog) ids() []string {
	var ids []string
	for _, s := range d.u.infos {
		for _, n := range d.chosen.Selected {
			if n == s.Name {
				ids = append(ids, s.ID)
			}
		}
	}
	return ids
}

// changed keeps one to four scenarios chosen and says what the deck holds.
func (d *deckDialog) changed(names []string) {
	if len(names) > maxDeckScenarios {
		d.chosen.SetSelected(names[:maxDeckScenarios])
		return
	}
	n := len(d.ids())
	if n == 0 {
		setError(d.err, "Choose at least one scenario.")
		d.info.SetText("")
		d.save.Disable()
		return
	}
	setError(d.err, "")
	d.save.Enable()
	what := "its exposure, dutiable trade, timeline and sensitivity"
	if n > 1 {
		what = fmt.Sprintf("the exposure, dutiable trade, timeline and sensitivity of each scenario and a comparison of the %d", n)
	}
	d.info.SetText(fmt.Sprintf("%d chart slides: %s; with a title slide and the sources.", deckCharts(n), what))
}

// deckCharts returns the chart slides of a deck on n scenarios
// (report.Deck): four per scenario and, for two to four, a comparison. A
// title slide comes first and one or more sources slides last.
func deckCharts(n int) int {
	slides := 4 * n
	if n >= charts.MinCompare && n <= charts.MaxCompare {
		slides++
	}
	return slides
}

// Submit saves: Enter in the dialog.
func (d *deckDialog) Submit() {
	if !d.save.Disabled() {
		d.saveDialog()
	}
}

// saveDialog asks where to save the deck, then writes it.
func (d *deckDialog) saveDialog() {
	ids := d.ids()
	if len(ids) == 0 {
		return
	}
	wide := d.aspect.Selected != aspectSquare
	fd := d.u.fileSaveDialog("export the deck", func(path string) {
		d.Hide()
		d.u.saveDeck(withExt(path, ".pptx"), ids, wide, d.onDone)
	})
	name := strings.Join(ids, "-vs-") + "-deck"
	if !wide {
		name += "-4x3"
	}
	fd.SetFileName(name + ".pptx")
	fd.SetTitleText("Export deck")
	fd.SetConfirmText("Save")
	d.u.exportFolder(fd)
	d.u.showFileDialog(fd)
}

// saveDeck builds the deck on a worker goroutine while a progress dialog
// shows, writes it to path atomically, and says where it went; done, if
// not nil, runs afterwards on the UI goroutine.
func (u *UI) saveDeck(path string, ids []string, wide bool, done func(string, error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(fmt.Sprintf("Rendering %d charts into %s…", deckCharts(len(ids)), filepath.Base(path)))
	progress := dialog.NewCustomWithoutButtons("Exporting deck", container.NewVBox(msg, bar), u.win)
	progress.Show()
	ws, do := u.ws, onUI
	go func() {
		err := exportDeck(ws, path, ids, wide)
		if err != nil {
			removeIfEmpty(path) // the file the save dialog created
		}
		do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				u.showError("export the deck", err)
			} else {
				u.app.Preferences().SetString(prefExportFolder, filepath.Dir(path))
				u.setStatus(fmt.Sprintf("Exported a deck of %d charts to %s", deckCharts(len(ids)), path))
			}
			if done != nil {
				done(path, err)
			}
		})
	}()
}

// exportDeck builds the deck of the scenarios ids and writes it to path
// atomically. It may run on any goroutine.
func exportDeck(ws *pstorage.Workspace, path string, ids []string, wide bool) error {
	dk, err := report.Deck(ws, ids, report.DeckOptions{Widescreen: wide})
	if err != nil {
		return fmt.Errorf("build the deck: %w", err)
	}
	if err := pstorage.WriteFileAtomic(path, func(w io.Writer) error { return deck.Write(w, dk) }); err != nil {
		return fmt.Errorf("write the deck: %w", err)
	}
	return nil
}
