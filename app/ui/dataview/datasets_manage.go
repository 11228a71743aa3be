package dataview

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/numfmt"
	"parley/app/report"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	pstorage "parley/storage"
	"parley/storage/datasets"
)

// datasetManager is the dialog of the user's trade datasets: the list,
// with import, rename, delete and export.
type datasetManager struct {
	*dialog.CustomDialog
	dv       *View
	all      []datasets.TradeDataset
	selected int
	list     *widget.List
	details  *widget.Label
	status   *widget.Label
	rename   *widget.Button
	del      *widget.Button
	export   *widget.Button
	use      *widget.Button
}

// ShowDatasets shows the trade datasets (File > Trade datasets…).
func (v *View) ShowDatasets() { v.datasetsDialog() }

// datasetsDialog shows the trade datasets, once.
func (v *View) datasetsDialog() *datasetManager {
	if v.manager != nil {
		return v.manager
	}
	m := &datasetManager{dv: v, selected: -1}
	m.list = newManagerList(func() int { return len(m.all) },
		func(i int) (string, string) {
			return m.all[i].Name, present.WindowText(report.DatasetDescription(m.all[i]))
		},
		func(i int) { m.selected = i; m.showSelected() })
	m.details = widget.NewLabel("")
	m.details.Wrapping = fyne.TextWrapWord
	m.status = widget.NewLabel("")
	m.status.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("Import…", theme.ContentAddIcon(), v.ImportDataset)
	add.Importance = widget.HighImportance
	m.rename = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), m.renameDialog)
	m.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), m.deleteDialog)
	m.export = widget.NewButtonWithIcon("Export CSV…", theme.DocumentSaveIcon(), m.exportDialog)
	m.use = widget.NewButtonWithIcon("Use in this scenario", theme.ConfirmIcon(), m.useInScenario)
	buttons := container.NewHBox(add, m.rename, m.del, m.export, m.use)
	intro := widget.NewLabel("Your own trade data. A scenario uses a dataset when its assumptions choose it (Assumptions > Trade data); " +
		"a dataset that a scenario uses cannot be deleted, and renaming it renames it in those scenarios.")
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(intro, buttons), container.NewVBox(widget.NewSeparator(), m.details, m.status), nil, nil, m.list)
	m.CustomDialog = dialog.NewCustom("Trade datasets", "Close", content, v.win)
	m.Resize(kit.DialogSize(v.win, 880, 600))
	v.manager = m
	v.nav.Track(m, func() { v.manager = nil })
	m.reload()
	return m
}

// reload reads the datasets again, keeping the selection by name.
func (m *datasetManager) reload() {
	keep := ""
	if m.selected >= 0 && m.selected < len(m.all) {
		keep = m.all[m.selected].Name
	}
	all, err := m.dv.sess.Workspace().TradeData().List()
	if err != nil {
		m.status.SetText("Datasets unavailable: " + err.Error())
		return
	}
	m.all = all
	m.selected = -1
	m.list.UnselectAll()
	m.list.Refresh()
	for i, d := range all {
		if d.Name == keep {
			m.list.Select(i)
		}
	}
	if len(all) == 0 {
		m.details.SetText("No datasets yet: Import… reads a CSV or XLSX file of trade data.")
	}
	m.showSelected()
}

// current returns the dataset selected.
func (m *datasetManager) current() (datasets.TradeDataset, bool) {
	if m.selected < 0 || m.selected >= len(m.all) {
		return datasets.TradeDataset{}, false
	}
	return m.all[m.selected], true
}

func (m *datasetManager) showSelected() {
	d, ok := m.current()
	for _, b := range []*widget.Button{m.rename, m.del, m.export, m.use} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if !ok {
		if len(m.all) > 0 {
			m.details.SetText("Select a dataset.")
		}
		return
	}
	if m.dv.sess.Draft() == nil {
		m.use.Disable()
	}
	lines := []string{
		fmt.Sprintf("%s · %s · values in %s", present.DirLabel(d.Direction), d.Period(), d.CurrencyLabel()),
		fmt.Sprintf("From %s (sha256 %s…), imported %s; %s data rows read, %s bad rows skipped.", d.FileName, short(d.SHA256, 12), d.ImportedAt.Format(time.RFC3339),
			numfmt.Grouped(float64(d.RowsRead), 0), numfmt.Grouped(float64(d.RowsSkipped), 0)),
		report.DatasetCUSMA(d),
	}
	if d.Source != "" {
		lines = append(lines, "Source: "+d.Source)
	}
	if len(d.UsedBy) > 0 {
		lines = append(lines, "Used by: "+strings.Join(d.UsedBy, "; "))
	}
	if n := len(d.Skipped); n > 0 {
		lines = append(lines, "First bad row skipped: "+d.Skipped[0].Error())
	}
	m.details.SetText(strings.Join(lines, "\n"))
}

