package dataview

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/numfmt"
	"parley/app/report"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	pstorage "parley/storage"
	"parley/storage/datasets"
	"parley/storage/tradefile"
)

// datasetExts are the files the trade data import reads.
var datasetExts = []string{".csv", ".txt", ".tsv", ".tab", ".xlsx"}

// previewRows is how many data rows the import dialog shows.
const previewRows = 12

// noColumn is the mapping choice of no column.
const noColumn = "—"

// Choices of the import dialog.
var (
	currencyUSD   = "US$"
	currencyCAD   = "C$ (with your exchange rate)"
	encodingUTF8  = "UTF-8"
	encodingLatin = "Latin-1 (Windows-1252)"
)

// datasetImporter is the dialog that imports a file of trade data: a
// preview of its first rows with the columns recognised, pickers to map
// them, the dataset's name, direction, year or months, currency and
// source, then the import itself on a goroutine with a progress bar and
// Cancel.
type datasetImporter struct {
	dv      *View
	path    string
	preview *tradefile.Preview
	// mapped is set once the user changed a column picker: the pickers'
	// columns are then a mapping.
	mapped bool
	// quiet is set while the pickers are being set by the program.
	quiet bool

	file      *widget.Label
	choose    *widget.Button
	detected  *widget.Label
	table     *widget.Table
	cols      map[string]*widget.Select
	name      *kit.Field
	direction *widget.Select
	year      *kit.Field
	months    *kit.Field
	currency  *widget.Select
	about     *widget.Form
	rate      *kit.Field
	encoding  *widget.Select
	sheet     *widget.Select
	source    *kit.Field
	skip      *widget.Check
	replace   *widget.Check
	problem   *widget.Label
	progress  *widget.ProgressBar
	status    *widget.Label
	start     *widget.Button
	cancel    *widget.Button
	dlg       *importDialog

	running   bool
	stop      context.CancelFunc
	previewer *kit.Latest[previewRequest, previewAnswer] // reads the file's preview
	importer  *kit.Latest[importRequest, importResult]   // imports the file
	// done, if set, receives the outcome of each import (for tests);
	// previewed each preview shown.
	done      chan error
	previewed chan struct{}
	result    *datasets.DatasetImport
}

// ImportDataset opens the import dialog and asks for a file (File >
// Import trade data…).
func (v *View) ImportDataset() { v.newDatasetImporter("").pickFile() }

// newDatasetImporter opens the import dialog on path ("" for none yet).
func (v *View) newDatasetImporter(path string) *datasetImporter {
	im := &datasetImporter{dv: v, cols: map[string]*widget.Select{}}
	im.previewer = kit.NewLatest(v.nav.Post, readPreview, im.previewRead)
	im.importer = kit.NewLatest(v.nav.Post, im.importFile, func(r importResult) { im.finish(r.imp, r.err) })
	im.file = widget.NewLabel("Choose a CSV or XLSX file: a USITC DataWeb, US Census, Statistics Canada CIMT or UN Comtrade export, or any table with a code and a value column.")
	im.file.Wrapping = fyne.TextWrapWord
	im.choose = widget.NewButtonWithIcon("Choose file…", theme.FileIcon(), im.pickFile)
	im.detected = widget.NewLabel("")
	im.detected.Wrapping = fyne.TextWrapWord
	im.newTable()
	mapping := im.newMapping()
	im.newFields()
	content := im.layout(mapping)
	im.dlg = &importDialog{CustomDialog: dialog.NewCustom("Import trade data", "Close", content, v.win), im: im}
	im.dlg.Resize(fyne.NewSize(min(1180, v.win.Canvas().Size().Width*0.96), min(820, v.win.Canvas().Size().Height*0.96)))
	v.nav.Track(im.dlg, func() {
		if im.stop != nil {
			im.stop()
		}
	})
	if path != "" {
		im.open(path)
	}
	return im
}

// newTable makes the preview table: row numbers, then the file's cells
// under headers that name the fields.
func (im *datasetImporter) newTable() {
	im.table = widget.NewTable(im.tableSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, im.tableCell)
	im.table.ShowHeaderRow = true
	im.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	im.table.UpdateHeader = im.tableHeader
}

// newMapping makes a column picker per field, in two columns of three: the
// preview keeps its room.
func (im *datasetImporter) newMapping() *fyne.Container {
	mapping := container.NewGridWithColumns(2, widget.NewForm(), widget.NewForm())
	for i, f := range tradefile.Fields {
		s := widget.NewSelect([]string{noColumn}, func(string) { im.columnChosen() })
		im.cols[f] = s
		mapping.Objects[i/3].(*widget.Form).Append(tradefile.FieldLabel(f), s)
	}
	return mapping
}

