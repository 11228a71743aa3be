package dataview

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// File → Update measure library…: pick a pack, see what it changes and
// which scenarios use a changed measure with their duty before and after,
// choose for each whether to re-base it on the new vintage or keep it as
// it is, and apply. Applying is one step of the undo history (Ctrl+Z puts
// the previous library and the re-based scenarios back). A scenario is
// never changed unless the user chose to re-base it.

// UpdateLibrary asks for a pack file (a zip) and opens the update dialog
// on it (File > Update measure library…).
func (v *View) UpdateLibrary() {
	v.nav.ShowFile(FileRequest{What: "read the library pack", Title: "Update measure library from a pack", Exts: []string{".zip"},
		Use: func(path string) { v.UpdateLibraryFrom(path) }})
}

// LibraryUpdate is the update dialog on one pack.
type LibraryUpdate struct {
	dv     *View
	path   string
	pack   *library.Pack
	model  present.LibraryUpdateModel
	dlg    *dialog.CustomDialog
	choice map[string]*widget.RadioGroup // by scenario id
	// apply, cancel, rebaseAll and keepAll are the dialog's buttons.
	apply, cancel, rebaseAll, keepAll *widget.Button
	// changes shows the diff, for tests.
	changes *widget.Label
}

// choices for a scenario in the dialog.
func (l *LibraryUpdate) rebaseChoice() string { return "Re-base on " + l.model.NewVintage }
func (l *LibraryUpdate) keepChoice() string {
	return "Keep as it is (" + l.model.OldVintage + ")"
}

// updateLibraryFrom reads the pack at path (a folder or a zip), checks it
// against the workspace and shows what importing it would change; the work
// (a second or two: each affected scenario is computed twice) runs on a
// worker behind a progress dialog. A pack that cannot be read or is refused
// is shown as an error naming the file, row and field; nothing changes. The
// channel receives the dialog shown, or nil.
func (v *View) UpdateLibraryFrom(path string) chan *LibraryUpdate {
	v.sess.FlushSave()
	shown := make(chan *LibraryUpdate, 1)
	msg := widget.NewLabel("Reading " + filepath.Base(path) + " and working out what it changes…")
	busy := dialog.NewCustomWithoutButtons("Update measure library", container.NewVBox(msg, widget.NewProgressBarInfinite()), v.win)
	v.nav.Track(busy, nil)
	ws, today := v.sess.Workspace(), scenarios.DateOf(v.sess.Time())
	type diff struct {
		p   *library.Pack
		d   *storage.LibraryDiff
		err error
	}
	kit.Go(v.nav.Post, func() diff {
		p, d, err := packDiff(ws, path, today)
		return diff{p, d, err}
	}, func(r diff) {
		busy.Hide()
		if r.err != nil {
			var es library.Errors
			if errors.As(r.err, &es) {
				es.SetFile(filepath.Base(path))
			}
			v.nav.ShowError("read the library pack "+filepath.Base(path), r.err)
			shown <- nil
			return
		}
		l := &LibraryUpdate{dv: v, path: path, pack: r.p, model: present.NewLibraryUpdateModel(r.d)}
		l.show()
		shown <- l
	})
	return shown
}

// packDiff reads the pack at path and what importing it into ws would
// change, the scenarios of the whole regime included.
func packDiff(ws *storage.Workspace, path string, today scenarios.Date) (*library.Pack, *storage.LibraryDiff, error) {
	p, err := library.Read(path)
	if err != nil {
		return nil, nil, err
	}
	d, err := ws.DiffLibrary(p, today)
	if err != nil {
		return nil, nil, err
	}
	if err := ws.AddRegimeScenarios(d, p); err != nil {
		return nil, nil, err
	}
	return p, d, nil
}