func short(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// renameDialog asks for the selected dataset's new name.
func (m *datasetManager) renameDialog() {
	d, ok := m.current()
	if !ok {
		return
	}
	name := kit.NewField(m.dv.win, "new name")
	name.SetText(d.Name)
	m.dv.nav.ShowForm(Form{
		Title: "Rename dataset", Confirm: "Rename", What: "rename the dataset",
		Items:  []*widget.FormItem{widget.NewFormItem("Name", name)},
		Fields: []*kit.Field{name}, Focus: name,
		Submit: func() error {
			changed, err := m.dv.sess.Workspace().TradeData().Rename(d.Name, name.Text)
			if err != nil {
				return err
			}
			msg := fmt.Sprintf("Renamed the dataset %q to %q", d.Name, strings.TrimSpace(name.Text))
			if len(changed) > 0 {
				msg += fmt.Sprintf("; %s now %s it under its new name", strings.Join(changed, ", "), map[bool]string{true: "uses", false: "use"}[len(changed) == 1])
			}
			m.status.SetText(msg + ".")
			m.dv.nav.SetStatus(msg)
			if m.selected >= 0 {
				m.all[m.selected].Name = strings.TrimSpace(name.Text)
			}
			m.dv.DatasetsChanged()
			return nil
		},
	})
}

// deleteDialog deletes the selected dataset after asking; a dataset in use
// is refused, naming the scenarios.
func (m *datasetManager) deleteDialog() {
	d, ok := m.current()
	if !ok {
		return
	}
	if len(d.UsedBy) > 0 {
		pron := "their"
		if len(d.UsedBy) == 1 {
			pron = "its"
		}
		m.dv.nav.ShowError("delete the dataset", fmt.Errorf("%q is used by %s: choose other trade data in %s assumptions first",
			d.Name, strings.Join(present.QuotedNames(d.UsedBy), ", "), pron))
		return
	}
	c := dialog.NewConfirm("Delete dataset", fmt.Sprintf("Delete %q and its %s lines? This cannot be undone.", d.Name, numfmt.Grouped(float64(d.Lines), 0)),
		func(ok bool) {
			if !ok {
				return
			}
			if err := m.dv.sess.Workspace().TradeData().Delete(d.Name); err != nil {
				m.dv.nav.ShowError("delete the dataset", err)
				return
			}
			m.status.SetText(fmt.Sprintf("Deleted the dataset %q.", d.Name))
			m.selected = -1
			m.dv.DatasetsChanged()
		}, m.dv.win)
	m.dv.nav.Track(c, nil)
}

// exportDialog writes the selected dataset as CSV.
func (m *datasetManager) exportDialog() {
	d, ok := m.current()
	if !ok {
		return
	}
	use := func(path string) {
		if !strings.HasSuffix(strings.ToLower(path), ".csv") {
			path += ".csv"
		}
		if err := m.dv.sess.Workspace().TradeData().ExportFile(d.Name, path); err != nil {
			m.dv.nav.ShowError("export the dataset", err)
			return
		}
		m.status.SetText(fmt.Sprintf("Exported %q to %s: it imports back to the same lines.", d.Name, path))
	}
	m.dv.nav.ShowFile(FileRequest{What: "export the dataset", Title: "Export dataset", Save: true,
		FileName: pstorage.Slug(d.Name) + ".csv", Folder: FolderData, Use: use})
}

// useInScenario makes the scenario shown use the selected dataset for its
// direction (undoable).
func (m *datasetManager) useInScenario() {
	d, ok := m.current()
	if !ok || m.dv.sess.Draft() == nil {
		return
	}
	err := m.dv.nav.Edit("", "trade data change", func(sc *scenarios.Scenario) { sc.Assumptions.Datasets.Set(d.Direction, d.Name) })
	if err != nil {
		m.dv.nav.ShowError("use the dataset", err)
		return
	}
	m.dv.assumptions.load()
	m.status.SetText(fmt.Sprintf("“%s” now uses %q for %s.", m.dv.sess.Draft().Name, d.Name, present.DirLabel(d.Direction)))
	m.reload()
}