// newFields makes the fields that describe the dataset and how to read the
// file, and the dialog's buttons.
func (im *datasetImporter) newFields() {
	im.name = kit.NewField(im.dv.win, "e.g. Ontario exports 2026")
	im.direction = widget.NewSelect([]string{present.DirLabel(scenarios.CAtoUS), present.DirLabel(scenarios.UStoCA)}, nil)
	im.direction.SetSelected(present.DirLabel(scenarios.CAtoUS))
	im.year = kit.NewField(im.dv.win, "e.g. 2025")
	im.months = kit.NewField(im.dv.win, "whole year, or 2026-01..2026-03")
	im.currency = widget.NewSelect([]string{currencyUSD, currencyCAD}, func(s string) {
		if s == currencyCAD {
			im.rate.Enable()
		} else {
			im.rate.Disable()
		}
		if im.about != nil {
			im.about.Refresh() // the rate's label follows
		}
	})
	im.rate = kit.NewField(im.dv.win, "C$ per US$, e.g. 1.3698")
	im.currency.SetSelected(currencyUSD)
	im.encoding = widget.NewSelect([]string{encodingUTF8, encodingLatin}, func(string) { im.refresh() })
	im.sheet = widget.NewSelect(nil, func(string) { im.refresh() })
	im.sheet.Disable()
	im.source = kit.NewField(im.dv.win, "where the data comes from, e.g. USITC DataWeb, query of 2026-03-02")
	im.skip = widget.NewCheck("Skip bad rows (the dataset records how many and why)", nil)
	im.replace = widget.NewCheck("Replace a dataset of the same name", nil)
	im.problem = kit.ErrorLabel()
	im.progress = widget.NewProgressBar()
	im.progress.Hide()
	im.status = widget.NewLabel("")
	im.status.Wrapping = fyne.TextWrapWord
	im.start = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), im.run)
	im.start.Importance = widget.HighImportance
	im.start.Disable()
	im.cancel = widget.NewButtonWithIcon("Cancel import", theme.CancelIcon(), im.cancelImport)
	im.cancel.Hide()
	for _, f := range []*kit.Field{im.name, im.year, im.months, im.rate, im.source} {
		f.OnSubmitted = func(string) { im.run() }
	}
	im.name.OnChanged = func(string) { im.updateStart() }
	im.replace.OnChanged = func(bool) { im.updateStart() }
}

// layout arranges the dialog: the file, its columns and first rows on the
// left, the dataset and how to read it on the right, the outcome below.
func (im *datasetImporter) layout(mapping *fyne.Container) fyne.CanvasObject {
	im.about = widget.NewForm(
		widget.NewFormItem("Name", im.name),
		widget.NewFormItem("Direction", im.direction),
		widget.NewFormItem("Year", im.year),
		widget.NewFormItem("Months", im.months),
		widget.NewFormItem("Currency", im.currency),
		widget.NewFormItem("Exchange rate", im.rate),
		widget.NewFormItem("Source", im.source),
	)
	reading := widget.NewForm(widget.NewFormItem("Encoding", im.encoding), widget.NewFormItem("Sheet", im.sheet))
	right := container.NewVBox(kit.BoldLabel("The dataset"), im.about, kit.BoldLabel("Reading the file"), reading, im.skip, im.replace)
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, im.choose, im.file), im.detected,
		kit.BoldLabel("Columns (recognised by their names; change them to map your own)"), mapping), nil, nil, nil,
		container.NewBorder(kit.BoldLabel("First rows of the file"), nil, nil, nil, im.table))
	split := container.NewHSplit(left, container.NewVScroll(right))
	split.Offset = 0.6
	bottom := container.NewVBox(im.problem, im.progress, im.status, container.NewHBox(layout.NewSpacer(), im.cancel, im.start))
	return container.NewBorder(nil, bottom, nil, nil, split)
}

// importDialog is the import dialog on screen: Enter imports.
type importDialog struct {
	*dialog.CustomDialog
	im *datasetImporter
}

// Submit starts the import (Enter).
func (d *importDialog) Submit() { d.im.run() }

