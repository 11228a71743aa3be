package ui

import "strings"

// prefPosition is the key of the Position view's baseline and proposal,
// + ":" + workspace path; the value is "baseline\nproposal" (scenario ids).
const prefPosition = "position.choice"

// positionChoice returns the baseline and proposal last chosen in the
// Position view of a workspace ("" where none).
func (p prefs) positionChoice(workspace string) [2]string {
	a, b, _ := strings.Cut(p.p.String(prefPosition+":"+workspace), "\n")
	return [2]string{a, b}
}

func (p prefs) setPositionChoice(workspace string, ids [2]string) {
	p.p.SetString(prefPosition+":"+workspace, ids[0]+"\n"+ids[1])
}

// rememberedChoice returns the scenario last chosen as the baseline (i = 0)
// or proposal (i = 1) in this workspace, if it still exists and is not the
// other side's choice; else "".
func (v *positionView) rememberedChoice(i int) string {
	id := v.u.prefs.positionChoice(v.u.sess.Workspace().Path())[i]
	if _, ok := v.u.sess.Info(id); !ok || id == "" || id == v.ids[1-i] {
		return ""
	}
	return id
}

// rememberChoice keeps the baseline and proposal shown for the next run.
func (v *positionView) rememberChoice() {
	if v.ids[0] != "" && v.ids[1] != "" {
		v.u.prefs.setPositionChoice(v.u.sess.Workspace().Path(), v.ids)
	}
}
