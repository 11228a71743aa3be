package exportview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
	"parley/app/ui/kit"
	pstorage "parley/storage"
)

// maxDeckScenarios is the most scenarios a deck from the app covers.
const maxDeckScenarios = 4

// Slide shapes offered for decks.
const (
	aspectWide   = "16:9"
	aspectSquare = "4:3"
)

// DeckDialog asks for the scenarios and slide shape of a deck, then where
// to save it.
type DeckDialog struct {
	*dialog.CustomDialog
	env      Env
	chosen   *widget.CheckGroup
	aspect   *widget.RadioGroup
	title    *kit.Field
	subtitle *kit.Field
	slides   *widget.CheckGroup
	info     *widget.Label
	err      *widget.Label
	save     *widget.Button

	// OnDone, if set, runs on the UI goroutine when a deck is written.
	OnDone func(path string, err error)
}

// slideLabels name the kinds of slides in the deck dialog.
var slideLabels = map[string]string{
	report.SlideSummary:    "At a glance: one page per scenario (both directions, totals, top five sectors, key evidence)",
	report.SlideExposure:   "Duty at stake by sector",
	report.SlideProducts:   "Top products by duty at stake",
	report.SlideProgrammes: "Duty by sector and programme (Section 232, IEEPA, …)",
	report.SlideDutiable:   "CUSMA-claimed trade: what a claim spares (once when the scenarios share it)",
	report.SlideTimeline:   "Effective tariff rate by month",
	report.SlideTornado:    "What moves the totals (sensitivity)",
	report.SlideCompare:    "The scenarios compared (2 to 4)",
	report.SlideSources:    "Sources",
	// The negotiating position (the Position view): leverage and ranges
	// unchecked at first.
	report.SlideLeverage:  "Who depends on whom: leverage by sector",
	report.SlideRanges:    "Trade effect by sector with P10–P90 ranges (Monte Carlo)",
	report.SlideDeal:      "Each scenario after the first scored as a deal against the first",
	report.SlideProvinces: "Duty at stake by province (scenarios on a dataset with provinces)",
}

// chosenSlides returns the kinds of slides checked, in deck order.
func (d *DeckDialog) chosenSlides() []string {
	var out []string
	for _, k := range report.DeckSlides {
		if slices.Contains(d.slides.Selected, slideLabels[k]) {
			out = append(out, k)
		}
	}
	return out
}

// options returns the deck options the dialog describes.
func (d *DeckDialog) options() report.DeckOptions {
	return report.DeckOptions{
		Widescreen: d.aspect.Selected != aspectSquare,
		Top:        charts.DefaultTop,
		Title:      strings.TrimSpace(d.title.Text),
		Subtitle:   strings.TrimSpace(d.subtitle.Text),
		Slides:     d.chosenSlides(),
	}
}

// NewDeckDialog returns the deck dialog on the scenario shown, not shown:
// the shell shows it, then calls Shown.
func NewDeckDialog(env Env) *DeckDialog {
	d := &DeckDialog{env: env}
	var names []string
	for _, s := range env.Sess.Infos() {
		names = append(names, s.Name)
	}
	d.chosen = widget.NewCheckGroup(names, d.changed)
	d.aspect = widget.NewRadioGroup([]string{aspectWide, aspectSquare}, nil)
	d.aspect.Horizontal = true
	d.aspect.Required = true
	d.aspect.SetSelected(aspectWide)
	d.info = widget.NewLabel("")
	d.info.Wrapping = fyne.TextWrapWord
	d.err = kit.ErrorLabel()
	d.title = kit.NewField(env.Win, "")
	d.subtitle = kit.NewMultiField(env.Win, "", 2)
	var labels []string
	for _, k := range report.DeckSlides {
		labels = append(labels, slideLabels[k])
	}
	d.slides = widget.NewCheckGroup(labels, func([]string) { d.changed(d.chosen.Selected) })
	d.slides.SetSelected(defaultSlideLabels(labels))
	form := widget.NewForm(
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Subtitle", d.subtitle),
	)
	form.Items[0].HintText = "Empty: the scenarios' names"
	form.Items[1].HintText = "Empty: the date(s) and the day it is prepared"
	options := container.NewVBox(
		kit.BoldLabel("Scenarios (1 to 4)"), kit.ScrollOf(d.chosen, 440, 140),
		d.err, form,
		kit.BoldLabel("Slides"), d.slides,
		kit.BoldLabel("Shape"), d.aspect,
		d.info,
	)
	body := container.NewVScroll(options)
	d.CustomDialog = dialog.NewCustomWithoutButtons("Export deck", body, env.Win)
	d.save = widget.NewButton("Save…", d.saveDialog)
	d.save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.Hide), d.save})
	if s, ok := env.Sess.Info(env.Sess.Current()); ok {
		d.chosen.SetSelected([]string{s.Name})
	} else {
		d.changed(nil)
	}
	return d
}

// Shown sizes the shown dialog inside the window.
func (d *DeckDialog) Shown() {
	d.Resize(fyne.NewSize(560, min(720, d.env.Win.Canvas().Size().Height*0.92)))
}

