package evidenceview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/storage/evidence"
)

// pdfNote says what a PDF import keeps and what it cannot read.
const pdfNote = "A PDF's text is imported page by page (search and quotes show the page); a scanned PDF without a text layer, or one that needs a password, is refused."

// importer gathers files to import (picked one by one or by folder) and
// imports them in the background with a progress bar.
type importer struct {
	v        *View
	files    []string
	list     *widget.List
	progress *widget.ProgressBar
	status   *widget.Label
	add      *widget.Button
	folder   *widget.Button
	dlg      *dialog.CustomDialog
	start    *widget.Button
	running  bool
	// done, if set, receives a value when an import finishes (for tests).
	done chan struct{}
}

// importDialog opens the import dialog.
func (v *View) importDialog() { v.newImporter() }

// newImporter opens the import dialog and returns its importer.
func (v *View) newImporter() *importer {
	im := &importer{v: v}
	im.list = widget.NewList(func() int { return len(im.files) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(im.files[i]) })
	im.progress = widget.NewProgressBar()
	im.progress.Hide()
	im.status = widget.NewLabel("Add .txt, .md, .html or .pdf files, one by one or a whole folder. Imported documents are searchable at once. " + pdfNote)
	im.status.Wrapping = fyne.TextWrapWord
	im.add = widget.NewButtonWithIcon("Add file…", theme.FileIcon(), im.pickFile)
	im.folder = widget.NewButtonWithIcon("Add folder…", theme.FolderIcon(), im.pickFolder)
	clear := widget.NewButton("Clear", func() { im.files = nil; im.list.Refresh(); im.start.Disable() })
	clear.Importance = widget.LowImportance
	im.start = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), im.run)
	im.start.Importance = widget.HighImportance
	im.start.Disable()
	content := container.NewBorder(container.NewVBox(im.status, container.NewHBox(im.add, im.folder, clear)),
		container.NewVBox(im.progress, container.NewHBox(layout.NewSpacer(), im.start)), nil, nil, im.list)
	im.dlg = dialog.NewCustom("Import documents", "Close", content, v.win)
	im.dlg.Resize(fyne.NewSize(640, 440))
	v.nav.Track(im.dlg)
	return im
}

// addFiles queues paths not queued yet.
func (im *importer) addFiles(paths ...string) {
	for _, p := range paths {
		if !slices.Contains(im.files, p) {
			im.files = append(im.files, p)
		}
	}
	im.list.Refresh()
	im.status.SetText(fmt.Sprintf("%s to import.", present.Plural(len(im.files), "file")))
	if len(im.files) > 0 {
		im.start.Enable()
	}
}

// pickFile adds one file; the dialog stays open to add more.
func (im *importer) pickFile() {
	im.v.nav.OpenDataFile("add the file", slices.Clone(present.DocumentExts), func(path string) { im.addFiles(path) })
}

// pickFolder adds every document file of a folder.
func (im *importer) pickFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			im.v.nav.ShowError("read the folder", err)
			return
		}
		if l == nil {
			return
		}
		paths, skipped, err := present.ScanFolder(l.Path())
		if err != nil {
			im.v.nav.ShowError("read the folder", err)
			return
		}
		var note string
		if len(skipped) > 0 {
			note = fmt.Sprintf("\nSkipped %s:\n%s", present.Plural(len(skipped), "file"), strings.Join(skipped, "\n"))
		}
		if len(paths) == 0 {
			im.status.SetText("That folder has no .txt, .md, .html or .pdf files." + note)
			return
		}
		im.addFiles(paths...)
		im.status.SetText(im.status.Text + note)
	}, im.v.win)
	im.v.nav.ShowFileDialog(d)
}

// run imports the queued files on a goroutine, showing progress, then
// reports what was imported and what was refused and why.
func (im *importer) run() {
	if len(im.files) == 0 || im.running {
		return
	}
	im.running = true
	files := slices.Clone(im.files)
	ws := im.v.sess.Workspace()
	im.progress.Max = float64(len(files))
	im.progress.SetValue(0)
	im.progress.Show()
	im.add.Disable()
	im.folder.Disable()
	im.start.Disable()
	type outcome struct{ done, failed []string }
	kit.Go(im.v.nav.Post, func() (o outcome) {
		for i, path := range files {
			doc, err := ws.Evidence().ImportDocument(path, evidence.DocumentMeta{})
			if err != nil {
				o.failed = append(o.failed, present.ImportProblem(path, err))
			} else {
				o.done = append(o.done, doc.Title)
			}
			n := i + 1
			im.v.nav.Post(func() {
				im.progress.SetValue(float64(n))
				im.status.SetText(fmt.Sprintf("Imported %d of %d…", n, len(files)))
			})
		}
		return o
	}, func(o outcome) { im.finish(o.done, o.failed) })
}

// finish shows the outcome of an import.
func (im *importer) finish(done, failed []string) {
	im.running = false
	im.files = nil
	im.list.Refresh()
	im.add.Enable()
	im.folder.Enable()
	im.progress.Hide()
	msg := fmt.Sprintf("Imported %s.", present.Plural(len(done), "document"))
	if len(failed) > 0 {
		msg += fmt.Sprintf(" %d not imported:\n%s", len(failed), strings.Join(failed, "\n"))
	}
	im.status.SetText(msg)
	im.v.reload()
	im.v.leftTabs.SelectIndex(1)
	im.v.nav.SetStatus(msg)
	if im.done != nil {
		im.done <- struct{}{}
	}
}
