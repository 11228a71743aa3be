package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/ui/kit"
	"parley/app/ui/platform"
	"parley/app/ui/present"
	"parley/scenarios"
	pstorage "parley/storage"
)

// prefExportFolder remembers the folder of the last export.
const prefExportFolder = "export.folder"

// Labels of the export dialog's choices.
var (
	kindLabels = map[charts.Kind]string{
		charts.Exposure: "Exposure: duty at stake by sector",
		charts.Dutiable: "Dutiable: CUSMA-claimed vs dutiable trade",
		charts.Compare:  "Compare 2 to 4 scenarios",
		charts.Timeline: "Timeline: tariff rate by month",
		charts.Tornado:  "Tornado: what moves the totals",
		charts.Products: "Products: top lines by duty at stake",
		charts.Leverage: "Leverage: who depends on whom, duty each way",
	}
	dirAuto    = "Auto (the direction with more duty)"
	sizeWide   = "16:9 slide, " + charts.Slide169.String()
	sizeSquare = "4:3 slide, " + charts.Slide43.String()
	sizeCustom = "Custom size…"
)

// exportPreset is what the export dialog opens with.
type exportPreset struct {
	kind charts.Kind
	ids  []string
	dir  scenarios.Direction // "" for auto
	// sector is the sector of a products chart, "" for every sector.
	sector string
}

// exportDialog is the chart export dialog: the chart, its scenarios and
// direction, the file's size and format on the left; on the right a live
// preview of exactly what Save writes (or Copy image copies).
type exportDialog struct {
	*dialog.CustomDialog
	u  *UI
	ws *pstorage.Workspace

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

	// onDone runs on the UI goroutine when a save or copy ends; for tests.
	onDone func(what string, err error)
}

// exportChartDialog opens the export dialog on the scenario shown.
func (u *UI) exportChartDialog() {
	p := exportPreset{kind: charts.Exposure}
	if u.sess.Current() != "" {
		p.ids = []string{u.sess.Current()}
	}
	u.showExportDialog(p)
}

// showExportDialog opens the export dialog preset to a chart; it does
// nothing when one is open already.
func (u *UI) showExportDialog(p exportPreset) *exportDialog {
	if d, ok := u.dialogs.top().(*exportDialog); ok {
		return d
	}
	u.flushSave() // export what is on screen
	d := newExportDialog(u, p)
	u.track(d, d.preview.stop)
	d.Resize(d.fitSize())
	d.update()
	return d
}

func newExportDialog(u *UI, p exportPreset) *exportDialog {
	d := &exportDialog{u: u, ws: u.sess.Workspace()}
	var kinds []string
	for _, k := range charts.Kinds() {
		if l, ok := kindLabels[k]; ok { // a deal takes two scenarios: the Position view exports it
			kinds = append(kinds, l)
		}
	}
	var names []string
	for _, s := range u.sess.Infos() {
		names = append(names, s.Name)
	}
	changed := func(string) { d.update() }
	d.kind = widget.NewSelect(kinds, changed)
	d.scenario = widget.NewSelect(names, changed)
	d.compared = widget.NewCheckGroup(names, d.comparedChanged)
	d.dir = widget.NewSelect([]string{dirAuto, present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, changed)
	d.from = kit.NewField(u.win, "2025-01-01")
	d.to = kit.NewField(u.win, "the scenario's date")
	d.size = widget.NewSelect([]string{sizeWide, sizeSquare, sizeCustom}, d.sizeChosen)
	d.custom = kit.NewField(u.win, "WIDTHxHEIGHT, e.g. 1280x720")
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
	d.products = newProductsChoice(u, changed)

	d.caption = widget.NewLabel("")
	d.caption.Truncation = fyne.TextTruncateEllipsis
	d.note = widget.NewLabel("")
	d.note.Truncation = fyne.TextTruncateEllipsis
	d.busy = widget.NewProgressBarInfinite()
	d.busy.Hide()
	d.busy.Stop()
	d.preview = newExportPreview(d.ws, u.onUI, func() float32 { return u.win.Canvas().Scale() })

	d.one = d.scenario
	// Long names scroll sideways rather than widen the options column.
	many := container.NewScroll(d.compared)
	many.SetMinSize(fyne.NewSize(300, 150))
	d.many = many
	d.scenLabel = boldLabel("Scenario")
	d.timeline = container.NewVBox(
		container.NewGridWithColumns(2, widget.NewLabel("From"), widget.NewLabel("To")),
		container.NewGridWithColumns(2, d.from, d.to),
		d.rangeErr,
	)
	options := container.NewVBox(
		boldLabel("Chart"), d.kind,
		d.scenLabel, d.one, d.many, d.scenErr,
		boldLabel("Direction"), d.dir,
		d.timeline, d.products.box,
		boldLabel("Size"), d.size, d.custom, d.sizeErr, d.twice,
		boldLabel("Format"), d.format,
		boldLabel("Rows and colours"), d.all, d.dark,
	)
	left := container.NewVScroll(container.NewPadded(options))
	left.SetMinSize(fyne.NewSize(330, 200))
	right := container.NewBorder(d.caption, container.NewBorder(nil, nil, nil, nil, container.NewStack(d.note, d.busy)), nil, nil, d.preview.content)
	body := container.NewBorder(nil, nil, left, nil, right)

	d.CustomDialog = dialog.NewCustomWithoutButtons("Export chart", body, u.win)
	d.save = widget.NewButton("Save…", d.saveDialog)
	d.save.Importance = widget.HighImportance
	d.copyImg = widget.NewButton("Copy image", d.copyImage)
	d.copyData = widget.NewButton("Copy data", d.copyTable)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), d.copyData, d.copyImg, d.save})
	for _, f := range []*kit.Field{d.from, d.to, d.custom} {
		f.OnEscape = d.Hide
	}
	d.preset(p)
	return d
}

