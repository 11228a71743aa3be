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

	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/listfile"
)

// listsDeps is what the Lists view needs, given explicitly.
type listsDeps struct {
	ws  *storage.Workspace
	win fyne.Window
	// model returns the model of the scenario shown (its baseline lines
	// and every list, the user's included), or nil.
	model func() *scenarios.Model
	// changed is called after the view created, renamed or deleted a list:
	// the app reads its models (and the scenarios a rename changed) again.
	changed func()
	// openFile asks for a file and calls use with its path.
	openFile func(use func(path string))
}

// listsView shows the product lists, built-in and the user's: what each
// covers of the baseline and which measures use it; it creates the user's
// lists from pasted codes or a file, renames and deletes them.
type listsView struct {
	d        listsDeps
	infos    []storage.ListInfo
	selected int // index in infos, or -1

	list     *widget.List
	details  *fyne.Container // one label a line (detailText)
	shown    string          // the details' text
	right    *fyne.Container // the details over the codes
	codes    *widget.Label
	status   *widget.Label
	rename   *widget.Button
	del      *widget.Button
	content  fyne.CanvasObject
	creating *listCreator // the open "New list" form, if any
}

// newListsView builds the view and reads the lists.
func newListsView(d listsDeps) *listsView {
	v := &listsView{d: d, selected: -1}
	v.list = newManagerList(func() int { return len(v.infos) },
		func(i int) (string, string) { return v.infos[i].Name, present.ListCaption(v.infos[i]) },
		func(i int) { v.selected = i; v.showSelected() })
	v.details = container.NewVBox()
	v.codes = widget.NewLabel("")
	v.codes.Wrapping = fyne.TextWrapWord
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("New list…", theme.ContentAddIcon(), func() { v.newDialog() })
	add.Importance = widget.HighImportance
	v.rename = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), v.renameDialog)
	v.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.deleteDialog)
	intro := widget.NewLabel("A measure includes or excludes a list as list:NAME. Your own lists work like the built-in ones " +
		"and travel in the scenario files that use them; a list a scenario uses cannot be deleted, and renaming it renames it in those scenarios.")
	intro.Wrapping = fyne.TextWrapWord
	v.right = container.NewBorder(container.NewVBox(v.details, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(v.codes))
	split := container.NewHSplit(v.list, v.right)
	split.Offset = 0.4
	v.content = container.NewBorder(container.NewVBox(intro, container.NewHBox(add, v.rename, v.del)), v.status, nil, nil, split)
	v.reload("")
	return v
}

// reload reads the lists again and selects keep (a name), else nothing.
// The user's lists come first.
func (v *listsView) reload(keep string) {
	infos, err := v.d.ws.ListInfos()
	if err != nil {
		v.status.SetText("Lists unavailable: " + err.Error())
		return
	}
	var mine, builtin []storage.ListInfo
	for _, l := range infos {
		if l.Builtin {
			builtin = append(builtin, l)
		} else {
			mine = append(mine, l)
		}
	}
	v.infos = append(mine, builtin...)
	v.selected = -1
	v.list.UnselectAll()
	v.list.Refresh()
	for i, l := range v.infos {
		if l.Name == keep {
			v.list.Select(i)
			return
		}
	}
	v.showSelected()
}

// current returns the list selected.
func (v *listsView) current() (storage.ListInfo, bool) {
	if v.selected < 0 || v.selected >= len(v.infos) {
		return storage.ListInfo{}, false
	}
	return v.infos[v.selected], true
}

// showSelected shows the selected list: its title, source, size, what it
// covers of the baseline, the measures that use it and its codes.
func (v *listsView) showSelected() {
	l, ok := v.current()
	v.rename.Disable()
	v.del.Disable()
	if !ok {
		v.setDetails(fmt.Sprintf("%s. Choose one to see its codes, what it covers and which measures use it.", present.Plural(len(v.infos), "list")))
		v.codes.SetText("")
		return
	}
	if !l.Builtin {
		v.rename.Enable()
		v.del.Enable()
	}
	var cov []listCover
	if v.d.model != nil {
		if m := v.d.model(); m != nil {
			cov = listCoverage(m, l.Name)
		}
	}
	uses, err := v.d.ws.ListUses(l.Name)
	if err != nil {
		v.status.SetText("Could not read which measures use the list: " + err.Error())
	}
	v.setDetails(listDetails(l, cov, uses))
	pl, err := v.d.ws.List(l.Name)
	if err != nil {
		v.codes.SetText("Codes unavailable: " + err.Error())
		return
	}
	v.codes.SetText(present.CodesText(pl.Codes, 400))
}

// setDetails shows text, a label a line, each cut with an ellipsis where
// too long (a wrapped label above others would overlap them until the
// next layout).
func (v *listsView) setDetails(text string) {
	v.shown = text
	v.details.RemoveAll()
	for _, line := range strings.Split(text, "\n") {
		l := widget.NewLabel(line)
		l.Truncation = fyne.TextTruncateEllipsis
		v.details.Add(l)
	}
	if v.right != nil {
		v.right.Refresh() // lay the codes out below the new details
	}
}