// setProblem shows err under a form, or hides the label when err is nil.
func setProblem(l *widget.Label, err error) {
	if err == nil {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(present.Capitalize(err.Error()))
	l.Show()
}

// pickFile asks for the file to import.
func (im *datasetImporter) pickFile() {
	im.dv.nav.ShowFile(FileRequest{What: "open the trade data", Title: "Import trade data", Exts: datasetExts, Folder: FolderData, Use: im.open})
}

var yearInName = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// open previews the file at path, with the columns recognised afresh.
func (im *datasetImporter) open(path string) {
	im.path = path
	im.mapped = false
	im.preview = nil
	im.quiet = true
	im.encoding.SetSelected(encodingUTF8)
	im.quiet = false
	base := filepath.Base(path)
	if strings.TrimSpace(im.name.Text) == "" {
		im.name.SetText(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	if m := yearInName.FindStringSubmatch(base); m != nil && strings.TrimSpace(im.year.Text) == "" {
		im.year.SetText(m[1])
	}
	im.refresh()
}

// options returns how to read the file as the dialog says.
func (im *datasetImporter) options() tradefile.Options {
	var o tradefile.Options
	if im.encoding.Selected == encodingLatin {
		o.Encoding = tradefile.Latin1
	}
	if im.sheet.Selected != "" && !im.sheet.Disabled() {
		o.Sheet = im.sheet.Selected
	}
	if im.mapped {
		o.Mapping = im.mapping()
	}
	if y, err := strconv.Atoi(strings.TrimSpace(im.year.Text)); err == nil {
		o.Year = y
	}
	o.SkipBadRows = im.skip.Checked
	return o
}

// mapping returns the pickers' columns as a mapping.
func (im *datasetImporter) mapping() tradefile.Mapping {
	m := tradefile.Mapping{}
	if im.preview == nil {
		return m
	}
	for _, f := range tradefile.Fields {
		if i := im.chosen(f); i >= 0 {
			m[f] = im.preview.ColumnRef(i)
		}
	}
	return m
}

// chosen returns the column picked for field f, or -1.
func (im *datasetImporter) chosen(f string) int {
	s := im.cols[f]
	if im.preview == nil {
		return -1
	}
	for i := range im.preview.Width {
		if s.Selected == im.preview.ColumnLabel(i) {
			return i
		}
	}
	return -1
}

// refresh reads the preview again, off the UI goroutine (im.previewer).
func (im *datasetImporter) refresh() {
	if im.path == "" || im.quiet {
		return
	}
	im.detected.SetText("Reading " + filepath.Base(im.path) + "…")
	im.previewer.Submit(previewRequest{path: im.path, opt: im.options()})
}

// previewRequest is a file to preview and how to read it.
type previewRequest struct {
	path string
	opt  tradefile.Options
}

// previewAnswer is a file's preview, or why it cannot be read.
type previewAnswer struct {
	p   *tradefile.Preview
	err error
}

// readPreview reads the preview of req; it runs on the previewer.
func readPreview(_ context.Context, req previewRequest) previewAnswer {
	p, err := tradefile.PreviewFile(req.path, req.opt, previewRows)
	return previewAnswer{p, err}
}

// previewRead shows the newest preview read; it runs on the UI goroutine.
func (im *datasetImporter) previewRead(a previewAnswer) {
	im.show(a.p, a.err)
	if im.previewed != nil {
		im.previewed <- struct{}{}
	}
}

// show shows a preview, or why the file cannot be read.
func (im *datasetImporter) show(p *tradefile.Preview, err error) {
	im.file.SetText(im.path)
	if err != nil {
		im.preview = nil
		im.detected.SetText("")
		im.table.Refresh()
		setProblem(im.problem, err)
		im.start.Disable()
		return
	}
	im.preview = p
	setProblem(im.problem, nil)
	im.detected.SetText(detectedText(p))
	im.quiet = true
	if p.SuggestedEncoding == tradefile.Latin1 {
		im.encoding.SetSelected(encodingLatin)
	}
	if len(p.Sheets) > 1 {
		im.sheet.Options = p.Sheets
		im.sheet.SetSelected(p.Sheet)
		im.sheet.Enable()
	} else {
		im.sheet.Options = nil
		im.sheet.ClearSelected()
		im.sheet.Disable()
	}
	if !im.mapped && p.Currency() == "CAD" && im.currency.Selected == currencyUSD {
		im.currency.SetSelected(currencyCAD) // the file's values are in C$ (its header or layout says so)
	}
	im.showColumns(p)
	im.quiet = false
	im.table.SetColumnWidth(0, 48)
	for i := 1; i <= p.Width; i++ {
		im.table.SetColumnWidth(i, 170)
	}
	im.table.Refresh()
	im.updateStart()
}

// detectedText says what the preview found in the file: its format, the
// layout recognised, the header row, and any problem or note.
func detectedText(p *tradefile.Preview) string {
	var what []string
	switch p.Format {
	case tradefile.FormatXLSX:
		what = append(what, fmt.Sprintf("XLSX workbook, sheet %q", p.Sheet))
	case tradefile.FormatJSON:
		what = append(what, "JSON rows (a US Census API answer)")
	default:
		what = append(what, fmt.Sprintf("CSV, %s, %s-separated", p.Encoding.Label(), tradefile.DelimiterName(p.Delimiter)))
	}
	if p.Recognised {
		what = append(what, p.Layout.Label())
	}
	if p.HeaderRow > 0 {
		what = append(what, fmt.Sprintf("header on row %d", p.HeaderRow))
	}
	text := strings.Join(what, " · ") + "."
	if p.EncodingProblem != "" {
		text += " " + present.Capitalize(p.EncodingProblem) + ": shown, and imported, as Latin-1."
	}
	if !p.Recognised {
		text += " " + present.Capitalize(p.Problem) + "."
	}
	for _, n := range p.Notes {
		text += " " + present.Capitalize(n) + "."
	}
	return text
}

// showColumns offers the file's columns in each field's picker and selects
// the one recognised, or the user's mapping once there is one.
func (im *datasetImporter) showColumns(p *tradefile.Preview) {
	opts := []string{noColumn}
	for i := range p.Width {
		opts = append(opts, p.ColumnLabel(i))
	}
	for _, f := range tradefile.Fields {
		s := im.cols[f]
		keep := s.Selected
		s.Options = opts
		switch i := p.Columns.Field(f); {
		case im.mapped && keep != "":
			s.SetSelected(keep)
		case i >= 0:
			s.SetSelected(p.ColumnLabel(i))
		default:
			s.SetSelected(noColumn)
		}
		s.Refresh()
	}
}

// columnChosen follows a change of a column picker: the columns become
// the user's mapping.
func (im *datasetImporter) columnChosen() {
	if im.quiet || im.preview == nil {
		return
	}
	im.mapped = true
	im.table.Refresh()
	im.updateStart()
}

// updateStart enables Import once the file has a code and a value column.
func (im *datasetImporter) updateStart() {
	if im.running || im.preview == nil || im.chosen(tradefile.FieldCode) < 0 || im.chosen(tradefile.FieldValue) < 0 {
		im.start.Disable()
		return
	}
	im.start.Enable()
}

func (im *datasetImporter) tableSize() (int, int) {
	if im.preview == nil {
		return 0, 0
	}
	return len(im.preview.Rows), im.preview.Width + 1
}

func (im *datasetImporter) tableCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	p := im.preview
	if p == nil || id.Row >= len(p.Rows) {
		l.SetText("")
		return
	}
	if id.Col == 0 {
		l.SetText(strconv.Itoa(p.RowNumbers[id.Row]))
		return
	}
	r := p.Rows[id.Row]
	if c := id.Col - 1; c < len(r) {
		l.SetText(r[c])
	} else {
		l.SetText("")
	}
}

// tableHeader names a column: its header and, when mapped, its field.
func (im *datasetImporter) tableHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	p := im.preview
	if p == nil {
		l.SetText("")
		return
	}
	if id.Col == 0 {
		l.SetText("row")
		return
	}
	c := id.Col - 1
	text := p.ColumnLabel(c)
	for _, f := range tradefile.Fields {
		if im.chosen(f) == c {
			text = "[" + f + "] " + text
		}
	}
	l.SetText(text)
}

// spec reads the dataset's fields; the error names the field at fault.
func (im *datasetImporter) spec() (datasets.DatasetSpec, error) {
	s := datasets.DatasetSpec{Name: strings.TrimSpace(im.name.Text), Source: im.source.Text, Replace: im.replace.Checked}
	if s.Name == "" {
		return s, errors.New("give the dataset a name")
	}
	s.Direction = scenarios.CAtoUS
	if im.direction.Selected == present.DirLabel(scenarios.UStoCA) {
		s.Direction = scenarios.UStoCA
	}
	if t := strings.TrimSpace(im.months.Text); t != "" {
		from, to, err := datasets.ParseMonths(t)
		if err != nil {
			return s, fmt.Errorf("months %q: want YYYY-MM..YYYY-MM, e.g. 2026-01..2026-03", t)
		}
		s.MonthFrom, s.MonthTo = from, to
	}
	if t := strings.TrimSpace(im.year.Text); t != "" {
		y, err := strconv.Atoi(t)
		if err != nil {
			return s, fmt.Errorf("year %q: want a year such as 2025", t)
		}
		s.Year = y
	} else if s.MonthFrom == "" {
		return s, errors.New("give the year of the data (or its months)")
	}
	if im.currency.Selected == currencyCAD {
		s.Currency = datasets.CurrencyCAD
		t := strings.TrimSpace(strings.Replace(im.rate.Text, ",", ".", 1))
		r, err := strconv.ParseFloat(t, 64)
		if t == "" || err != nil || r <= 0 {
			return s, errors.New("give the exchange rate you use, in C$ per US$ (e.g. 1.3698): Parley never assumes one")
		}
		s.CADPerUSD = r
	}
	return s, nil
}

// run imports the file on a goroutine, showing progress; Cancel stops it
// and nothing is written.
func (im *datasetImporter) run() {
	if im.running || im.preview == nil || im.start.Disabled() {
		return
	}
	spec, err := im.spec()
	if err != nil {
		setProblem(im.problem, err)
		return
	}
	setProblem(im.problem, nil)
	opt := im.options()
	if opt.Mapping == nil && !im.preview.Recognised {
		opt.Mapping = im.mapping()
	}
	im.running, im.stop = true, im.importer.Cancel
	im.start.Disable()
	im.choose.Disable()
	im.cancel.Show()
	im.cancel.Enable()
	im.progress.SetValue(0)
	im.progress.Show()
	im.status.SetText("Reading " + filepath.Base(im.path) + "…")
	im.importer.Submit(importRequest{ws: im.dv.sess.Workspace(), path: im.path, spec: spec, opt: opt})
}

// importRequest is a file to import as a dataset.
type importRequest struct {
	ws   *pstorage.Workspace
	path string
	spec datasets.DatasetSpec
	opt  tradefile.Options
}

// importResult is an import's outcome.
type importResult struct {
	imp *datasets.DatasetImport
	err error
}

// importFile imports req into the workspace, reporting progress on the UI
// goroutine; it runs on the importer.
func (im *datasetImporter) importFile(ctx context.Context, req importRequest) importResult {
	last := -1.0
	lastStage := ""
	progress := func(done float64, stage string) {
		// At most a hundred updates, whatever the size of the file.
		if done-last < 0.01 && stage == lastStage && done < 1 {
			return
		}
		last, lastStage = done, stage
		im.dv.nav.Post(func() {
			if im.running {
				im.progress.SetValue(done)
				im.status.SetText(stage + "…")
			}
		})
	}
	imp, err := req.ws.TradeData().Import(ctx, req.path, req.spec, datasets.DatasetImportOptions{Read: req.opt, Progress: progress})
	return importResult{imp, err}
}

// cancelImport stops a running import.
func (im *datasetImporter) cancelImport() {
	if im.stop != nil {
		im.stop()
		im.cancel.Disable()
		im.status.SetText("Cancelling…")
	}
}

// finish shows the outcome of an import.
func (im *datasetImporter) finish(imp *datasets.DatasetImport, err error) {
	im.running = false
	if im.stop != nil {
		im.stop()
		im.stop = nil
	}
	im.cancel.Hide()
	im.choose.Enable()
	im.progress.Hide()
	im.updateStart()
	switch {
	case errors.Is(err, context.Canceled):
		im.status.SetText("Import cancelled: nothing was imported.")
	case err != nil:
		im.status.SetText("")
		setProblem(im.problem, err)
	default:
		im.result = imp
		im.status.SetText(present.WindowText(strings.Join(report.DatasetSummary(imp), "\n")))
		im.dv.nav.SetStatus(fmt.Sprintf("Imported the trade dataset %q: %s lines", imp.Dataset.Name, numfmt.Grouped(float64(imp.Dataset.Lines), 0)))
		im.dv.DatasetsChanged()
		im.start.Disable() // imported: another name (or Replace) to import again
	}
	if im.done != nil {
		im.done <- err
	}
}

// DatasetsChanged shows the workspace's datasets again wherever they
// appear, and recomputes the scenario shown (its dataset may have been
// replaced or renamed).
func (v *View) DatasetsChanged() {
	v.sess.DropModel()
	if v.sess.Current() != "" && !v.sess.Dirty() {
		v.nav.OpenScenario(v.sess.Current())
	} else {
		v.assumptions.load()
		v.nav.Recompute()
	}
	if v.manager != nil {
		v.manager.reload()
	}
}
