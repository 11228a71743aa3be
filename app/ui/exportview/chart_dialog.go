package exportview

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	pstorage "parley/storage"
)

// Labels of the export dialog's choices.
var (
	kindLabels = map[charts.Kind]string{
		charts.Exposure:  "Exposure: duty at stake by sector",
		charts.Dutiable:  "Dutiable: CUSMA-claimed vs dutiable trade",
		charts.Compare:   "Compare 2 to 4 scenarios",
		charts.Timeline:  "Timeline: tariff rate by month",
		charts.Tornado:   "Tornado: what moves the totals",
		charts.Products:  "Products: top lines by duty at stake",
		charts.Leverage:  "Leverage: who depends on whom, duty each way",
		charts.Provinces: "Provinces: duty at stake by province or state",
	}
	sizeWide   = "16:9 slide, " + charts.Slide169.String()
	sizeSquare = "4:3 slide, " + charts.Slide43.String()
	sizeCustom = "Custom size…"
)

// ChartDialog is the chart export dialog: the chart, its scenarios and
// direction, the file's size and format on the left; on the right a live
// preview of exactly what Save writes (or Copy image copies).
type ChartDialog struct {
	*dialog.CustomDialog
	env Env
	ws  *pstorage.Workspace

	kind      *widget.Select
	scenario  *widget.Select     // one scenario
	compared  *widget.CheckGroup // 2 to 4 scenarios
	one, many fyne.CanvasObject
	scenLabel *widget.Label
	dir       *widget.Select
	from, to  *kit.Field
	timeline  fyne.CanvasObject
	products  *productsChoice
	size      *widget.Select
	custom    *kit.Field
	twice     *widget.Check
	all       *widget.Check
	dark      *widget.Check
	format    *widget.RadioGroup

	scenErr, rangeErr, sizeErr *widget.Label
	// options holds the options, left of the preview.
	options fyne.CanvasObject

	caption *widget.Label
	note    *widget.Label
	busy    *widget.ProgressBarInfinite
	preview *exportPreview

	save, copyImg, copyData *widget.Button

	// settings is what the options say, valid when ok; working is true
	// while a save or copy runs.
	settings present.ExportSettings
	ok       bool
	working  bool
	syncing  bool

	// OnDone, if set, runs on the UI goroutine when a save or copy ends.
	OnDone func(what string, err error)
}

// NewChartDialog returns the chart export dialog preset to p, not shown:
// the shell shows it, then calls Shown.
func NewChartDialog(env Env, p Preset) *ChartDialog {
	d := &ChartDialog{env: env, ws: env.Sess.Workspace()}
	d.newOptions()
	d.layout()
	d.preset(p)
	return d
}