// ids returns the chosen scenarios, in the list's order.
func (d *DeckDialog) ids() []string {
	var ids []string
	for _, s := range d.env.Sess.Infos() {
		for _, n := range d.chosen.Selected {
			if n == s.Name {
				ids = append(ids, s.ID)
			}
		}
	}
	return ids
}

// changed keeps one to four scenarios chosen and says what the deck holds.
func (d *DeckDialog) changed(names []string) {
	if len(names) > maxDeckScenarios {
		d.chosen.SetSelected(names[:maxDeckScenarios])
		return
	}
	ids := d.ids()
	n := len(ids)
	var chosen []string
	for _, id := range ids {
		if s, ok := d.env.Sess.Info(id); ok {
			chosen = append(chosen, s.Name)
		}
	}
	d.title.PlaceHolder = report.DeckTitle(chosen)
	d.title.Refresh()
	if d.slides == nil || d.save == nil {
		return // still being built
	}
	slides := d.chosenSlides()
	switch {
	case n == 0:
		kit.SetError(d.err, "Choose at least one scenario.")
	case !slices.ContainsFunc(slides, func(k string) bool { return k != report.SlideSources }):
		kit.SetError(d.err, "Choose at least one slide besides the sources.")
	default:
		kit.SetError(d.err, "")
	}
	if d.err.Visible() {
		d.info.SetText("")
		d.save.Disable()
		return
	}
	d.save.Enable()
	var parts []string
	for _, k := range slides {
		switch {
		case k == report.SlideSources:
		case k == report.SlideCompare && n < charts.MinCompare:
			parts = append(parts, "no comparison (it needs 2 to 4 scenarios)")
		case k == report.SlideCompare:
			parts = append(parts, fmt.Sprintf("a comparison of the %d", n))
		case k == report.SlideDutiable && n > 1:
			parts = append(parts, "their dutiable trade (once for the scenarios that share it)")
		default:
			parts = append(parts, strings.ToLower(strings.SplitN(slideLabels[k], " (", 2)[0]))
		}
	}
	each := ""
	if n > 1 {
		each = " of each scenario"
	}
	d.info.SetText(fmt.Sprintf("A title slide, then%s: %s.", each, strings.Join(parts, "; ")))
}

// Submit saves: Enter in the dialog.
func (d *DeckDialog) Submit() {
	if !d.save.Disabled() {
		d.saveDialog()
	}
}

// saveDialog asks where to save the deck, then writes it.
func (d *DeckDialog) saveDialog() {
	ids := d.ids()
	if len(ids) == 0 {
		return
	}
	opt := d.options()
	wide := opt.Widescreen
	name := strings.Join(ids, "-vs-") + "-deck"
	if !wide {
		name += "-4x3"
	}
	d.env.Nav.SaveAs("export the deck", ".pptx", name+".pptx", "Export deck", func(path string) {
		d.Hide()
		SaveDeck(d.env, path, ids, opt, d.OnDone)
	})
}

// SaveDeck builds the deck on a worker goroutine while a progress dialog
// says which step it is on (evaluating the scenarios, drawing the charts,
// writing the file) and offers to cancel, writes it to path atomically,
// and says where it went; a cancelled or failed export writes nothing.
// done, if not nil, runs afterwards on the UI goroutine with the error
// (context.Canceled when the user cancelled). opt.Progress, if set, is
// told each step too, on the worker.
func SaveDeck(env Env, path string, ids []string, opt report.DeckOptions, done func(string, error)) {
	p := newDeckProgress(env.Win, filepath.Base(path))
	ws := env.Sess.Workspace()
	post := env.Nav.Post
	job := kit.NewLatest(post, func(ctx context.Context, _ struct{}) error {
		return exportDeck(ctx, ws, path, ids, opt, func(step int) { post(func() { p.show(step) }) })
	}, func(err error) {
		p.close()
		switch {
		case errors.Is(err, context.Canceled):
			env.Nav.SetStatus("Export of the deck cancelled: nothing was written.")
		case err != nil:
			env.Nav.ShowError("export the deck", err)
		default:
			env.exported(filepath.Dir(path))
			env.Nav.SetStatus("Exported the deck to " + path)
		}
		if done != nil {
			done(path, err)
		}
	})
	p.onCancel = job.Cancel
	job.Submit(struct{}{})
}

// exportDeck builds the deck of the scenarios ids and writes it to path
// atomically, telling shown each step as it begins (deckSteps); once ctx
// is cancelled it stops at the next step and writes nothing. It may run
// on any goroutine.
func exportDeck(ctx context.Context, ws *pstorage.Workspace, path string, ids []string, opt report.DeckOptions, shown func(step int)) error {
	caller := opt.Progress
	opt.Progress = func(s report.DeckStep) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		shown(int(s))
		if caller != nil {
			return caller(s)
		}
		return nil
	}
	dk, err := report.Deck(ws, ids, opt)
	if err != nil {
		return fmt.Errorf("build the deck: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	shown(stepWriting)
	err = pstorage.WriteFileAtomic(path, func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err // the file is left as it was
		}
		return deck.Write(w, dk)
	})
	if err != nil {
		return fmt.Errorf("write the deck: %w", err)
	}
	return nil
}