// listCover is what a list covers of one direction's baseline lines.
type listCover struct {
	Direction scenarios.Direction
	Size      scenarios.ScopeSize
}

// listCoverage returns what list name covers of each direction's baseline
// lines in m: the lines a measure including just the list would reach,
// before precedence and CUSMA relief.
func listCoverage(m *scenarios.Model, name string) []listCover {
	var out []listCover
	for _, imp := range []string{scenarios.ImposerUS, scenarios.ImposerCA} {
		me := &scenarios.Measure{ID: "list-coverage", Imposer: imp, Products: &scenarios.ProductScope{Include: []string{scenarios.ListPrefix + name}}}
		out = append(out, listCover{Direction: me.Direction(), Size: m.ScopeSize(me)})
	}
	return out
}

// listDetails is the text that describes a list.
func listDetails(l storage.ListInfo, cov []listCover, uses []storage.ListUse) string {
	var b strings.Builder
	b.WriteString(l.Name)
	if l.Title != "" {
		b.WriteString(" — " + l.Title)
	}
	if l.Builtin {
		b.WriteString("\nBuilt into Parley")
	} else {
		b.WriteString("\nYour list")
		if !l.Updated.IsZero() {
			b.WriteString(", last changed " + l.Updated.Format("2006-01-02 15:04:05Z07:00"))
		}
	}
	fmt.Fprintf(&b, " · %s", present.Plural(l.Size, "code"))
	if l.Source != "" {
		b.WriteString("\nSource: " + l.Source)
	}
	for _, c := range cov {
		fmt.Fprintf(&b, "\nCovers in %s: %s", present.DirLabel(c.Direction), present.ScopeSize(c.Size, false))
	}
	if len(cov) > 0 {
		b.WriteString("\n(the shown scenario's baseline lines, before precedence and CUSMA relief)")
	}
	if len(uses) == 0 {
		b.WriteString("\nNo measure uses it.")
	} else {
		fmt.Fprintf(&b, "\nUsed by %s:", present.Plural(len(uses), "measure"))
		for _, u := range uses {
			label := u.Measure
			if u.Label != "" {
				label = u.Label
			}
			fmt.Fprintf(&b, "\n  • %s — %s", u.Scenario, label)
		}
	}
	return b.String()
}

// createList reads codes (pasted text) and stores them as a new user list;
// the error names each bad code's row.
func (v *listsView) createList(name, title, source, text string) error {
	res, err := listfile.ReadText(text)
	if err != nil {
		return err
	}
	return v.store(scenarios.ProductList{Name: strings.TrimSpace(name), Title: title, Source: source, Codes: res.Codes})
}

// store creates l, then shows it.
func (v *listsView) store(l scenarios.ProductList) error {
	if err := v.d.ws.CreateList(l); err != nil {
		return err
	}
	if v.d.changed != nil {
		v.d.changed()
	}
	v.reload(l.Name)
	v.status.SetText(fmt.Sprintf("Created list %s (%s)", l.Name, present.Plural(v.infos[max(v.selected, 0)].Size, "code")))
	return nil
}

// renameList renames the selected list.
func (v *listsView) renameList(to string) error {
	l, ok := v.current()
	if !ok {
		return errors.New("no list is selected")
	}
	to = strings.TrimSpace(to)
	if err := v.d.ws.RenameList(l.Name, to); err != nil {
		return err
	}
	if v.d.changed != nil {
		v.d.changed()
	}
	v.reload(to)
	v.status.SetText(fmt.Sprintf("Renamed %s to %s", l.Name, to))
	return nil
}

// deleteList deletes the selected list; a list in use is refused, the
// error naming the scenarios.
func (v *listsView) deleteList() error {
	l, ok := v.current()
	if !ok {
		return errors.New("no list is selected")
	}
	if err := v.d.ws.DeleteList(l.Name); err != nil {
		return err
	}
	if v.d.changed != nil {
		v.d.changed()
	}
	v.reload("")
	v.status.SetText("Deleted list " + l.Name)
	return nil
}

// renameDialog asks for the selected list's new name.
func (v *listsView) renameDialog() {
	l, ok := v.current()
	if !ok || l.Builtin {
		return
	}
	e := widget.NewEntry()
	e.SetText(l.Name)
	dialog.ShowForm("Rename list "+l.Name, "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("New name", e)}, func(ok bool) {
		if !ok {
			return
		}
		if err := v.renameList(e.Text); err != nil {
			dialog.ShowError(errors.New(present.ProblemText(err)), v.d.win)
		}
	}, v.d.win)
}

// deleteDialog asks before deleting the selected list.
func (v *listsView) deleteDialog() {
	l, ok := v.current()
	if !ok || l.Builtin {
		return
	}
	dialog.ShowConfirm("Delete list "+l.Name, fmt.Sprintf("Delete your list %s (%s)?", l.Name, present.Plural(l.Size, "code")), func(ok bool) {
		if !ok {
			return
		}
		if err := v.deleteList(); err != nil {
			dialog.ShowError(errors.New(present.ProblemText(err)), v.d.win)
		}
	}, v.d.win)
}