// newOptions makes the dialog's options, its preview and their labels.
func (d *ChartDialog) newOptions() {
	env := d.env
	var kinds []string
	for _, k := range charts.Kinds() {
		if l, ok := kindLabels[k]; ok { // a deal takes two scenarios: the Position view exports it
			kinds = append(kinds, l)
		}
	}
	var names []string
	for _, s := range env.Sess.Infos() {
		names = append(names, s.Name)
	}
	changed := func(string) { d.update() }
	d.kind = widget.NewSelect(kinds, changed)
	d.scenario = widget.NewSelect(names, changed)
	d.compared = widget.NewCheckGroup(names, d.comparedChanged)
	d.dir = widget.NewSelect([]string{present.DirAuto, present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, changed)
	d.from = kit.NewField(env.Win, "2025-01-01")
	d.to = kit.NewField(env.Win, "the scenario's date")
	d.size = widget.NewSelect([]string{sizeWide, sizeSquare, sizeCustom}, d.sizeChosen)
	d.custom = kit.NewField(env.Win, "WIDTHxHEIGHT, e.g. 1280x720")
	d.twice = widget.NewCheck("2× pixels (PNG files and copied images)", func(bool) { d.update() })
	d.all = widget.NewCheck("All sectors (no “All other” bar; sectors without duty too)", func(bool) { d.update() })
	d.dark = widget.NewCheck("Dark background (slides and files are light unless checked)", func(bool) { d.update() })
	d.format = widget.NewRadioGroup([]string{string(present.FormatPNG), string(present.FormatSVG), string(present.FormatCSV)}, changed)
	d.format.Horizontal = true
	d.format.Required = true
	for _, f := range []*kit.Field{d.from, d.to, d.custom} {
		f.OnChanged = changed
		f.OnSubmitted = func(string) { d.Submit() }
	}
	d.scenErr, d.rangeErr, d.sizeErr = kit.ErrorLabel(), kit.ErrorLabel(), kit.ErrorLabel()
	d.products = newProductsChoice(env.Sess, changed)

	d.caption = widget.NewLabel("")
	d.caption.Truncation = fyne.TextTruncateEllipsis
	d.note = widget.NewLabel("")
	d.note.Truncation = fyne.TextTruncateEllipsis
	d.busy = widget.NewProgressBarInfinite()
	d.busy.Hide()
	d.busy.Stop()
	d.preview = newExportPreview(d.ws, env.Nav.Post, func() float32 { return env.Win.Canvas().Scale() })

}

// layout places the options on the left, the preview on the right and the
// buttons under them.
func (d *ChartDialog) layout() {
	d.one = d.scenario
	// Long names scroll sideways rather than widen the options column.
	many := container.NewScroll(d.compared)
	many.SetMinSize(fyne.NewSize(300, 150))
	d.many = many
	d.scenLabel = kit.BoldLabel("Scenario")
	d.timeline = container.NewVBox(
		container.NewGridWithColumns(2, widget.NewLabel("From"), widget.NewLabel("To")),
		container.NewGridWithColumns(2, d.from, d.to),
		d.rangeErr,
	)
	options := container.NewVBox(
		kit.BoldLabel("Chart"), d.kind,
		d.scenLabel, d.one, d.many, d.scenErr,
		kit.BoldLabel("Direction"), d.dir,
		d.timeline, d.products.box,
		kit.BoldLabel("Size"), d.size, d.custom, d.sizeErr, d.twice,
		kit.BoldLabel("Format"), d.format,
		kit.BoldLabel("Rows and colours"), d.all, d.dark,
	)
	d.options = options
	left := container.NewVScroll(container.NewPadded(options))
	left.SetMinSize(fyne.NewSize(330, 200))
	right := container.NewBorder(d.caption, container.NewBorder(nil, nil, nil, nil, container.NewStack(d.note, d.busy)), nil, nil, d.preview.content)
	body := container.NewBorder(nil, nil, left, nil, right)

	d.CustomDialog = dialog.NewCustomWithoutButtons("Export chart", body, d.env.Win)
	d.save = widget.NewButton("Save…", d.saveDialog)
	d.save.Importance = widget.HighImportance
	d.copyImg = widget.NewButton("Copy image", d.copyImage)
	d.copyData = widget.NewButton("Copy data", d.copyTable)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), d.copyData, d.copyImg, d.save})
	for _, f := range []*kit.Field{d.from, d.to, d.custom} {
		f.OnEscape = d.Hide
	}
}

// Shown sizes the shown dialog inside the window and renders its first
// preview.
func (d *ChartDialog) Shown() {
	s := d.env.Win.Canvas().Size()
	d.Resize(fyne.NewSize(min(1600, s.Width*0.96), min(1000, s.Height*0.96)))
	d.update()
}

// Stop ends the preview's worker; the shell calls it when the dialog closes.
func (d *ChartDialog) Stop() { d.preview.stop() }

// Settings returns the export the options describe.
func (d *ChartDialog) Settings() present.ExportSettings { return d.settings }

// preset sets the options to p without rendering.
func (d *ChartDialog) preset(p Preset) {
	d.syncing = true
	defer func() { d.syncing = false }()
	d.kind.SetSelected(kindLabels[p.Kind])
	d.products.set(p.Sector)
	if len(p.IDs) > 0 && p.IDs[0] != "" {
		d.scenario.SetSelected(d.name(p.IDs[0]))
	}
	var picks []string
	if p.Kind == charts.Compare {
		picks = p.IDs
	} else if len(p.Compared) >= charts.MinCompare {
		picks = p.Compared
	}
	var names []string
	for _, id := range picks {
		names = append(names, d.name(id))
	}
	d.compared.SetSelected(names)
	switch p.Dir {
	case "":
		d.dir.SetSelected(present.DirAuto)
	default:
		d.dir.SetSelected(present.DirLabel(p.Dir))
	}
	d.size.SetSelected(sizeWide)
	d.custom.SetText(charts.Slide169.String())
	d.format.SetSelected(string(present.FormatPNG))
}

