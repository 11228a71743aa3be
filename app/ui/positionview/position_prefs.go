package positionview

import (
	"strings"

	"fyne.io/fyne/v2"
)

// prefPosition is the key of the Position view's baseline and proposal,
// + ":" + workspace path; the value is "baseline\nproposal" (scenario ids).
const prefPosition = "position.choice"

// positionChoice returns the baseline and proposal last chosen in the
// Position view of a workspace ("" where none).
func positionChoice(p fyne.Preferences, workspace string) [2]string {
	if p == nil {
		return [2]string{}
	}
	a, b, _ := strings.Cut(p.String(prefPosition+":"+workspace), "\n")
	return [2]string{a, b}
}

// setPositionChoice keeps the baseline and proposal chosen in the
// Position view of a workspace.
func setPositionChoice(p fyne.Preferences, workspace string, ids [2]string) {
	if p != nil {
		p.SetString(prefPosition+":"+workspace, ids[0]+"\n"+ids[1])
	}
}

// rememberedChoice returns the scenario last chosen as the baseline (i = 0)
// or proposal (i = 1) in this workspace, if it still exists and is not the
// other side's choice; else "".
func (v *View) rememberedChoice(i int) string {
	id := positionChoice(v.prefs, v.sess.Workspace().Path())[i]
	if _, ok := v.sess.Info(id); !ok || id == "" || id == v.ids[1-i] {
		return ""
	}
	return id
}

// rememberChoice keeps the baseline and proposal shown for the next run.
func (v *View) rememberChoice() {
	if v.ids[0] != "" && v.ids[1] != "" {
		setPositionChoice(v.prefs, v.sess.Workspace().Path(), v.ids)
	}
}