// setError shows msg under a field, or hides the label when msg is "".
func setError(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// fitSize is the dialog's size: large, but inside the window.
func (d *exportDialog) fitSize() fyne.Size {
	s := d.u.win.Canvas().Size()
	return fyne.NewSize(min(1600, s.Width*0.96), min(1000, s.Height*0.96))
}

// preset sets the options to p without rendering.
func (d *exportDialog) preset(p exportPreset) {
	d.syncing = true
	defer func() { d.syncing = false }()
	d.kind.SetSelected(kindLabels[p.kind])
	d.products.set(p.sector)
	if len(p.ids) > 0 && p.ids[0] != "" {
		d.scenario.SetSelected(d.name(p.ids[0]))
	}
	var picks []string
	if p.kind == charts.Compare {
		picks = p.ids
	} else if ids := d.u.compare.IDs(); len(ids) >= charts.MinCompare {
		picks = ids
	}
	var names []string
	for _, id := range picks {
		names = append(names, d.name(id))
	}
	d.compared.SetSelected(names)
	switch p.dir {
	case "":
		d.dir.SetSelected(dirAuto)
	default:
		d.dir.SetSelected(present.DirLabel(p.dir))
	}
	d.size.SetSelected(sizeWide)
	d.custom.SetText(charts.Slide169.String())
	d.format.SetSelected(string(present.FormatPNG))
}

// name returns the name of scenario id.
func (d *exportDialog) name(id string) string {
	s, _ := d.u.sess.Info(id)
	return s.Name
}

// id returns the id of the scenario named name.
func (d *exportDialog) id(name string) string {
	for _, s := range d.u.sess.Infos() {
		if s.Name == name {
			return s.ID
		}
	}
	return ""
}

// sizeChosen shows the custom size field when "Custom" is chosen.
func (d *exportDialog) sizeChosen(string) {
	if d.syncing {
		return
	}
	switch d.size.Selected {
	case sizeCustom:
		d.update()
		d.u.win.Canvas().Focus(d.custom)
		return
	case sizeSquare:
		d.custom.SetQuiet(charts.Slide43.String())
	default:
		d.custom.SetQuiet(charts.Slide169.String())
	}
	d.update()
}

// comparedChanged keeps at most four scenarios checked, in the order chosen.
func (d *exportDialog) comparedChanged(names []string) {
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
func (d *exportDialog) read() (present.ExportSettings, bool) {
	s := present.ExportSettings{Scale: 1}
	for k, l := range kindLabels {
		if l == d.kind.Selected {
			s.Kind = k
		}
	}
	ok := true
	scenMsg := ""
	if s.Kind == charts.Compare {
		for _, n := range d.compared.Selected {
			if id := d.id(n); id != "" {
				s.IDs = append(s.IDs, id)
			}
		}
		if n := len(s.IDs); n < charts.MinCompare || n > charts.MaxCompare {
			scenMsg = fmt.Sprintf("Choose %d to %d scenarios to compare (%d chosen).", charts.MinCompare, charts.MaxCompare, n)
		}
	} else if id := d.id(d.scenario.Selected); id != "" {
		s.IDs = []string{id}
	} else {
		scenMsg = "Choose a scenario."
	}
	setError(d.scenErr, scenMsg)
	ok = ok && scenMsg == ""

	switch d.dir.Selected {
	case present.DirLabel(scenarios.CAtoUS):
		s.Dir = scenarios.CAtoUS
	case present.DirLabel(scenarios.UStoCA):
		s.Dir = scenarios.UStoCA
	}

	rangeMsg := ""
	if s.Kind == charts.Timeline {
		var msgs []string
		for _, f := range []struct {
			name string
			in   *kit.Field
			out  *scenarios.Date
		}{{"From", d.from, &s.From}, {"To", d.to, &s.To}} {
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
		if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
			msgs = append(msgs, fmt.Sprintf("To (%s) is before From (%s).", s.To, s.From))
		}
		rangeMsg = strings.Join(msgs, "\n")
	}
	setError(d.rangeErr, rangeMsg)
	if s.Kind == charts.Products {
		s.Sector = d.products.code()
	}
	ok = ok && rangeMsg == ""

	sizeMsg := ""
	switch d.size.Selected {
	case sizeSquare:
		s.Size = charts.Slide43
	case sizeCustom:
		size, err := charts.ParseSize(d.custom.Text)
		if err != nil {
			sizeMsg = present.Capitalize(err.Error()) + "."
		}
		s.Size = size
	default:
		s.Size = charts.Slide169
	}
	setError(d.sizeErr, sizeMsg)
	ok = ok && sizeMsg == ""

	s.Format = present.ExportFormat(d.format.Selected)
	if d.twice.Checked {
		s.Scale = 2
	}
	s.AllSectors = d.all.Checked
	s.Dark = d.dark.Checked
	return s, ok
}

// update follows a change of the options: it shows the fields that apply,
// checks them, enables the buttons and asks for a new preview.
func (d *exportDialog) update() {
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
func (d *exportDialog) enable() {
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
func (d *exportDialog) Submit() {
	if d.ok && !d.working {
		d.saveDialog()
	}
}

// saveDialog asks where to save the export, then writes it.
func (d *exportDialog) saveDialog() {
	if !d.ok || d.working {
		return
	}
	s := d.settings
	fd := d.u.exportSaveDialog("export the chart", s.Format.Ext(), func(path string) {
		d.saveTo(path, s)
	})
	fd.SetFileName(s.FileName())
	fd.SetTitleText("Export chart")
	fd.SetConfirmText("Save")
	d.u.exportFolder(fd)
	d.u.showFileDialog(fd)
}

// exportFolder points a save dialog at the folder of the last export, else
// the user's documents folder (or home folder): never the configuration
// folder the default workspace lives in.
func (u *UI) exportFolder(fd *dialog.FileDialog) {
	for _, dir := range []string{u.app.Preferences().String(prefExportFolder), platform.DocumentsFolder()} {
		if dir == "" {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
			return
		}
	}
	u.startIn(fd)
}

// saveTo writes the export s to path on a worker goroutine; the dialog
// closes when it succeeds, and the status bar says where it went.
func (d *exportDialog) saveTo(path string, s present.ExportSettings) {
	d.run("Saving "+filepath.Base(path)+"…", func() error {
		return exportChart(d.ws, path, s) // leaves nothing when it fails
	}, func(err error) {
		if err != nil {
			d.u.showError("export the chart", err)
		} else {
			d.u.app.Preferences().SetString(prefExportFolder, filepath.Dir(path))
			d.u.setStatus(fmt.Sprintf("Exported the %s chart to %s", s.Kind, path))
			d.Hide()
		}
		d.finished("save", err)
	})
}

// run runs work on a worker goroutine while the dialog shows msg and a
// progress bar; then runs on the UI goroutine with its error.
func (d *exportDialog) run(msg string, work func() error, then func(error)) {
	d.working = true
	d.enable()
	d.note.SetText(msg)
	d.busy.Show()
	d.busy.Start()
	kit.Go(d.u.onUI, work, func(err error) {
		d.working = false
		d.busy.Stop()
		d.busy.Hide()
		d.note.SetText("")
		d.enable()
		then(err)
	})
}

// finished reports the end of a save or copy to tests.
func (d *exportDialog) finished(what string, err error) {
	if d.onDone != nil {
		d.onDone(what, err)
	}
}