// name returns the name of scenario id.
func (d *ChartDialog) name(id string) string {
	s, _ := d.env.Sess.Info(id)
	return s.Name
}

// id returns the id of the scenario named name.
func (d *ChartDialog) id(name string) string {
	for _, s := range d.env.Sess.Infos() {
		if s.Name == name {
			return s.ID
		}
	}
	return ""
}

// sizeChosen shows the custom size field when "Custom" is chosen.
func (d *ChartDialog) sizeChosen(string) {
	if d.syncing {
		return
	}
	switch d.size.Selected {
	case sizeCustom:
		d.update()
		d.env.Win.Canvas().Focus(d.custom)
		return
	case sizeSquare:
		d.custom.SetQuiet(charts.Slide43.String())
	default:
		d.custom.SetQuiet(charts.Slide169.String())
	}
	d.update()
}

// comparedChanged keeps at most four scenarios checked, in the order chosen.
func (d *ChartDialog) comparedChanged(names []string) {
	if d.syncing {
		return
	}
	if len(names) > charts.MaxCompare {
		d.syncing = true
		d.compared.SetSelected(names[:charts.MaxCompare])
		d.syncing = false
	}
	d.update()
}

// read returns the settings the options describe, and sets the inline
// errors: a field's message under it, "" when it is fine.
func (d *ChartDialog) read() (present.ExportSettings, bool) {
	s := present.ExportSettings{Scale: 1}
	for k, l := range kindLabels {
		if l == d.kind.Selected {
			s.Kind = k
		}
	}
	var msgs [3]string
	s.IDs, msgs[0] = d.readScenarios(s.Kind)
	kit.SetError(d.scenErr, msgs[0])

	switch d.dir.Selected {
	case present.DirLabel(scenarios.CAtoUS):
		s.Dir = scenarios.CAtoUS
	case present.DirLabel(scenarios.UStoCA):
		s.Dir = scenarios.UStoCA
	}

	if s.Kind == charts.Timeline {
		s.From, s.To, msgs[1] = d.readRange()
	}
	kit.SetError(d.rangeErr, msgs[1])
	if s.Kind == charts.Products {
		s.Sector = d.products.code()
	}

	s.Size, msgs[2] = d.readSize()
	kit.SetError(d.sizeErr, msgs[2])

	s.Format = present.ExportFormat(d.format.Selected)
	if d.twice.Checked {
		s.Scale = 2
	}
	s.AllSectors = d.all.Checked
	s.Dark = d.dark.Checked
	return s, msgs == [3]string{}
}

// readScenarios returns the scenarios chosen for a chart of kind, or why
// they do not do.
func (d *ChartDialog) readScenarios(kind charts.Kind) (ids []string, msg string) {
	if kind != charts.Compare {
		if id := d.id(d.scenario.Selected); id != "" {
			return []string{id}, ""
		}
		return nil, "Choose a scenario."
	}
	for _, n := range d.compared.Selected {
		if id := d.id(n); id != "" {
			ids = append(ids, id)
		}
	}
	if n := len(ids); n < charts.MinCompare || n > charts.MaxCompare {
		msg = fmt.Sprintf("Choose %d to %d scenarios to compare (%d chosen).", charts.MinCompare, charts.MaxCompare, n)
	}
	return ids, msg
}