func (l *LibraryUpdate) show() {
	dv, m := l.dv, l.model
	heading := widget.NewLabelWithStyle(m.Heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	changes := m.Changes
	if m.Empty {
		changes = "The pack holds the same measures and lists as the library."
	}
	l.changes = widget.NewLabel(changes)
	l.changes.TextStyle = fyne.TextStyle{Monospace: true}
	l.changes.Wrapping = fyne.TextWrapWord
	today := widget.NewLabel("Duty at stake today, every measure of the library in force:\n" + strings.Join(m.Today, "\n"))
	today.Wrapping = fyne.TextWrapWord

	rows := container.NewVBox()
	l.choice = map[string]*widget.RadioGroup{}
	if len(m.Scenarios) == 0 {
		rows.Add(widget.NewLabel("None of your scenarios uses a measure this pack changes or removes."))
	} else {
		intro := widget.NewLabel("Your scenarios keep their measures unless you re-base them on the new vintage. " +
			"Duty at stake on each scenario's date, as it is to re-based:")
		intro.Wrapping = fyne.TextWrapWord
		rows.Add(intro)
	}
	for _, r := range m.Scenarios {
		name := widget.NewLabelWithStyle(fmt.Sprintf("%s (%s)", r.Name, r.ID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		detail := widget.NewLabel(strings.Join(append([]string{r.Uses}, r.Duty...), "\n"))
		detail.Wrapping = fyne.TextWrapWord
		radio := widget.NewRadioGroup([]string{l.rebaseChoice(), l.keepChoice()}, nil)
		radio.Horizontal = true
		radio.Required = true
		radio.SetSelected(l.keepChoice())
		l.choice[r.ID] = radio
		rows.Add(container.NewVBox(name, detail, radio, widget.NewSeparator()))
	}
	l.rebaseAll = widget.NewButton("Re-base all", func() { l.setAll(l.rebaseChoice()) })
	l.keepAll = widget.NewButton("Keep all", func() { l.setAll(l.keepChoice()) })
	if len(m.Scenarios) < 2 {
		l.rebaseAll.Hide()
		l.keepAll.Hide()
	}
	undoNote := widget.NewLabelWithStyle("Apply replaces the library in one step; Edit → Undo (Ctrl+Z) puts the previous library and your scenarios back.",
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	undoNote.Wrapping = fyne.TextWrapWord

	body := container.NewVBox(heading, kit.BoldLabel("What changes"), l.changes, widget.NewSeparator(), today, widget.NewSeparator(),
		kit.BoldLabel("Your scenarios"), rows, container.NewHBox(l.rebaseAll, l.keepAll), undoNote)
	l.dlg = dialog.NewCustomWithoutButtons("Update measure library", kit.ScrollOf(body, 760, 520), dv.win)
	l.cancel = widget.NewButton("Cancel", func() { l.dlg.Hide() })
	l.apply = widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), l.Submit)
	l.apply.Importance = widget.HighImportance
	if dv.sess.Workspace().ReadOnly() {
		l.apply.Disable()
	}
	l.dlg.SetButtons([]fyne.CanvasObject{l.cancel, l.apply})
	dv.nav.Track(l.dlg, nil)
}

// setAll sets every scenario's choice.
func (l *LibraryUpdate) setAll(choice string) {
	for _, r := range l.choice {
		r.SetSelected(choice)
	}
}

// Submit applies the update (Enter in the dialog).
func (l *LibraryUpdate) Submit() {
	var rebase []string
	for _, r := range l.model.Scenarios {
		if l.choice[r.ID].Selected == l.rebaseChoice() {
			rebase = append(rebase, r.ID)
		}
	}
	l.dlg.Hide()
	l.dv.applyLibraryUpdate(l.pack, rebase)
}

// applyLibraryUpdate imports pack p in one transaction, re-bases the
// scenarios rebase (ids) on it, and records the whole as one undo step.
func (v *View) applyLibraryUpdate(p *library.Pack, rebase []string) {
	v.sess.FlushSave()
	ls, failed, err := v.sess.ApplyLibrary(p, rebase)
	if err != nil {
		v.nav.ShowError("update the measure library", err)
		return
	}
	v.nav.LibraryChanged()
	v.nav.SetStatus(fmt.Sprintf("Measure library updated to measures as of %s; %s re-based", ls.After.Info.Vintage, present.Plural(len(ls.Rebased), "scenario")))
	if len(failed) > 0 {
		v.nav.ShowError("re-base the scenarios", errors.New(strings.Join(failed, "\n")))
	}
}
