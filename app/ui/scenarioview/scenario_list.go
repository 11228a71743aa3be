package scenarioview

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
	h       *host
	content fyne.CanvasObject
	list    *widget.List
	syncing bool // selecting from code, not the user
}

func newScenarioList(h *host) *scenarioList {
	l := &scenarioList{h: h}
	l.list = widget.NewList(
		func() int { return len(h.sess.Infos()) },
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
			s := h.sess.Infos()[i]
			box.Objects[0].(*widget.Label).SetText(s.Name)
			box.Objects[1].(*widget.Label).SetText(present.InfoLine(s.AsOfToday, l.h.infoDate(s), s.Measures, s.Unevidenced))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.syncing || i >= len(h.sess.Infos()) {
			return
		}
		if id := h.sess.Infos()[i].ID; id != h.sess.Current() {
			h.openScenario(id)
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
	l.selectID(l.h.sess.Current())
}

// selectID selects scenario id in the list without opening it again.
func (l *scenarioList) selectID(id string) {
	l.syncing = true
	defer func() { l.syncing = false }()
	for i, s := range l.h.sess.Infos() {
		if s.ID == id {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

// newDialog asks for a name and date and creates an empty scenario.
func (l *scenarioList) newDialog() {
	h := l.h
	name := kit.NewField(h.win, "e.g. US 25% on autos only")
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("give the scenario a name")
		}
		return nil
	}
	asOf := kit.NewField(h.win, "YYYY-MM-DD")
	asOf.SetText(h.today().String())
	asOf.Validator = func(s string) error { _, err := present.ParseDate(s, false); return err }
	desc := kit.NewMultiField(h.win, "What this scenario assumes (optional)", 3)
	today := widget.NewCheck("Follow today's date", func(on bool) {
		if on {
			asOf.Disable()
		} else {
			asOf.Enable()
		}
	})
	h.showForm(Form{
		Title: "New scenario", Confirm: "Create", What: "create the scenario",
		Items: []*widget.FormItem{
			{Text: "Name", Widget: name},
			{Text: "As of", Widget: asOf, HintText: "The day the measures are evaluated on"},
			{Text: "", Widget: today},
			{Text: "Description", Widget: desc},
		},
		Fields: []*kit.Field{name, asOf, desc}, Focus: name,
		Submit: func() error {
			d, err := present.ParseDate(asOf.Text, false)
			if err != nil {
				return err
			}
			sc := &scenarios.Scenario{Name: strings.TrimSpace(name.Text), Description: desc.Text, AsOf: d,
				AsOfToday: today.Checked, Assumptions: scenarios.DefaultAssumptions()}
			return h.createScenario(sc, "creation of “"+sc.Name+"”")
		},
	})
}

// createScenario stores sc as a new scenario (undoable) and shows it.
func (h *host) createScenario(sc *scenarios.Scenario, label string) error {
	h.flushSave()
	id, err := h.sess.Workspace().CreateScenario(sc)
	if err != nil {
		return err
	}
	h.created(id, label)
	return nil
}

// freeName returns base, or base with a number, that no scenario uses.
func (h *host) freeName(base string) string {
	taken := map[string]bool{}
	for _, s := range h.sess.Infos() {
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
	h := l.h
	if h.sess.Draft() == nil {
		return
	}
	h.flushSave()
	src := h.sess.Draft().Clone()
	name := kit.NewField(h.win, "")
	name.SetText(h.freeName(present.Shorten(src.Name, 150) + " (branch)"))
	h.showForm(Form{
		Title: "Branch from “" + present.Shorten(src.Name, 40) + "”", Confirm: "Create branch", What: "branch the scenario",
		Items:  []*widget.FormItem{{Text: "Name", Widget: name, HintText: "A copy of the scenario with all its measures and assumptions"}},
		Fields: []*kit.Field{name}, Focus: name,
		Submit: func() error {
			c := src.Clone()
			c.Name = strings.TrimSpace(name.Text)
			return h.createScenario(&c, "branch “"+c.Name+"”")
		},
	})
}

// renameDialog renames the scenario shown.
func (l *scenarioList) renameDialog() {
	h := l.h
	if h.sess.Draft() == nil {
		return
	}
	name := kit.NewField(h.win, "")
	name.SetText(h.sess.Draft().Name)
	h.showForm(Form{
		Title: "Rename scenario", Confirm: "Rename", What: "rename the scenario",
		Items:  []*widget.FormItem{{Text: "Name", Widget: name}},
		Fields: []*kit.Field{name}, Focus: name,
		Submit: func() error { return h.rename(name.Text) },
	})
}

// rename renames the scenario shown (undoable).
func (h *host) rename(name string) error {
	name = strings.TrimSpace(name)
	if name == h.sess.Draft().Name {
		return nil
	}
	if err := h.edit("", "rename to “"+name+"”", func(sc *scenarios.Scenario) { sc.Name = name }); err != nil {
		return err
	}
	h.view.load()
	return nil
}

// deleteDialog asks before deleting the scenario shown.
func (l *scenarioList) deleteDialog() {
	h := l.h
	if h.sess.Draft() == nil {
		return
	}
	name := h.sess.Draft().Name
	h.confirm("Delete scenario", fmt.Sprintf("Delete “%s” and its measures? Edit ▸ Undo (Ctrl+Z) brings it back.", name), "Delete",
		func() { h.deleteScenario(h.sess.Current()) })
}

// deleteScenario deletes scenario id (undoable: it comes back at its place).
func (h *host) deleteScenario(id string) {
	h.flushSave()
	sc, at, err := h.sess.Delete(id)
	if err == nil {
		h.reloadScenarios()
		h.openScenario(h.sess.Neighbour(at.Position))
		h.setStatus(fmt.Sprintf("Deleted “%s” (Ctrl+Z to undo)", sc.Name))
		return
	}
	h.showWriteError("delete the scenario", "It was not deleted.", id, nil, err)
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
