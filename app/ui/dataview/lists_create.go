package dataview

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
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
			c.problem.SetText(problemText(err))
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
		c.problem.SetText(problemText(err))
		return
	}
	c.codes.SetText(strings.Join(res.Codes, "\n"))
	if c.name.Text == "" {
		c.name.SetText(fileListName(path))
	}
	if c.source.Text == "" {
		c.source.SetText("imported from " + baseName(path))
	}
	c.problem.SetText(strings.Join(res.Notes(), "\n"))
}

// problemText says what is wrong, a bad row to a line.
func problemText(err error) string {
	var le *listfile.Error
	if errors.As(err, &le) && len(le.Problems) > 0 {
		lines := []string{fmt.Sprintf("%s: nothing was stored.", present.Plural(len(le.Problems), "bad code"))}
		for i, p := range le.Problems {
			if i == 20 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(le.Problems)-i))
				break
			}
			lines = append(lines, fmt.Sprintf("Row %d: %s", p.Row, p.Reason))
		}
		return strings.Join(lines, "\n")
	}
	return strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": ")
}

// fileListName makes a list name from a file's name: its letters and
// digits, other runs of characters a hyphen.
func fileListName(path string) string {
	base := baseName(path)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	var b strings.Builder
	dash := false
	for _, r := range base {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	return s[:min(len(s), scenarios.MaxListName)]
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
