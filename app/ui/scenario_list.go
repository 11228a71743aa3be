package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// scenarioList is the list of the workspace's scenarios with the actions on
// them: new, branch, rename and delete.
type scenarioList struct {
	u       *UI
	content fyne.CanvasObject
	list    *widget.List
	syncing bool // selecting from code, not the user
}

func newScenarioList(u *UI) *scenarioList {
	l := &scenarioList{u: u}
	l.list = widget.NewList(
		func() int { return len(u.sess.Infos()) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return container.New(&listItemLayout{}, name, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			s := u.sess.Infos()[i]
			box.Objects[0].(*widget.Label).SetText(s.Name)
			box.Objects[1].(*widget.Label).SetText(present.InfoLine(s.AsOfToday, s.EvalDate(), s.Measures, s.Unevidenced))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.syncing || i >= len(u.sess.Infos()) {
			return
		}
		if id := u.sess.Infos()[i].ID; id != u.sess.Current() {
			u.openScenario(id)
		}
	}
	add := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), l.newDialog)
	branch := widget.NewButtonWithIcon("Branch", theme.ContentCopyIcon(), l.branchDialog)
	rename := widget.NewButtonWithIcon("Rename", theme.DocumentCreateIcon(), l.renameDialog)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), l.deleteDialog)
	for _, b := range []*widget.Button{add, branch, rename, del} {
		b.Importance = widget.LowImportance
	}
	title := widget.NewLabelWithStyle("Scenarios", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tools := container.NewGridWithColumns(2, add, branch, rename, del)
	l.content = container.NewBorder(title, tools, nil, nil, l.list)
	return l
}

// refresh redraws the list after the scenarios changed.
func (l *scenarioList) refresh() {
	l.list.Refresh()
	l.selectID(l.u.sess.Current())
}

// selectID selects scenario id in the list without opening it again.
func (l *scenarioList) selectID(id string) {
	l.syncing = true
	defer func() { l.syncing = false }()
	for i, s := range l.u.sess.Infos() {
		if s.ID == id {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

// newDialog asks for a name and date and creates an empty scenario.
func (l *scenarioList) newDialog() {
	u := l.u
	name := kit.NewField(u.win, "e.g. US 25% on autos only")
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("give the scenario a name")
		}
		return nil
	}
	asOf := kit.NewField(u.win, "YYYY-MM-DD")
	asOf.SetText(scenarios.Today().String())
	asOf.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	desc := kit.NewMultiField(u.win, "What this scenario assumes (optional)", 3)
	today := widget.NewCheck("Follow today's date", func(on bool) {
		if on {
			asOf.Disable()
		} else {
			asOf.Enable()
		}
	})
	u.showForm(formSpec{
		title: "New scenario", confirm: "Create", what: "create the scenario",
		items: []*widget.FormItem{
			{Text: "Name", Widget: name},
			{Text: "As of", Widget: asOf, HintText: "The day the measures are evaluated on"},
			{Text: "", Widget: today},
			{Text: "Description", Widget: desc},
		},
		fields: []*kit.Field{name, asOf, desc}, focus: name,
		submit: func() error {
			d, err := present.ParseDate(asOf.Text, false)
			if err != nil {
				return err
			}
			sc := &scenarios.Scenario{Name: strings.TrimSpace(name.Text), Description: desc.Text, AsOf: d,
				AsOfToday: today.Checked, Assumptions: scenarios.DefaultAssumptions()}
			return u.createScenario(sc, "creation of “"+sc.Name+"”")
		},
	})
}

// createScenario stores sc as a new scenario (undoable) and shows it.
func (u *UI) createScenario(sc *scenarios.Scenario, label string) error {
	u.flushSave()
	id, err := u.sess.Workspace().CreateScenario(sc)
	if err != nil {
		return err
	}
	u.created(id, label)
	return nil
}

// freeName returns base, or base with a number, that no scenario uses.
func (u *UI) freeName(base string) string {
	taken := map[string]bool{}
	for _, s := range u.sess.Infos() {
		taken[strings.ToLower(s.Name)] = true
	}
	if !taken[strings.ToLower(base)] {
		return base
	}
	for i := 2; ; i++ {
		n := fmt.Sprintf("%s (%d)", base, i)
		if !taken[strings.ToLower(n)] {
			return n
		}
	}
}

// branchDialog creates a copy of the scenario shown under a new name.
func (l *scenarioList) branchDialog() {
	u := l.u
	if u.sess.Draft() == nil {
		return
	}
	u.flushSave()
	src := u.sess.Draft().Clone()
	name := kit.NewField(u.win, "")
	name.SetText(u.freeName(present.Shorten(src.Name, 150) + " (branch)"))
	u.showForm(formSpec{
		title: "Branch from “" + present.Shorten(src.Name, 40) + "”", confirm: "Create branch", what: "branch the scenario",
		items:  []*widget.FormItem{{Text: "Name", Widget: name, HintText: "A copy of the scenario with all its measures and assumptions"}},
		fields: []*kit.Field{name}, focus: name,
		submit: func() error {
			c := src.Clone()
			c.Name = strings.TrimSpace(name.Text)
			return u.createScenario(&c, "branch “"+c.Name+"”")
		},
	})
}

// renameDialog renames the scenario shown.
func (l *scenarioList) renameDialog() {
	u := l.u
	if u.sess.Draft() == nil {
		return
	}
	name := kit.NewField(u.win, "")
	name.SetText(u.sess.Draft().Name)
	u.showForm(formSpec{
		title: "Rename scenario", confirm: "Rename", what: "rename the scenario",
		items:  []*widget.FormItem{{Text: "Name", Widget: name}},
		fields: []*kit.Field{name}, focus: name,
		submit: func() error { return u.rename(name.Text) },
	})
}

// rename renames the scenario shown (undoable).
func (u *UI) rename(name string) error {
	name = strings.TrimSpace(name)
	if name == u.sess.Draft().Name {
		return nil
	}
	if err := u.edit("", "rename to “"+name+"”", func(sc *scenarios.Scenario) { sc.Name = name }); err != nil {
		return err
	}
	u.view.load()
	return nil
}

// deleteDialog asks before deleting the scenario shown.
func (l *scenarioList) deleteDialog() {
	u := l.u
	if u.sess.Draft() == nil {
		return
	}
	name := u.sess.Draft().Name
	u.confirm("Delete scenario", fmt.Sprintf("Delete “%s” and its measures? Edit ▸ Undo (Ctrl+Z) brings it back.", name), "Delete",
		func() { u.deleteScenario(u.sess.Current()) })
}

// deleteScenario deletes scenario id (undoable: it comes back at its place).
func (u *UI) deleteScenario(id string) {
	u.flushSave()
	sc, at, err := u.sess.Delete(id)
	if err == nil {
		u.reloadScenarios()
		u.openScenario(u.sess.Neighbour(at.Position))
		u.setStatus(fmt.Sprintf("Deleted “%s” (Ctrl+Z to undo)", sc.Name))
		return
	}
	u.showWriteError("delete the scenario", "It was not deleted.", id, nil, err)
}

// listItemLayout stacks a scenario's name over its details with no gap.
type listItemLayout struct{}

// Layout places the name block at the top and the details below it.
func (listItemLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	top := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, top))
	d := objs[1].MinSize().Height
	objs[1].Move(fyne.NewPos(0, top-theme.InnerPadding()))
	objs[1].Resize(fyne.NewSize(size.Width, d))
}

// MinSize is the name block over the details.
func (listItemLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-theme.InnerPadding())
}