// readRange returns a timeline's range (an empty field gives a zero
// date), or what is wrong with it, a line per mistake.
func (d *ChartDialog) readRange() (from, to scenarios.Date, msg string) {
	var msgs []string
	for _, f := range []struct {
		name string
		in   *kit.Field
		out  *scenarios.Date
	}{{"From", d.from, &from}, {"To", d.to, &to}} {
		text := strings.TrimSpace(f.in.Text)
		if text == "" {
			continue
		}
		date, err := scenarios.ParseDate(text)
		var noDay *scenarios.NoSuchDayError
		switch {
		case errors.As(err, &noDay):
			msgs = append(msgs, fmt.Sprintf("%s: %v.", f.name, err))
			continue
		case err != nil:
			msgs = append(msgs, fmt.Sprintf("%s: %q is not a date: want YYYY-MM-DD, e.g. 2025-03-04.", f.name, text))
			continue
		}
		*f.out = date
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		msgs = append(msgs, fmt.Sprintf("To (%s) is before From (%s).", to, from))
	}
	return from, to, strings.Join(msgs, "\n")
}

// readSize returns the file's size chosen, or what is wrong with it.
func (d *ChartDialog) readSize() (charts.Size, string) {
	switch d.size.Selected {
	case sizeSquare:
		return charts.Slide43, ""
	case sizeCustom:
		size, err := charts.ParseSize(d.custom.Text)
		if err != nil {
			return size, present.Capitalize(err.Error()) + "."
		}
		return size, ""
	}
	return charts.Slide169, ""
}

// update follows a change of the options: it shows the fields that apply,
// checks them, enables the buttons and asks for a new preview.
func (d *ChartDialog) update() {
	if d.syncing {
		return
	}
	compare := d.kind.Selected == kindLabels[charts.Compare]
	showIf(d.one, !compare)
	showIf(d.many, compare)
	if compare {
		d.scenLabel.SetText("Scenarios (2 to 4)")
	} else {
		d.scenLabel.SetText("Scenario")
	}
	showIf(d.timeline, d.kind.Selected == kindLabels[charts.Timeline])
	showIf(d.products.box, d.kind.Selected == kindLabels[charts.Products])
	showIf(d.custom, d.size.Selected == sizeCustom)
	s, ok := d.read()
	d.settings, d.ok = s, ok
	d.enable()
	showIf(d.preview.content, ok)
	if !ok {
		d.caption.SetText("Correct the options on the left to see the preview.")
		return
	}
	d.caption.SetText("Preview of " + s.FileName() + " · " + s.Describe())
	d.preview.set(s)
}

// enable enables the buttons when the options are valid and nothing runs.
func (d *ChartDialog) enable() {
	for _, b := range []*widget.Button{d.save, d.copyImg, d.copyData} {
		if d.ok && !d.working {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// showIf shows o when show is true, else hides it.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// Submit saves: Enter in the dialog.
func (d *ChartDialog) Submit() {
	if d.ok && !d.working {
		d.saveDialog()
	}
}

// saveDialog asks where to save the export, then writes it.
func (d *ChartDialog) saveDialog() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	d.env.Nav.SaveAs("export the chart", s.Format.Ext(), s.FileName(), "Export chart", func(path string) {
		d.saveTo(path, s)
	})
}

// saveTo writes the export s to path on a worker goroutine; the dialog
// closes when it succeeds, and the status bar says where it went.
func (d *ChartDialog) saveTo(path string, s present.ExportSettings) {
	d.run("Saving "+filepath.Base(path)+"…", func() error {
		return exportChart(d.ws, path, s) // leaves nothing when it fails
	}, func(err error) {
		if err != nil {
			d.env.Nav.ShowError("export the chart", err)
		} else {
			d.env.exported(filepath.Dir(path))
			d.env.Nav.SetStatus(fmt.Sprintf("Exported the %s chart to %s", s.Kind, path))
			d.Hide()
		}
		d.finished("save", err)
	})
}

// run runs work on a worker goroutine while the dialog shows msg and a
// progress bar; then runs on the UI goroutine with its error.
func (d *ChartDialog) run(msg string, work func() error, then func(error)) {
	d.working = true
	d.enable()
	d.note.SetText(msg)
	d.busy.Show()
	d.busy.Start()
	kit.Go(d.env.Nav.Post, work, func(err error) {
		d.working = false
		d.busy.Stop()
		d.busy.Hide()
		d.note.SetText("")
		d.enable()
		then(err)
	})
}

// finished reports the end of a save or copy to tests.
func (d *ChartDialog) finished(what string, err error) {
	if d.OnDone != nil {
		d.OnDone(what, err)
	}
}
