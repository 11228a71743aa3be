package scenarioview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// deriveOffer says what lifting programmes of base lifts and which of
// Canada's measures answer it: the text under the dialog's choices.
func deriveOffer(base *scenarios.Scenario, programs []string) string {
	if len(programs) == 0 {
		return "Tick the programmes the proposal lifts."
	}
	d, err := scenarios.Derive(base, scenarios.Lift{Name: "x", Programs: programs})
	if err != nil {
		return present.Capitalize(err.Error()) + "."
	}
	s := fmt.Sprintf("Lifts %d measure(s): %s.", len(d.Lifted), measureIDList(d.Lifted))
	if len(d.Answers) == 0 {
		return s + " No measure of Canada answers them."
	}
	return s + " Canada's measures that answer them: " + measureIDList(d.Answers) + "."
}

func measureIDList(ms []scenarios.Measure) string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return strings.Join(ids, ", ")
}

// deriveDialog asks which programmes of scenario baseID a proposal lifts
// (and whether Canada lifts its measures that answer them) and stores the
// proposal, on the base's date or following today as the base does, in
// one step that Undo takes back. done, if not nil, receives the new id.
func (h *host) deriveDialog(baseID string, done func(id string)) {
	if baseID == "" {
		return
	}
	h.flushSave()
	base, err := h.sess.Workspace().Scenario(baseID)
	if err != nil {
		h.showError("open the scenario", err)
		return
	}
	offer := widget.NewLabel("")
	offer.Wrapping = fyne.TextWrapWord
	progs := widget.NewCheckGroup(scenarios.Programs(base), func(p []string) { offer.SetText(deriveOffer(base, p)) })
	offer.SetText(deriveOffer(base, nil))
	canada := widget.NewCheck("Canada lifts its measures that answer them", nil)
	name := kit.NewField(h.win, "")
	name.SetText(h.freeName("Proposal from " + present.Shorten(base.Name, 120)))
	h.showForm(Form{
		Title: "Derive a proposal from “" + present.Shorten(base.Name, 40) + "”", Confirm: "Create proposal", What: "derive the proposal",
		Items: []*widget.FormItem{
			{Text: "Lift", Widget: container.NewVScroll(progs), HintText: "The programmes whose measures the proposal leaves out"},
			{Text: "", Widget: offer},
			{Text: "Canada", Widget: canada},
			{Text: "Name", Widget: name, HintText: "The proposal keeps the base's date, assumptions and evidence"},
		},
		Fields: []*kit.Field{name}, Focus: name, Size: fyne.NewSize(560, 520),
		Submit: func() error {
			d, err := scenarios.Derive(base, scenarios.Lift{Name: name.Text, Programs: progs.Selected, WithCanada: canada.Checked})
			if err != nil {
				return err
			}
			id, err := h.sess.Workspace().CreateScenario(d.Scenario)
			if err != nil {
				return err
			}
			h.created(id, "derive “"+d.Scenario.Name+"”")
			if done != nil {
				done(id)
			}
			return nil
		},
	})
}
