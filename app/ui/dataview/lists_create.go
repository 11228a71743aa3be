package dataview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/storage/listfile"
)

// listCreator is the "New list" form: a name, title, source and the codes,
// pasted or read from a file; a bad code keeps the form open and says which
// row.
type listCreator struct {
	name, title, source, codes *widget.Entry
	problem                    *widget.Label
	dialog                     *dialog.CustomDialog
	ok                         *widget.Button
}

// newDialog opens the "New list" form.
func (v *listsView) newDialog() *listCreator {
	c := &listCreator{name: widget.NewEntry(), title: widget.NewEntry(), source: widget.NewEntry(), codes: widget.NewMultiLineEntry()}
	c.name.SetPlaceHolder("e.g. my-annex-2 (letters, digits, - _ .)")
	c.source.SetPlaceHolder("where the codes come from, e.g. Order 2026-15, annex 2")
	c.codes.SetPlaceHolder("One code to a line: 7208.10.00, 0401 10, 87 … (a header row and descriptions after the codes are fine)")
	c.codes.SetMinRowsVisible(10)
	c.problem = widget.NewLabel("")
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Importance = widget.DangerImportance
	load := widget.NewButtonWithIcon("Read codes from a file…", theme.FolderOpenIcon(), func() {
		if v.d.openFile == nil {
			return
		}
		v.d.openFile(func(path string) { c.loadFile(path) })
	})
	form := widget.NewForm(
		widget.NewFormItem("Name", c.name),
		widget.NewFormItem("Title", c.title),
		widget.NewFormItem("Source", c.source),
	)
	body := container.NewBorder(container.NewVBox(form, container.NewHBox(widget.NewLabel("Codes (CSV, XLSX or text files too)"), load)),
		c.problem, nil, nil, c.codes)
	c.dialog = dialog.NewCustomWithoutButtons("New product list", body, v.d.win)
	c.ok = widget.NewButtonWithIcon("Create", theme.ConfirmIcon(), func() {
		if err := v.createList(c.name.Text, c.title.Text, c.source.Text, c.codes.Text); err != nil {
			c.problem.SetText(present.ProblemText(err))
			return
		}
		c.dialog.Hide()
	})
	c.ok.Importance = widget.HighImportance
	c.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", c.dialog.Hide), c.ok})
	c.dialog.Resize(kit.DialogSize(v.d.win, 720, 560))
	c.dialog.SetOnClosed(func() { v.creating = nil })
	v.creating = c
	c.dialog.Show()
	return c
}

// loadFile reads the codes of a CSV, XLSX or text file into the form (one
// to a line), so that the user sees them before creating the list.
func (c *listCreator) loadFile(path string) {
	res, err := listfile.ReadFile(path)
	if err != nil {
		c.problem.SetText(present.ProblemText(err))
		return
	}
	c.codes.SetText(strings.Join(res.Codes, "\n"))
	if c.name.Text == "" {
		c.name.SetText(present.FileListName(path))
	}
	if c.source.Text == "" {
		c.source.SetText("imported from " + present.BaseName(path))
	}
	c.problem.SetText(strings.Join(res.Notes(), "\n"))
}
