package ui

import (
	"fmt"

	"parley/app/ui/session"
)

// externalChange reads again what the window shows after the workspace
// changed elsewhere, or by this window's own saves (which change nothing
// shown): the scenario list, the scenario shown (unless it has an edit not
// saved yet, which is kept: saving it then reports the conflict), the
// evidence library and the comparison. The scenario, the measure and the
// document selected stay selected. The session's watcher calls it.
func (u *UI) externalChange() {
	if u.closed || u.sess.Workspace() == nil {
		return
	}
	u.reloadScenarios()
	if u.sess.DropModelIfListsChanged() && !u.sess.Dirty() && u.sess.Draft() != nil {
		u.recompute(u.sess.Time())
	}
	what, name, err := u.sess.CheckShown()
	switch {
	case err != nil:
		u.log.Warn("check the scenario shown", "err", err)
	case what == session.ShownDeleted:
		u.openScenario(u.sess.Neighbour(0))
		u.setStatus(fmt.Sprintf("“%s” was deleted elsewhere (another window or the command line)", name))
	case what == session.ShownChanged:
		u.reloadShown()
		u.setStatus("Updated: this scenario was changed elsewhere (another window or the command line)")
	case what == session.ShownChangedUnsaved:
		u.setStatus("This scenario was changed elsewhere; your edit is not saved yet: saving it will ask what to keep")
	}
	if u.evidence != nil {
		u.evidence.Reload()
	}
	if u.compare != nil && u.tabShown(tabCompare) {
		u.compare.Refresh()
	}
}

// reloadShown reads the scenario shown again and shows it, keeping the
// measure selected.
func (u *UI) reloadShown() {
	if err := u.sess.ReloadShown(); err != nil {
		u.showError("read the scenario", err)
		return
	}
	u.scen.Load()
	u.data.Load()
	u.recompute(u.sess.Time())
	u.refreshMenu()
}
